// Checks what saveSettings was given: an object with only apiKey, dataSourceUuid and formulaApiKey, each text.
// Values are trimmed; null counts as '' (remove); absent or undefined fields mean "leave unchanged".

import { SettingsError } from './messages';

export type SettingsField = 'apiKey' | 'dataSourceUuid' | 'formulaApiKey';
export type SettingsChanges = Partial<Record<SettingsField, string>>;

const FIELDS: SettingsField[] = ['apiKey', 'dataSourceUuid', 'formulaApiKey'];
const USAGE = 'saveSettings expects an object like {apiKey, dataSourceUuid, formulaApiKey}.';

export function parseSettingsInput(input: unknown): SettingsChanges {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new SettingsError(USAGE);
  const record = input as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !(FIELDS as string[]).includes(k));
  if (unknown.length) throw new SettingsError(`Unknown setting ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}. ${USAGE}`);
  const out: SettingsChanges = {};
  for (const field of FIELDS) {
    const v = record[field];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string') throw new SettingsError(`${field} must be text. ${USAGE}`);
    out[field] = v === null ? '' : v.trim();
  }
  return out;
}
