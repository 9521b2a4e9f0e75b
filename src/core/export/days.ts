// Calendar-day arithmetic on 'YYYY-MM-DD' strings and ISO-instant parsing for the formula core.
// UTC-only maths (Date.UTC / getUTC*): the spreadsheet's time zone is applied by src/gas, never here.

const DAY_MS = 86400000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
/** Sheets' day 0 (serial numbers count days from 1899-12-30). */
const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Epoch ms of UTC midnight of a valid day, or NaN. */
export function dayMs(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : NaN;
}

export function isDay(day: string): boolean {
  return !isNaN(dayMs(day));
}

export function dayFromMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A Sheets serial number (45292 = 2024-01-01) → day; fractions (times) are dropped. */
export function dayFromSerial(serial: number): string {
  return dayFromMs(SHEETS_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

export function addDays(day: string, n: number): string {
  return dayFromMs(dayMs(day) + n * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

export function firstOfMonth(day: string): string {
  return day.slice(0, 8) + '01';
}

/** First day of the interval (Monday-based weeks) that contains `day`. */
export function intervalStart(day: string, interval: 'day' | 'week' | 'month' | 'quarter' | 'year'): string {
  switch (interval) {
    case 'day':
      return day;
    case 'week':
      return addDays(day, -((new Date(dayMs(day)).getUTCDay() + 6) % 7));
    case 'month':
      return firstOfMonth(day);
    case 'quarter': {
      const m = Number(day.slice(5, 7));
      return `${day.slice(0, 4)}-${pad(m - ((m - 1) % 3))}-01`;
    }
    case 'year':
      return day.slice(0, 4) + '-01-01';
  }
}

/** Epoch ms of an ISO 8601 date or date-time (offset or Z; none = UTC), or NaN. Never `new Date(string)`. */
export function parseInstant(text: string): number {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return NaN;
  const base = dayMs(`${m[1]}-${m[2]}-${m[3]}`);
  if (isNaN(base)) return NaN;
  const h = Number(m[4] || 0);
  const mi = Number(m[5] || 0);
  const s = Number(m[6] || 0);
  if (h > 23 || mi > 59 || s > 59) return NaN;
  const ms = m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0;
  let offsetMin = 0;
  const z = m[8];
  if (z && z !== 'Z') {
    const digits = z.replace(':', '');
    offsetMin = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return base + ((h * 60 + mi - offsetMin) * 60 + s) * 1000 + ms;
}
