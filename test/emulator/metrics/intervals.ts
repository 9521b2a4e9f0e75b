// Interval arithmetic for /v1/metrics: interval start/end days for day/week/month/quarter/year, and the entry list.
// Weeks start on the account's `week_start_on` (monday|sunday); entry dates are the last day of each interval.

import { dayFromParts, dayParts } from './days';

export type Interval = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const INTERVALS: readonly Interval[] = ['day', 'week', 'month', 'quarter', 'year'];

export interface IntervalSlot {
  /** First day counted in this entry (interval start, clamped to start-date). */
  from: number;
  /** Last day counted (interval end, clamped to end-date); also the entry's `date`. */
  to: number;
  /** Natural interval start (unclamped); used for the "customers at start" denominator. */
  naturalFrom: number;
}

export function intervalStart(day: number, interval: Interval, weekStart: 'monday' | 'sunday'): number {
  const { y, m, dow } = dayParts(day);
  switch (interval) {
    case 'day':
      return day;
    case 'week': {
      const first = weekStart === 'sunday' ? 0 : 1;
      return day - ((dow - first + 7) % 7);
    }
    case 'month':
      return dayFromParts(y, m, 1);
    case 'quarter':
      return dayFromParts(y, m - ((m - 1) % 3), 1);
    case 'year':
      return dayFromParts(y, 1, 1);
  }
}

export function intervalEnd(day: number, interval: Interval, weekStart: 'monday' | 'sunday'): number {
  const s = intervalStart(day, interval, weekStart);
  const { y, m } = dayParts(s);
  switch (interval) {
    case 'day':
      return s;
    case 'week':
      return s + 6;
    case 'month':
      return dayFromParts(y, m + 1, 1) - 1;
    case 'quarter':
      return dayFromParts(y, m + 3, 1) - 1;
    case 'year':
      return dayFromParts(y + 1, 1, 1) - 1;
  }
}

/** The same day one interval earlier (month/quarter/year clamp to the month's last day: Mar 31 → Feb 28/29). */
export function shiftBack(day: number, interval: Interval): number {
  if (interval === 'day') return day - 1;
  if (interval === 'week') return day - 7;
  const months = interval === 'month' ? 1 : interval === 'quarter' ? 3 : 12;
  const { y, m, d } = dayParts(day);
  const target = dayFromParts(y, m - months, 1);
  const tp = dayParts(target);
  const lastDay = dayParts(dayFromParts(tp.y, tp.m + 1, 1) - 1).d;
  return dayFromParts(tp.y, tp.m, Math.min(d, lastDay));
}

/** Entries from start-date to end-date inclusive: one per interval, first and last clamped to the range. */
export function slots(startDay: number, endDay: number, interval: Interval, weekStart: 'monday' | 'sunday'): IntervalSlot[] {
  const out: IntervalSlot[] = [];
  let day = startDay;
  while (day <= endDay) {
    const naturalFrom = intervalStart(day, interval, weekStart);
    const end = intervalEnd(day, interval, weekStart);
    out.push({ from: day, to: Math.min(end, endDay), naturalFrom });
    day = end + 1;
  }
  return out;
}

/** Number of 30-day "months" in one interval, to turn an interval churn rate into a monthly one for LTV. */
export function monthsPerInterval(interval: Interval): number {
  switch (interval) {
    case 'day':
      return 1 / 30;
    case 'week':
      return 7 / 30;
    case 'month':
      return 1;
    case 'quarter':
      return 3;
    case 'year':
      return 12;
  }
}
