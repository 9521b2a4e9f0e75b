// Public entry of the pure Settings core: the six operations the sidebar calls, their types and the stored formats.
// Import from here (`core/settings`); src/gas/settingsApi.ts wraps these with Apps Script's services.

export { getSettings, saveSettings, testConnection, listDataSources, createDataSource, disconnect } from './service';
export type { AccountSummary, ConnectionResult, DataSourceChoice, DataSourceOption, KeyAccess, SettingsInput, SettingsView } from './types';
export { PROP_ACCOUNT, maskKey, readAccount, readApiKey, readDataSource, readFormulaKey } from './store';
export { SettingsError } from './messages';
export { probeAccess, INTERACTIVE_BUDGET_MS } from './keyCheck';
export { isCustomSystem } from './dataSources';
export { timeZonesDiffer } from './timeZones';
