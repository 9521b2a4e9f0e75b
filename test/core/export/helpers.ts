// Scripted fakes of the core ports for the formula-core tests: a Map cache with CacheService's limits, a lock whose
// answers are scripted, a manual clock, and a recording HTTP transport answering from a route table.

import type { Cache, Clock, HttpRequest, HttpResponse, HttpTransport, KeyValueStore, Lock } from '../../../src/core/ports';

export class MapCache implements Cache {
  readonly data = new Map<string, string>();
  readonly ttls = new Map<string, number>();
  ops: string[] = [];
  get(key: string): string | null {
    this.ops.push('get ' + key);
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  getAll(keys: string[]): Record<string, string> {
    this.ops.push('getAll ' + keys.length);
    const out: Record<string, string> = {};
    for (const k of keys) if (this.data.has(k)) out[k] = this.data.get(k) as string;
    return out;
  }
  put(key: string, value: string, ttl: number): void {
    if (key.length > 250) throw new Error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > 100 * 1024) throw new Error('Argument too large: value');
    if (ttl > 21600) throw new Error('Invalid argument: expirationInSeconds');
    this.ops.push('put ' + key);
    this.data.set(key, value);
    this.ttls.set(key, ttl);
  }
  putAll(values: Record<string, string>, ttl: number): void {
    for (const k of Object.keys(values)) this.put(k, values[k], ttl);
  }
  remove(key: string): void {
    this.ops.push('remove ' + key);
    this.data.delete(key);
  }
}

export class ScriptedLock implements Lock {
  held = false;
  tries = 0;
  constructor(public answers: boolean[] = []) {}
  tryLock(): boolean {
    this.tries++;
    const ok = this.answers.length ? (this.answers.shift() as boolean) : true;
    if (ok) this.held = true;
    return ok;
  }
  release(): void {
    this.held = false;
  }
}

export class ManualClock implements Clock {
  slept = 0;
  onSleep?: (ms: number) => void;
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number): void {
    this.slept += ms;
    this.t += ms;
    if (this.onSleep) this.onSleep(ms);
  }
}

export class MapStore implements KeyValueStore {
  constructor(readonly data: Record<string, string> = {}) {}
  get(k: string): string | null {
    return k in this.data ? this.data[k] : null;
  }
  set(k: string, v: string): void {
    this.data[k] = v;
  }
  remove(k: string): void {
    delete this.data[k];
  }
  keys(): string[] {
    return Object.keys(this.data);
  }
}

/** Answers by the first route whose pattern matches "METHOD path?query"; records every request. */
export class RouteTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly routes: Array<[RegExp, (req: HttpRequest) => { status?: number; body: unknown }]>) {}
  send(req: HttpRequest): HttpResponse {
    this.requests.push(req);
    const target = req.method.toUpperCase() + ' ' + req.url.replace(/^https?:\/\/[^/]+/, '');
    for (const [re, answer] of this.routes) {
      if (re.test(target)) {
        const a = answer(req);
        return { status: a.status || 200, headers: {}, body: JSON.stringify(a.body) };
      }
    }
    return { status: 404, headers: {}, body: 'Not found' };
  }
  sendAll(reqs: HttpRequest[]): HttpResponse[] {
    return reqs.map((r) => this.send(r));
  }
}
