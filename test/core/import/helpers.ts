// Test helpers for the import core: a ZoneOffset built on Node's Intl (tests only — the core never uses Intl),
// parse contexts for UTC / Berlin / New York, and a tiny builder for sheet tables.

import { Cell, ParseContext, Table, ZoneOffset } from '../../../src/core/import/types';

export const intlZoneOffset: ZoneOffset = (timeZone, utcMs) => {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const p: Record<string, string> = {};
  for (const part of dtf.formatToParts(new Date(utcMs))) p[part.type] = part.value;
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
};

/** "Now" in the tests: 2025-06-15T12:00:00Z. */
export const NOW = Date.UTC(2025, 5, 15, 12);

export function ctxFor(timeZone: string, now = NOW): ParseContext {
  return { timeZone, zoneOffset: intlZoneOffset, now };
}

export const UTC = ctxFor('UTC');
export const BERLIN = ctxFor('Europe/Berlin');
export const NEW_YORK = ctxFor('America/New_York');

/** A Date cell as Sheets builds it: the instant of wall time y-m-d h:mi in `timeZone`. */
export function sheetDate(ctx: ParseContext, y: number, m: number, d: number, h = 0, mi = 0): Date {
  const local = Date.UTC(y, m - 1, d, h, mi);
  let t = local - ctx.zoneOffset(ctx.timeZone, local) * 60000;
  t = local - ctx.zoneOffset(ctx.timeZone, t) * 60000;
  return new Date(t);
}

/** Header row + data rows; data starts on sheet row 2. */
export function table(headers: Cell[], ...rows: Cell[][]): Table {
  return { headers, rows, firstRow: 2 };
}
