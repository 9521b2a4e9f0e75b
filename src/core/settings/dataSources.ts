// Data source side of Settings: list the account's sources, check a chosen uuid exists, create one by name.
// Only custom sources (created through the API: system "Custom", or "Import API" before 2023) can receive imports.

import { ChartMogulError, DataSource } from '../chartmogul';
import type { Services } from '../config';
import { interactiveClient } from './keyCheck';
import { SettingsError } from './messages';
import type { DataSourceChoice, DataSourceOption } from './types';

const MAX_NAME_LENGTH = 255;

export function isCustomSystem(system: string | undefined | null): boolean {
  if (!system) return true;
  return /^(custom|import api)$/i.test(system.trim());
}

export function toOption(ds: DataSource): DataSourceOption {
  const system = String(ds.system ?? '');
  return { uuid: String(ds.uuid), name: String(ds.name ?? ''), system, status: String(ds.status ?? ''), custom: isCustomSystem(system) };
}

export function fetchDataSources(services: Services, apiKey: string): DataSourceOption[] {
  return interactiveClient(services, apiKey).dataSources.list().map(toOption);
}

/** The source with this uuid, as stored for the spreadsheet; a clear error if it is missing or not custom. */
export function findDataSource(services: Services, apiKey: string, uuid: string): DataSourceChoice {
  let ds: DataSource;
  try {
    ds = interactiveClient(services, apiKey).dataSources.retrieve(uuid);
  } catch (e) {
    if (e instanceof ChartMogulError && (e.kind === 'not_found' || e.kind === 'invalid_request')) {
      throw new SettingsError('That data source does not exist in this ChartMogul account. Choose one from the list.');
    }
    throw e;
  }
  const option = toOption(ds);
  if (!option.custom) {
    throw new SettingsError(
      `"${option.name}" is a ${option.system} data source: the add-on can only import into a custom data source. ` +
        'Choose another one or create one.',
    );
  }
  return { uuid: option.uuid, name: option.name };
}

export function checkDataSourceName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw new SettingsError('Give the new data source a name.');
  const trimmed = name.trim();
  if (trimmed.length > MAX_NAME_LENGTH) throw new SettingsError(`Data source names can have at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

export function createCustomDataSource(services: Services, apiKey: string, name: string): DataSourceChoice {
  try {
    const ds = interactiveClient(services, apiKey).dataSources.create({ name });
    return { uuid: String(ds.uuid), name: String(ds.name ?? name) };
  } catch (e) {
    if (e instanceof ChartMogulError && e.kind === 'validation') {
      if (e.alreadyExists) {
        throw new SettingsError(`A data source named "${name}" already exists in ChartMogul: choose it from the list instead.`);
      }
      throw new SettingsError(`ChartMogul refused the data source name: ${e.message}`);
    }
    throw e;
  }
}
