// Date ranges of reports: a fixed start/end, or "last N months" rolling with today (the account's calendar day).
// Rolling N months = from the 1st of the month N−1 months before this one up to today (this month is partial).

import { ArgumentError } from '../export/errors';
import { isDay } from '../export/days';
import type { RangeSpec } from './types';

export const MAX_ROLLING_MONTHS = 120;

export interface DayRange {
  start: string;
  end: string;
}

/** First day of the month `months` months from the month of `day` (negative = back). */
export function shiftMonth(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + (Number(day.slice(5, 7)) - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** Checks a range as given by a user (unknown input) and returns it normalised. */
export function parseRange(input: unknown): RangeSpec {
  if (input === undefined || input === null) return { type: 'rolling', months: 12 };
  const r = input as Record<string, unknown>;
  if (r.type === 'rolling') {
    const months = Number(r.months);
    if (!Number.isInteger(months) || months < 1 || months > MAX_ROLLING_MONTHS) {
      throw new ArgumentError('range', `rolling months must be a whole number from 1 to ${MAX_ROLLING_MONTHS}`);
    }
    return { type: 'rolling', months };
  }
  if (r.type === 'fixed') {
    const start = typeof r.start === 'string' ? r.start.trim() : '';
    const end = typeof r.end === 'string' ? r.end.trim() : '';
    if (!isDay(start)) throw new ArgumentError('range', `start "${start}" is not a date (YYYY-MM-DD)`);
    if (!isDay(end)) throw new ArgumentError('range', `end "${end}" is not a date (YYYY-MM-DD)`);
    if (end < start) throw new ArgumentError('range', `end ${end} is before start ${start}`);
    return { type: 'fixed', start, end };
  }
  throw new ArgumentError('range', 'type must be "fixed" (start, end) or "rolling" (months)');
}

/** The concrete days of a range on `today` (YYYY-MM-DD). */
export function resolveRange(range: RangeSpec, today: string): DayRange {
  if (range.type === 'fixed') return { start: range.start, end: range.end };
  return { start: shiftMonth(today, -(range.months - 1)), end: today };
}

export function describeRange(range: RangeSpec, resolved: DayRange): string {
  const days = `${resolved.start} → ${resolved.end}`;
  return range.type === 'rolling' ? `last ${range.months} month${range.months === 1 ? '' : 's'} (${days})` : days;
}
