// Official client scenario: ChartMogul's own `chartmogul-node` package drives a full import + read scenario against an
// in-process emulator (data source, plans, customers, invoices, cursor pagination, metrics, cancellation, errors).

import { startEmulator, type EmulatorHandle } from './server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChartMogul = require('chartmogul-node');

let emu: EmulatorHandle;
let config: { retries?: number };

beforeAll(async () => {
  emu = await startEmulator({ rateLimit: 0, now: () => new Date('2025-06-15T00:00:00Z') });
  config = new ChartMogul.Config(emu.readWriteKey, emu.url);
  config.retries = 0;
});
afterAll(() => emu.stop());

async function rejection(p: Promise<unknown>): Promise<{ status: number; response: { body: any } }> {
  try {
    await p;
  } catch (e) {
    return e as { status: number; response: { body: any } };
  }
  throw new Error('expected the call to fail');
}

it('runs a complete scenario through chartmogul-node', async () => {
  expect(await ChartMogul.Ping.ping(config)).toEqual({ data: 'pong!' });

  const ds = await ChartMogul.DataSource.create(config, { name: 'Sheets import' });
  expect(ds.uuid).toMatch(/^ds_/);

  const plans = [];
  for (const [ext, count] of [['monthly', 1], ['quarterly', 3], ['yearly', 12]] as const) {
    plans.push(await ChartMogul.Plan.create(config, { data_source_uuid: ds.uuid, external_id: ext, name: ext, interval_count: count, interval_unit: 'month' }));
  }
  const planPage1 = await ChartMogul.Plan.all(config, { data_source_uuid: ds.uuid, per_page: 2 });
  expect(planPage1.plans).toHaveLength(2);
  expect(planPage1.has_more).toBe(true);
  const planPage2 = await ChartMogul.Plan.all(config, { data_source_uuid: ds.uuid, per_page: 2, cursor: planPage1.cursor });
  expect(planPage2.plans.map((p: { external_id: string }) => p.external_id)).toEqual(['yearly']);
  expect(planPage2.has_more).toBe(false);

  const customers = [];
  for (const ext of ['c1', 'c2', 'c3']) {
    customers.push(await ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: ext, name: `Customer ${ext}`, email: `${ext}@example.com`, country: 'DE' }));
  }
  const dup = await rejection(ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: 'c1', name: 'again' }));
  expect(dup.status).toBe(422);
  expect(dup.response.body.errors.external_id).toBe('The external ID for this customer already exists in our system.');

  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ChartMogul.Customer.all(config, { data_source_uuid: ds.uuid, per_page: 2, ...(cursor ? { cursor } : {}) });
    seen.push(...page.entries.map((c: { external_id: string }) => c.external_id));
    cursor = page.has_more ? page.cursor : undefined;
  } while (cursor);
  expect(seen).toEqual(['c1', 'c2', 'c3']);

  const imported = await ChartMogul.Invoice.create(config, customers[0].uuid, {
    invoices: [
      {
        external_id: 'inv-1',
        date: '2025-01-01 00:00:00',
        currency: 'EUR',
        line_items: [{ type: 'subscription', plan_uuid: plans[0].uuid, subscription_external_id: 'sub-1', service_period_start: '2025-01-01', service_period_end: '2025-02-01', amount_in_cents: 5000, quantity: 1 }],
        transactions: [{ type: 'payment', result: 'successful', date: '2025-01-01' }],
      },
      {
        external_id: 'inv-2',
        date: '2025-02-01',
        currency: 'EUR',
        line_items: [{ type: 'subscription', plan_uuid: plans[0].uuid, subscription_external_id: 'sub-1', service_period_start: '2025-02-01', service_period_end: '2025-03-01', amount_in_cents: 5000 }],
      },
    ],
  });
  expect(imported.invoices.map((i: { uuid: string }) => i.uuid)).toEqual([expect.stringMatching(/^inv_/), expect.stringMatching(/^inv_/)]);
  const listed = await ChartMogul.Invoice.all(config, { customer_uuid: customers[0].uuid, per_page: 1 });
  expect(listed.has_more).toBe(true);

  const mrr = await ChartMogul.Metrics.mrr(config, { 'start-date': '2025-01-01', 'end-date': '2025-03-31', interval: 'month' });
  expect(Array.isArray(mrr.entries)).toBe(true);
  expect(mrr.entries.length).toBeGreaterThan(0);
  const subs = await ChartMogul.Metrics.Customer.subscriptions(config, customers[0].uuid, {});
  expect(subs.entries.length).toBe(1);

  const importedSubs = emu.state.subscriptions;
  const cancelled = await ChartMogul.Subscription.cancel(config, importedSubs[0].uuid, { cancelled_at: '2025-03-01T00:00:00Z' });
  expect(cancelled.cancellation_dates).toEqual(['2025-03-01T00:00:00.000Z']);

  const missing = await rejection(ChartMogul.Customer.retrieve(config, 'cus_00000000-0000-4000-8000-000000000000'));
  expect(missing.status).toBe(404);
  const search404 = await rejection(ChartMogul.Customer.search(config, { email: 'nobody@example.com' }));
  expect(search404.response.body).toMatchObject({ code: 404, param: 'email' });

  const badConfig = new ChartMogul.Config('wrong-key', emu.url);
  badConfig.retries = 0;
  const unauthorized = await rejection(ChartMogul.Ping.ping(badConfig));
  expect(unauthorized.status).toBe(401);
  expect(unauthorized.response.body).toEqual({ code: 401, message: 'No valid API key provided', param: null });

  expect(emu.stats()).toMatchObject({ 'POST /v1/customers': 4, 'POST /v1/import/customers/{uuid}/invoices': 1 });
});
