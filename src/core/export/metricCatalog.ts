// The eight metrics a formula can ask for: the name users type, the API endpoint and response key, and the unit
// (money in cents → currency units, rates in percent → fractions, counts as they are).

import type { MetricName } from '../chartmogul';
import { currencyExponent } from '../iso/currencies';
import { ArgumentError, quote } from './errors';

export type MetricUnit = 'money' | 'rate' | 'count';

export interface MetricInfo {
  name: string; // as shown in headers and accepted in `metrics`
  endpoint: MetricName;
  key: string; // key in the API entries
  unit: MetricUnit;
}

export const METRIC_CATALOG: readonly MetricInfo[] = [
  { name: 'mrr', endpoint: 'mrr', key: 'mrr', unit: 'money' },
  { name: 'arr', endpoint: 'arr', key: 'arr', unit: 'money' },
  { name: 'arpa', endpoint: 'arpa', key: 'arpa', unit: 'money' },
  { name: 'asp', endpoint: 'asp', key: 'asp', unit: 'money' },
  { name: 'customers', endpoint: 'customer-count', key: 'customers', unit: 'count' },
  { name: 'customer-churn-rate', endpoint: 'customer-churn-rate', key: 'customer-churn-rate', unit: 'rate' },
  { name: 'mrr-churn-rate', endpoint: 'mrr-churn-rate', key: 'mrr-churn-rate', unit: 'rate' },
  { name: 'ltv', endpoint: 'ltv', key: 'ltv', unit: 'money' },
];

const ALIASES: Record<string, string> = { 'customer-count': 'customers', 'customer-churn': 'customer-churn-rate', 'mrr-churn': 'mrr-churn-rate' };
const NAMES = METRIC_CATALOG.map((m) => m.name).join(', ');

export function findMetric(argument: string, text: string): MetricInfo {
  const norm = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const name = ALIASES[norm] || norm;
  for (const m of METRIC_CATALOG) if (m.name === name) return m;
  throw new ArgumentError(argument, `unknown metric ${quote(text.trim())} (use all, ${NAMES})`);
}

/** `all` (alone) means every metric in catalogue order. */
export function findMetrics(argument: string, names: string[]): MetricInfo[] {
  if (names.length === 0) throw new ArgumentError(argument, `required (all, ${NAMES})`);
  if (names.some((n) => n.trim().toLowerCase() === 'all')) {
    if (names.length > 1) throw new ArgumentError(argument, '"all" cannot be combined with other metrics');
    return METRIC_CATALOG.slice();
  }
  const out: MetricInfo[] = [];
  for (const n of names) {
    const m = findMetric(argument, n);
    if (out.indexOf(m) < 0) out.push(m);
  }
  return out;
}

/**
 * Minor units ("cents") → currency units by the currency's ISO exponent (JPY/KRW 0: whole yen/won already, KWD 3);
 * 2 when the currency is unknown or not given.
 */
export function moneyUnits(minor: number, currency?: string | null): number {
  const digits = currency ? currencyExponent(currency.trim().toUpperCase()) : undefined;
  if (digits === undefined || digits === 2) return minor / 100;
  return digits === 0 ? minor : minor / Math.pow(10, digits);
}

/** Cents → currency units; percent → fraction (33.33 → 0.3333, exact to 6 decimals of the percent). */
export function toUnit(unit: MetricUnit, value: number, currency?: string | null): number {
  if (typeof value !== 'number' || !isFinite(value)) return 0;
  if (unit === 'money') return moneyUnits(value, currency);
  if (unit === 'rate') return Math.round(value * 1e6) / 1e8;
  return value;
}
