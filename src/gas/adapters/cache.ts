// Cache port over an Apps Script CacheService cache (the document cache for formulas).
// Values ≤ 100 KB and TTL ≤ 6 h are the caller's business (see core/export/chunkedCache.ts).

import type { Cache } from '../../core/ports';

export class AppsScriptCache implements Cache {
  constructor(private readonly cache: GoogleAppsScript.Cache.Cache) {}

  get(key: string): string | null {
    return this.cache.get(key);
  }
  getAll(keys: string[]): Record<string, string> {
    return this.cache.getAll(keys);
  }
  put(key: string, value: string, ttlSeconds: number): void {
    this.cache.put(key, value, ttlSeconds);
  }
  putAll(values: Record<string, string>, ttlSeconds: number): void {
    this.cache.putAll(values, ttlSeconds);
  }
  remove(key: string): void {
    this.cache.remove(key);
  }
}
