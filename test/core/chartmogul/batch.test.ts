// Tests for batch sending: waves of ≤ 20 per sendAll, ≤ 40 requests per rolling second on the fake clock,
// per-item retries within the deadline, results in input order, and the sendAll-throws fallback.

import { HttpRequest, HttpResponse } from '../../../src/core/ports';
import { ApiRequest } from '../../../src/core/chartmogul/request';
import { customerRequests, NewCustomer } from '../../../src/core/chartmogul/resources/customers';
import { accountRequests } from '../../../src/core/chartmogul/resources/account';
import { harness, res } from './helpers';

const customer = (i: number): NewCustomer => ({ data_source_uuid: 'ds_1', external_id: `c${i}`, name: `Customer ${i}` });
const creates = (n: number): ApiRequest<unknown>[] => Array.from({ length: n }, (_x, i) => customerRequests.create(customer(i)));
const echo = (req: HttpRequest): HttpResponse => res(201, { uuid: 'cus_' + JSON.parse(req.body || '{}').external_id });

/** Largest number of requests sent within any window [t, t + 1000). */
function maxPerRollingSecond(times: number[]): number {
  let max = 0;
  for (const t of times) max = Math.max(max, times.filter((u) => u >= t && u < t + 1000).length);
  return max;
}

describe('pacing', () => {
  it('sends ≤ 20 per wave and ≤ 40 per rolling second; results keep input order', () => {
    const h = harness(echo);
    const results = h.client.batch(creates(130));
    expect(results).toHaveLength(130);
    results.forEach((r, i) => expect(r).toEqual({ ok: true, value: { uuid: `cus_c${i}` }, attempts: 1 }));
    expect(Math.max(...h.transport.waves.map((w) => w.size))).toBe(20);
    expect(maxPerRollingSecond(h.transport.sentAt)).toBe(40);
    expect(h.transport.sent).toHaveLength(130);
    // 130 requests at 40/s need three full windows after the first.
    expect(h.clock.now() - h.transport.sentAt[0]).toBeGreaterThanOrEqual(3000);
    expect(h.clock.sleeps.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
  });

  it('holds the limits when requests take time', () => {
    const h = harness((req) => {
      h.clock.t += 150; // every answer takes 150 ms of (fake) time
      return echo(req);
    });
    h.client.batch(creates(200));
    expect(maxPerRollingSecond(h.transport.sentAt)).toBeLessThanOrEqual(40);
    expect(Math.max(...h.transport.waves.map((w) => w.size))).toBeLessThanOrEqual(20);
  });

  it('honours lower limits and clamps higher ones to 20 / 40', () => {
    const low = harness(echo);
    low.client.batch(creates(30), { limits: { maxInFlight: 5, maxPerSecond: 10 } });
    expect(Math.max(...low.transport.waves.map((w) => w.size))).toBe(5);
    expect(maxPerRollingSecond(low.transport.sentAt)).toBe(10);
    const high = harness(echo);
    high.client.batch(creates(100), { limits: { maxInFlight: 100, maxPerSecond: 1000 } });
    expect(Math.max(...high.transport.waves.map((w) => w.size))).toBe(20);
    expect(maxPerRollingSecond(high.transport.sentAt)).toBe(40);
  });

  it('an empty batch sends nothing', () => {
    const h = harness(echo);
    expect(h.client.batch([])).toEqual([]);
    expect(h.transport.waves).toEqual([]);
  });
});

describe('per-item outcome', () => {
  it('retries only the retryable items and reports errors per item', () => {
    const seen: Record<string, number> = {};
    const h = harness((req) => {
      const id = JSON.parse(req.body || '{}').external_id as string;
      seen[id] = (seen[id] || 0) + 1;
      if (id === 'c1' && seen[id] === 1) return res(429, '');
      if (id === 'c2' && seen[id] === 1) return { status: 0, headers: {}, body: '', networkError: 'reset' };
      if (id === 'c3') return res(422, { errors: { external_id: 'The external ID for this customer already exists in our system.' } });
      if (id === 'c4') return res(422, { errors: { country: 'Country is invalid' } });
      return echo(req);
    });
    const results = h.client.batch(creates(6));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false, true]);
    expect(results.map((r) => r.attempts)).toEqual([1, 2, 2, 1, 1, 1]);
    const dup = results[3];
    const bad = results[4];
    if (dup.ok || bad.ok) throw new Error('expected failures');
    expect([dup.error.kind, dup.error.alreadyExists]).toEqual(['validation', true]);
    expect([bad.error.message, bad.error.alreadyExists]).toEqual(['country: Country is invalid', false]);
    expect(seen).toEqual({ c0: 1, c1: 2, c2: 2, c3: 1, c4: 1, c5: 1 });
  });

  it('applies notFound per item (search by e-mail)', () => {
    const h = harness([res(404, { code: 404, message: "Can't find any customers", param: 'email' })]);
    const [r] = h.client.batch([customerRequests.search('x@y.z')]);
    expect(r).toEqual({ ok: true, value: { entries: [], has_more: false, cursor: null }, attempts: 1 });
  });

  it('gives up a retrying item with its last error when the next wait passes the deadline', () => {
    const h = harness([res(503, '')], { random: () => 0.999 });
    const deadline = h.clock.now() + 2000;
    const [r] = h.client.batch([accountRequests.ping()], { deadline });
    if (r.ok) throw new Error('expected failure');
    expect([r.error.kind, r.error.status]).toEqual(['server', 503]);
    expect(r.attempts).toBe(3); // waits 499 + 999, then 1998 would pass the deadline
    expect(h.clock.now()).toBeLessThanOrEqual(deadline);
  });

  it('items that could not be sent before the deadline fail as deadline_exceeded (retryable, 0 attempts)', () => {
    const h = harness(echo);
    const deadline = h.clock.now() + 1500;
    const results = h.client.batch(creates(100), { deadline });
    const sent = results.filter((r) => r.ok).length;
    expect(sent).toBe(80); // 40 at t=0, 40 at t=1000; the next window opens at t=2000 > deadline
    const rest = results.slice(80);
    rest.forEach((r) => {
      if (r.ok) throw new Error('expected failure');
      expect([r.error.kind, r.error.retryable, r.attempts, r.error.message]).toEqual(['deadline_exceeded', true, 0, 'Not sent: the time budget ran out']);
    });
    expect(h.clock.now()).toBeLessThanOrEqual(deadline);
  });
});

describe('transport failures', () => {
  it('falls back to one-by-one sends when sendAll throws', () => {
    const h = harness(echo);
    h.transport.sendAll = () => { throw new Error('Address unavailable'); };
    const results = h.client.batch(creates(3));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(h.transport.sent).toHaveLength(3);
  });

  it('a missing answer in the sendAll result is a retryable network error for that item', () => {
    const h = harness(echo);
    let calls = 0;
    const original = h.transport.sendAll.bind(h.transport);
    h.transport.sendAll = (reqs) => (calls++ === 0 ? original(reqs).slice(0, 1) : original(reqs));
    const results = h.client.batch(creates(2));
    expect(results.map((r) => [r.ok, r.attempts])).toEqual([[true, 1], [true, 2]]);
  });
});
