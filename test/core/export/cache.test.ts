// The chunked formula cache over CacheService's 100 KB value limit, and TTLs by interval.
// Chunks are byte-safe (ASCII-escaped), checked by hash, and a missing chunk is a miss rather than a broken value.

import { asciiJson, CHUNK_CHARS, ChunkedCache, MAX_CHUNKS } from '../../../src/core/export/chunkedCache';
import { activityTtl, metricTtl } from '../../../src/core/export/ttl';
import { MapCache } from './helpers';

const bigValue = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Zürich Kunde ${i} 🚀`, mrr: i * 100, email: `c${i}@example.com` }));

describe('ChunkedCache', () => {
  it('stores a small value in one entry', () => {
    const cache = new MapCache();
    const store = new ChunkedCache(cache);
    expect(store.write('k', { q: 'query', at: 1, v: [1, 2] }, 600)).toBe(true);
    expect([...cache.data.keys()]).toEqual(['k']);
    expect(store.read('k', 'query')).toEqual({ q: 'query', at: 1, v: [1, 2] });
  });

  it('splits a value over 100 KB (multi-byte text included) into chunks under the limit and reads it back', () => {
    const cache = new MapCache();
    const store = new ChunkedCache(cache);
    const v = bigValue(6000);
    expect(Buffer.byteLength(JSON.stringify(v), 'utf8')).toBeGreaterThan(300 * 1024);
    expect(store.write('k', { q: 'q1', at: 5, v }, 3600)).toBe(true);
    const chunks = [...cache.data.keys()].filter((k) => k.startsWith('k.'));
    expect(chunks.length).toBe(Math.ceil(asciiJson({ q: 'q1', at: 5, v }).length / CHUNK_CHARS));
    expect(chunks.length).toBeGreaterThan(3);
    for (const k of cache.data.keys()) expect(Buffer.byteLength(cache.data.get(k) as string, 'utf8')).toBeLessThanOrEqual(100 * 1024);
    expect(cache.data.get('k')).toMatch(/^C\d+:[0-9a-f]+$/);
    expect(cache.ttls.get('k')).toBe(3600);
    expect(store.read('k', 'q1')).toEqual({ q: 'q1', at: 5, v });
  });

  it('one evicted chunk makes the whole entry a miss', () => {
    const cache = new MapCache();
    const store = new ChunkedCache(cache);
    store.write('k', { q: 'q', at: 0, v: bigValue(3000) }, 60);
    cache.data.delete('k.1');
    expect(store.read('k', 'q')).toBeNull();
  });

  it('chunks of two different writes never mix (hash check)', () => {
    const cache = new MapCache();
    const store = new ChunkedCache(cache);
    store.write('k', { q: 'q', at: 0, v: bigValue(3000) }, 60);
    const first = new Map(cache.data);
    store.write('k', { q: 'q', at: 1, v: bigValue(3001) }, 60);
    cache.data.set('k.0', first.get('k.0') as string);
    cache.data.set('k', first.get('k') as string);
    expect(store.read('k', 'q')).toBeNull();
  });

  it('an entry of another query (hash collision) is a miss', () => {
    const cache = new MapCache();
    const store = new ChunkedCache(cache);
    store.write('k', { q: 'one', at: 0, v: 1 }, 60);
    expect(store.read('k', 'two')).toBeNull();
  });

  it(`does not cache more than ${MAX_CHUNKS} chunks, and never throws when the cache fails`, () => {
    const logs: string[] = [];
    const cache = new MapCache();
    const store = new ChunkedCache(cache, { log: (m) => logs.push(m) });
    expect(store.write('k', { q: 'q', at: 0, v: 'x'.repeat(CHUNK_CHARS * MAX_CHUNKS + 1) }, 60)).toBe(false);
    expect(cache.data.size).toBe(0);
    const broken = new ChunkedCache({ get: () => { throw new Error('boom'); }, getAll: () => ({}), put: () => { throw new Error('full'); }, putAll: () => undefined, remove: () => undefined }, { log: (m) => logs.push(m) });
    expect(broken.read('k', 'q')).toBeNull();
    expect(broken.write('k', { q: 'q', at: 0, v: 1 }, 60)).toBe(false);
    expect(logs).toEqual([expect.stringMatching(/^not cached/), 'cache read failed: boom', 'cache write failed: full']);
  });
});

describe('TTL by interval', () => {
  const today = '2024-06-19'; // a Wednesday
  it('ranges reaching the current interval live shorter, the finer the interval', () => {
    expect(metricTtl('day', '2024-06-19', today)).toBe(900);
    expect(metricTtl('week', '2024-06-17', today)).toBe(1800);
    expect(metricTtl('month', '2024-06-30', today)).toBe(3600);
    expect(metricTtl('quarter', '2024-04-01', today)).toBe(10800);
    expect(metricTtl('year', '2024-01-01', today)).toBe(21600);
  });
  it('ranges wholly before the current interval keep the 6 h maximum', () => {
    expect(metricTtl('day', '2024-06-18', today)).toBe(21600);
    expect(metricTtl('week', '2024-06-16', today)).toBe(21600);
    expect(metricTtl('month', '2024-05-31', today)).toBe(21600);
    expect(metricTtl('quarter', '2024-03-31', today)).toBe(21600);
  });
  it('activities: 15 min when the range reaches today', () => {
    expect(activityTtl('2024-06-19', today)).toBe(900);
    expect(activityTtl('2024-06-18', today)).toBe(21600);
  });
});
