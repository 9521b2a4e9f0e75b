// Tests for the pure encoders: UTF-8, base64 (Basic auth) and RFC 3986 percent-encoding / query strings.
// Node's Buffer and encodeURIComponent serve only as reference oracles here; the core uses neither.

import { base64Encode } from '../../../src/core/chartmogul/base64';
import { buildQueryString, path, percentEncode } from '../../../src/core/chartmogul/query';
import { utf8Bytes } from '../../../src/core/chartmogul/utf8';

const SAMPLES = ['', 'a', 'ab', 'abc', 'abcd', 'sk_live_123:', 'Zürich €', '日本語', '😀 emoji', 'key with spaces:'];

describe('utf8Bytes', () => {
  it.each(SAMPLES)('matches Buffer for %j', (s) => {
    expect(utf8Bytes(s)).toEqual([...Buffer.from(s, 'utf8')]);
  });
  it('turns a lone surrogate into U+FFFD', () => {
    expect(utf8Bytes('\ud800x')).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });
});

describe('base64Encode', () => {
  it.each(SAMPLES)('matches Buffer for %j', (s) => {
    expect(base64Encode(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
  });
  it('encodes the Basic credential "key:"', () => {
    expect(base64Encode('abc123:')).toBe('YWJjMTIzOg==');
  });
});

describe('percentEncode (RFC 3986)', () => {
  it('keeps only unreserved characters literal', () => {
    expect(percentEncode("AZaz09-._~ !'()*,/?#[]@&=+$;:%")).toBe(
      'AZaz09-._~%20%21%27%28%29%2A%2C%2F%3F%23%5B%5D%40%26%3D%2B%24%3B%3A%25',
    );
  });
  it('encodes CFL filter strings so the server decodes them back exactly', () => {
    const cfl = "region~ANY~'US','FR'~AND~mrr~GT~150";
    const enc = percentEncode(cfl);
    expect(enc).toBe('region~ANY~%27US%27%2C%27FR%27~AND~mrr~GT~150');
    expect(decodeURIComponent(enc)).toBe(cfl);
  });
  it('encodes non-ASCII as UTF-8 bytes', () => {
    expect(percentEncode('PRO Plan é')).toBe('PRO%20Plan%20%C3%A9');
  });
});

describe('buildQueryString', () => {
  it('keeps order, skips null/undefined, repeats arrays, stringifies scalars', () => {
    expect(buildQueryString({ a: 'x y', b: undefined, c: null, d: 3, e: true, f: ['1', '2'], 'start-date': '2024-01-01' }))
      .toBe('a=x%20y&d=3&e=true&f=1&f=2&start-date=2024-01-01');
  });
  it('encodes keys too (subscription_event[id])', () => {
    expect(buildQueryString({ 'subscription_event[id]': 7 })).toBe('subscription_event%5Bid%5D=7');
  });
  it('is empty for no query', () => {
    expect(buildQueryString(undefined)).toBe('');
    expect(buildQueryString({})).toBe('');
  });
});

describe('path', () => {
  it('encodes segments so ids cannot change the path', () => {
    expect(path('/v1/data_sources', 'ds_1', 'invoices', 'INV 1/2', 'status')).toBe('/v1/data_sources/ds_1/invoices/INV%201%2F2/status');
  });
  it('refuses an empty segment (would hit the collection instead of the object)', () => {
    expect(() => path('/v1/customers', '')).toThrow(/Empty path segment/);
  });
});
