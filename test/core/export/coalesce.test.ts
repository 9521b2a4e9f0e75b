// Single-flight coalescing over scripted Cache/Lock/Clock fakes: a storm asks once, waiters pick up the owner's
// answer, a dead owner or a stuck lock never blocks a formula beyond its wait budget.

import { FlightOptions, singleFlight } from '../../../src/core/export/coalesce';
import { ManualClock, MapCache, ScriptedLock } from './helpers';

function setup(lockAnswers: boolean[] = []) {
  const cache = new MapCache();
  const lock = new ScriptedLock(lockAnswers);
  const clock = new ManualClock();
  const o: FlightOptions = { cache, lock, clock, waitUntil: clock.now() + 13000, pollMs: 300, token: 'me' };
  const read = () => (cache.data.has('v') ? (cache.data.get('v') as string) : null);
  let fetches = 0;
  const fetchFresh = () => {
    fetches++;
    expect(cache.data.get('m')).toBe('me'); // our marker is up while we fetch (when we claimed it)
    cache.data.set('v', 'fresh');
    return 'fresh';
  };
  return { cache, lock, clock, o, read, fetchFresh, fetches: () => fetches };
}

it('a hit touches neither the lock nor the marker', () => {
  const s = setup();
  s.cache.data.set('v', 'cached');
  expect(singleFlight('m', s.o, s.read, s.fetchFresh)).toEqual({ value: 'cached', source: 'cache' });
  expect(s.lock.tries).toBe(0);
});

it('a miss claims the marker under the lock, fetches once, then removes the marker and releases the lock', () => {
  const s = setup();
  expect(singleFlight('m', s.o, s.read, s.fetchFresh)).toEqual({ value: 'fresh', source: 'fetched' });
  expect(s.fetches()).toBe(1);
  expect(s.cache.data.has('m')).toBe(false);
  expect(s.lock.held).toBe(false);
  expect(s.cache.ttls.get('m')).toBe(30);
});

it('a storm of 100 sequential executions fetches exactly once', () => {
  const s = setup();
  const sources = Array.from({ length: 100 }, () => singleFlight('m', s.o, s.read, s.fetchFresh).source);
  expect(s.fetches()).toBe(1);
  expect(sources.filter((x) => x === 'cache')).toHaveLength(99);
});

it('a value stored while waiting for the lock is used without fetching', () => {
  const s = setup();
  let reads = 0;
  const read = () => (++reads === 2 ? 'from-other' : null);
  expect(singleFlight('m', s.o, read, s.fetchFresh)).toEqual({ value: 'from-other', source: 'cache' });
  expect(s.fetches()).toBe(0);
});

it('another execution in flight: wait for its answer instead of fetching', () => {
  const s = setup();
  s.cache.data.set('m', 'other');
  let polls = 0;
  s.clock.onSleep = () => {
    if (++polls === 3) s.cache.data.set('v', 'theirs');
  };
  expect(singleFlight('m', s.o, s.read, s.fetchFresh)).toEqual({ value: 'theirs', source: 'waited' });
  expect(s.fetches()).toBe(0);
  expect(s.clock.slept).toBe(900);
  expect(s.cache.data.get('m')).toBe('other'); // not ours to remove
});

it('the owner failed (marker gone, no value): fetch ourselves at once', () => {
  const s = setup();
  s.cache.data.set('m', 'other');
  s.clock.onSleep = () => s.cache.data.delete('m');
  const r = singleFlight('m', s.o, s.read, () => {
    s.cache.data.set('v', 'mine');
    return 'mine';
  });
  expect(r).toEqual({ value: 'mine', source: 'fetched' });
  expect(s.clock.slept).toBe(300);
});

it('waits no longer than waitUntil, then fetches (even if the clock does not move)', () => {
  const s = setup();
  s.cache.data.set('m', 'stuck');
  const r = singleFlight('m', s.o, s.read, () => 'mine');
  expect(r.source).toBe('fetched');
  expect(s.clock.slept).toBeLessThanOrEqual(13000);
  const frozen = { now: () => 0, sleep: () => undefined };
  const r2 = singleFlight('m', { ...s.o, clock: frozen, waitUntil: 1000 }, s.read, () => 'mine');
  expect(r2.source).toBe('fetched');
});

it('lock not obtained and nobody in flight: fetch without coalescing; lock error is not fatal', () => {
  const s = setup([false]);
  expect(singleFlight('m', s.o, s.read, () => 'x').source).toBe('fetched');
  const throwing = { tryLock: () => { throw new Error('Lock service down'); }, release: () => undefined };
  expect(singleFlight('m', { ...s.o, lock: throwing }, () => null, () => 'y')).toEqual({ value: 'y', source: 'fetched' });
});

it('no lock at all: plain fetch; a cached error from read propagates', () => {
  const s = setup();
  expect(singleFlight('m', { ...s.o, lock: null }, () => null, () => 'z').value).toBe('z');
  expect(() => singleFlight('m', s.o, () => { throw new Error('cached 400'); }, s.fetchFresh)).toThrow('cached 400');
});

it('the marker is removed even when the fetch throws', () => {
  const s = setup();
  expect(() => singleFlight('m', s.o, s.read, () => { throw new Error('HTTP 500'); })).toThrow('HTTP 500');
  expect(s.cache.data.has('m')).toBe(false);
});
