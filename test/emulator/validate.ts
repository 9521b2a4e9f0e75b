// Field validation shared by the import resources: ISO 4217 currencies, ISO 3166-1 alpha-2 countries, dates
// (valid, in the past where the API forbids future dates), and small type guards. Messages follow the API's wording.

import { parseApiDate } from './dates';

const CURRENCIES = new Set<string>(
  (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('currency'),
);
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes ICU knows that are not ISO 3166-1 alpha-2 country codes. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);

export function isCurrency(v: unknown): boolean {
  return typeof v === 'string' && /^[A-Z]{3}$/.test(v) && CURRENCIES.has(v);
}

export function isCountry(v: unknown): boolean {
  return typeof v === 'string' && /^[A-Z]{2}$/.test(v) && !NOT_COUNTRIES.has(v) && REGION_NAMES.of(v) !== undefined;
}

/** English country name for `address.country` ("US" → "United States"). */
export function countryName(code: string | null): string | null {
  if (!code || !isCountry(code)) return null;
  return REGION_NAMES.of(code) ?? null;
}

export function currencySign(code: string): string {
  try {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** A date that must parse; returns an error message or null. */
export function dateProblem(v: unknown, label: string, now: Date, mustBePast: boolean): string | null {
  const d = parseApiDate(v);
  if (!d) return `${label} is invalid`;
  if (mustBePast && d.getTime() > now.getTime()) return `${label} is in the future`;
  return null;
}

export function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : String(v);
}
