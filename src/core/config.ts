// Where the add-on keeps its settings (property names) and how it builds a ChartMogul client from them.
// User properties hold the user's key; document properties the data source and the formula key; script the base URL.

import { ChartMogulClient, DEFAULT_BASE_URL } from './chartmogul';
import type { Clock, HttpTransport, KeyValueStore, Logger } from './ports';

export const PROP_API_KEY = 'CHARTMOGUL_API_KEY'; // user properties
export const PROP_DATA_SOURCE = 'CHARTMOGUL_DATA_SOURCE'; // document properties: JSON {uuid, name}
export const PROP_FORMULA_API_KEY = 'CHARTMOGUL_FORMULA_API_KEY'; // document properties
export const PROP_FORMULA_CURRENCY = 'CHARTMOGUL_FORMULA_CURRENCY'; // document properties: the formula key's account currency
export const PROP_API_BASE = 'CHARTMOGUL_API_BASE'; // script properties (tests, local emulator)

/** Everything the core needs from the platform, built once per execution by src/gas/services.ts. */
export interface Services {
  transport: HttpTransport;
  clock: Clock;
  userProps: KeyValueStore;
  documentProps: KeyValueStore;
  scriptProps: KeyValueStore;
  logger?: Logger;
}

export function apiBaseUrl(services: Pick<Services, 'scriptProps'>): string {
  const configured = services.scriptProps.get(PROP_API_BASE);
  return configured && configured.trim() ? configured.trim().replace(/\/+$/, '') : DEFAULT_BASE_URL;
}

export function makeClient(services: Services, apiKey: string, deadline?: number): ChartMogulClient {
  return new ChartMogulClient({
    apiKey,
    baseUrl: apiBaseUrl(services),
    transport: services.transport,
    clock: services.clock,
    logger: services.logger,
    defaultDeadline: deadline,
  });
}
