// RFC 3986 percent-encoding, query-string and path building (no URL/URLSearchParams in Apps Script).
// Only unreserved characters (A-Z a-z 0-9 - . _ ~) stay literal, so CFL filters like `plan~ANY~'A, B'` survive intact.

import { utf8Bytes } from './utf8';

export type QueryScalar = string | number | boolean;
/** `undefined`/`null` values are left out; arrays repeat the key (`a=1&a=2`). */
export type QueryValue = QueryScalar | null | undefined | ReadonlyArray<QueryScalar>;
export type Query = Record<string, QueryValue>;

const HEX = '0123456789ABCDEF';

function isUnreserved(b: number): boolean {
  return (
    (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) ||
    b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e
  );
}

export function percentEncode(text: string): string {
  let out = '';
  for (const b of utf8Bytes(text)) {
    out += isUnreserved(b) ? String.fromCharCode(b) : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/** `a=1&b=x%20y`, keys in insertion order, without the leading `?`. */
export function buildQueryString(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const values: ReadonlyArray<QueryScalar> = Array.isArray(value) ? value : [value as QueryScalar];
    for (const v of values) parts.push(percentEncode(key) + '=' + percentEncode(String(v)));
  }
  return parts.join('&');
}

/** Joins `/v1/customers` with encoded id segments: `path('/v1/customers', uuid, 'attributes')`. */
export function path(base: string, ...segments: Array<string | number>): string {
  let out = base;
  for (const s of segments) {
    const text = String(s);
    if (text === '') throw new Error(`Empty path segment after ${base}`);
    out += '/' + percentEncode(text);
  }
  return out;
}
