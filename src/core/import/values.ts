// Cell value parsers, one per column kind: each returns { ok: true, value } or { ok: false, message }.
// Messages quote the cell as the user sees it and never include the column name (the row parser adds it).

import { currencyExponent } from '../iso/currencies';
import { isCountryCode, suggestCountryCode, usStateCode } from '../iso/countries';
import { Amount, Cell, CustomAttributeType, DateContext, ParseResult } from './types';

export type { Amount };

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = <T>(message: string): ParseResult<T> => ({ ok: false, message });

export function isBlank(cell: Cell | null | undefined): boolean {
  return cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isDate(cell: Cell): cell is Date {
  return cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]';
}

function pad(n: number, width = 2): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** `yyyy-mm-dd` (and ` hh:mm` / `:ss` when not midnight) of an instant as wall time in the sheet's zone. */
export function wallTime(date: Date, ctx?: DateContext): string {
  const ms = date.getTime();
  if (!isFinite(ms)) return 'an invalid date';
  const off = ctx ? ctx.zoneOffset(ctx.timeZone, ms) : 0;
  const w = new Date(ms + off * 60000);
  const day = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  const h = w.getUTCHours();
  const m = w.getUTCMinutes();
  const s = w.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}` + (s ? `:${pad(s)}` : '');
}

/** The cell as a user would recognise it in a message: `"text"`, `49.9`, `TRUE`, `2024-03-01`. */
export function describeCell(cell: Cell, ctx?: DateContext): string {
  if (typeof cell === 'string') {
    const t = cell.trim();
    return JSON.stringify(t.length > 60 ? t.slice(0, 57) + '...' : t);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  if (isDate(cell)) return wallTime(cell, ctx);
  return JSON.stringify(String(cell));
}

// ---------------------------------------------------------------------------------------------------- text

/** Plain text: trimmed; numbers as typed (`42`), booleans `TRUE`/`FALSE`, dates as their wall date. */
export function parseText(cell: Cell, ctx?: DateContext): ParseResult<string> {
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number') return ok(String(cell));
  if (typeof cell === 'boolean') return ok(cell ? 'TRUE' : 'FALSE');
  if (isDate(cell)) return ok(wallTime(cell, ctx));
  return ok(String(cell));
}

/** External ids. Number cells become their digits; dates and checkboxes are refused (a sign of a mis-typed column). */
export function parseId(cell: Cell, ctx?: DateContext): ParseResult<string> {
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number') {
    if (!isFinite(cell)) return fail(`${cell} is not an id`);
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
      return fail(`${cell} is too long a number to keep exactly; format the column as plain text (Format › Number › Plain text) and type the id again`);
    }
    return ok(String(cell));
  }
  if (typeof cell === 'boolean') return fail(`${describeCell(cell)} is a checkbox value, not an id`);
  if (isDate(cell)) {
    return fail(`${describeCell(cell, ctx)} is a date, not an id; format the column as plain text (Format › Number › Plain text) and type the id again`);
  }
  return fail(`${describeCell(cell)} is not an id`);
}

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().]+$/;

export function parseEmail(cell: Cell): ParseResult<string> {
  const t = typeof cell === 'string' ? cell.trim() : '';
  if (!EMAIL.test(t) || t.indexOf('..') >= 0) return fail(`${describeCell(cell)} is not a valid email address`);
  return ok(t);
}

/** Web address: `https://acme.com` or `acme.com` (kept as typed); no spaces, at least one dot. */
export function parseUrl(cell: Cell): ParseResult<string> {
  const t = typeof cell === 'string' ? cell.trim() : '';
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^\s/?#]+\.[^\s/?#]+)([/?#]\S*)?$/i.exec(t);
  if (!m || (m[1] && !/^https?$/i.test(m[1]))) {
    return fail(`${describeCell(cell)} is not a web address (e.g. https://acme.com)`);
  }
  return ok(t);
}

/** Comma-separated tags, trimmed, empty parts and repeats dropped. */
export function parseTags(cell: Cell, ctx?: DateContext): ParseResult<string[]> {
  const text = parseText(cell, ctx);
  if (!text.ok) return text;
  const tags: string[] = [];
  for (const part of text.value.split(',')) {
    const t = part.trim();
    if (t !== '' && tags.indexOf(t) < 0) tags.push(t);
  }
  return ok(tags);
}

// ------------------------------------------------------------------------------------------- yes/no, numbers

const TRUE_WORDS = ['true', 'yes', '1'];
const FALSE_WORDS = ['false', 'no', '0'];

/** Checkbox cells, TRUE/FALSE, yes/no and 1/0 (any case). */
export function parseBoolean(cell: Cell): ParseResult<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number' && (cell === 1 || cell === 0)) return ok(cell === 1);
  if (typeof cell === 'string') {
    const t = cell.trim().toLowerCase();
    if (TRUE_WORDS.indexOf(t) >= 0) return ok(true);
    if (FALSE_WORDS.indexOf(t) >= 0) return ok(false);
  }
  return fail(`${describeCell(cell)} is not a yes/no value (use TRUE/FALSE, yes/no or 1/0)`);
}

export interface IntegerRules {
  min?: number;
  nonZero?: boolean;
}

/** Whole numbers: number cells (formula noise like 3.0000000000000004 tolerated) or text `12`, `1,000`. */
export function parseInteger(cell: Cell, rules: IntegerRules = {}, ctx?: DateContext): ParseResult<number> {
  let n: number;
  if (typeof cell === 'number') {
    if (!isFinite(cell)) return fail(`${cell} is not a whole number`);
    n = Math.round(cell);
    if (Math.abs(cell - n) > 1e-9 * Math.max(1, Math.abs(cell))) return fail(`${cell} is not a whole number`);
  } else if (typeof cell === 'string') {
    const t = cell.trim();
    if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/.test(t)) return fail(`${describeCell(cell)} is not a whole number`);
    n = Number(t.replace(/,/g, '').replace(/\.0+$/, ''));
  } else if (isDate(cell)) {
    return fail(`${describeCell(cell, ctx)} is a date, not a whole number`);
  } else {
    return fail(`${describeCell(cell)} is not a whole number`);
  }
  if (!Number.isSafeInteger(n)) return fail(`${describeCell(cell)} is too large`);
  if (n === 0) n = 0; // no -0
  if (rules.nonZero && n === 0) return fail('must not be 0');
  if (rules.min !== undefined && n < rules.min) return fail(`must be ${rules.min} or more, not ${n}`);
  return ok(n);
}

/** Enumerations: any case, spaces or hyphens for underscores (`One time` → `one_time`), plus per-column aliases. */
export function parseEnum(cell: Cell, values: readonly string[], aliases: Record<string, string> = {}): ParseResult<string> {
  if (typeof cell === 'string') {
    const t = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (values.indexOf(t) >= 0) return ok(t);
    if (Object.prototype.hasOwnProperty.call(aliases, t)) return ok(aliases[t]);
  }
  return fail(`${describeCell(cell)} is not one of ${values.join(', ')}`);
}

// -------------------------------------------------------------------------------------------- ISO codes

export function parseCountry(cell: Cell): ParseResult<string> {
  const t = typeof cell === 'string' ? cell.trim().toUpperCase() : '';
  if (isCountryCode(t)) return ok(t);
  const hint = typeof cell === 'string' ? suggestCountryCode(cell) : undefined;
  return fail(
    `${describeCell(cell)} is not an ISO 3166-1 alpha-2 country code` + (hint ? ` (did you mean ${hint}?)` : ' (e.g. US, DE, GB)'),
  );
}

/**
 * `state` of a US customer: `NY`, `US-NY` or `New York` → `US-NY` (ISO 3166-2, what ChartMogul documents today).
 * Other countries' states are free text and are not checked here.
 */
export function parseUsState(cell: Cell): ParseResult<string> {
  const code = typeof cell === 'string' ? usStateCode(cell) : undefined;
  return code ? ok(code) : fail(`${describeCell(cell)} is not a US state code (e.g. NY or US-NY)`);
}

export function parseCurrency(cell: Cell): ParseResult<string> {
  const t = typeof cell === 'string' ? cell.trim().toUpperCase() : '';
  return currencyExponent(t) !== undefined ? ok(t) : fail(`${describeCell(cell)} is not an ISO 4217 currency code`);
}

// ------------------------------------------------------------------------------------------------ money


const PLAIN_DECIMAL = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/**
 * Syntax of an amount in currency units. Accepted text: `49.90`, `-5`, `.5`, `1,234.50` (comma = thousands separator).
 * Refused with a hint: currency symbols or codes (`$49.90`, `49.90 EUR`) — the currency comes from its own column —
 * and decimal commas (`49,90`).
 */
export function parseAmount(cell: Cell, ctx?: DateContext): ParseResult<Amount> {
  if (typeof cell === 'number') {
    if (!isFinite(cell)) return fail(`${cell} is not an amount`);
    return ok({ kind: 'number', value: cell === 0 ? 0 : cell });
  }
  if (typeof cell === 'string') {
    const t = cell.trim();
    const m = PLAIN_DECIMAL.exec(t);
    if (m && (m[2] !== undefined || m[3] !== undefined)) {
      return ok({ kind: 'text', text: t, negative: m[1] === '-', int: (m[2] || '0').replace(/,/g, ''), frac: m[3] || '' });
    }
    const stripped = t.replace(/[^\d.,+-]/g, '');
    if (stripped !== t && PLAIN_DECIMAL.test(stripped) && /\d/.test(stripped)) {
      return fail(`${describeCell(cell)} is not a plain number; type ${stripped} without a currency symbol or code`);
    }
    if (/^[+-]?\d+,\d{1,2}$/.test(t) || /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/.test(t)) {
      return fail(`${describeCell(cell)} uses a decimal comma; type it with a dot (e.g. 49.90)`);
    }
    return fail(`${describeCell(cell)} is not an amount (e.g. 49.90)`);
  }
  if (isDate(cell)) return fail(`${describeCell(cell, ctx)} is a date, not an amount`);
  return fail(`${describeCell(cell)} is not an amount`);
}

function amountText(a: Amount): string {
  return a.kind === 'number' ? String(a.value) : JSON.stringify(a.text);
}

/**
 * Currency units → integer minor units with the currency's ISO 4217 exponent. Never rounds real extra decimals
 * (49.905 USD is an error) but tolerates binary floating-point noise of number cells (0.1 + 0.2 → 30).
 */
export function toMinorUnits(amount: Amount, currency: string, rules: { min?: number } = {}): ParseResult<number> {
  const exp = currencyExponent(currency);
  if (exp === undefined) return fail(`cannot convert ${amountText(amount)}: ${JSON.stringify(currency)} is not an ISO 4217 currency code`);
  let minor: number;
  if (amount.kind === 'number') {
    const x = amount.value * Math.pow(10, exp);
    minor = Math.round(x);
    // Noise of a double near x is ~1e-16 relative; real extra decimals are ≥ 0.1 minor units away.
    if (Math.abs(x - minor) > Math.max(1e-9, Math.abs(x) * 1e-11)) {
      return fail(`${amountText(amount)} has more decimals than ${currency} allows (${exp}); round it in the sheet`);
    }
  } else {
    const extra = amount.frac.slice(exp);
    if (/[^0]/.test(extra)) {
      return fail(`${amountText(amount)} has more decimals than ${currency} allows (${exp}); round it in the sheet`);
    }
    let frac = amount.frac.slice(0, exp);
    while (frac.length < exp) frac += '0';
    minor = Number(amount.int + frac);
    if (amount.negative) minor = -minor;
  }
  if (!Number.isSafeInteger(minor)) return fail(`${amountText(amount)} is too large`);
  if (minor === 0) minor = 0;
  if (rules.min !== undefined && minor < rules.min) return fail(`${amountText(amount)} must not be negative`);
  return ok(minor);
}

export function parseMoney(cell: Cell, currency: string, rules: { min?: number } = {}, ctx?: DateContext): ParseResult<number> {
  const a = parseAmount(cell, ctx);
  return a.ok ? toMinorUnits(a.value, currency, rules) : a;
}

/** `*_in_cents` columns: a whole number of minor units. */
export function parseCents(cell: Cell, rules: { min?: number } = {}, ctx?: DateContext): ParseResult<number> {
  const r = parseInteger(cell, {}, ctx);
  if (!r.ok) return fail(r.message.replace('is not a whole number', 'is not a whole number of cents'));
  if (rules.min !== undefined && r.value < rules.min) return fail(`${describeCell(cell)} must not be negative`);
  return r;
}

// ------------------------------------------------------------------------------------------------ dates

export interface ParsedDate {
  /** `toISOString()` form, UTC. */
  iso: string;
  ms: number;
}

const ISO_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  t.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  return t.getTime();
}

/**
 * Wall time in `timeZone` → UTC instant. Candidate offsets are taken a day before and after, and each is kept only
 * if the zone really has that offset at the resulting instant (re-check), so times next to a DST change come out
 * right. Ambiguous wall times (fall-back overlap) take the earlier instant; wall times skipped by a spring-forward
 * gap are moved forward by the gap, like the clocks (02:30 → 03:30).
 */
export function wallTimeToUtc(localMs: number, ctx: DateContext): number {
  const DAY = 86400000;
  const before = ctx.zoneOffset(ctx.timeZone, localMs - DAY);
  const after = ctx.zoneOffset(ctx.timeZone, localMs + DAY);
  let best: number | undefined;
  for (const o of before === after ? [before] : [before, after]) {
    const t = localMs - o * 60000;
    if (ctx.zoneOffset(ctx.timeZone, t) === o && (best === undefined || t < best)) best = t;
  }
  return best !== undefined ? best : localMs - before * 60000;
}

function serialHint(n: number): string {
  if (n >= 1 && n < 2958466) {
    const d = new Date(Math.round((n - 25569) * 86400000));
    return `${n} is a number, not a date; if it is the spreadsheet serial of ${wallTime(d)}, format the column as a date (Format › Number › Date)`;
  }
  return `${n} is a number, not a date; type dates as 2024-03-01`;
}

/**
 * Date cells (instants, as Sheets builds them from the wall time in the sheet's zone) → their UTC ISO string.
 * ISO text `2024-03-01`, `2024-03-01 10:00`, `2024-03-01T10:00:00` (wall time in the sheet's zone) or with `Z`
 * / `+02:00` / `+0200` (honoured). Anything else, including serial numbers, is an error.
 */
export function parseDate(cell: Cell, ctx: DateContext): ParseResult<ParsedDate> {
  if (isDate(cell)) {
    const ms = cell.getTime();
    if (!isFinite(ms)) return fail('is not a valid date');
    if (cell.getUTCFullYear() < 1900) {
      return fail(`${describeCell(cell, ctx)} looks like a time or duration, not a date; type dates as 2024-03-01`);
    }
    return ok({ iso: cell.toISOString(), ms });
  }
  if (typeof cell === 'number') return fail(serialHint(cell));
  if (typeof cell !== 'string') return fail(`${describeCell(cell)} is not a date`);
  const t = cell.trim();
  const m = ISO_TEXT.exec(t);
  if (!m) return fail(`${describeCell(cell)} is not a date; use 2024-03-01 or 2024-03-01 10:00 (or a date cell)`);
  const y = +m[1], mo = +m[2], d = +m[3];
  const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
  const msPart = m[7] ? Math.floor(+('0.' + m[7]) * 1000 + 1e-7) : 0;
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return fail(`${describeCell(cell)} is not a valid date`);
  }
  const local = utcMs(y, mo, d, h, mi, s, msPart);
  let ms: number;
  const zone = m[8] ? m[8].toUpperCase() : '';
  if (zone === '') {
    ms = wallTimeToUtc(local, ctx);
  } else if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') {
    ms = local;
  } else {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) as RegExpExecArray;
    const minutes = +z[2] * 60 + (z[3] ? +z[3] : 0);
    if (+z[2] > 14 || (z[3] && +z[3] > 59)) return fail(`${describeCell(cell)} has an invalid time zone offset`);
    ms = local - (z[1] === '-' ? -minutes : minutes) * 60000;
  }
  return ok({ iso: new Date(ms).toISOString(), ms });
}

// ------------------------------------------------------------------------------------- custom attributes

const NUMERIC_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** The custom attribute type a single non-empty cell suggests. */
export function customTypeOf(cell: Cell, ctx: DateContext): CustomAttributeType {
  if (typeof cell === 'boolean') return 'Boolean';
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? 'Integer' : 'Decimal';
  if (isDate(cell)) return 'Timestamp';
  const t = String(cell).trim();
  if (/^(true|false)$/i.test(t)) return 'Boolean';
  if (NUMERIC_TEXT.test(t)) return t.indexOf('.') < 0 && Number.isSafeInteger(Number(t)) ? 'Integer' : 'Decimal';
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(t) && parseDate(t, ctx).ok) return 'Timestamp';
  return 'String';
}

/**
 * Type of a `custom.<Key>` column over all its non-empty cells: one kind throughout gives that type
 * (Integer and Decimal mixed → Decimal); any other mix, or no values, → String. Text `00123` stays String.
 */
export function inferCustomType(cells: Cell[], ctx: DateContext): CustomAttributeType {
  const kinds: Record<string, true> = {};
  for (const c of cells) if (!isBlank(c)) kinds[customTypeOf(c, ctx)] = true;
  const list = Object.keys(kinds);
  if (list.length === 1) return list[0] as CustomAttributeType;
  if (list.length === 2 && kinds.Integer && kinds.Decimal) return 'Decimal';
  return 'String';
}

export function parseCustomValue(cell: Cell, type: CustomAttributeType, ctx: DateContext): ParseResult<string | number | boolean> {
  switch (type) {
    case 'Boolean':
      return parseBoolean(cell);
    case 'Integer':
      return parseInteger(cell, {}, ctx);
    case 'Decimal': {
      if (typeof cell === 'number' && isFinite(cell)) return ok(cell);
      const t = typeof cell === 'string' ? cell.trim() : '';
      return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t) ? ok(Number(t)) : fail(`${describeCell(cell, ctx)} is not a number`);
    }
    case 'Timestamp': {
      const d = parseDate(cell, ctx);
      return d.ok ? ok(d.value.iso) : d;
    }
    case 'String': {
      const t = parseText(cell, ctx);
      if (t.ok && t.value.length > 255) return fail(`is longer than 255 characters (${t.value.length}), the limit for String attributes`);
      return t;
    }
  }
}
