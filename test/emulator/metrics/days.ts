// Day arithmetic for the metric engine: timestamps → account-local calendar days (integer day numbers) and back.
// A "day number" is days since 1970-01-01 of the local calendar date; metrics are computed at day resolution.

export const DAY_MS = 86_400_000;

/** Parses a stored timestamp (ISO 8601, "YYYY-MM-DD", …); NaN when unparsable. Zone-less values are UTC. */
export function parseTime(value: string | null | undefined): number {
  if (!value) return NaN;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T00:00:00Z`);
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return t;
  // "YYYY-MM-DD HH:MM:SS" without zone
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(v);
  return m ? Date.parse(`${m[1]}T${m[2]}Z`) : NaN;
}

/** "YYYY-MM-DD" → day number; NaN when invalid (including impossible dates such as 2023-02-30). */
export function parseDay(value: string | undefined): number {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NaN;
  const t = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(t)) return NaN;
  if (formatDay(t / DAY_MS) !== value) return NaN;
  return t / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar parts of a day number. */
export function dayParts(day: number): { y: number; m: number; d: number; dow: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), dow: dt.getUTCDay() };
}

export function dayFromParts(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** ISO timestamp with the "+00:00" offset used by activities, customer-since and subscription entries. */
export function isoOffset(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const UTC_ZONES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'etc/universal', 'universal', 'zulu', 'etc/zulu', '']);

/** Maps instants to local day numbers in one IANA zone; caches the UTC offset per hour. */
export class DayClock {
  private readonly fmt: Intl.DateTimeFormat | null;
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
    let fmt: Intl.DateTimeFormat | null = null;
    if (!UTC_ZONES.has((timeZone || '').toLowerCase())) {
      try {
        fmt = new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        });
      } catch {
        fmt = null; // unknown zone: fall back to UTC (documented)
      }
    }
    this.fmt = fmt;
  }

  /** Local day number of an instant. */
  day(ms: number): number {
    return Math.floor((ms + this.offset(ms)) / DAY_MS);
  }

  private offset(ms: number): number {
    if (!this.fmt) return 0;
    const hour = Math.floor(ms / 3_600_000);
    const cached = this.offsets.get(hour);
    if (cached !== undefined) return cached;
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(hour * 3_600_000))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const local = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
    const off = local - hour * 3_600_000;
    this.offsets.set(hour, off);
    return off;
  }
}
