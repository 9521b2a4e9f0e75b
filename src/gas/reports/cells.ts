// Turns the core's report cells into what Range.setValues takes: calendar days become Dates at midnight in the
// spreadsheet's time zone, instants become Dates; strings, numbers and booleans pass unchanged.

import type { OutCell } from '../../core/export/types';
import { zoneOffset } from '../services';

export type SheetValue = string | number | boolean | Date;

/** The Date that shows `day` at 00:00 in `timeZone` (two passes so a DST change that day is respected). */
export function dayToDate(day: string, timeZone: string): Date {
  const utc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  let ms = utc - zoneOffset(timeZone, utc) * 60000;
  ms = utc - zoneOffset(timeZone, ms) * 60000;
  return new Date(ms);
}

export function toSheetValue(cell: OutCell, timeZone: string): SheetValue {
  if (cell !== null && typeof cell === 'object') {
    if ('day' in cell) return dayToDate(cell.day, timeZone);
    return new Date(cell.instant);
  }
  return cell;
}

export function toSheetRows(rows: OutCell[][], timeZone: string): SheetValue[][] {
  return rows.map((row) => row.map((c) => toSheetValue(c, timeZone)));
}
