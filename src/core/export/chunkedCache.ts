// Stores one JSON envelope per cache key over the Cache port, split into chunks when over the 100 KB value limit.
// Text is escaped to ASCII so characters = bytes; a manifest names the chunk count and a hash of the whole text.

import type { Cache, Logger } from '../ports';
import { hash53 } from './hash';

/** 100 KB = 102,400 bytes per value; keep a margin. */
export const CHUNK_CHARS = 95000;
/** Bigger results (≈ 3.8 MB) are not cached at all. */
export const MAX_CHUNKS = 40;

/** What is cached for one query: its canonical id (checked on read), when it was fetched, a value or an error text. */
export interface Envelope {
  q: string;
  at: number;
  v?: unknown;
  e?: string;
}

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4));
}

const chunkKey = (key: string, i: number): string => `${key}.${i}`;

export class ChunkedCache {
  constructor(private readonly cache: Cache, private readonly logger?: Logger) {}

  /** The envelope stored for `id`, or null (missing, expired, a chunk evicted, or another query's entry). */
  read(key: string, id: string): Envelope | null {
    try {
      const head = this.cache.get(key);
      if (head === null) return null;
      let text: string | null = null;
      if (head.charAt(0) === 'J') text = head.slice(1);
      else if (head.charAt(0) === 'C') text = this.readChunks(key, head);
      if (text === null) return null;
      const env = JSON.parse(text) as Envelope;
      return env && env.q === id ? env : null;
    } catch (e) {
      this.log(`cache read failed: ${(e as Error).message}`);
      return null;
    }
  }

  /** Stores the envelope; returns false (and logs) when it is too big or the cache refuses it. Never throws. */
  write(key: string, env: Envelope, ttlSeconds: number): boolean {
    try {
      const text = asciiJson(env);
      if (text.length + 1 <= CHUNK_CHARS) {
        this.cache.put(key, 'J' + text, ttlSeconds);
        return true;
      }
      const n = Math.ceil(text.length / CHUNK_CHARS);
      if (n > MAX_CHUNKS) {
        this.log(`not cached: ${text.length} characters is over ${MAX_CHUNKS} chunks`);
        return false;
      }
      const parts: Record<string, string> = {};
      for (let i = 0; i < n; i++) parts[chunkKey(key, i)] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
      this.cache.putAll(parts, ttlSeconds); // chunks first: a reader never sees a manifest without its chunks
      this.cache.put(key, `C${n}:${hash53(text)}`, ttlSeconds);
      return true;
    } catch (e) {
      this.log(`cache write failed: ${(e as Error).message}`);
      return false;
    }
  }

  private readChunks(key: string, head: string): string | null {
    const m = /^C(\d+):([0-9a-f]+)$/.exec(head);
    if (!m) return null;
    const keys: string[] = [];
    for (let i = 0; i < Number(m[1]); i++) keys.push(chunkKey(key, i));
    const got = this.cache.getAll(keys);
    const parts: string[] = [];
    for (const k of keys) {
      if (typeof got[k] !== 'string') return null; // one chunk evicted: the whole entry is a miss
      parts.push(got[k]);
    }
    const text = parts.join('');
    return hash53(text) === m[2] ? text : null; // chunks of two different writes never mix
  }

  private log(message: string): void {
    if (this.logger) this.logger.log(message);
  }
}
