import { canonicalJson, fingerprint, fnv1a64 } from '../../../src/core/import/fingerprint';
import { parseTab } from '../../../src/core/import/rows';
import { UTC, table } from './helpers';

describe('fingerprint', () => {
  it('is 64-bit FNV-1a (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes UTF-8 bytes, so non-ASCII text is stable', () => {
    expect(fnv1a64('Müller 😀')).toBe(fnv1a64('Mu\u0308ller 😀'.normalize('NFC')));
    expect(fnv1a64('é')).not.toBe(fnv1a64('e'));
  });

  it('ignores object key order and undefined members, but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' }, z: undefined })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
  });

  it('changes with any change of the payload', () => {
    const base = { external_id: 'C-1', name: 'Acme', attributes: { tags: ['vip'] } };
    const fp = fingerprint(base);
    expect(fingerprint({ ...base, name: 'Acme ' })).not.toBe(fp);
    expect(fingerprint({ ...base, attributes: { tags: ['VIP'] } })).not.toBe(fp);
    expect(fingerprint({ ...base, email: 'a@b.co' })).not.toBe(fp);
    expect(fingerprint({ ...base, n: 1 })).not.toBe(fingerprint({ ...base, n: '1' }));
  });

  it('gives the same row fingerprint for the same data in a different column order, another for changed data', () => {
    const a = parseTab('Customers', table(['external_id', 'name', 'email'], ['C-1', 'Acme', 'a@acme.com']), UTC);
    const b = parseTab('Customers', table(['Email', 'Name', 'External ID', 'chartmogul_status'], ['a@acme.com', ' Acme', 'C-1', 'imported']), UTC);
    const c = parseTab('Customers', table(['external_id', 'name', 'email'], ['C-1', 'Acme', 'b@acme.com']), UTC);
    expect(a.rows[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(b.rows[0].fingerprint).toBe(a.rows[0].fingerprint);
    expect(c.rows[0].fingerprint).not.toBe(a.rows[0].fingerprint);
  });
});
