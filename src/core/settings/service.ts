// The Settings operations behind the sidebar: getSettings, saveSettings, testConnection, listDataSources,
// createDataSource, disconnect. Pure: everything goes through Services; errors are SettingsErrors without keys.

import { redact } from '../chartmogul';
import type { Services } from '../config';
import { checkDataSourceName, createCustomDataSource, fetchDataSources, findDataSource } from './dataSources';
import { parseSettingsInput } from './input';
import { checkKey } from './keyCheck';
import { apiProblem, guarded, NOT_CONNECTED, readOnlyRefused, SettingsError } from './messages';
import {
  maskKey, readAccount, readApiKey, readDataSource, readFormulaKey, removeConnection, writeAccount, writeConnection,
  writeDataSource, writeFormulaKey,
} from './store';
import { timeZonesDiffer } from './timeZones';
import type { AccountSummary, ConnectionResult, DataSourceChoice, DataSourceOption, SettingsView } from './types';

/** Every key this execution may know about, for redaction. */
function knownKeys(services: Services, ...more: Array<string | undefined>): Array<string | null | undefined> {
  return [readApiKey(services), readFormulaKey(services), ...more];
}

/** No API call: reads properties only (the account comes from the cache written when the key was checked). */
export function getSettings(services: Services, spreadsheetTimeZone: string): SettingsView {
  const apiKey = readApiKey(services);
  const account = apiKey ? readAccount(services) : null;
  return {
    connected: !!apiKey,
    account,
    apiKeyHint: maskKey(apiKey),
    dataSource: readDataSource(services),
    formulaApiKeyHint: maskKey(readFormulaKey(services)),
    spreadsheetTimeZone,
    timeZoneMismatch: account ? timeZonesDiffer(spreadsheetTimeZone, account.timeZone) : false,
  };
}

/**
 * Checks every given field first (keys against the API, the data source in the account) and only then stores
 * them, so a failure stores nothing. A read-only `apiKey` is refused; `formulaApiKey` only has to be valid.
 */
export function saveSettings(services: Services, input: unknown, spreadsheetTimeZone: string): SettingsView {
  const changes = parseSettingsInput(input);
  return guarded(knownKeys(services, changes.apiKey, changes.formulaApiKey), 'saving the settings', () => {
    let connection: { apiKey: string; account: AccountSummary } | null | undefined;
    if (changes.apiKey !== undefined) {
      if (changes.apiKey === '') connection = null;
      else {
        const check = checkKey(services, changes.apiKey, 'API key', true);
        if (check.access === 'read_only') throw readOnlyRefused();
        connection = { apiKey: changes.apiKey, account: check.account };
      }
    }
    let dataSource: DataSourceChoice | null | undefined;
    if (changes.dataSourceUuid !== undefined) {
      if (changes.dataSourceUuid === '') dataSource = null;
      else {
        const apiKey = connection !== undefined ? connection && connection.apiKey : readApiKey(services);
        if (!apiKey) throw new SettingsError(NOT_CONNECTED);
        dataSource = findDataSource(services, apiKey, changes.dataSourceUuid);
      }
    }
    const formulaCheck = changes.formulaApiKey ? checkKey(services, changes.formulaApiKey, 'formula API key', false) : null;

    if (connection === null) removeConnection(services);
    else if (connection) writeConnection(services, connection.apiKey, connection.account);
    if (dataSource !== undefined) writeDataSource(services, dataSource);
    if (changes.formulaApiKey !== undefined) {
      writeFormulaKey(services, changes.formulaApiKey || null, formulaCheck ? formulaCheck.account.currency : undefined);
    }
    return getSettings(services, spreadsheetTimeZone);
  });
}

/** Pings with the stored key and refreshes the cached account; reports problems in `message`, never throws them. */
export function testConnection(services: Services): ConnectionResult {
  const apiKey = readApiKey(services);
  if (!apiKey) return { ok: false, account: null, message: NOT_CONNECTED };
  try {
    const { account } = checkKey(services, apiKey, 'API key', false);
    writeAccount(services, account);
    return { ok: true, account, message: `Connected to ${account.name} (${account.currency}, ${account.timeZone}).` };
  } catch (e) {
    const message = redact(apiProblem(e, 'testing the connection').message, [apiKey]);
    return { ok: false, account: readAccount(services), message };
  }
}

function requireKey(services: Services): string {
  const apiKey = readApiKey(services);
  if (!apiKey) throw new SettingsError(NOT_CONNECTED);
  return apiKey;
}

/** Every data source of the account; `custom` marks the ones the add-on can import into. */
export function listDataSources(services: Services): DataSourceOption[] {
  return guarded(knownKeys(services), 'listing the data sources', () => fetchDataSources(services, requireKey(services)));
}

/** Creates a custom data source and selects it for this spreadsheet. */
export function createDataSource(services: Services, name: unknown): DataSourceChoice {
  return guarded(knownKeys(services), 'creating the data source', () => {
    const checked = checkDataSourceName(name);
    const created = createCustomDataSource(services, requireKey(services), checked);
    writeDataSource(services, created);
    return created;
  });
}

/** Forgets the user's key and cached account; this spreadsheet's data source and formula key stay. */
export function disconnect(services: Services, spreadsheetTimeZone: string): SettingsView {
  removeConnection(services);
  return getSettings(services, spreadsheetTimeZone);
}
