// Sidebar handlers for the Settings panel; they return plain JSON (no Dates) as google.script.run requires.
// Thin: Apps Script services in, src/core/settings does the work; the API key itself never leaves the server.

import * as core from '../core/settings';
import type { ConnectionResult, DataSourceChoice, DataSourceOption, SettingsInput, SettingsView } from '../core/settings';
import { gasServices } from './services';

export type { ConnectionResult, DataSourceChoice, DataSourceOption, SettingsInput, SettingsView } from '../core/settings';
export { maskKey } from '../core/settings';

function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
}

/** Errors leave as plain Errors (what google.script.run's failure handler shows), message only. */
function plain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}

export function getSettings(): SettingsView {
  return core.getSettings(gasServices(), spreadsheetTimeZone());
}

export function saveSettings(settings: SettingsInput): SettingsView {
  return plain(() => core.saveSettings(gasServices(), settings, spreadsheetTimeZone()));
}

export function testConnection(): ConnectionResult {
  return plain(() => core.testConnection(gasServices()));
}

export function listDataSources(): DataSourceOption[] {
  return plain(() => core.listDataSources(gasServices()));
}

export function createDataSource(name: string): DataSourceChoice {
  return plain(() => core.createDataSource(gasServices(), name));
}

export function disconnect(): SettingsView {
  return plain(() => core.disconnect(gasServices(), spreadsheetTimeZone()));
}
