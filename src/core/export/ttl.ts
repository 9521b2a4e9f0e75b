// How long a formula result may be served from the cache: by interval while the range reaches the current period,
// the CacheService maximum (6 h) once it lies wholly in the past (ChartMogul may still recompute history: Refresh).

import { intervalStart } from './days';
import { Interval } from './types';

export const MAX_TTL_SECONDS = 21600; // CacheService limit
export const LIST_TTL_SECONDS = 900; // customers, subscriptions, lookups
export const ERROR_TTL_SECONDS = 60; // a 4xx answer (bad filter, bad key) so a storm of cells asks only once

export const LIVE_TTL_SECONDS: Readonly<Record<Interval, number>> = {
  day: 900, // 15 min
  week: 1800, // 30 min
  month: 3600, // 1 h
  quarter: 10800, // 3 h
  year: 21600, // 6 h
};

/** TTL of a metrics query ending on `end` (YYYY-MM-DD), seen on `today` in the spreadsheet's zone. */
export function metricTtl(interval: Interval, end: string, today: string): number {
  return end < intervalStart(today, interval) ? MAX_TTL_SECONDS : LIVE_TTL_SECONDS[interval];
}

/** Activities only change for today and later (and on back-fills): past ranges keep 6 h. */
export function activityTtl(end: string, today: string): number {
  return end < today ? MAX_TTL_SECONDS : LIVE_TTL_SECONDS.day;
}
