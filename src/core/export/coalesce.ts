// Single flight over the Cache and Lock ports: in a recalculation storm, one execution per query fetches while the
// others wait for its cached answer. A short "in flight" marker is claimed under the lock; waits are bounded.

import type { Cache, Clock, Lock } from '../ports';

export interface FlightOptions {
  cache: Cache;
  /** Document lock (held only around the marker check-and-set); null → no coalescing, just fetch. */
  lock: Lock | null;
  clock: Clock;
  /** Stop waiting for another execution at this epoch ms (leave time for our own fetch after it). */
  waitUntil: number;
  pollMs?: number;
  lockWaitMs?: number;
  markerTtlSeconds?: number;
  /** Identifies this execution's marker. */
  token?: string;
}

export type FlightSource = 'cache' | 'waited' | 'fetched';

export interface FlightResult<T> {
  value: T;
  source: FlightSource;
}

type Claim<T> = { kind: 'hit'; value: T } | { kind: 'claimed' } | { kind: 'busy' } | { kind: 'free' };

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (_e) {
    return fallback;
  }
}

function claim<T>(marker: string, o: FlightOptions, read: () => T | null): Claim<T> {
  if (!o.lock) return { kind: 'free' };
  const lock = o.lock;
  if (!safe(() => lock.tryLock(o.lockWaitMs !== undefined ? o.lockWaitMs : 2000), false)) {
    return safe(() => o.cache.get(marker), null) !== null ? { kind: 'busy' } : { kind: 'free' };
  }
  try {
    const value = read(); // filled while we waited for the lock?
    if (value !== null) return { kind: 'hit', value };
    if (safe(() => o.cache.get(marker), null) !== null) return { kind: 'busy' };
    const stored = safe(() => {
      o.cache.put(marker, o.token || String(o.clock.now()), o.markerTtlSeconds || 30);
      return true;
    }, false);
    return stored ? { kind: 'claimed' } : { kind: 'free' };
  } finally {
    safe(() => lock.release(), undefined);
  }
}

/** Polls the cache until the value appears, the marker disappears (owner failed) or time runs out. */
function waitFor<T>(marker: string, o: FlightOptions, read: () => T | null): T | null {
  const pollMs = o.pollMs || 300;
  const maxPolls = Math.ceil(Math.max(0, o.waitUntil - o.clock.now()) / pollMs); // bounded even if the clock stalls
  for (let i = 0; i < maxPolls && o.clock.now() + pollMs <= o.waitUntil; i++) {
    o.clock.sleep(pollMs);
    const value = read();
    if (value !== null) return value;
    if (safe(() => o.cache.get(marker), null) === null) return read();
  }
  return null;
}

/**
 * `read` returns the cached value or null (it may throw a cached error); `fetchFresh` gets and stores a fresh one.
 * At most one fetch per marker runs at a time across executions, unless the lock or a wait times out.
 */
export function singleFlight<T>(marker: string, o: FlightOptions, read: () => T | null, fetchFresh: () => T): FlightResult<T> {
  const cached = read();
  if (cached !== null) return { value: cached, source: 'cache' };
  const c = claim(marker, o, read);
  if (c.kind === 'hit') return { value: c.value, source: 'cache' };
  if (c.kind === 'busy') {
    const waited = waitFor(marker, o, read);
    if (waited !== null) return { value: waited, source: 'waited' };
    return { value: fetchFresh(), source: 'fetched' };
  }
  try {
    return { value: fetchFresh(), source: 'fetched' };
  } finally {
    if (c.kind === 'claimed') safe(() => o.cache.remove(marker), undefined);
  }
}
