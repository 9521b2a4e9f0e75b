// The cell model and Sheets' value rules: what a written value becomes (strings parsed as if typed) and what reads return.
// Dates are stored as wall-clock time of the spreadsheet zone (like Sheets' serial numbers), so a zone change moves them.

import { fromWallMs, wallMs } from './timezone';
import { isDate, dateMs } from './runtime';

/** A date/time cell: wall-clock milliseconds (UTC-based) in the spreadsheet's zone. */
export class DateCell {
  constructor(readonly wall: number) {}
}

export type Stored = string | number | boolean | DateCell;

export interface CellStyle {
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
}

export interface Cell {
  v: Stored;
  f?: string;
  fmt?: string;
  note?: string;
  dv?: unknown;
  st?: CellStyle;
  /** Set on a cell that shows part of an array result; points at the formula cell. */
  spillOf?: Cell;
  /** On a formula cell: the cells its array result spilled into. */
  spill?: Cell[];
}

/** What getNumberFormat() returns for a cell with the default ("Automatic") format. */
export const GENERAL_FORMAT = '0.###############';
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
/** Epoch of Sheets serial numbers (1899-12-30) as a UTC-based wall millisecond count. */
export const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
export const MAX_CELL_CHARS = 50000;

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.v !== '' || !!cell.f);
}

export function serialOf(wall: number): number {
  return (wall - SERIAL_EPOCH) / 86400000;
}

export function wallOfSerial(serial: number): number {
  return Math.round(serial * 86400000) + SERIAL_EPOCH;
}

export type FormatKind = 'general' | 'text' | 'date' | 'number';

/** Classifies a number format; date formats make numbers read back as Date and vice versa. */
export function formatKind(fmt: string | undefined): FormatKind {
  if (!fmt || fmt === GENERAL_FORMAT || /^general$/i.test(fmt)) return 'general';
  if (fmt === '@') return 'text';
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare))) return 'date';
  return 'number';
}

/** The value getValues() returns for a stored value under a number format. */
export function readValue(v: Stored, fmt: string | undefined, tz: string, makeDate: (ms: number) => Date): string | number | boolean | Date {
  const kind = formatKind(fmt);
  if (v instanceof DateCell) {
    if (kind === 'number') return serialOf(v.wall);
    return makeDate(fromWallMs(v.wall, tz));
  }
  if (typeof v === 'number' && kind === 'date') return makeDate(fromWallMs(wallOfSerial(v), tz));
  return v;
}

export interface Typed {
  v: Stored;
  f?: string;
  /** Number format Sheets applies automatically when the cell's format is still "Automatic". */
  autoFormat?: string;
}

export class InvalidCellValue extends Error {}

/** What a value passed to setValue(s) becomes. Throws InvalidCellValue for undefined, objects, arrays, functions. */
export function interpretWrite(value: unknown, fmt: string | undefined, tz: string, nowMs: number): Typed {
  if (value === null) return { v: '' };
  if (isDate(value)) {
    const ms = dateMs(value);
    if (isNaN(ms)) return { v: '#NUM!' };
    return { v: new DateCell(wallMs(ms, tz)), autoFormat: DEFAULT_DATE_TIME_FORMAT };
  }
  switch (typeof value) {
    case 'number':
      return { v: Number.isFinite(value) ? value : '#NUM!' };
    case 'boolean':
      return { v: value };
    case 'string':
      if (value.length > MAX_CELL_CHARS) {
        throw new InvalidCellValue(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      }
      if (formatKind(fmt) === 'text') return { v: value };
      return parseTyped(value, nowMs, tz);
    default:
      throw new InvalidCellValue(typeof value);
  }
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s?%$/;
const CURRENCY = /^([+-])?\$\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function wallDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const w = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(w).getUTCDate() === d ? w : undefined;
}

/** Interprets a string as if a user typed it into a cell (en_US locale). */
export function parseTyped(text: string, nowMs: number, tz: string): Typed {
  if (text.startsWith('=') && text.length > 1) return { v: '', f: text };
  if (text.startsWith("'")) return { v: text.slice(1) };
  const t = text.trim();
  if (t === '') return { v: text };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  if (PLAIN_NUMBER.test(t)) return { v: Number(t) };
  if (GROUPED_NUMBER.test(t)) {
    return { v: Number(t.replace(/,/g, '')), autoFormat: t.includes('.') ? '#,##0.00' : '#,##0' };
  }
  let m = PERCENT.exec(t);
  if (m) return { v: Number(m[1]) / 100, autoFormat: m[1].includes('.') ? '0.00%' : '0%' };
  m = CURRENCY.exec(t);
  if (m) {
    const n = Number(m[2].replace(/,/g, '')) * (m[1] === '-' ? -1 : 1);
    return { v: n, autoFormat: m[2].includes('.') ? '"$"#,##0.00' : '"$"#,##0' };
  }
  m = ISO_DATE.exec(t);
  if (m) {
    const w = wallDate(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (w !== undefined) {
      const fmt = m[4] === undefined ? 'yyyy-mm-dd' : m[6] === undefined ? 'yyyy-mm-dd H:mm' : 'yyyy-mm-dd H:mm:ss';
      return { v: new DateCell(w), autoFormat: fmt };
    }
    return { v: text };
  }
  m = US_DATE.exec(t);
  if (m) {
    const year = m[3] ? +m[3] : new Date(wallMs(nowMs, tz)).getUTCFullYear();
    const w = wallDate(year, +m[1], +m[2]);
    if (w !== undefined) return { v: new DateCell(w), autoFormat: m[3] ? 'M/d/yyyy' : 'M/d' };
    return { v: text };
  }
  m = TIME.exec(t);
  if (m && +m[1] < 24 && +m[2] < 60 && +(m[3] ?? 0) < 60) {
    const w = SERIAL_EPOCH + ((+m[1] * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000;
    return { v: new DateCell(w), autoFormat: m[3] === undefined ? 'H:mm' : 'H:mm:ss' };
  }
  return { v: text };
}

/** Normalizes what a formula evaluator returned into a stored value (no string parsing: results keep their type). */
export function fromFormulaResult(value: unknown, tz: string): Stored {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new DateCell(wallMs(dateMs(value), tz));
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}
