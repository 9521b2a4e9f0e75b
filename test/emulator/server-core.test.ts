// Behaviour tests of the emulator's transport layer: auth (401/403), unknown routes, `page` rejection, rate and
// concurrency limits, fault switches, control endpoints, clock, stats, save/load.

import { mkdtempSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RateLimiter } from './limits';
import { startEmulator, type EmulatorHandle } from './server';
import { basic, client, testEngine } from './test-helpers';

let emu: EmulatorHandle;
let call: ReturnType<typeof client>;

beforeEach(async () => {
  emu = await startEmulator({ engine: testEngine, rateLimit: 0 });
  call = client(emu);
});
afterEach(() => emu.stop());

describe('auth', () => {
  it('pings with a valid key', async () => {
    expect(await call('GET', '/v1/ping')).toMatchObject({ status: 200, body: { data: 'pong!' } });
  });
  it('answers 401 without or with an unknown key, exactly like the recordings', async () => {
    const expected = { code: 401, message: 'No valid API key provided', param: null };
    expect(await call('GET', '/v1/ping', undefined, null)).toMatchObject({ status: 401, body: expected });
    expect(await call('GET', '/v1/ping', undefined, 'nope')).toMatchObject({ status: 401, body: expected });
  });
  it('lets a read-only key read but not write (403 {code,message,param})', async () => {
    expect((await call('GET', '/v1/data_sources', undefined, emu.readOnlyKey)).status).toBe(200);
    const w = await call('POST', '/v1/data_sources', { name: 'x' }, emu.readOnlyKey);
    expect(w.status).toBe(403);
    expect(w.body).toEqual({ code: 403, message: expect.any(String), param: null });
  });
  it('ignores the password and accepts configured keys', async () => {
    const e2 = await startEmulator({ readWriteKeys: ['k1'], readOnlyKeys: ['r1'] });
    const res = await fetch(`${e2.url}/v1/ping`, { headers: { Authorization: `Basic ${Buffer.from('k1:whatever').toString('base64')}` } });
    expect(res.status).toBe(200);
    expect(e2.readWriteKey).toBe('k1');
    await e2.stop();
  });
});

describe('routing and params', () => {
  it('answers unknown routes with 404', async () => {
    expect((await call('GET', '/v1/nothing-here')).status).toBe(404);
    expect((await call('PUT', '/v1/customers')).status).toBe(404);
  });
  it('rejects the deprecated page parameter', async () => {
    const r = await call('GET', '/v1/customers?page=2');
    expect(r).toMatchObject({ status: 400, body: { code: 400, message: 'Parameter "page" is deprecated', param: 'page' } });
  });
  it('answers 400 on a malformed JSON body', async () => {
    const res = await fetch(`${emu.url}/v1/data_sources`, { method: 'POST', headers: { Authorization: basic(emu.readWriteKey) }, body: '{oops' });
    expect(res.status).toBe(400);
  });
  it('returns the account', async () => {
    expect(await call('GET', '/v1/account')).toMatchObject({ status: 200, body: { currency: 'USD', time_zone: expect.any(String) } });
  });
});

describe('limits', () => {
  it('RateLimiter: 40 per sliding second, rejected requests do not count, 0 = off', () => {
    const r = new RateLimiter(40);
    for (let i = 0; i < 40; i++) expect(r.take(1000 + i)).toBe(true);
    expect(r.take(1500)).toBe(false);
    expect(r.take(1999)).toBe(false);
    expect(r.take(2000)).toBe(true); // the first stamp (t=1000) left the window
    r.perSecond = 0;
    for (let i = 0; i < 100; i++) expect(r.take(2001)).toBe(true);
  });
  it('answers 429 with the documented JSON body to a burst beyond 40 requests per second', async () => {
    const e2 = await startEmulator({ maxConcurrent: 0 });
    const c2 = client(e2);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 60 }, () => c2('GET', '/v1/ping')));
    const elapsed = Date.now() - started;
    await e2.stop();
    const ok = replies.filter((r) => r.status === 200).length;
    const limited = replies.filter((r) => r.status === 429);
    expect(ok + limited.length).toBe(60);
    // On a loaded machine the burst may straddle a window boundary; only a sub-second burst must be exactly 40/20.
    if (elapsed < 900) expect(ok).toBe(40);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].body).toEqual({ code: 429, message: 'Your request rate has exceeded our rate limit.', param: null });
  });
  it('answers 503 to the 21st concurrent request', async () => {
    emu.setFaults({ latencyMs: 1500 });
    const replies = await Promise.all(Array.from({ length: 21 }, () => call('GET', '/v1/ping')));
    emu.setFaults({ latencyMs: 0 });
    expect(replies.filter((r) => r.status === 503)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(20);
    expect(replies.find((r) => r.status === 503)?.body).toEqual({ code: 503, message: 'Too many parallel connections.', param: null });
  });
});

describe('faults', () => {
  async function run(n: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call('GET', '/v1/ping')).status);
    return out;
  }
  it('injects errors deterministically for a given seed', async () => {
    emu.setFaults({ errorRates: { 500: 0.3, 429: 0.2 }, faultSeed: 7 });
    const a = await run(30);
    emu.setFaults({ faultSeed: 7 });
    const b = await run(30);
    expect(a).toEqual(b);
    expect(a).toContain(500);
    expect(a).toContain(429);
    expect(a).toContain(200);
  });
  it('sends edge-style plain-text 500 bodies', async () => {
    emu.setFaults({ errorRates: { 500: 1 } });
    expect(await call('GET', '/v1/ping')).toMatchObject({ status: 500, text: '500 Internal Server Error' });
  });
  it('drops connections', async () => {
    emu.setFaults({ dropRate: 1 });
    await expect(call('GET', '/v1/ping')).rejects.toThrow();
  });
  it('adds latency and slow bodies', async () => {
    emu.setFaults({ latencyMs: 150, slowMs: 150 });
    const t = Date.now();
    expect((await call('GET', '/v1/ping')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
  });
});

describe('control endpoints, stats, clock, persistence', () => {
  it('counts requests per endpoint pattern and resets them', async () => {
    const ds = await call('POST', '/v1/data_sources', { name: 'a' });
    await call('GET', `/v1/data_sources/${ds.body.uuid}`);
    await call('GET', `/v1/data_sources/${ds.body.uuid}`);
    const stats = (await fetch(`${emu.url}/_emulator/stats`).then((r) => r.json())) as Record<string, number>;
    expect(stats).toMatchObject({ 'POST /v1/data_sources': 1, 'GET /v1/data_sources/{uuid}': 2 });
    emu.resetStats();
    expect(emu.stats()).toEqual({});
  });
  it('sets faults, clock, state and reset over HTTP', async () => {
    const post = (p: string, b: unknown) => fetch(`${emu.url}${p}`, { method: 'POST', body: JSON.stringify(b) });
    await post('/_emulator/clock', { now: '2020-05-01T00:00:00Z' });
    const ds = await call('POST', '/v1/data_sources', { name: 'clocked' });
    expect(ds.body.created_at).toBe('2020-05-01T00:00:00.000Z');
    await post('/_emulator/faults', { errorRates: { 503: 1 } });
    expect((await call('GET', '/v1/ping')).status).toBe(503);
    await post('/_emulator/faults', { errorRates: { 503: 0 } });
    const state = await fetch(`${emu.url}/_emulator/state`).then((r) => r.json());
    await post('/_emulator/reset', {});
    expect(emu.state.dataSources).toHaveLength(0);
    await post('/_emulator/state', state);
    expect(emu.state.dataSources.map((d) => d.name)).toEqual(['clocked']);
    await post('/_emulator/clock', { now: null });
  });
  it('saves and loads the whole state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-emu-'));
    await call('POST', '/v1/data_sources', { name: 'kept' });
    emu.save(join(dir, 's.json'));
    expect(existsSync(join(dir, 's.json'))).toBe(true);
    const e2 = await startEmulator({ seed: join(dir, 's.json') });
    expect(e2.state.dataSources[0].name).toBe('kept');
    e2.load(join(dir, 's.json'));
    expect(e2.state.dataSources).toHaveLength(1);
    await e2.stop();
  });
});
