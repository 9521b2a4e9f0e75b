// Checks and normalises custom-function arguments (strings, numbers, days, ranges) before any request is made.
// Every failure is an ArgumentError whose message starts with the argument's name as the function declares it.

import { cflProblem } from '../cfl';
import { ArgumentError, quote } from './errors';
import { dayFromSerial, isDay } from './days';
import { Arg, Interval, isDayValue, Scalar } from './types';

export const INTERVALS: readonly Interval[] = ['day', 'week', 'month', 'quarter', 'year'];
const INTERVAL_ALIASES: Record<string, Interval> = { daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year', annual: 'year', annually: 'year' };

/** Omitted argument: undefined (not passed), null, '' or a range of only empty cells. */
export function isBlank(v: Arg): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.every((row) => (Array.isArray(row) ? row : [row]).every((c) => isBlank(c as Scalar)));
  return false;
}

function describe(v: Scalar): string {
  if (isDayValue(v)) return v.day;
  return typeof v === 'string' ? quote(v) : String(v);
}

/** Cells of a range in reading order (rows, then columns); a single value is a one-cell range. */
export function cells(v: Arg): Scalar[] {
  if (!Array.isArray(v)) return [v];
  const out: Scalar[] = [];
  for (const row of v) for (const c of Array.isArray(row) ? row : [row]) out.push(c as Scalar);
  return out;
}

/** A single value; a one-cell range is accepted, a bigger one is an error. */
export function single(name: string, v: Arg): Scalar {
  if (!Array.isArray(v)) return v;
  const all = cells(v);
  if (all.length !== 1) throw new ArgumentError(name, 'expected one value, got a range');
  return all[0];
}

/** Text items from a comma list and/or a range: trimmed, blanks dropped, duplicates removed (first kept). */
export function textList(name: string, v: Arg): string[] {
  const out: string[] = [];
  for (const c of cells(v)) {
    if (c === undefined || c === null || c === '') continue;
    if (typeof c === 'boolean' || isDayValue(c)) throw new ArgumentError(name, `${describe(c)} is not a name`);
    for (const part of String(c).split(',')) {
      const t = part.trim();
      if (t && out.indexOf(t) < 0) out.push(t);
    }
  }
  return out;
}

export function requiredText(name: string, v: Arg): string {
  const s = single(name, v);
  if (s === undefined || s === null || (typeof s === 'string' && s.trim() === '')) throw new ArgumentError(name, 'required');
  if (typeof s === 'boolean' || isDayValue(s)) throw new ArgumentError(name, `${describe(s)} is not text`);
  return String(s).trim();
}

export function optionalText(name: string, v: Arg): string | undefined {
  return isBlank(v) ? undefined : requiredText(name, v);
}

/** A date cell, 'YYYY-MM-DD' text or a date serial number → 'YYYY-MM-DD'; `fallback` when omitted. */
export function parseDay(name: string, v: Arg, fallback?: string): string {
  if (isBlank(v)) {
    if (fallback !== undefined) return fallback;
    throw new ArgumentError(name, 'required (a date cell or YYYY-MM-DD)');
  }
  const s = single(name, v);
  if (isDayValue(s) && isDay(s.day)) return s.day;
  if (typeof s === 'number' && isFinite(s) && s >= 1 && s < 2958466) return dayFromSerial(s);
  if (typeof s === 'string' && isDay(s.trim())) return s.trim();
  throw new ArgumentError(name, `${describe(s)} is not a date (use a date cell or YYYY-MM-DD)`);
}

export function parseInterval(name: string, v: Arg): Interval {
  if (isBlank(v)) return 'month';
  const s = single(name, v);
  const t = typeof s === 'string' ? s.trim().toLowerCase() : '';
  const found = (INTERVALS as readonly string[]).indexOf(t) >= 0 ? (t as Interval) : INTERVAL_ALIASES[t];
  if (!found) throw new ArgumentError(name, `${describe(s)} is not an interval (use day, week, month, quarter or year)`);
  return found;
}

/** Plan names, UUIDs or external ids (case-sensitive, as ChartMogul matches them). */
export function parsePlans(name: string, v: Arg): string[] {
  return textList(name, v);
}

/** ISO 3166-1 alpha-2 codes, upper-cased. */
export function parseGeo(name: string, v: Arg): string[] {
  return textList(name, v).map((c) => {
    if (!/^[A-Za-z]{2}$/.test(c)) throw new ArgumentError(name, `${quote(c)} is not a 2-letter country code (e.g. US, DE)`);
    return c.toUpperCase();
  }).filter((c, i, all) => all.indexOf(c) === i);
}

/** A ChartMogul filter (CFL) string such as currency~ANY~'USD'; only its shape is checked here. */
export function parseFilters(name: string, v: Arg): string | undefined {
  if (isBlank(v)) return undefined;
  const s = single(name, v);
  if (typeof s !== 'string') throw new ArgumentError(name, `${describe(s)} is not a filter (e.g. currency~ANY~'USD')`);
  const t = s.trim();
  // A text with no condition at all is named as such; otherwise the shared CFL check says what is wrong where.
  if (t.indexOf('~') < 0) throw new ArgumentError(name, `${quote(t)} is not a ChartMogul filter (e.g. currency~ANY~'USD')`);
  const problem = cflProblem(t);
  if (problem) throw new ArgumentError(name, problem);
  return t;
}

/** start/end days with end ≥ start and at most `maxRows` intervals between them. */
export function checkRange(start: string, end: string, rows: number, maxRows: number): void {
  if (end < start) throw new ArgumentError('end_date', `${end} is before start_date ${start}`);
  if (rows > maxRows) throw new ArgumentError('end_date', `the range has ${rows} rows at this interval (at most ${maxRows})`);
}
