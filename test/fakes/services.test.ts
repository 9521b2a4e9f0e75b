// Tests of PropertiesService, CacheService and LockService fakes: limits with the real messages, TTL on the env clock,
// random eviction and lock contention with another (simulated) execution.

import { createGasEnvironment } from './index';

describe('PropertiesService', () => {
  const make = () => {
    const env = createGasEnvironment();
    return { env, P: env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService };
  };

  it('keeps separate string stores and stringifies values', () => {
    const { env, P } = make();
    const user = P.getUserProperties();
    user.setProperty('n', 42 as unknown as string).setProperty('b', true as unknown as string);
    expect(user.getProperty('n')).toBe('42');
    expect(user.getProperty('b')).toBe('true');
    expect(user.getProperty('missing')).toBeNull();
    expect(P.getDocumentProperties().getKeys()).toEqual([]);
    P.getScriptProperties().setProperties({ a: '1', b: '2' });
    P.getScriptProperties().setProperties({ c: '3' }, true);
    expect(P.getScriptProperties().getProperties()).toEqual({ c: '3' });
    user.deleteProperty('n');
    expect(user.getKeys()).toEqual(['b']);
    user.deleteAllProperties();
    expect(env.properties.user.data.size).toBe(0);
    expect(() => user.setProperty('x', null as unknown as string)).toThrow('Invalid argument: value');
  });

  it('enforces 9 KB per value and 500 KB per store', () => {
    const { P } = make();
    const store = P.getDocumentProperties();
    store.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => store.setProperty('big', 'é'.repeat(5000))).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) store.setProperty('k' + i, 'y'.repeat(9000));
    expect(() => store.setProperty('k99', 'y'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(store.getProperty('k99')).toBeNull();
  });
});

describe('CacheService', () => {
  const make = () => {
    let t = Date.UTC(2024, 0, 1);
    const env = createGasEnvironment({ now: () => t });
    return { env, C: env.globals.CacheService as GoogleAppsScript.Cache.CacheService, tick: (ms: number) => (t += ms) };
  };

  it('expires entries by the environment clock (default 600 s)', () => {
    const { env, C } = make();
    const cache = C.getScriptCache();
    cache.put('a', '1');
    cache.put('b', '2', 30);
    env.clock.advance(29000);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    env.clock.advance(1000);
    expect(cache.get('b')).toBeNull();
    env.clock.advance(570000 - 1);
    expect(cache.get('a')).toBe('1');
    env.clock.advance(1);
    expect(cache.get('a')).toBeNull();
  });

  it('follows the injected now() too and supports putAll/remove/removeAll', () => {
    const { C, tick } = make();
    const cache = C.getUserCache();
    cache.putAll({ x: '1', y: '2', z: '3' }, 60);
    cache.remove('x');
    cache.removeAll(['y']);
    expect(cache.getAll(['x', 'y', 'z'])).toEqual({ z: '3' });
    tick(60000);
    expect(cache.get('z')).toBeNull();
  });

  it('enforces key, value and TTL limits', () => {
    const { C } = make();
    const cache = C.getDocumentCache()!;
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k', 'v', 21601)).toThrow(/expirationInSeconds/);
    cache.put('k', 'v', 21600);
    expect(cache.get('k')).toBe('v');
  });

  it('can lose entries at any time: evictAll and random eviction', () => {
    const { env, C } = make();
    const cache = C.getScriptCache();
    cache.put('a', '1');
    env.caches.evictAll();
    expect(cache.get('a')).toBeNull();
    cache.put('a', '1');
    env.caches.setEvictionProbability(1);
    expect(cache.get('a')).toBeNull();
    env.caches.setEvictionProbability(0);
    cache.put('a', '1');
    expect(cache.get('a')).toBe('1');
  });

  it('keeps at most 1000 items, dropping the oldest', () => {
    const { C } = make();
    const cache = C.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put('k' + i, 'v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
  });
});

describe('LockService', () => {
  const make = () => {
    const env = createGasEnvironment({ now: () => 0 });
    return { env, L: env.globals.LockService as GoogleAppsScript.Lock.LockService };
  };

  it('acquires, reports and releases', () => {
    const { L } = make();
    const lock = L.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('times out while another execution holds the lock, advancing the virtual clock', () => {
    const { env, L } = make();
    env.locks.holdDocumentLockElsewhere();
    const lock = L.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(env.clock.now()).toBe(5000);
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(L.getScriptLock().tryLock(0)).toBe(true);
    env.locks.releaseElsewhere();
    expect(lock.tryLock(0)).toBe(true);
  });

  it('gets the lock when the other execution lets go within the timeout', () => {
    const { env, L } = make();
    env.locks.holdScriptLockElsewhere(3000);
    const lock = L.getScriptLock();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(env.clock.now()).toBe(3000);
  });
});
