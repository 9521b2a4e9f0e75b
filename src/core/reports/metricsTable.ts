// Fetches and shapes the metrics reports: one column per chosen metric (one /all request for several, the metric's
// own endpoint for one) and the MRR movements table from /mrr. Money in currency units, rates as fractions.

import type { ChartMogulClient, MetricsQuery } from '../chartmogul';
import { METRIC_CATALOG, MetricInfo, toUnit } from '../export/metricCatalog';
import type { OutCell } from '../export/types';
import type { DayRange } from './range';
import { METRIC_LABELS } from './spec';
import type { Column, ReportSpec, ReportTable } from './types';

type Entry = { date: string } & Record<string, unknown>;

export function metricsQuery(spec: ReportSpec, range: DayRange): MetricsQuery {
  return {
    'start-date': range.start,
    'end-date': range.end,
    interval: spec.interval,
    plans: spec.plans.length ? spec.plans : undefined,
    geo: spec.geo.length ? spec.geo : undefined,
    filters: spec.filters || undefined,
  };
}

function num(v: unknown): number {
  return typeof v === 'number' && isFinite(v) ? v : 0;
}

function infos(names: string[]): MetricInfo[] {
  return names.map((n) => {
    const m = METRIC_CATALOG.filter((c) => c.name === n)[0];
    if (!m) throw new Error(`unknown metric ${n}`);
    return m;
  });
}

/** Shapes entries (from /all or a single endpoint) into Date + one column per metric (money by `currency`'s digits). */
export function shapeMetrics(metrics: string[], entries: Entry[], currency?: string): ReportTable {
  const list = infos(metrics);
  const date: Column = { title: 'Date', type: 'day' };
  const columns: Column[] = [date].concat(list.map((m): Column => ({ title: METRIC_LABELS[m.name], type: m.unit })));
  const rows: OutCell[][] = entries.map((e) => [{ day: e.date } as OutCell].concat(list.map((m) => toUnit(m.unit, num(e[m.key]), currency))));
  return { columns, rows };
}

const MOVEMENTS: Array<[string, string]> = [
  ['mrr-new-business', 'New business'],
  ['mrr-expansion', 'Expansion'],
  ['mrr-contraction', 'Contraction'],
  ['mrr-churn', 'Churn'],
  ['mrr-reactivation', 'Reactivation'],
];

export function shapeMovements(entries: Entry[], currency?: string): ReportTable {
  const columns: Column[] = [{ title: 'Date', type: 'day' }, { title: 'MRR', type: 'money' }]
    .concat(MOVEMENTS.map(([, title]) => ({ title, type: 'money' as const })))
    .concat([{ title: 'Net movement', type: 'money' }]) as Column[];
  const rows = entries.map((e) => {
    const moves = MOVEMENTS.map(([k]) => num(e[k]));
    const net = moves.reduce((a, b) => a + b, 0);
    const money = (v: number) => toUnit('money', v, currency);
    return ([{ day: e.date }, money(num(e.mrr))] as OutCell[]).concat(moves.map(money), [money(net)]);
  });
  return { columns, rows };
}

/** `currency`: the account's (metrics are in its minor units). */
export function fetchMetricsTable(client: ChartMogulClient, spec: ReportSpec, range: DayRange, deadline: number, currency?: string): ReportTable {
  const q = metricsQuery(spec, range);
  if (spec.kind === 'mrr-movements') return shapeMovements(client.metrics.mrr(q, { deadline }).entries as unknown as Entry[], currency);
  if (spec.metrics.length === 1) {
    const m = infos(spec.metrics)[0];
    return shapeMetrics(spec.metrics, client.metrics.retrieve(m.endpoint, q, { deadline }).entries as Entry[], currency);
  }
  return shapeMetrics(spec.metrics, client.metrics.all(q, { deadline }).entries as unknown as Entry[], currency);
}
