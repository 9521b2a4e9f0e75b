// Time-zone arithmetic on top of Intl: UTC offset of an instant, wall time <-> instant, Java-style formatDate.
// Used by Utilities.formatDate, date cells (stored as wall time of the spreadsheet zone) and number formats.

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const FIXED = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz === '') return false;
  if (tz === 'GMT' || tz === 'UTC' || FIXED.test(tz)) return true;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at instant `ms`, in minutes (Berlin in winter: +60). */
export function offsetMinutes(ms: number, tz: string): number {
  if (tz === 'GMT' || tz === 'UTC') return 0;
  const fixed = FIXED.exec(tz);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  // Offsets only change on 15-minute boundaries, so cache per zone and quarter hour (Intl is slow).
  const slot = Math.floor(ms / 900000);
  const key = tz + '|' + slot;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  if (offsetCache.size > 100000) offsetCache.clear();
  const off = intlOffset(slot * 900000, tz);
  offsetCache.set(key, off);
  return off;
}

const offsetCache = new Map<string, number>();

function intlOffset(ms: number, tz: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const asUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60000);
}

/** Wall-clock time in `tz` as a UTC-based millisecond count (so Date.UTC arithmetic works on it). */
export function wallMs(ms: number, tz: string): number {
  return ms + offsetMinutes(ms, tz) * 60000;
}

export function toWall(ms: number, tz: string): WallTime {
  return splitWallMs(wallMs(ms, tz));
}

export function splitWallMs(w: number): WallTime {
  const d = new Date(w);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** The instant at which the wall clock in `tz` shows `w` (a UTC-based wall millisecond count). */
export function fromWallMs(w: number, tz: string): number {
  let guess = w - offsetMinutes(w, tz) * 60000;
  for (let i = 0; i < 3; i++) {
    const next = w - offsetMinutes(guess, tz) * 60000;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export { MONTHS, DAYS };

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return sign + h;
  return sign + h + (colon ? ':' : '') + pad(abs % 60, 2);
}

function zoneName(ms: number, tz: string, long: boolean): string {
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'Etc/GMT' || tz === 'GMT') return long ? 'Coordinated Universal Time' : tz === 'GMT' || tz === 'Etc/GMT' ? 'GMT' : 'UTC';
  if (FIXED.test(tz)) return 'GMT' + offsetText(offsetMinutes(ms, tz), true);
  const style = long ? 'long' : 'short';
  for (const locale of ['en-US', 'en-GB']) {
    const part = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: style })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName');
    if (part && (long || !/^GMT[+-]/.test(part.value))) return part.value;
  }
  return 'GMT' + offsetText(offsetMinutes(ms, tz), true);
}

/**
 * Formats like Java's SimpleDateFormat (what Utilities.formatDate uses): letters G y Y M L d D E u a H k K h m s S
 * z Z X, 'quoted literals' and '' for a quote. Unknown letters throw like Java does.
 */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const off = offsetMinutes(ms, tz);
  const w = splitWallMs(ms + off * 60000);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += field(ch, n, w, ms, tz, off);
  }
  return out;
}

function field(ch: string, n: number, w: WallTime, ms: number, tz: string, off: number): string {
  switch (ch) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[w.month - 1];
      if (n === 3) return MONTHS[w.month - 1].slice(0, 3);
      return pad(w.month, n);
    case 'd':
      return pad(w.day, n);
    case 'D': {
      const doy = Math.floor((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
      return pad(doy, n);
    }
    case 'E':
      return n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, n);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour, n);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, n);
    case 'K':
      return pad(w.hour % 12, n);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
    case 'm':
      return pad(w.minute, n);
    case 's':
      return pad(w.second, n);
    case 'S':
      return pad(w.millisecond, n);
    case 'Z':
      return offsetText(off, false);
    case 'X':
      if (off === 0) return 'Z';
      return offsetText(off, n >= 3, n >= 2);
    case 'z':
      return zoneName(ms, tz, n >= 4);
    default:
      throw new Error(`Illegal pattern character '${ch}'`);
  }
}
