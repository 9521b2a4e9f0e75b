// Tests for test/support/node-transport.ts (the Node HttpTransport over syncHttp) and the client end to end over
// real HTTP against the sync-http test server running in a child process — the set-up the emulator tests will use.

import { ChartMogulClient } from '../../../src/core/chartmogul/client';
import { ChartMogulError } from '../../../src/core/chartmogul/errors';
import { NodeTransport, SyncHttpFn } from '../../support/node-transport';
import { ChildServer, closedPort, startChildServer } from '../../support/sync-http-test-helpers';
import { API_KEY, FakeClock } from './helpers';

describe('NodeTransport mapping', () => {
  it('upper-cases the method, lower-cases response headers and maps status 0 to networkError', () => {
    const calls: Parameters<SyncHttpFn>[0][] = [];
    const http: SyncHttpFn = (reqs) => {
      calls.push(reqs);
      const answers: ReturnType<SyncHttpFn> = [
        { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' },
        { status: 0, headers: {}, body: '', error: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
      ];
      return answers;
    };
    const t = new NodeTransport({ http, timeoutMs: 5000 });
    const out = t.sendAll([
      { method: 'get', url: 'http://x/a', headers: { A: '1' } },
      { method: 'post', url: 'http://x/b', headers: {}, body: '{}' },
    ]);
    expect(calls[0]).toEqual([
      { method: 'GET', url: 'http://x/a', headers: { A: '1' }, body: undefined, timeoutMs: 5000, followRedirects: true },
      { method: 'POST', url: 'http://x/b', headers: {}, body: '{}', timeoutMs: 5000, followRedirects: true },
    ]);
    expect(out).toEqual([
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' },
      { status: 0, headers: {}, body: '', networkError: 'connect ECONNREFUSED' },
    ]);
  });

  it('a throwing syncHttp becomes status 0 for every request', () => {
    const t = new NodeTransport({ http: () => { throw new Error('worker died'); } });
    expect(t.send({ method: 'get', url: 'http://x', headers: {} })).toEqual({ status: 0, headers: {}, body: '', networkError: 'worker died' });
  });
});

describe('client over real HTTP (child-process server)', () => {
  let server: ChildServer;
  beforeAll(async () => { server = await startChildServer(); });
  afterAll(async () => { await server.stop(); });

  const client = (baseUrl: string, exchanges?: string[]) => new ChartMogulClient({
    apiKey: API_KEY, baseUrl, clock: new FakeClock(), random: () => 0,
    transport: new NodeTransport({ timeoutMs: 5000, onExchange: (req, res) => exchanges?.push(`${req.method} ${res.status}`) }),
  });

  it('sends auth, headers, query and JSON body the server can read', () => {
    const exchanges: string[] = [];
    const echo = client(server.baseUrl, exchanges).call<{ method: string; path: string; headers: Record<string, string>; body: string }>({
      method: 'post', path: '/echo', query: { filters: "plan~ANY~'Gold, Plus'" }, body: { name: 'Zürich', gone: undefined, cleared: null }, expect: 'object',
    });
    expect(echo.method).toBe('POST');
    expect(decodeURIComponent(echo.path)).toBe("/echo?filters=plan~ANY~'Gold, Plus'");
    expect(echo.headers.authorization).toBe('Basic ' + Buffer.from(API_KEY + ':').toString('base64'));
    expect(echo.headers['user-agent']).toMatch(/^chartmogul-sheets-addon\//);
    expect(JSON.parse(echo.body)).toEqual({ name: 'Zürich', cleared: null });
    expect(exchanges).toEqual(['post 200']);
  });

  it('retries a real 503 and then reports it', () => {
    const exchanges: string[] = [];
    const c = new ChartMogulClient({
      apiKey: API_KEY, baseUrl: server.baseUrl, clock: new FakeClock(), random: () => 0, retry: { maxAttempts: 3 },
      transport: new NodeTransport({ timeoutMs: 5000, onExchange: (_q, r) => exchanges.push(String(r.status)) }),
    });
    expect(() => c.call({ method: 'get', path: '/status/503', expect: 'object' })).toThrow(expect.objectContaining({ kind: 'server', attempts: 3 }));
    expect(exchanges).toEqual(['503', '503', '503']);
  });

  it('a refused connection is a network error', async () => {
    const port = await closedPort();
    let error: unknown;
    try {
      new ChartMogulClient({
        apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}`, clock: new FakeClock(), retry: { maxAttempts: 1 },
        transport: new NodeTransport({ timeoutMs: 3000 }),
      }).account.ping();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartMogulError);
    expect((error as ChartMogulError).kind).toBe('network');
    expect((error as ChartMogulError).message).toMatch(/^Network error: /);
  });

  it('a batch over real HTTP keeps input order', () => {
    const c = client(server.baseUrl);
    const results = c.batch(Array.from({ length: 25 }, (_x, i) => ({ method: 'get' as const, path: '/echo', query: { i }, expect: 'object' as const })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => (r.ok ? (r.value as { path: string }).path : ''))).toEqual(Array.from({ length: 25 }, (_x, i) => `/echo?i=${i}`));
  });
});
