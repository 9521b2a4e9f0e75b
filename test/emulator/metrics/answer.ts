// GET /v1/metrics/{endpoint}: validates the query, picks the (segmented) series and shapes entries + summary
// exactly like the recorded responses (kebab-case keys, entry date = last day of each interval, clamped to end-date).

import type { EmulatorState } from '../state';
import { CflError } from './cfl';
import { aspOf, levelAt, pctChange, Series, slotMetrics, type SlotMetrics } from './compute';
import { formatDay, parseDay } from './days';
import { INTERVALS, intervalStart, shiftBack, slots, type Interval } from './intervals';
import { customerMrrAt, getModel, type Model } from './model';
import { computeMovements } from './movements';
import { buildSegment } from './segment';
import type { ApiAnswer, MetricEndpoint, MetricQuery } from './index';

/** Metrics of /all in response order. */
const ALL_KEYS = ['mrr', 'arr', 'customer-churn-rate', 'mrr-churn-rate', 'ltv', 'customers', 'asp', 'arpa'] as const;
type AllKey = (typeof ALL_KEYS)[number];
const ENDPOINT_KEY: Record<Exclude<MetricEndpoint, 'all'>, AllKey> = {
  mrr: 'mrr',
  arr: 'arr',
  arpa: 'arpa',
  asp: 'asp',
  'customer-count': 'customers',
  'customer-churn-rate': 'customer-churn-rate',
  'mrr-churn-rate': 'mrr-churn-rate',
  ltv: 'ltv',
};
/** Summary of these compares the last two entries; the others compare "now" with one interval before now. */
const RATE_KEYS = new Set<AllKey>(['customer-churn-rate', 'mrr-churn-rate', 'ltv']);
const MAX_ENTRIES = 20_000;
const MAX_SEGMENTS = 32;

export const badParam = (param: string, message: string): ApiAnswer => ({ status: 400, body: { code: 400, message, param } });

function segmentSeries(state: EmulatorState, model: Model, q: MetricQuery, nowDay: number): Series {
  const plans = q.plans ?? '';
  const geo = q.geo ?? '';
  const filters = q.filters ?? '';
  if (!plans.trim() && !geo.trim() && !filters.trim()) return model.series;
  const key = JSON.stringify([plans, geo, filters, /mrr/i.test(filters) ? nowDay : 0]);
  const hit = model.segments.get(key);
  if (hit) return hit;
  const seg = buildSegment(state, { plans, geo, filters }, (uuid) => customerMrrAt(model, uuid, nowDay));
  const series = new Series(computeMovements(model.subs, model.clock, seg.pointFilter, seg.customerFilter, false));
  if (model.segments.size >= MAX_SEGMENTS) model.segments.clear();
  model.segments.set(key, series);
  return series;
}

export function answerMetrics(state: EmulatorState, endpoint: MetricEndpoint, q: MetricQuery, now: Date): ApiAnswer {
  if (endpoint !== 'all' && !(endpoint in ENDPOINT_KEY)) return { status: 404, body: { code: 404, message: 'Not found', param: null } };
  const interval = (q.interval ?? 'month') as Interval;
  if (!INTERVALS.includes(interval)) return badParam('interval', `Invalid interval "${String(q.interval)}"`);
  const start = parseDay(q['start-date']);
  if (Number.isNaN(start)) return badParam('start-date', 'Parameter "start-date" is missing or invalid');
  const end = parseDay(q['end-date']);
  if (Number.isNaN(end)) return badParam('end-date', 'Parameter "end-date" is missing or invalid');
  if (end < start) return badParam('end-date', '"end-date" must not be before "start-date"');
  if (interval === 'day' && end - start + 1 > MAX_ENTRIES) return badParam('interval', 'Too many entries for this interval');

  const model = getModel(state);
  const nowDay = model.clock.day(now.getTime());
  let series: Series;
  try {
    series = segmentSeries(state, model, q, nowDay);
  } catch (e) {
    if (e instanceof CflError) return { status: 400, body: { code: 400, message: `Invalid filters: ${e.message}`, param: 'filters' } };
    throw e;
  }

  const ranges = slots(start, end, interval, model.weekStart);
  const metrics = ranges.map((r) => slotMetrics(series, r.from, r.to, interval));
  const prevSlot = (): SlotMetrics => {
    const to = ranges[0].from - 1;
    return slotMetrics(series, intervalStart(to, interval, model.weekStart), to, interval);
  };
  const lastTwo = (): [SlotMetrics, SlotMetrics] =>
    metrics.length >= 2 ? [metrics[metrics.length - 1], metrics[metrics.length - 2]] : [metrics[0], prevSlot()];

  const prevDay = shiftBack(nowDay, interval);
  const levelNow = levelAt(series, nowDay);
  const levelPrev = levelAt(series, prevDay);
  const summaryPair = (key: AllKey): [number, number] => {
    if (RATE_KEYS.has(key)) {
      const [cur, prev] = lastTwo();
      return [cur[key], prev[key]];
    }
    if (key === 'asp') return [aspOf(series, prevDay + 1, nowDay), aspOf(series, shiftBack(prevDay, interval) + 1, prevDay)];
    const k = key as 'mrr' | 'arr' | 'customers' | 'arpa';
    return [levelNow[k], levelPrev[k]];
  };

  if (endpoint === 'all') {
    const entries = metrics.map((m, i) => {
      const e: Record<string, number | string> = { date: formatDay(ranges[i].to) };
      for (const k of ALL_KEYS) {
        e[k] = m[k];
        e[`${k}-percentage-change`] = i === 0 ? 0 : pctChange(m[k], metrics[i - 1][k]);
      }
      return e;
    });
    const summary: Record<string, number> = {};
    for (const k of ALL_KEYS) {
      const [cur, prev] = summaryPair(k);
      summary[`current-${k}`] = cur;
      summary[`previous-${k}`] = prev;
      summary[`${k}-percentage-change`] = pctChange(cur, prev);
    }
    return { status: 200, body: { entries, summary } };
  }

  const key = ENDPOINT_KEY[endpoint];
  const entries = metrics.map((m, i) => {
    const e: Record<string, number | string> = {
      date: formatDay(ranges[i].to),
      [key]: m[key],
      'percentage-change': i === 0 ? 0 : pctChange(m[key], metrics[i - 1][key]),
    };
    if (endpoint === 'mrr') {
      e['mrr-new-business'] = m['mrr-new-business'];
      e['mrr-expansion'] = m['mrr-expansion'];
      e['mrr-contraction'] = m['mrr-contraction'];
      e['mrr-churn'] = m['mrr-churn'];
      e['mrr-reactivation'] = m['mrr-reactivation'];
    }
    return e;
  });
  const [current, previous] = summaryPair(key);
  return { status: 200, body: { entries, summary: { current, previous, 'percentage-change': pctChange(current, previous) } } };
}
