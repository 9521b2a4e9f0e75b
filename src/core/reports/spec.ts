// Checks a report spec from the sidebar or a script and fills its defaults (range, interval, schedule, chart, name).
// Reuses the formula core's parsers for metrics, interval, plans and countries; filters get the CFL syntax check.

import { parseGeo, parseInterval, parsePlans } from '../export/args';
import { ArgumentError } from '../export/errors';
import { findMetrics } from '../export/metricCatalog';
import type { Arg } from '../export/types';
import { checkFilter } from './cfl';
import { parseRange } from './range';
import { parseSchedule } from './schedule';
import type { ReportKind, ReportSpec } from './types';

export const REPORT_KINDS: readonly ReportKind[] = ['metrics', 'mrr-movements', 'customers', 'subscriptions', 'activities'];
export const MAX_TAB_NAME = 100;

export const METRIC_LABELS: Record<string, string> = {
  mrr: 'MRR', arr: 'ARR', arpa: 'ARPA', asp: 'ASP', customers: 'Customers',
  'customer-churn-rate': 'Customer churn rate', 'mrr-churn-rate': 'Net MRR churn rate', ltv: 'LTV',
};

const KIND_NAMES: Record<ReportKind, string> = {
  metrics: 'Metrics report',
  'mrr-movements': 'MRR movements report',
  customers: 'Customers report',
  subscriptions: 'Subscriptions report',
  activities: 'Activities report',
};

/** Kinds that query the metrics API (and accept plans, geo and filters). */
export function isMetricKind(kind: ReportKind): boolean {
  return kind === 'metrics' || kind === 'mrr-movements';
}

export function defaultName(kind: ReportKind, metrics: string[]): string {
  if (kind === 'metrics' && metrics.length === 1) return METRIC_LABELS[metrics[0]] + ' report';
  return KIND_NAMES[kind];
}

function list(name: string, v: unknown): Arg {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) throw new ArgumentError(name, 'must be a list');
  return v.map((x) => [x === undefined ? null : (x as string)]);
}

export function normaliseSpec(input: unknown): ReportSpec {
  if (!input || typeof input !== 'object') throw new ArgumentError('spec', 'missing');
  const s = input as Record<string, unknown>;
  const kind = s.kind as ReportKind;
  if (REPORT_KINDS.indexOf(kind) < 0) throw new ArgumentError('kind', `"${String(s.kind)}" is not one of ${REPORT_KINDS.join(', ')}`);
  const metricKind = isMetricKind(kind);
  const metrics = kind === 'metrics' ? findMetrics('metrics', Array.isArray(s.metrics) ? s.metrics.map(String) : []).map((m) => m.name) : [];
  const range = kind === 'customers' || kind === 'subscriptions' ? { type: 'rolling' as const, months: 12 } : parseRange(s.range);
  const filterText = typeof s.filters === 'string' ? s.filters.trim() : '';
  if (metricKind && filterText) {
    const check = checkFilter(filterText);
    if (!check.ok) throw new Error(check.message);
  }
  let name = typeof s.name === 'string' ? s.name.trim() : '';
  if (name.length > MAX_TAB_NAME) throw new ArgumentError('name', `at most ${MAX_TAB_NAME} characters`);
  if (!name) name = defaultName(kind, metrics);
  return {
    kind,
    name,
    metrics,
    range,
    interval: metricKind ? parseInterval('interval', (s.interval as string) ?? null) : 'month',
    plans: metricKind ? parsePlans('plans', list('plans', s.plans)) : [],
    geo: metricKind ? parseGeo('geo', list('geo', s.geo)) : [],
    filters: metricKind ? filterText : '',
    schedule: parseSchedule(s.schedule),
    chart: metricKind ? s.chart !== false : false,
  };
}

/** `base`, or `base (2)`, `base (3)`, … — the first name not in `taken` (compared case-insensitively, as Sheets does). */
export function freeTabName(base: string, taken: string[]): string {
  const lower = taken.map((t) => t.toLowerCase());
  if (lower.indexOf(base.toLowerCase()) < 0) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_TAB_NAME - 6)} (${n})`;
    if (lower.indexOf(candidate.toLowerCase()) < 0) return candidate;
  }
}
