// The small interfaces through which every Apps Script service reaches the pure core.
// src/gas implements them over UrlFetchApp, PropertiesService, CacheService, LockService and Utilities; tests use fakes.

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** JSON text; absent for requests without a body. */
  body?: string;
}

/** status 0 means the request never got an HTTP answer (DNS, refused, reset, timeout); `networkError` says why. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  networkError?: string;
}

/** Synchronous, like UrlFetchApp. `sendAll` runs the requests in parallel (UrlFetchApp.fetchAll). */
export interface HttpTransport {
  send(request: HttpRequest): HttpResponse;
  sendAll(requests: HttpRequest[]): HttpResponse[];
}

/** PropertiesService-like string store (user, document or script properties). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}

/** CacheService-like store: entries may vanish at any time; values are limited to 100 KB. */
export interface Cache {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, ttlSeconds: number): void;
  putAll(values: Record<string, string>, ttlSeconds: number): void;
  remove(key: string): void;
}

/** LockService-like mutual exclusion. */
export interface Lock {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/** Time: `now` in epoch milliseconds; `sleep` blocks (Utilities.sleep). */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/** Where the core may write diagnostics; never given the API key. */
export interface Logger {
  log(message: string): void;
}
