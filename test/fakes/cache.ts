// CacheService fake: script/document/user caches with the real limits (key 250 chars, value 100 KB, TTL <= 6 h, 1000 items).
// Expiry follows the environment's virtual clock; evictAll() and an eviction probability make entries vanish like real ones.

import { Runtime, instrument } from './runtime';

type GCache = GoogleAppsScript.Cache.Cache;

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_TTL_SECONDS = 21600;
export const DEFAULT_TTL_SECONDS = 600;
export const MAX_ITEMS = 1000;

const UNTRACKED = new Set(['evictAll', 'setEvictionProbability', 'size']);

export class FakeCache implements Pick<GCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  private evictionProbability = 0;

  constructor(
    private readonly rt: Runtime,
    readonly kind: 'script' | 'document' | 'user',
    private readonly random: () => number,
  ) {
    return instrument(this, rt, 'CacheService', 'Cache', UNTRACKED);
  }

  /** Test hook: drop every entry (as the real cache may at any time). */
  evictAll(): void {
    this.entries.clear();
  }
  /** Test hook: each get/getAll lookup misses (and drops the entry) with this probability, 0..1. */
  setEvictionProbability(p: number): void {
    this.evictionProbability = p;
  }
  /** Test hook: live entries. */
  size(): number {
    this.purge();
    return this.entries.size;
  }

  private purge(): void {
    const now = this.rt.clock.now();
    for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
  }
  private key(key: unknown): string {
    if (typeof key !== 'string' || key === '') throw this.rt.error('Invalid argument: key');
    if (key.length > MAX_KEY_LENGTH) throw this.rt.error('Argument too large: key');
    return key;
  }
  private ttl(seconds: unknown): number {
    if (seconds === undefined) return DEFAULT_TTL_SECONDS;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 1) throw this.rt.error('Invalid argument: expirationInSeconds');
    if (seconds > MAX_TTL_SECONDS) {
      throw this.rt.error(`Invalid argument: expirationInSeconds. The maximum is ${MAX_TTL_SECONDS} seconds (6 hours).`);
    }
    return Math.trunc(seconds);
  }
  private value(value: unknown): string {
    if (value === null || value === undefined || typeof value === 'object') throw this.rt.error('Invalid argument: value');
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw this.rt.error('Argument too large: value');
    return text;
  }
  private lookup(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= this.rt.clock.now() || (this.evictionProbability > 0 && this.random() < this.evictionProbability)) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }
  private store(items: Array<[string, string]>, ttl: number): void {
    const expires = this.rt.clock.now() + ttl * 1000;
    for (const [k, v] of items) {
      this.entries.delete(k);
      this.entries.set(k, { value: v, expires });
    }
    if (this.entries.size > MAX_ITEMS) this.purge();
    while (this.entries.size > MAX_ITEMS) this.entries.delete(this.entries.keys().next().value as string);
  }

  get(key: string): string | null {
    return this.lookup(this.key(key));
  }
  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw this.rt.error('Invalid argument: keys');
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const v = this.lookup(this.key(k));
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.store([[this.key(key), this.value(value)]], this.ttl(expirationInSeconds));
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    if (values === null || typeof values !== 'object') throw this.rt.error('Invalid argument: values');
    const ttl = this.ttl(expirationInSeconds);
    const items = Object.keys(values).map((k): [string, string] => [this.key(k), this.value(values[k])]);
    this.store(items, ttl);
  }
  remove(key: string): void {
    this.entries.delete(this.key(key));
  }
  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw this.rt.error('Invalid argument: keys');
    for (const k of keys) this.entries.delete(this.key(k));
  }
}

export class FakeCacheService {
  constructor(
    rt: Runtime,
    private readonly caches: { script: FakeCache; document: FakeCache; user: FakeCache },
  ) {
    return instrument(this, rt, 'CacheService', null);
  }
  getScriptCache(): GCache {
    return this.caches.script as unknown as GCache;
  }
  getDocumentCache(): GCache | null {
    return this.caches.document as unknown as GCache;
  }
  getUserCache(): GCache {
    return this.caches.user as unknown as GCache;
  }
}
