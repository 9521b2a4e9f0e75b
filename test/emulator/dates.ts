// Date parsing and formatting the way the API does it: accepts ISO 8601, "YYYY-MM-DD HH:MM:SS[ UTC|+0200]" and
// "YYYY-MM-DD"; no zone means UTC; import objects come back as `toISOString()` ("…T…:…:….000Z").

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses an API date value; null when it is not a recognisable date. */
export function parseApiDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  let offset = 'Z';
  if (zone && zone.toUpperCase() !== 'Z' && zone.toUpperCase() !== 'UTC') {
    const digits = zone.replace(':', '');
    offset = `${digits.slice(0, 3)}:${digits.length > 3 ? digits.slice(3, 5) : '00'}`;
  }
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const date = new Date(t);
  // Reject impossible calendar dates such as 2023-02-30 (Date.parse rolls them over).
  if (!zone || offset === 'Z') {
    if (date.getUTCDate() !== Number(d) || date.getUTCMonth() + 1 !== Number(mo)) return null;
  }
  return date;
}

/** Normalises a date for storage: ISO string in UTC, or null when invalid. */
export function isoOrNull(value: unknown): string | null {
  const d = parseApiDate(value);
  return d ? d.toISOString() : null;
}

/** `YYYY-MM-DD` validation for metrics/activities params. */
export function isPlainDate(value: string | undefined): boolean {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return parseApiDate(value) !== null;
}

/** Customer-facing timestamps (customer-since, activities) use a "+00:00" offset. */
export function withOffset(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, '+00:00').replace(/Z$/, '+00:00');
}
