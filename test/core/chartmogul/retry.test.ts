// Tests for the retry policy through the client: what is retried, backoff with full jitter, Retry-After,
// the caller's deadline (no sleep past it) and the attempt cap — all on a fake clock.

import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../../src/core/chartmogul/retry';
import { ChartMogulError } from '../../../src/core/chartmogul/errors';
import { harness, netErr, res } from './helpers';

const PONG = res(200, { data: 'pong!' });

function caught(fn: () => unknown): ChartMogulError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChartMogulError) return e;
    throw e;
  }
  throw new Error('expected a ChartMogulError');
}

describe('retried answers', () => {
  it.each([
    ['429', res(429, '')], ['500', res(500, '500 Internal Server Error')], ['502', res(502, '')],
    ['503', res(503, '')], ['504', res(504, '504 Gateway Timeout Error')], ['network', netErr()],
  ])('%s is retried, then succeeds', (_n, first) => {
    const h = harness([first, first, PONG]);
    expect(h.client.account.ping()).toEqual({ data: 'pong!' });
    expect(h.transport.sent).toHaveLength(3);
    expect(h.clock.sleeps).toEqual([250, 500]); // random 0.5 × 500, × 1000
  });

  it('a throwing transport counts as a network failure and is retried', () => {
    const h = harness((_r, n) => {
      if (n === 0) throw new Error('boom');
      return PONG;
    });
    expect(h.client.account.ping().data).toBe('pong!');
    expect(h.transport.sent).toHaveLength(2);
  });

  it('POST writes are retried too (duplicates surface as alreadyExists 422s)', () => {
    const h = harness([res(503), res(201, { uuid: 'ds_1', name: 'x', created_at: '', status: 'never_imported' })]);
    expect(h.client.dataSources.create({ name: 'x' }).uuid).toBe('ds_1');
    expect(h.transport.sent.map((r) => r.method)).toEqual(['post', 'post']);
  });
});

describe('never retried', () => {
  it.each([400, 401, 402, 403, 404, 405, 409, 422])('%i fails at once', (status) => {
    const h = harness([res(status, { error: 'nope' }), PONG]);
    const e = caught(() => h.client.account.ping());
    expect(e.status).toBe(status);
    expect(e.attempts).toBe(1);
    expect(h.transport.sent).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
  });
});

describe('Retry-After', () => {
  it('honours delta-seconds', () => {
    const h = harness([res(429, '', { 'retry-after': '3' }), PONG]);
    h.client.account.ping();
    expect(h.clock.sleeps).toEqual([3000]);
  });
  it('honours an HTTP date (header name in any case)', () => {
    const h = harness([PONG]);
    const at = new Date(h.clock.now() + 7000).toUTCString();
    const h2 = harness([res(503, '', { 'Retry-After': at }), PONG]);
    h2.clock.t = h.clock.t;
    h2.client.account.ping();
    expect(h2.clock.sleeps).toHaveLength(1);
    expect(h2.clock.sleeps[0]).toBeGreaterThan(6000);
    expect(h2.clock.sleeps[0]).toBeLessThanOrEqual(7000);
  });
  it('gives up at once when Retry-After reaches past the deadline', () => {
    const h = harness([res(429, '', { 'retry-after': '120' }), PONG]);
    const e = caught(() => h.client.account.ping({ deadline: h.clock.now() + 60000 }));
    expect([e.kind, e.attempts]).toEqual(['rate_limited', 1]);
    expect(h.clock.sleeps).toEqual([]);
  });
  it('parses only numbers and dates', () => {
    expect(parseRetryAfter({ 'retry-after': '1.5' }, 0)).toBe(1500);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, 0)).toBeUndefined();
    expect(parseRetryAfter({}, 0)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 1970 00:00:05 GMT' }, 10000)).toBe(0);
  });
});

describe('deadline', () => {
  it('never sleeps past it and throws the last error with the attempt count', () => {
    const h = harness([res(503, '')], { random: () => 0.999 });
    const deadline = h.clock.now() + 5000;
    const e = caught(() => h.client.account.ping({ deadline }));
    expect(e.kind).toBe('server');
    expect(h.clock.now()).toBeLessThanOrEqual(deadline);
    // 499 + 999 + 1998 = 3496; the next wait (3996) would end after the deadline.
    expect(h.clock.sleeps).toEqual([499, 999, 1998]);
    expect(e.attempts).toBe(4);
    expect(h.transport.sent).toHaveLength(4);
  });
  it('uses the client default deadline when the call has none', () => {
    const h = harness([res(500, '')], { random: () => 0.999, defaultDeadline: 1_700_000_001_000 });
    caught(() => h.client.account.ping());
    expect(h.clock.now()).toBeLessThanOrEqual(1_700_000_001_000);
    expect(h.transport.sent.length).toBeGreaterThan(1);
  });
  it('falls back to the relative budget', () => {
    const h = harness([res(500, '')], { random: () => 0.999, budgetMs: 2000 });
    const start = h.clock.now();
    caught(() => h.client.account.ping());
    expect(h.clock.now() - start).toBeLessThanOrEqual(2000);
  });
  it('still makes the first attempt when the deadline has passed, but no retry', () => {
    const h = harness([res(503, ''), PONG]);
    const e = caught(() => h.client.account.ping({ deadline: h.clock.now() - 1 }));
    expect(e.attempts).toBe(1);
  });
});

describe('backoff', () => {
  it('full jitter stays within [0, min(cap, base·2^(n−1)))', () => {
    const p = DEFAULT_RETRY_POLICY;
    for (let n = 1; n <= 12; n++) {
      const ceiling = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (n - 1));
      expect(backoffDelayMs(n, p, () => 0)).toBe(0);
      expect(backoffDelayMs(n, p, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelayMs(n, p, () => 0.999999)).toBeGreaterThanOrEqual(ceiling - 1);
    }
    expect(backoffDelayMs(30, p, () => 5)).toBe(p.maxDelayMs); // a bad random source is clamped
  });
  it('stops after maxAttempts', () => {
    const h = harness([res(429, '')], { retry: { maxAttempts: 3 } });
    const e = caught(() => h.client.account.ping());
    expect(e.attempts).toBe(3);
    expect(h.transport.sent).toHaveLength(3);
    expect(h.logs.some((l) => /giving up after 3 attempt/.test(l))).toBe(true);
  });
  it('logs each retry with method, path and status', () => {
    const h = harness([res(429, ''), PONG]);
    h.client.account.ping();
    expect(h.logs).toEqual(['GET /v1/ping → HTTP 429; retry 1 in 250 ms']);
  });
});
