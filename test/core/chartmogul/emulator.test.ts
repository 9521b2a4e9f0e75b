// The typed client against the real emulator over HTTP (child process + synchronous transport, as in Apps Script).
// A full scenario plus faults: rate limits, 5xx and dropped connections must be retried, 4xx must not.

import { ChartMogulClient, ChartMogulError, customerRequests } from '../../../src/core/chartmogul';
import type { Clock } from '../../../src/core/ports';
import { startEmulatorProcess, type EmulatorProcess } from '../../support/emulator-process';
import { NodeTransport } from '../../support/node-transport';
import { syncHttp } from '../../support/sync-http';

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms: number) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
  },
};

function control(emu: EmulatorProcess, path: string, body?: unknown): unknown {
  const [res] = syncHttp([
    { method: body === undefined ? 'GET' : 'POST', url: emu.url + path, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) },
  ]);
  return res.body ? JSON.parse(res.body) : null;
}

function client(emu: EmulatorProcess, key = emu.readWriteKey, budgetMs = 20000): ChartMogulClient {
  return new ChartMogulClient({ apiKey: key, baseUrl: emu.url, transport: new NodeTransport(), clock: realClock, budgetMs, retry: { baseDelayMs: 20, maxDelayMs: 200 } });
}

function thrown(fn: () => unknown): ChartMogulError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChartMogulError) return e;
    throw e;
  }
  throw new Error('expected a ChartMogulError');
}

describe('ChartMogulClient against the emulator', () => {
  let emu: EmulatorProcess;
  beforeAll(async () => {
    emu = await startEmulatorProcess();
  }, 30000);
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => {
    control(emu, '/_emulator/reset', {});
  });

  it('runs a data source → plans → customers → invoices → metrics → cancellation scenario', () => {
    control(emu, '/_emulator/clock', { now: '2024-07-01T00:00:00Z' });
    const cm = client(emu);
    expect(cm.account.ping().data).toBe('pong!');
    const account = cm.account.retrieve();
    expect(typeof account.currency).toBe('string');

    const ds = cm.dataSources.create({ name: 'Sheets import' });
    expect(ds.uuid).toMatch(/^ds_/);
    const plan = cm.plans.create({ data_source_uuid: ds.uuid, name: 'Pro monthly', interval_count: 1, interval_unit: 'month', external_id: 'pro-m' });
    expect(plan.uuid).toMatch(/^pl_/);

    const customers = [];
    for (let i = 1; i <= 5; i++) {
      customers.push(cm.customers.create({ data_source_uuid: ds.uuid, external_id: 'C' + i, name: 'Customer ' + i, country: 'DE' }));
    }
    // pagination: 5 customers over pages of 2
    const firstPage = cm.customers.list({ data_source_uuid: ds.uuid, per_page: 2 });
    expect(firstPage.entries).toHaveLength(2);
    expect(firstPage.has_more).toBe(true);
    expect(cm.customers.listAll({ data_source_uuid: ds.uuid }).map((c) => c.external_id).sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(cm.customers.findByExternalId('C3', ds.uuid)?.uuid).toBe(customers[2].uuid);

    // two monthly invoices for C1 ($100/month from 2024-01-01), one for C2 ($50 from 2024-02-01)
    const inv = (ext: string, start: string, end: string, cents: number) => ({
      external_id: ext,
      date: start,
      currency: 'USD',
      line_items: [{ type: 'subscription' as const, subscription_external_id: 'S-' + ext.slice(0, 2), plan_uuid: plan.uuid, service_period_start: start, service_period_end: end, amount_in_cents: cents, quantity: 1 }],
      transactions: [{ date: start, type: 'payment' as const, result: 'successful' as const }],
    });
    const imported = cm.invoices.importMany(customers[0].uuid, [inv('C1-1', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', 10000), inv('C1-2', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', 10000)]);
    expect(imported).toHaveLength(2);
    cm.invoices.importMany(customers[1].uuid, [inv('C2-1', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', 5000)]);
    expect(cm.invoices.findByExternalId(ds.uuid, 'C1-2')?.uuid).toBe(imported[1].uuid);

    const mrr = cm.metrics.mrr({ 'start-date': '2024-01-01', 'end-date': '2024-02-29', interval: 'month' });
    expect(mrr.entries.map((e) => [e.date, e.mrr])).toEqual([
      ['2024-01-31', 10000],
      ['2024-02-29', 15000],
    ]);

    // cancel C2's subscription: its MRR leaves at the cancellation date
    const subs = cm.subscriptions.listImported(customers[1].uuid);
    const sub = subs.subscriptions[0];
    const cancelled = cm.subscriptions.cancel(sub.uuid, { cancelled_at: '2024-02-15T00:00:00Z' });
    expect(cancelled.cancellation_dates?.length).toBe(1);
    const after = cm.metrics.mrr({ 'start-date': '2024-02-01', 'end-date': '2024-02-29', interval: 'month' });
    expect(after.entries[0].mrr).toBe(10000);
  });

  it('maps API errors: duplicate external id → alreadyExists, unknown key → unauthorized, missing → not_found', () => {
    const cm = client(emu);
    const ds = cm.dataSources.create({ name: 'Errors' });
    cm.customers.create({ data_source_uuid: ds.uuid, external_id: 'DUP', name: 'Dup' });
    const dup = thrown(() => cm.customers.create({ data_source_uuid: ds.uuid, external_id: 'DUP', name: 'Dup again' }));
    expect(dup.status).toBe(422);
    expect(dup.alreadyExists).toBe(true);

    const invalid = thrown(() => cm.customers.create({ data_source_uuid: ds.uuid, external_id: 'BAD', name: 'Bad', country: 'XX' }));
    expect(invalid.kind).toBe('validation');
    expect(invalid.alreadyExists).toBe(false);
    expect(invalid.message).toMatch(/country/i);

    const badKey = 'not-a-real-key-12345';
    const unauthorized = thrown(() => client(emu, badKey).account.ping());
    expect(unauthorized.kind).toBe('unauthorized');
    expect(unauthorized.message).not.toContain(badKey);
    expect(String(unauthorized)).not.toContain(badKey);

    const readOnly = thrown(() => client(emu, emu.readOnlyKey).dataSources.create({ name: 'nope' }));
    expect(readOnly.kind).toBe('forbidden');

    expect(thrown(() => cm.customers.retrieve('cus_00000000-0000-0000-0000-000000000000')).kind).toBe('not_found');
    expect(cm.customers.search('nobody@example.com').entries).toEqual([]);
  });

  it('retries 429, 500, 503 and dropped connections until they succeed, and never retries a 422', () => {
    const cm = client(emu);
    control(emu, '/_emulator/faults', { errorRates: { 429: 0.3, 500: 0.15, 503: 0.15 }, dropRate: 0.1, faultSeed: 7 });
    for (let i = 0; i < 15; i++) expect(cm.account.ping().data).toBe('pong!');
    const stats = control(emu, '/_emulator/stats') as Record<string, number>;
    expect(stats['GET /v1/ping']).toBeGreaterThan(15); // some attempts failed and were retried
    control(emu, '/_emulator/faults', { errorRates: { 429: 0, 500: 0, 503: 0 }, dropRate: 0 });

    const ds = cm.dataSources.create({ name: 'No retry' });
    control(emu, '/_emulator/reset', {});
    const before = (control(emu, '/_emulator/stats') as Record<string, number>)['POST /v1/customers'] ?? 0;
    const e = thrown(() => cm.customers.create({ data_source_uuid: ds.uuid, external_id: 'X', name: 'X' }));
    expect(e.kind === 'validation' || e.kind === 'not_found').toBe(true); // the data source vanished with the reset
    const after = (control(emu, '/_emulator/stats') as Record<string, number>)['POST /v1/customers'] ?? 0;
    expect(after - before).toBe(1);
  });

  it('stays under 40 requests per second and 20 in flight, counting its single calls too', () => {
    const cm = client(emu);
    const ds = cm.dataSources.create({ name: 'Batch' }); // a single call inside the same second as the batch
    const reqs = [];
    for (let i = 0; i < 90; i++) reqs.push(customerRequests.create({ data_source_uuid: ds.uuid, external_id: 'B' + i, name: 'B' + i }));
    const results = cm.batch(reqs);
    const stats = control(emu, '/_emulator/stats') as Record<string, number>;
    expect(results.filter((r) => r.ok)).toHaveLength(90);
    expect(stats['POST /v1/customers']).toBe(90); // no 429/503 had to be retried
  }, 30000);
});
