// Tests for the request each resource method builds (method, path, query, body) where the fixtures don't pin it:
// all nine metrics paths, DELETE bodies, subscription-event refs, cancellation shapes, invoice import options.

import { HttpRequest } from '../../../src/core/ports';
import { harness, res } from './helpers';

const OBJ = res(200, { uuid: 'x', entries: [], invoices: [], tags: [], custom: {} });
const shape = (r: HttpRequest) => [r.method, r.url.replace('https://api.chartmogul.com', ''), r.body === undefined ? undefined : JSON.parse(r.body)];

describe('resource requests', () => {
  it('metrics: nine endpoints with the same query', () => {
    const h = harness([OBJ]);
    const q = { 'start-date': '2024-01-01', 'end-date': '2024-01-31' };
    const m = h.client.metrics;
    const calls: Array<() => unknown> = [
      () => m.all(q), () => m.mrr(q), () => m.arr(q), () => m.arpa(q), () => m.asp(q),
      () => m.customerCount(q), () => m.customerChurnRate(q), () => m.mrrChurnRate(q), () => m.ltv(q),
    ];
    calls.forEach((f) => f());
    expect(h.transport.sent.map((r) => r.url.replace(/^.*\/v1\/metrics\//, ''))).toEqual(
      ['all', 'mrr', 'arr', 'arpa', 'asp', 'customer-count', 'customer-churn-rate', 'mrr-churn-rate', 'ltv']
        .map((n) => `${n}?start-date=2024-01-01&end-date=2024-01-31`),
    );
  });

  it('activities: kebab date range, type, order and cursor', () => {
    const h = harness([OBJ]);
    h.client.metrics.activities({ 'start-date': '2024-01-01', 'end-date': '2024-02-01', type: 'churn', order: '-date', per_page: 50, cursor: 'abc=' });
    h.client.metrics.customerActivities('cus_1', { per_page: 10 });
    expect(h.transport.sent.map(shape)).toEqual([
      ['get', '/v1/activities?start-date=2024-01-01&end-date=2024-02-01&type=churn&order=-date&per_page=50&cursor=abc%3D', undefined],
      ['get', '/v1/customers/cus_1/activities?per_page=10', undefined],
    ]);
  });

  it('account include list, data source flags', () => {
    const h = harness([OBJ, OBJ, res(200, { data_sources: [] })]);
    h.client.account.retrieve(['churn_recognition', 'refund_handling']);
    h.client.dataSources.retrieve('ds_1', { with_invoice_handling_setting: true });
    h.client.dataSources.list({ name: 'Sheets import' });
    expect(h.transport.sent.map(shape)).toEqual([
      ['get', '/v1/account?include=churn_recognition%2Crefund_handling', undefined],
      ['get', '/v1/data_sources/ds_1?with_invoice_handling_setting=true', undefined],
      ['get', '/v1/data_sources?name=Sheets%20import', undefined],
    ]);
  });

  it('tags and custom attributes (DELETE carries a JSON body)', () => {
    const h = harness([OBJ, OBJ, OBJ, OBJ, OBJ, res(204), OBJ]);
    const c = h.client.customers;
    c.addTags('cus_1', ['vip']);
    c.removeTags('cus_1', ['vip']);
    c.addTagsByEmail('a@b.c', ['vip']);
    c.addCustomAttributes('cus_1', [{ type: 'Integer', key: 'seats', value: 3, source: 'Sheets' }]);
    c.updateCustomAttributes('cus_1', { seats: 4 });
    c.removeCustomAttributes('cus_1', ['seats']);
    c.addCustomAttributesByEmail('a@b.c', [{ type: 'Boolean', key: 'pilot', value: true }]);
    expect(h.transport.sent.map(shape)).toEqual([
      ['post', '/v1/customers/cus_1/attributes/tags', { tags: ['vip'] }],
      ['delete', '/v1/customers/cus_1/attributes/tags', { tags: ['vip'] }],
      ['post', '/v1/customers/attributes/tags', { email: 'a@b.c', tags: ['vip'] }],
      ['post', '/v1/customers/cus_1/attributes/custom', { custom: [{ type: 'Integer', key: 'seats', value: 3, source: 'Sheets' }] }],
      ['put', '/v1/customers/cus_1/attributes/custom', { custom: { seats: 4 } }],
      ['delete', '/v1/customers/cus_1/attributes/custom', { custom: ['seats'] }],
      ['post', '/v1/customers/attributes/custom', { email: 'a@b.c', custom: [{ type: 'Boolean', key: 'pilot', value: true }] }],
    ]);
  });

  it('invoices: import with handle_as_user_edit, delete by external id, transactions', () => {
    const h = harness([OBJ, res(204), OBJ]);
    const inv = { external_id: 'INV-1', date: '2024-01-01', currency: 'EUR', line_items: [{ type: 'one_time' as const, amount_in_cents: 1000 }] };
    h.client.invoices.importMany('cus_1', [inv], { handleAsUserEdit: true });
    h.client.invoices.deleteByExternalId('ds_1', 'INV 1');
    h.client.invoices.createTransaction('inv_1', { type: 'refund', date: '2024-01-02', result: 'successful', amount_in_cents: 500 });
    expect(h.transport.sent.map(shape)).toEqual([
      ['post', '/v1/import/customers/cus_1/invoices?handle_as_user_edit=true', { invoices: [inv] }],
      ['delete', '/v1/invoices?data_source_uuid=ds_1&external_id=INV%201', undefined],
      ['post', '/v1/import/invoices/inv_1/transactions', { type: 'refund', date: '2024-01-02', result: 'successful', amount_in_cents: 500 }],
    ]);
  });

  it('subscriptions: cancellation shapes, events by id or by external id', () => {
    const h = harness([OBJ, OBJ, OBJ, res(204), res(204)]);
    const s = h.client.subscriptions;
    s.cancel('sub_1', { cancelled_at: '2024-01-31T00:00:00Z' });
    s.cancel('sub_1', { cancellation_dates: [] });
    s.createEvent({ data_source_uuid: 'ds_1', customer_external_id: 'c1', event_type: 'subscription_cancelled', event_date: '2024-01-01', effective_date: '2024-01-31' });
    s.deleteEvent({ id: 42 });
    s.deleteEvent({ data_source_uuid: 'ds_1', external_id: 'ev 1' });
    expect(h.transport.sent.map(shape)).toEqual([
      ['patch', '/v1/import/subscriptions/sub_1', { cancelled_at: '2024-01-31T00:00:00Z' }],
      ['patch', '/v1/import/subscriptions/sub_1', { cancellation_dates: [] }],
      ['post', '/v1/subscription_events', { subscription_event: { data_source_uuid: 'ds_1', customer_external_id: 'c1', event_type: 'subscription_cancelled', event_date: '2024-01-01', effective_date: '2024-01-31' } }],
      ['delete', '/v1/subscription_events?subscription_event%5Bid%5D=42', undefined],
      ['delete', '/v1/subscription_events?subscription_event%5Bdata_source_uuid%5D=ds_1&subscription_event%5Bexternal_id%5D=ev%201', undefined],
    ]);
  });

  it('json imports: create and retrieve by id or batch external id', () => {
    const h = harness([OBJ]);
    h.client.jsonImports.create('ds_1', { external_id: 'batch-1', customers: [{ external_id: 'c1', name: 'A' }] });
    h.client.jsonImports.retrieve('ds_1', 'batch-1');
    expect(h.transport.sent.map(shape)).toEqual([
      ['post', '/v1/data_sources/ds_1/json_imports', { external_id: 'batch-1', customers: [{ external_id: 'c1', name: 'A' }] }],
      ['get', '/v1/data_sources/ds_1/json_imports/batch-1', undefined],
    ]);
  });
});
