// Behaviour tests per resource: data sources, customers, attributes, plans, invoices (incl. the all-or-nothing
// multi-invoice choice), transactions, cancellation, subscription events, json_imports lifecycle, metrics params.

import { startEmulator, type EmulatorHandle } from './server';
import { client, testEngine } from './test-helpers';

let emu: EmulatorHandle;
let call: ReturnType<typeof client>;
let ds: string;

beforeEach(async () => {
  emu = await startEmulator({ engine: testEngine, rateLimit: 0, now: () => new Date('2025-06-01T00:00:00Z') });
  call = client(emu);
  ds = (await call('POST', '/v1/data_sources', { name: 'Sheets' })).body.uuid;
});
afterEach(() => emu.stop());

async function customer(ext: string, extra: Record<string, unknown> = {}) {
  return (await call('POST', '/v1/customers', { data_source_uuid: ds, external_id: ext, name: ext, ...extra })).body;
}
async function plan(ext: string) {
  return (await call('POST', '/v1/plans', { data_source_uuid: ds, external_id: ext, name: ext, interval_count: 1, interval_unit: 'month' })).body;
}
function subInvoice(ext: string, planUuid: string, extra: Record<string, unknown> = {}) {
  return {
    external_id: ext,
    date: '2025-01-01',
    currency: 'USD',
    line_items: [
      { type: 'subscription', plan_uuid: planUuid, subscription_external_id: 'sub-1', service_period_start: '2025-01-01', service_period_end: '2025-02-01', amount_in_cents: 1000, external_id: `${ext}-li` },
    ],
    transactions: [{ type: 'payment', result: 'successful', date: '2025-01-01', external_id: `${ext}-tr` }],
    ...extra,
  };
}

describe('data sources', () => {
  it('creates, lists, retrieves, empties and deletes', async () => {
    expect(ds).toMatch(/^ds_[0-9a-f-]{36}$/);
    const list = await call('GET', '/v1/data_sources?with_processing_status=true');
    expect(list.body.data_sources[0]).toMatchObject({ uuid: ds, name: 'Sheets', system: 'Custom', processing_status: { processed: 0 } });
    expect((await call('DELETE', `/v1/data_sources/${ds}/all`)).status).toBe(204);
    expect((await call('DELETE', `/v1/data_sources/${ds}`)).status).toBe(204);
    expect(await call('GET', `/v1/data_sources/${ds}`)).toMatchObject({ status: 404, body: { error: 'Data source not found' } });
  });
  it('validates the name like the recordings (400 missing, 422 null, 422 taken)', async () => {
    expect(await call('POST', '/v1/data_sources', {})).toMatchObject({ status: 400, body: { code: 400, message: 'Parameter "name" is missing', param: 'name' } });
    expect(await call('POST', '/v1/data_sources', { name: null })).toMatchObject({ status: 422, body: { errors: { name: 'A name is required for each data source.' } } });
    expect(await call('POST', '/v1/data_sources', { name: 'Sheets' })).toMatchObject({ status: 422, body: { errors: { name: 'Has already been taken.' } } });
  });
});

describe('customers', () => {
  it('creates a customer with the API object shape', async () => {
    const c = await customer('c1', { email: 'a@b.co', country: 'US', state: 'US-NY', lead_created_at: '2024-01-01 10:00:00 UTC' });
    expect(c.uuid).toMatch(/^cus_[0-9a-f-]{36}$/);
    expect(c).toMatchObject({
      external_id: 'c1', external_ids: ['c1'], data_source_uuids: [ds], company: '', city: '', zip: null,
      lead_created_at: '2024-01-01T10:00:00.000Z', address: { country: 'United States', state: 'US-NY' },
      attributes: { tags: [], custom: {}, stripe: {}, clearbit: {} }, mrr: 0, arr: 0, currency: 'USD', 'currency-sign': '$',
      'billing-system-type': 'Custom', 'chartmogul-url': expect.stringContaining(`/customers/${c.id}-c1`),
    });
  });
  it('rejects duplicates, bad countries and future lead dates', async () => {
    await customer('c1');
    const dup = await call('POST', '/v1/customers', { data_source_uuid: ds, external_id: 'c1' });
    expect(dup).toMatchObject({ status: 422, body: { errors: { external_id: 'The external ID for this customer already exists in our system.' } } });
    expect((await call('POST', '/v1/customers', { data_source_uuid: ds, external_id: 'c2', country: 'USA' })).body.errors.country).toBeDefined();
    expect((await call('POST', '/v1/customers', { data_source_uuid: ds, external_id: 'c3', free_trial_started_at: '2030-01-01' })).body.errors.free_trial_started_at).toBe('free_trial_started_at is in the future');
    expect((await call('POST', '/v1/customers', { external_id: 'c4' })).status).toBe(400);
  });
  it('lists with filters and cursor pagination', async () => {
    for (let i = 0; i < 5; i++) await customer(`c${i}`);
    const first = await call('GET', `/v1/customers?data_source_uuid=${ds}&per_page=2`);
    expect(first.body.entries.map((e: { external_id: string }) => e.external_id)).toEqual(['c0', 'c1']);
    expect(first.body.has_more).toBe(true);
    const second = await call('GET', `/v1/customers?per_page=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.body.entries.map((e: { external_id: string }) => e.external_id)).toEqual(['c2', 'c3']);
    const last = await call('GET', `/v1/customers?per_page=2&cursor=${encodeURIComponent(second.body.cursor)}`);
    expect(last.body).toMatchObject({ has_more: false, cursor: expect.any(String) }); // recorded: last page still has a cursor
    const beyond = await call('GET', `/v1/customers?per_page=2&cursor=${encodeURIComponent(last.body.cursor)}`);
    expect(beyond.body).toEqual({ entries: [], has_more: false, cursor: null });
    expect((await call('GET', '/v1/customers?external_id=c3')).body.entries).toHaveLength(1);
    expect((await call('GET', '/v1/customers?per_page=999')).body.entries).toHaveLength(5);
  });
  it('searches by email (404 {code,message,param} when none) and updates/deletes', async () => {
    const c = await customer('c1', { email: 'x@y.z' });
    expect((await call('GET', '/v1/customers/search?email=x@y.z')).body.entries[0].uuid).toBe(c.uuid);
    expect(await call('GET', '/v1/customers/search?email=no@one.com')).toMatchObject({
      status: 404, body: { code: 404, message: 'Can\'t find any customers with email: "no@one.com"', param: 'email' },
    });
    const patched = await call('PATCH', `/v1/customers/${c.uuid}`, { name: 'New', attributes: { tags: ['t'], custom: { Toggle: true } } });
    expect(patched.body).toMatchObject({ name: 'New', attributes: { tags: ['t'], custom: { Toggle: true } } });
    expect((await call('DELETE', `/v1/customers/${c.uuid}`)).status).toBe(204);
    expect((await call('GET', `/v1/customers/${c.uuid}`)).status).toBe(404);
  });
  it('manages tags and custom attributes', async () => {
    const c = await customer('c1', { email: 'm@x.io' });
    expect((await call('POST', `/v1/customers/${c.uuid}/attributes/tags`, { tags: ['a', 'b'] })).body).toEqual({ tags: ['a', 'b'] });
    expect((await call('DELETE', `/v1/customers/${c.uuid}/attributes/tags`, { tags: ['a'] })).body).toEqual({ tags: ['b'] });
    expect((await call('POST', '/v1/customers/attributes/tags', { email: 'm@x.io', tags: ['c'] })).body.entries[0].attributes.tags).toEqual(['b', 'c']);
    const added = await call('POST', `/v1/customers/${c.uuid}/attributes/custom`, {
      custom: [{ type: 'Integer', key: 'seats', value: 3 }, { type: 'Timestamp', key: 'when', value: '2016-01-31 00:00:00 UTC' }, { type: 'Boolean', key: 'pro', value: 't' }],
    });
    expect(added.body).toEqual({ custom: { seats: 3, when: '2016-01-31T00:00:00.000Z', pro: true } });
    expect((await call('PUT', `/v1/customers/${c.uuid}/attributes/custom`, { custom: { seats: 5 } })).body.custom.seats).toBe(5);
    expect((await call('DELETE', `/v1/customers/${c.uuid}/attributes/custom`, { custom: ['pro'] })).status).toBe(204);
    expect((await call('GET', `/v1/customers/${c.uuid}/attributes`)).body).toEqual({ tags: ['b', 'c'], stripe: {}, custom: { seats: 5, when: '2016-01-31T00:00:00.000Z' } });
    expect((await call('POST', '/v1/customers/attributes/custom', { email: 'm@x.io', custom: [{ type: 'String', key: 'ch', value: 'FB' }] })).body.entries[0].attributes.custom.ch).toBe('FB');
    expect((await call('POST', `/v1/customers/${c.uuid}/attributes/custom`, { custom: { seats: 1 } })).status).toBe(500);
  });
});

describe('plans', () => {
  it('creates (generated external id), lists, updates (202) and deletes', async () => {
    const p = (await call('POST', '/v1/plans', { data_source_uuid: ds, name: 'Gold', interval_count: 1, interval_unit: 'month' })).body;
    expect(p.uuid).toBe(`pl_${p.external_id}`);
    expect((await call('PATCH', `/v1/plans/${p.uuid}`, { name: 'Gold 2' })).status).toBe(202);
    expect((await call('GET', `/v1/plans?data_source_uuid=${ds}`)).body.plans[0].name).toBe('Gold 2');
    expect((await call('DELETE', `/v1/plans/${p.uuid}`)).status).toBe(204);
    expect((await call('GET', `/v1/plans/${p.uuid}`)).status).toBe(404);
  });
  it('validates fields and duplicates', async () => {
    await plan('p1');
    const dup = await call('POST', '/v1/plans', { data_source_uuid: ds, external_id: 'p1', name: 'x', interval_count: 1, interval_unit: 'month' });
    expect(dup.body.errors.external_id).toBe('A plan with this identifier already exists in our system.');
    const bad = await call('POST', '/v1/plans', { data_source_uuid: ds, name: '', interval_count: 0, interval_unit: 'week' });
    expect(Object.keys(bad.body.errors).sort()).toEqual(['interval_count', 'interval_unit', 'name']);
  });
});

describe('invoices', () => {
  it('imports several invoices, lists and deletes them', async () => {
    const c = await customer('c1');
    const p = await plan('p1');
    const res = await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [subInvoice('i1', p.uuid), subInvoice('i2', p.uuid, { line_items: [{ type: 'one_time', amount_in_cents: 50 }], transactions: [] })] });
    expect(res.status).toBe(201);
    const [i1] = res.body.invoices;
    expect(i1.uuid).toMatch(/^inv_/);
    expect(i1.line_items[0]).toMatchObject({ subscription_uuid: expect.stringMatching(/^sub_/) });
    expect(i1.errors).toEqual({});
    expect(i1.transactions[0].uuid).toMatch(/^tr_/);
    expect((await call('GET', `/v1/import/customers/${c.uuid}/invoices?per_page=1`)).body).toMatchObject({ customer_uuid: c.uuid, has_more: true });
    expect((await call('GET', `/v1/invoices?external_id=i2&data_source_uuid=${ds}`)).body.invoices[0].customer_uuid).toBe(c.uuid);
    expect((await call('GET', `/v1/invoices/${i1.uuid}`)).body.external_id).toBe('i1');
    expect((await call('DELETE', `/v1/invoices?data_source_uuid=${ds}&external_id=i2`)).status).toBe(204);
    expect((await call('DELETE', `/v1/invoices/${i1.uuid}`)).status).toBe(204);
    expect(await call('GET', `/v1/invoices/${i1.uuid}`)).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });
  });
  it('is all-or-nothing: one invalid invoice → 422 with per-invoice errors and nothing stored', async () => {
    const c = await customer('c1');
    const p = await plan('p1');
    const bad = subInvoice('i2', p.uuid, { currency: 'XXY' });
    (bad.line_items[0] as Record<string, unknown>).service_period_end = '2024-12-01';
    const res = await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [subInvoice('i1', p.uuid), bad] });
    expect(res.status).toBe(422);
    expect(res.body.invoices[0]).toEqual({ external_id: 'i1', errors: {} });
    expect(res.body.invoices[1].errors).toMatchObject({ currency: 'Currency is invalid', 'line_items.service_period_end': 'must be after service_period_start' });
    expect(emu.state.invoices).toHaveLength(0);
  });
  it('reports duplicates with the exact messages, unknown plans and unknown customers', async () => {
    const c = await customer('c1');
    const p = await plan('p1');
    await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [subInvoice('i1', p.uuid)] });
    const again = await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [subInvoice('i1', p.uuid)] });
    expect(again.body.invoices[0].errors).toEqual({
      external_id: 'The external ID for this invoice already exists in our system.',
      'line_items.external_id': 'The external ID for this line item already exists in our system.',
      'transactions.external_id': 'has already been taken',
    });
    const noPlan = await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [subInvoice('i9', 'pl_nope')] });
    expect(noPlan.body.invoices[0].errors['line_items.plan_uuid']).toBe("doesn't exist");
    const noCus = await call('POST', '/v1/import/customers/cus_0001/invoices', { invoices: [subInvoice('i3', p.uuid)] });
    expect(noCus).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });
  });
  it('adds a transaction to an invoice', async () => {
    const c = await customer('c1');
    const inv = (await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [{ external_id: 'i1', date: '2025-01-01', currency: 'EUR', line_items: [{ type: 'one_time', amount_in_cents: 100 }] }] })).body.invoices[0];
    const t = await call('POST', `/v1/import/invoices/${inv.uuid}/transactions`, { type: 'refund', result: 'successful', date: '2025-02-01', amount_in_cents: 50 });
    expect(t).toMatchObject({ status: 201, body: { type: 'refund', amount_in_cents: 50, uuid: expect.stringMatching(/^tr_/) } });
    expect((await call('POST', `/v1/import/invoices/${inv.uuid}/transactions`, { type: 'payment', result: 'successful', date: '2031-01-01' })).status).toBe(422);
  });
});

describe('subscriptions and cancellation', () => {
  it('appends with cancelled_at, replaces with cancellation_dates (202), rejects future dates', async () => {
    const c = await customer('c1');
    const p = await plan('p1');
    await call('POST', `/v1/import/customers/${c.uuid}/invoices`, { invoices: [subInvoice('i1', p.uuid)] });
    const subs = (await call('GET', `/v1/import/customers/${c.uuid}/subscriptions`)).body.subscriptions;
    const sub = subs[0].uuid;
    expect((await call('PATCH', `/v1/import/subscriptions/${sub}`, { cancelled_at: '2025-03-01' })).body.cancellation_dates).toEqual(['2025-03-01T00:00:00.000Z']);
    expect((await call('PATCH', `/v1/import/subscriptions/${sub}`, { cancelled_at: '2025-04-01 00:00:00 +0200' })).body.cancellation_dates).toHaveLength(2);
    const replaced = await call('PATCH', `/v1/import/subscriptions/${sub}`, { cancellation_dates: [] });
    expect(replaced).toMatchObject({ status: 202, body: { cancellation_dates: [], customer_uuid: c.uuid, plan_uuid: p.uuid } });
    expect((await call('PATCH', `/v1/import/subscriptions/${sub}`, { cancelled_at: '2031-01-01' })).status).toBe(422);
    const entries = await call('GET', `/v1/customers/${c.uuid}/subscriptions`);
    expect(entries.status).toBe(200);
    expect(entries.body).toMatchObject({ has_more: false });
  });
});

describe('subscription events', () => {
  it('creates, lists (newest first), updates and deletes by query id', async () => {
    await customer('c1');
    const base = { data_source_uuid: ds, customer_external_id: 'c1', event_type: 'subscription_start', event_date: '2025-01-01', effective_date: '2025-01-01', subscription_external_id: 's1', plan_external_id: 'p1', currency: 'USD', amount_in_cents: 1000, quantity: 1 };
    const e1 = await call('POST', '/v1/subscription_events', { subscription_event: { ...base, external_id: 'e1' } });
    expect(e1).toMatchObject({ status: 201, body: { id: expect.any(Number), errors: {}, event_date: '2025-01-01T00:00:00Z' } });
    await call('POST', '/v1/subscription_events', { subscription_event: { ...base, external_id: 'e2', event_type: 'subscription_cancelled' } });
    const dup = await call('POST', '/v1/subscription_events', { subscription_event: { ...base, external_id: 'e2' } });
    expect(dup.status).toBe(422);
    const list = await call('GET', `/v1/subscription_events?data_source_uuid=${ds}&per_page=1`);
    expect(list.body).toMatchObject({ has_more: true, subscription_events: [{ external_id: 'e2' }] });
    const upd = await call('PATCH', '/v1/subscription_events', { subscription_event: { id: e1.body.id, amount_in_cents: 2000 } });
    expect(upd.body.amount_in_cents).toBe(2000);
    expect((await call('DELETE', `/v1/subscription_events?subscription_event[id]=${e1.body.id}`)).status).toBe(204);
    expect((await call('DELETE', '/v1/subscription_events', { subscription_event: { data_source_uuid: ds, external_id: 'e2' } })).status).toBe(204);
    expect((await call('GET', '/v1/subscription_events')).body.subscription_events).toHaveLength(0);
  });
});

describe('json imports', () => {
  it('goes queued → processing → completed (one step per poll) and is retrievable by id and external_id', async () => {
    const body = {
      external_id: 'batch-1',
      plans: [{ external_id: 'gold', name: 'Gold', interval_count: 1, interval_unit: 'month' }],
      customers: [{ external_id: 'a', name: 'A' }, { external_id: 'b', name: 'B', country: 'ZZZ' }],
      invoices: [{ external_id: 'ia', customer_external_id: 'a', date: '2025-01-01', currency: 'USD' }],
      line_items: [{ invoice_external_id: 'ia', type: 'subscription', amount_in_cents: 900, plan_external_id: 'gold', subscription_external_id: 'sa', service_period_start: '2025-01-01', service_period_end: '2025-02-01' }],
      transactions: [{ invoice_external_id: 'ia', type: 'payment', result: 'successful', date: '2025-01-02' }],
      subscription_events: [{ customer_external_id: 'ghost', event_type: 'subscription_start', event_date: '2025-01-01', effective_date: '2025-01-01' }],
    };
    const created = await call('POST', `/v1/data_sources/${ds}/json_imports`, body);
    expect(created).toMatchObject({ status: 200, body: { status: 'queued', external_id: 'batch-1', status_details: {} } });
    expect((await call('GET', `/v1/data_sources/${ds}/json_imports/${created.body.id}`)).body.status).toBe('processing');
    expect(emu.state.invoices).toHaveLength(0);
    const done = await call('GET', `/v1/data_sources/${ds}/json_imports/batch-1`);
    expect(done.body.status).toBe('completed');
    expect(done.body.status_details).toMatchObject({
      plans: { status: 'imported' },
      a: { status: 'imported' },
      b: { status: 'failed', errors: { 'customer.country': 'Country is invalid' } },
      ghost: { status: 'failed', errors: { customer_external_id: 'Customer not found' } },
    });
    expect(emu.state.invoices[0].line_items[0].plan_uuid).toBe(emu.state.plans[0].uuid);
    expect((await call('POST', `/v1/data_sources/${ds}/json_imports`, body)).status).toBe(422);
    expect((await call('POST', `/v1/data_sources/${ds}/json_imports`, { external_id: 'empty' })).status).toBe(400);
  });
});

describe('metrics and activities', () => {
  it('validates dates and interval before asking the engine', async () => {
    expect(await call('GET', '/v1/metrics/mrr?end-date=2025-01-31')).toMatchObject({ status: 400, body: { code: 400, message: 'Parameter "start-date" is missing', param: 'start-date' } });
    expect((await call('GET', '/v1/metrics/mrr?start-date=2025-01-01')).body.param).toBe('end-date');
    expect((await call('GET', '/v1/metrics/mrr?start-date=2025-13-01&end-date=2025-12-31')).status).toBe(400);
    expect((await call('GET', '/v1/metrics/mrr?start-date=2025-01-01&end-date=2025-01-31&interval=fortnight')).status).toBe(400);
    expect((await call('GET', '/v1/metrics/nope?start-date=2025-01-01&end-date=2025-01-31')).status).toBe(404);
    expect((await call('GET', '/v1/activities?type=weird')).status).toBe(400);
  });
  it('delegates to the engine and answers 500 when the engine throws', async () => {
    const ok = await call('GET', '/v1/metrics/all?start-date=2025-01-01&end-date=2025-03-31&interval=month');
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveProperty('entries');
    expect((await call('GET', '/v1/activities?per_page=1')).body).toHaveProperty('has_more');
    const broken = await startEmulator({ engine: { metricsAnswer: () => { throw new Error('boom'); } } });
    const r = await client(broken)('GET', '/v1/metrics/mrr?start-date=2025-01-01&end-date=2025-01-31');
    expect(r.status).toBe(500);
    await broken.stop();
  });
});
