// Shapes the Settings functions take and return; all plain JSON (google.script.run refuses Dates and classes).
// The API keys themselves never appear in any of them: only masked hints like "••••abcd".

/** Account details cached in user properties when a key is saved or tested (so getSettings needs no API call). */
export interface AccountSummary {
  name: string;
  currency: string;
  timeZone: string;
}

export interface DataSourceChoice {
  uuid: string;
  name: string;
}

/** What getSettings returns (and saveSettings, disconnect). */
export interface SettingsView {
  connected: boolean;
  account: AccountSummary | null;
  apiKeyHint: string | null;
  dataSource: DataSourceChoice | null;
  formulaApiKeyHint: string | null;
  spreadsheetTimeZone: string;
  timeZoneMismatch: boolean;
}

/**
 * saveSettings input: only the fields present change. `apiKey: ''` disconnects, `formulaApiKey: ''` removes the
 * formula key, `dataSourceUuid: ''` clears this spreadsheet's data source choice (null works like '').
 */
export interface SettingsInput {
  apiKey?: string | null;
  dataSourceUuid?: string | null;
  formulaApiKey?: string | null;
}

/** What testConnection returns: never throws for an API problem, says it in `message`. */
export interface ConnectionResult {
  ok: boolean;
  account: AccountSummary | null;
  message: string;
}

/** One entry of listDataSources; `custom` = a source the add-on can import into (created through the API). */
export interface DataSourceOption {
  uuid: string;
  name: string;
  system: string;
  status: string;
  custom: boolean;
}

/** Whether a key may write: decided by a probe write that always fails validation (see keyCheck.ts). */
export type KeyAccess = 'read_write' | 'read_only';
