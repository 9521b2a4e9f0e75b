// Sidebar handlers for the Settings panel; they return plain JSON (no Dates) as google.script.run requires.
// The API key itself never leaves the server: only a masked hint does.

export interface SettingsView {
  connected: boolean;
  account: { name: string; currency: string; timeZone: string } | null;
  apiKeyHint: string | null;
  dataSource: { uuid: string; name: string } | null;
  formulaApiKeyHint: string | null;
  spreadsheetTimeZone: string;
  timeZoneMismatch: boolean;
}

const API_KEY = 'CHARTMOGUL_API_KEY';

export function maskKey(key: string | null): string | null {
  if (!key) return null;
  return '••••' + key.slice(-4);
}

export function getSettings(): SettingsView {
  const key = PropertiesService.getUserProperties().getProperty(API_KEY);
  return {
    connected: false,
    account: null,
    apiKeyHint: maskKey(key),
    dataSource: null,
    formulaApiKeyHint: null,
    spreadsheetTimeZone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    timeZoneMismatch: false,
  };
}
