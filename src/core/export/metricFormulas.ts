// CHARTMOGUL_METRICS, CHARTMOGUL_METRIC and CHARTMOGUL_MRR_MOVEMENTS: arguments → one cached metrics query → table.
// Series are cached per endpoint query (all numeric keys), so different metric subsets of one range share a request.

import type { MetricName, MetricsQuery } from '../chartmogul';
import { checkRange, parseDay, parseFilters, parseGeo, parseInterval, parsePlans, requiredText, textList } from './args';
import { addDays, dayMs, firstOfMonth, intervalStart } from './days';
import { FormulaError } from './errors';
import { findMetric, findMetrics, MetricInfo, moneyUnits, toUnit } from './metricCatalog';
import { canonicalQuery, FormulaSession } from './session';
import { metricTtl } from './ttl';
import { Arg, Interval, Table } from './types';

export const MAX_ROWS = 5000;

/** What is cached for a metrics query: entry dates and every numeric column except percentage changes. */
export interface Series {
  dates: string[];
  values: Record<string, number[]>;
}

interface Segment {
  plans: string[];
  geo: string[];
  filters?: string;
}

function segment(plans: Arg, geo: Arg, filters: Arg): Segment {
  return { plans: parsePlans('plans', plans), geo: parseGeo('geo', geo), filters: parseFilters('filters', filters) };
}

/** Intervals touching [start, end] (the API returns one entry each). */
export function rowCount(start: string, end: string, interval: Interval): number {
  const index = (day: string): number => {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7)) - 1;
    if (interval === 'month') return y * 12 + m;
    if (interval === 'quarter') return y * 4 + Math.floor(m / 3);
    if (interval === 'year') return y;
    return Math.round(dayMs(intervalStart(day, interval)) / 86400000 / (interval === 'week' ? 7 : 1));
  };
  return index(end) - index(start) + 1;
}

export function toSeries(entries: ReadonlyArray<Record<string, unknown>>): Series {
  const out: Series = { dates: [], values: {} };
  entries.forEach((e, i) => {
    out.dates.push(String(e.date));
    for (const k of Object.keys(e)) {
      if (k === 'date' || /percentage-change$/.test(k) || typeof e[k] !== 'number') continue;
      if (!out.values[k]) out.values[k] = [];
      out.values[k][i] = e[k] as number;
    }
  });
  return out;
}

const join = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v);

function fetchSeries(s: FormulaSession, endpoint: MetricName, q: MetricsQuery): Series {
  const canonical = canonicalQuery('metrics/' + endpoint, {
    'start-date': q['start-date'], 'end-date': q['end-date'], interval: q.interval,
    plans: join(q.plans), geo: join(q.geo), filters: q.filters,
  });
  const ttl = metricTtl(q.interval as Interval, q['end-date'], s.today);
  return s.cached({ canonical, ttl }, (client, deadline) =>
    toSeries(client.metrics.retrieve(endpoint, q, { deadline }).entries as Array<Record<string, unknown>>),
  );
}

function query(start: string, end: string, interval: Interval, seg: Segment): MetricsQuery {
  const q: MetricsQuery = { 'start-date': start, 'end-date': end, interval };
  if (seg.plans.length) q.plans = seg.plans;
  if (seg.geo.length) q.geo = seg.geo;
  if (seg.filters) q.filters = seg.filters;
  return q;
}

const column = (series: Series, key: string, i: number): number => {
  const col = series.values[key];
  return col && typeof col[i] === 'number' ? col[i] : 0;
};

export interface MetricsArgs {
  metrics: Arg; start_date: Arg; end_date: Arg; interval?: Arg; plans?: Arg; geo?: Arg; filters?: Arg;
}

export interface MetricsPlan {
  metrics: MetricInfo[];
  query: MetricsQuery;
  endpoint: MetricName;
}

/** Validates every argument (no request) and decides the endpoint: one metric → its own, several → /all. */
export function planMetrics(a: MetricsArgs): MetricsPlan {
  const metrics = findMetrics('metrics', textList('metrics', a.metrics));
  const start = parseDay('start_date', a.start_date);
  const end = parseDay('end_date', a.end_date);
  const interval = parseInterval('interval', a.interval);
  checkRange(start, end, rowCount(start, end, interval), MAX_ROWS);
  const q = query(start, end, interval, segment(a.plans, a.geo, a.filters));
  return { metrics, query: q, endpoint: metrics.length === 1 ? metrics[0].endpoint : 'all' };
}

export function shapeMetrics(metrics: MetricInfo[], series: Series, currency?: string | null): Table {
  const table: Table = [['Date', ...metrics.map((m) => m.name)]];
  series.dates.forEach((date, i) => {
    table.push([{ day: date }, ...metrics.map((m) => toUnit(m.unit, column(series, m.key, i), currency))]);
  });
  return table;
}

export function metricsFormula(s: FormulaSession, plan: MetricsPlan): Table {
  return shapeMetrics(plan.metrics, fetchSeries(s, plan.endpoint, plan.query), s.currency);
}

export interface MetricArgs { metric: Arg; date?: Arg; plans?: Arg; geo?: Arg; filters?: Arg }

export interface MetricPlan {
  metric: MetricInfo;
  query: MetricsQuery;
  /** The day whose entry is the answer. */
  date: string;
}

/** Metrics that are a level on a day (the rest — ASP, churn rates, LTV — are flows over a period). */
const LEVELS = ['mrr', 'arr', 'arpa', 'customers'];

/**
 * One value on `date` (today when omitted). Levels: the day's entry of a daily query over the whole calendar month,
 * so a column of days in one month shares one request. Flows: the month-to-date entry ending that day.
 */
export function planMetric(a: MetricArgs, today: string): MetricPlan {
  const metric = findMetric('metric', requiredText('metric', a.metric));
  const date = parseDay('date', a.date, today);
  const seg = segment(a.plans, a.geo, a.filters);
  const q = LEVELS.indexOf(metric.name) >= 0
    ? query(firstOfMonth(date), addDays(firstOfMonth(addDays(firstOfMonth(date), 31)), -1), 'day', seg)
    : query(firstOfMonth(date), date, 'month', seg);
  return { metric, query: q, date };
}

export function metricFormula(s: FormulaSession, plan: MetricPlan): number {
  const series = fetchSeries(s, plan.metric.endpoint, plan.query);
  let i = series.dates.length - 1;
  while (i >= 0 && series.dates[i] > plan.date) i--;
  if (i < 0) throw new FormulaError(`ChartMogul returned no ${plan.metric.name} for ${plan.date}`);
  return toUnit(plan.metric.unit, column(series, plan.metric.key, i), s.currency);
}

export const MOVEMENT_HEADERS = ['Date', 'New business', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net change', 'MRR'];
const MOVEMENT_KEYS = ['mrr-new-business', 'mrr-expansion', 'mrr-contraction', 'mrr-churn', 'mrr-reactivation'];

export interface MovementsArgs { start_date: Arg; end_date: Arg; interval?: Arg; plans?: Arg; geo?: Arg; filters?: Arg }

export function planMovements(a: MovementsArgs): MetricsQuery {
  const start = parseDay('start_date', a.start_date);
  const end = parseDay('end_date', a.end_date);
  const interval = parseInterval('interval', a.interval);
  checkRange(start, end, rowCount(start, end, interval), MAX_ROWS);
  return query(start, end, interval, segment(a.plans, a.geo, a.filters));
}

export function shapeMovements(series: Series, currency?: string | null): Table {
  const table: Table = [MOVEMENT_HEADERS.slice()];
  series.dates.forEach((date, i) => {
    const cents = MOVEMENT_KEYS.map((k) => column(series, k, i));
    const net = cents.reduce((a, b) => a + b, 0);
    const units = (minor: number) => moneyUnits(minor, currency);
    table.push([{ day: date }, ...cents.map(units), units(net), units(column(series, 'mrr', i))]);
  });
  return table;
}

export function movementsFormula(s: FormulaSession, q: MetricsQuery): Table {
  return shapeMovements(fetchSeries(s, 'mrr', q), s.currency);
}
