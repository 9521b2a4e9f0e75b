// The emulator's HTTP server: startEmulator() serves the emulated ChartMogul API on 127.0.0.1 with auth, limits,
// fault switches, per-endpoint statistics and the /_emulator control endpoints. Routes live in ./resources.

import { withRequestScope } from './metrics';
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { authorize, generateKey } from './auth';
import { controlAnswer, type ControlTarget } from './control';
import { defaultEngine, EngineError, type MetricEngine } from './engine';
import { codeError, RATE_LIMITED, ROUTE_NOT_FOUND, TOO_MANY_CONNECTIONS } from './errors';
import { Faults, type FaultOptions } from './faults';
import type { Answer, ApiRequest, Ctx, Query } from './http-types';
import { ConcurrencyGate, RateLimiter } from './limits';
import { cloneState, loadState, saveState, seedState } from './persistence';
import { apiRouter } from './resources';
import type { EmulatorState } from './state';

export interface EmulatorOptions {
  port?: number;
  readWriteKeys?: string[];
  readOnlyKeys?: string[];
  /** Initial state: an EmulatorState object or a path to a state JSON file. */
  seed?: EmulatorState | string;
  now?: () => Date;
  /** Requests per second per account (default 40; 0 disables). */
  rateLimit?: number;
  /** Requests in flight before 503 (default 20; 0 disables). */
  maxConcurrent?: number;
  latencyMs?: number;
  errorRates?: FaultOptions['errorRates'];
  dropRate?: number;
  slowMs?: number;
  /** PRNG seed for fault decisions (default 1). */
  faultSeed?: number;
  /** Replace (parts of) the metric engine, e.g. in tests. */
  engine?: Partial<MetricEngine>;
  /** Called after every successful write request (the CLI persists its state file here). */
  onWrite?: (state: EmulatorState) => void;
}

export type FaultUpdate = Partial<Omit<FaultOptions, 'seed'>> & {
  seed?: number;
  faultSeed?: number;
  rateLimit?: number;
  maxConcurrent?: number;
};

export interface EmulatorHandle {
  url: string;
  port: number;
  readWriteKey: string;
  readOnlyKey: string;
  readonly state: EmulatorState;
  setFaults(partial: FaultUpdate): void;
  setClock(now: Date | null): void;
  resetStats(): void;
  stats(): Record<string, number>;
  /** Back to the seeded state, zero stats, startup faults, real clock. */
  reset(): void;
  save(path: string): void;
  load(path: string): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const PLAIN_5XX: Record<number, string> = { 500: '500 Internal Server Error', 504: '504 Gateway Timeout Error' };

function parseQuery(search: URLSearchParams): Query {
  const out: Query = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const keys = {
    readWrite: options.readWriteKeys?.length ? [...options.readWriteKeys] : [generateKey()],
    readOnly: options.readOnlyKeys?.length ? [...options.readOnlyKeys] : [generateKey()],
  };
  const initial = seedState(options.seed);
  let state = cloneState(initial);
  const engine: MetricEngine = { ...defaultEngine, ...(options.engine ?? {}) };
  const startupFaults: Partial<FaultOptions> = {
    latencyMs: options.latencyMs ?? 0,
    errorRates: options.errorRates ?? {},
    dropRate: options.dropRate ?? 0,
    slowMs: options.slowMs ?? 0,
    seed: options.faultSeed ?? 1,
  };
  const faults = new Faults(startupFaults);
  const limiter = new RateLimiter(options.rateLimit ?? 40);
  const gate = new ConcurrencyGate(options.maxConcurrent ?? 20);
  const router = apiRouter();
  let counts: Record<string, number> = {};
  let clock: Date | null = null;
  const sockets = new Set<Socket>();

  const now = () => (clock ? new Date(clock) : options.now ? options.now() : new Date());

  const setFaults = (p: FaultUpdate) => {
    const { rateLimit, maxConcurrent, faultSeed, ...rest } = p;
    if (rateLimit !== undefined) limiter.perSecond = rateLimit;
    if (maxConcurrent !== undefined) gate.max = maxConcurrent;
    faults.set({ ...rest, ...(faultSeed !== undefined ? { seed: faultSeed } : {}) });
  };

  const target: ControlTarget = {
    stats: () => ({ ...counts }),
    setFaults,
    reset: () => {
      state = cloneState(initial);
      counts = {};
      clock = null;
      limiter.reset();
      faults.set({ ...startupFaults });
      limiter.perSecond = options.rateLimit ?? 40;
      gate.max = options.maxConcurrent ?? 20;
    },
    setClock: (d) => {
      clock = d;
    },
    getState: () => state,
    setState: (s) => {
      state = s;
    },
  };

  async function send(res: ServerResponse, a: Answer, slowMs: number): Promise<void> {
    const headers: Record<string, string> = { ...(a.headers ?? {}) };
    let payload = '';
    if (a.body !== undefined) {
      payload = JSON.stringify(a.body);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    } else if (a.text !== undefined) {
      payload = a.text;
      headers['Content-Type'] = 'text/plain; charset=utf-8';
    }
    headers['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(a.status, headers);
    if (slowMs > 0 && payload.length > 1) {
      const buf = Buffer.from(payload);
      const half = Math.floor(buf.length / 2);
      res.write(buf.subarray(0, half));
      await sleep(slowMs);
      if (!res.destroyed) res.end(buf.subarray(half));
    } else {
      res.end(payload);
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = router.match(method, url.pathname);
    const name = match ? match.name : `${method} <unknown>`;
    counts[name] = (counts[name] ?? 0) + 1;
    if (!gate.enter()) {
      req.resume();
      await send(res, TOO_MANY_CONNECTIONS, 0);
      return;
    }
    try {
      const raw = await readBody(req);
      const f = faults.options;
      if (f.latencyMs > 0) await sleep(f.latencyMs);
      const fault = faults.decide();
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      const answer = fault.kind === 'status' ? injected(fault.status) : answerFor(req, method, url, raw, match);
      await send(res, answer, f.slowMs);
    } finally {
      gate.leave();
    }
  }

  function injected(status: 429 | 500 | 503 | 504): Answer {
    if (status === 429) return RATE_LIMITED;
    if (status === 503) return TOO_MANY_CONNECTIONS;
    return { status, text: PLAIN_5XX[status] };
  }

  function answerFor(
    req: IncomingMessage,
    method: string,
    url: URL,
    raw: string | null,
    match: ReturnType<typeof router.match>,
  ): Answer {
    const denied = authorize(keys, req.headers.authorization, method);
    if (denied) return denied;
    if (!limiter.take()) return RATE_LIMITED;
    if (raw === null) return codeError(413, 'Request body too large', null);
    let body: unknown;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        return codeError(400, 'Request body is not valid JSON', null);
      }
    }
    if (!match) return ROUTE_NOT_FOUND;
    const apiReq: ApiRequest = { method, path: url.pathname, query: parseQuery(url.searchParams), body, params: match.params };
    const ctx: Ctx = { state, now: now(), engine };
    try {
      const answer = withRequestScope(() => match.handler(apiReq, ctx));
      if (method !== 'GET' && answer.status < 300) options.onWrite?.(state);
      return answer;
    } catch (e) {
      const message = e instanceof EngineError ? e.message : `emulator bug: ${(e as Error).stack ?? String(e)}`;
      return { status: 500, text: PLAIN_5XX[500], headers: { 'X-Emulator-Error': encodeURIComponent(message.slice(0, 500)) } };
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/_emulator/')
      ? readBody(req).then((raw) => send(res, controlAnswer(target, req.method ?? 'GET', url.pathname, raw), 0))
      : handleApi(req, res, url);
    work.catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`emulator failure: ${String(e)}`);
    });
  });
  // Idle keep-alive sockets stay open for a minute, like a real API edge: with Node's 5 s default, a client that
  // pauses longer (a test blocked in synchronous work) races the server's close and sees "other side closed".
  server.keepAliveTimeout = 65000;
  server.headersTimeout = 66000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    readWriteKey: keys.readWrite[0],
    readOnlyKey: keys.readOnly[0],
    get state() {
      return state;
    },
    setFaults,
    setClock: (d) => target.setClock(d),
    resetStats: () => {
      counts = {};
    },
    stats: () => ({ ...counts }),
    reset: () => target.reset(),
    save: (path) => saveState(state, path),
    load: (path) => {
      state = loadState(path);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
