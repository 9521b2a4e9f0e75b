// Reads and writes the stored settings: the user's key and cached account (user properties), the data source
// choice and formula key (document properties). Only this file knows the property names' value formats.

import { PROP_API_KEY, PROP_DATA_SOURCE, PROP_FORMULA_API_KEY, PROP_FORMULA_CURRENCY, Services } from '../config';
import type { AccountSummary, DataSourceChoice } from './types';

/** User properties: JSON {name, currency, timeZone} of the account the user's key belongs to. */
export const PROP_ACCOUNT = 'CHARTMOGUL_ACCOUNT';

type Stores = Pick<Services, 'userProps' | 'documentProps'>;

/** `••••` + the last 4 characters, or null when there is no key. */
export function maskKey(key: string | null | undefined): string | null {
  if (!key) return null;
  return '••••' + key.slice(-4);
}

function parseJson<T>(text: string | null, valid: (v: Record<string, unknown>) => boolean): T | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && valid(v as Record<string, unknown>) ? (v as T) : null;
  } catch (_e) {
    return null;
  }
}

const isText = (v: unknown): boolean => typeof v === 'string';

export function readApiKey(s: Stores): string | null {
  return s.userProps.get(PROP_API_KEY) || null;
}

export function readAccount(s: Stores): AccountSummary | null {
  return parseJson<AccountSummary>(s.userProps.get(PROP_ACCOUNT), (v) => isText(v.name) && isText(v.currency) && isText(v.timeZone));
}

export function readDataSource(s: Stores): DataSourceChoice | null {
  return parseJson<DataSourceChoice>(s.documentProps.get(PROP_DATA_SOURCE), (v) => isText(v.uuid) && v.uuid !== '' && isText(v.name));
}

export function readFormulaKey(s: Stores): string | null {
  return s.documentProps.get(PROP_FORMULA_API_KEY) || null;
}

export function writeConnection(s: Stores, apiKey: string, account: AccountSummary): void {
  s.userProps.set(PROP_API_KEY, apiKey);
  writeAccount(s, account);
}

export function writeAccount(s: Stores, account: AccountSummary): void {
  s.userProps.set(PROP_ACCOUNT, JSON.stringify({ name: account.name, currency: account.currency, timeZone: account.timeZone }));
}

export function removeConnection(s: Stores): void {
  s.userProps.remove(PROP_API_KEY);
  s.userProps.remove(PROP_ACCOUNT);
}

export function writeDataSource(s: Stores, choice: DataSourceChoice | null): void {
  if (choice) s.documentProps.set(PROP_DATA_SOURCE, JSON.stringify({ uuid: choice.uuid, name: choice.name }));
  else s.documentProps.remove(PROP_DATA_SOURCE);
}

/** The formula key and its account's currency (formulas convert money with its ISO 4217 decimals, no extra request). */
export function writeFormulaKey(s: Stores, key: string | null, currency?: string): void {
  if (key) s.documentProps.set(PROP_FORMULA_API_KEY, key);
  else s.documentProps.remove(PROP_FORMULA_API_KEY);
  if (key && currency) s.documentProps.set(PROP_FORMULA_CURRENCY, currency);
  else s.documentProps.remove(PROP_FORMULA_CURRENCY);
}
