// Apps Script glue of the CHARTMOGUL_* custom functions: Sheets values → core arguments (dates → days in the
// spreadsheet's zone), core tables → Sheets values (days → midnight in that zone), errors → #ERROR! messages.

import type { Services } from '../core/config';
import { Arg, coreFormulas, FormulaDeps, OutCell, Scalar, Table } from '../core/export';
import type { KeyValueStore } from '../core/ports';
import { AppsScriptCache } from './adapters/cache';
import { AppsScriptClock } from './adapters/clock';
import { AppsScriptLock } from './adapters/lock';
import { PropertiesStore } from './adapters/properties';
import { UrlFetchTransport } from './adapters/urlFetchTransport';
import { zoneOffset } from './services';

export type SheetCell = string | number | boolean | Date;

/** Custom functions run as the owner without user authorization: formulas never read or write user properties. */
const NO_USER_PROPERTIES: KeyValueStore = {
  get: () => null,
  set: () => { throw new Error('Formulas do not use user properties'); },
  remove: () => undefined,
  keys: () => [],
};

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function toScalar(v: unknown, tz: string): Scalar {
  if (isDate(v)) return isNaN(v.getTime()) ? 'Invalid Date' : { day: Utilities.formatDate(v, tz, 'yyyy-MM-dd') };
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function toArg(v: unknown, tz: string): Arg {
  if (!Array.isArray(v)) return toScalar(v, tz);
  return v.map((row: unknown) => (Array.isArray(row) ? row : [row]).map((c: unknown) => toScalar(c, tz)));
}

/** Builds "midnight of `day` in `tz`" instants, reusing the last UTC offset (one formatDate per day when unchanged). */
function midnightIn(tz: string): (day: string) => Date {
  let last: number | null = null;
  return (day: string) => {
    const utc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
    let offset = last !== null ? last : zoneOffset(tz, utc);
    const actual = zoneOffset(tz, utc - offset * 60000);
    if (actual !== offset) offset = actual;
    last = offset;
    return new Date(utc - offset * 60000);
  };
}

function toCell(c: OutCell, midnight: (day: string) => Date): SheetCell {
  if (c !== null && typeof c === 'object') return 'day' in c ? midnight(c.day) : new Date(c.instant);
  return c;
}

function formulaDeps(tz: string): FormulaDeps {
  const startedAt = Date.now();
  const clock = new AppsScriptClock(Utilities);
  const services: Services = {
    transport: new UrlFetchTransport(UrlFetchApp),
    clock,
    userProps: NO_USER_PROPERTIES,
    documentProps: new PropertiesStore(PropertiesService.getDocumentProperties()),
    scriptProps: new PropertiesStore(PropertiesService.getScriptProperties()),
    logger: { log: (m: string) => console.log(m) },
  };
  const cache = CacheService.getDocumentCache();
  const lock = LockService.getDocumentLock();
  return {
    services,
    cache: cache ? new AppsScriptCache(cache) : null,
    lock: lock ? new AppsScriptLock(lock) : null,
    today: Utilities.formatDate(new Date(startedAt), tz, 'yyyy-MM-dd'),
    startedAt,
  };
}

/** Runs one formula: converts arguments, calls the core, converts the result; errors become plain Errors. */
function run<R extends OutCell | Table>(fn: (deps: FormulaDeps, arg: (v: unknown) => Arg) => R): SheetCell | SheetCell[][] {
  let result: R;
  let tz: string;
  try {
    tz = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
    result = fn(formulaDeps(tz), (v) => toArg(v, tz));
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
  const midnight = midnightIn(tz);
  return Array.isArray(result) ? (result as Table).map((row) => row.map((c) => toCell(c, midnight))) : toCell(result as OutCell, midnight);
}

const table = (r: SheetCell | SheetCell[][]): SheetCell[][] => r as SheetCell[][];

export function CHARTMOGUL_METRICS(metrics: unknown, start_date: unknown, end_date: unknown, interval?: unknown, plans?: unknown, geo?: unknown, filters?: unknown): SheetCell[][] {
  return table(run((d, a) => coreFormulas.metrics(d, {
    metrics: a(metrics), start_date: a(start_date), end_date: a(end_date), interval: a(interval), plans: a(plans), geo: a(geo), filters: a(filters),
  })));
}

export function CHARTMOGUL_METRIC(metric: unknown, date?: unknown, plans?: unknown, geo?: unknown, filters?: unknown): number {
  return run((d, a) => coreFormulas.metric(d, { metric: a(metric), date: a(date), plans: a(plans), geo: a(geo), filters: a(filters) })) as number;
}

export function CHARTMOGUL_MRR_MOVEMENTS(start_date: unknown, end_date: unknown, interval?: unknown, plans?: unknown, geo?: unknown, filters?: unknown): SheetCell[][] {
  return table(run((d, a) => coreFormulas.mrrMovements(d, {
    start_date: a(start_date), end_date: a(end_date), interval: a(interval), plans: a(plans), geo: a(geo), filters: a(filters),
  })));
}

export function CHARTMOGUL_CUSTOMERS(status?: unknown, fields?: unknown, data_source?: unknown): SheetCell[][] {
  return table(run((d, a) => coreFormulas.customers(d, { status: a(status), fields: a(fields), data_source: a(data_source) })));
}

export function CHARTMOGUL_CUSTOMER(external_id_or_email: unknown, field?: unknown): SheetCell | SheetCell[][] {
  return run((d, a) => coreFormulas.customer(d, { external_id_or_email: a(external_id_or_email), field: a(field) }));
}

export function CHARTMOGUL_SUBSCRIPTIONS(customer: unknown): SheetCell[][] {
  return table(run((d, a) => coreFormulas.subscriptions(d, { customer: a(customer) })));
}

export function CHARTMOGUL_ACTIVITIES(start_date: unknown, end_date: unknown, type?: unknown): SheetCell[][] {
  return table(run((d, a) => coreFormulas.activities(d, { start_date: a(start_date), end_date: a(end_date), type: a(type) })));
}
