// Maps a fixture's method + path to the client method that owns that endpoint, how to call it with the fixture's
// request, and which typed fields its parsed result must have. Endpoints the client does not cover have no route.

import { ChartMogulClient } from '../../../src/core/chartmogul/client';
import { MetricName } from '../../../src/core/chartmogul/resources/metrics';
import { SubscriptionEventRef } from '../../../src/core/chartmogul/resources/subscriptions';

export interface Fixture {
  file: string;
  source: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  request_body: unknown;
  status: number;
  response_body: unknown;
}

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Route {
  method: string;
  re: RegExp;
  run: (c: ChartMogulClient, fx: Fixture, m: RegExpMatchArray) => unknown;
  check: (result: Any, fx: Fixture) => void;
  /** Query keys the client sends when they differ from the fixture's (e.g. DELETE ids sent as query). */
  queryKeys?: (fx: Fixture) => string[];
  notFoundIsEmpty?: boolean;
}

const body = (fx: Fixture): Any => (fx.request_body && typeof fx.request_body === 'object' ? fx.request_body : {});
const q = (fx: Fixture): Any => fx.query;

function has(result: Any, ...keys: string[]): void {
  expect(result).toEqual(expect.any(Object));
  for (const k of keys) expect(result).toHaveProperty([k]);
}
const isList = (key: string) => (r: Any) => {
  has(r, key);
  expect(Array.isArray(r[key])).toBe(true);
};
const isArray = (r: Any) => expect(Array.isArray(r)).toBe(true);
const isVoid = (r: Any) => expect(r).toBeUndefined();

function eventRef(fx: Fixture): SubscriptionEventRef {
  const fromQuery = fx.query['subscription_event[id]'];
  if (fromQuery !== undefined) return { id: Number(fromQuery) };
  const b = body(fx);
  const e = b.subscription_event || b;
  return e.id !== undefined ? { id: e.id } : { data_source_uuid: e.data_source_uuid, external_id: e.external_id };
}

const METRICS = 'all|mrr|arr|arpa|asp|customer-count|customer-churn-rate|mrr-churn-rate|ltv';
const ID = '([^/]+)';

const routes: Route[] = [
  { method: 'GET', re: /^\/v1\/ping$/, run: (c) => c.account.ping(), check: (r) => expect(r.data).toBe('pong!') },
  {
    method: 'GET', re: /^\/v1\/account$/,
    run: (c, fx) => c.account.retrieve(fx.query.include ? (String(fx.query.include).split(',') as Any) : undefined),
    check: (r) => has(r, 'name', 'currency', 'time_zone', 'week_start_on'),
  },
  { method: 'POST', re: /^\/v1\/data_sources$/, run: (c, fx) => c.dataSources.create(body(fx)), check: (r) => has(r, 'uuid', 'name', 'status') },
  { method: 'GET', re: /^\/v1\/data_sources$/, run: (c, fx) => c.dataSources.list(q(fx)), check: isArray },
  { method: 'GET', re: new RegExp(`^/v1/data_sources/${ID}$`), run: (c, fx, m) => c.dataSources.retrieve(m[1], q(fx)), check: (r) => has(r, 'uuid', 'name') },
  { method: 'DELETE', re: new RegExp(`^/v1/data_sources/${ID}$`), run: (c, _fx, m) => c.dataSources.delete(m[1]), check: isVoid },
  { method: 'POST', re: new RegExp(`^/v1/data_sources/${ID}/json_imports$`), run: (c, fx, m) => c.jsonImports.create(m[1], body(fx)), check: (r) => has(r, 'id', 'status', 'external_id') },
  { method: 'GET', re: new RegExp(`^/v1/data_sources/${ID}/json_imports/${ID}$`), run: (c, _fx, m) => c.jsonImports.retrieve(m[1], m[2]), check: (r) => has(r, 'id', 'status', 'status_details') },

  { method: 'POST', re: /^\/v1\/customers$/, run: (c, fx) => c.customers.create(body(fx)), check: (r) => has(r, 'id', 'uuid', 'external_id', 'customer-since') },
  { method: 'GET', re: /^\/v1\/customers$/, run: (c, fx) => c.customers.list(q(fx)), check: isList('entries') },
  {
    method: 'GET', re: /^\/v1\/customers\/search$/, notFoundIsEmpty: true,
    run: (c, fx) => c.customers.search(String(fx.query.email), { per_page: fx.query.per_page as Any, cursor: fx.query.cursor as Any }),
    check: isList('entries'),
  },
  { method: 'POST', re: /^\/v1\/customers\/attributes\/tags$/, run: (c, fx) => c.customers.addTagsByEmail(body(fx).email, body(fx).tags), check: isArray },
  { method: 'POST', re: /^\/v1\/customers\/attributes\/custom$/, run: (c, fx) => c.customers.addCustomAttributesByEmail(body(fx).email, body(fx).custom), check: isArray },
  { method: 'GET', re: new RegExp(`^/v1/customers/${ID}$`), run: (c, _fx, m) => c.customers.retrieve(m[1]), check: (r) => has(r, 'uuid', 'external_id', 'status') },
  { method: 'PATCH', re: new RegExp(`^/v1/customers/${ID}$`), run: (c, fx, m) => c.customers.update(m[1], body(fx)), check: (r) => has(r, 'uuid') },
  { method: 'DELETE', re: new RegExp(`^/v1/customers/${ID}$`), run: (c, _fx, m) => c.customers.delete(m[1]), check: isVoid },
  { method: 'GET', re: new RegExp(`^/v1/customers/${ID}/attributes$`), run: (c, _fx, m) => c.customers.attributes(m[1]), check: (r) => has(r, 'tags', 'custom') },
  { method: 'POST', re: new RegExp(`^/v1/customers/${ID}/attributes/tags$`), run: (c, fx, m) => c.customers.addTags(m[1], body(fx).tags), check: isArray },
  { method: 'DELETE', re: new RegExp(`^/v1/customers/${ID}/attributes/tags$`), run: (c, fx, m) => c.customers.removeTags(m[1], body(fx).tags), check: isArray },
  { method: 'POST', re: new RegExp(`^/v1/customers/${ID}/attributes/custom$`), run: (c, fx, m) => c.customers.addCustomAttributes(m[1], body(fx).custom), check: (r) => expect(r).toEqual(expect.any(Object)) },
  { method: 'PUT', re: new RegExp(`^/v1/customers/${ID}/attributes/custom$`), run: (c, fx, m) => c.customers.updateCustomAttributes(m[1], body(fx).custom), check: (r) => expect(r).toEqual(expect.any(Object)) },
  { method: 'DELETE', re: new RegExp(`^/v1/customers/${ID}/attributes/custom$`), run: (c, fx, m) => c.customers.removeCustomAttributes(m[1], body(fx).custom), check: isVoid },
  { method: 'GET', re: new RegExp(`^/v1/customers/${ID}/subscriptions$`), run: (c, fx, m) => c.subscriptions.listForCustomer(m[1], q(fx)), check: isList('entries') },
  { method: 'GET', re: new RegExp(`^/v1/customers/${ID}/activities$`), run: (c, fx, m) => c.metrics.customerActivities(m[1], q(fx)), check: isList('entries') },

  { method: 'POST', re: /^\/v1\/plans$/, run: (c, fx) => c.plans.create(body(fx)), check: (r) => has(r, 'uuid', 'name', 'interval_count', 'interval_unit', 'external_id') },
  { method: 'GET', re: /^\/v1\/plans$/, run: (c, fx) => c.plans.list(q(fx)), check: isList('plans') },
  { method: 'GET', re: new RegExp(`^/v1/plans/${ID}$`), run: (c, _fx, m) => c.plans.retrieve(m[1]), check: (r) => has(r, 'uuid', 'name') },
  { method: 'PATCH', re: new RegExp(`^/v1/plans/${ID}$`), run: (c, fx, m) => c.plans.update(m[1], body(fx)), check: (r) => has(r, 'uuid', 'name') },
  { method: 'DELETE', re: new RegExp(`^/v1/plans/${ID}$`), run: (c, _fx, m) => c.plans.delete(m[1]), check: isVoid },

  {
    method: 'POST', re: new RegExp(`^/v1/import/customers/${ID}/invoices$`), run: (c, fx, m) => c.invoices.importMany(m[1], body(fx).invoices),
    check: (r) => { isArray(r); for (const inv of r) has(inv, 'uuid', 'external_id', 'line_items'); },
  },
  { method: 'GET', re: new RegExp(`^/v1/import/customers/${ID}/invoices$`), run: (c, fx, m) => c.invoices.listForCustomer(m[1], q(fx)), check: isList('invoices') },
  { method: 'GET', re: /^\/v1\/invoices$/, run: (c, fx) => c.invoices.list(q(fx)), check: isList('invoices') },
  {
    method: 'DELETE', re: /^\/v1\/invoices$/, run: (c, fx) => c.invoices.deleteByExternalId(String(fx.query.data_source_uuid), String(fx.query.external_id)),
    check: isVoid,
  },
  { method: 'GET', re: new RegExp(`^/v1/invoices/${ID}$`), run: (c, fx, m) => c.invoices.retrieve(m[1], q(fx)), check: (r) => has(r, 'uuid', 'external_id', 'currency', 'line_items') },
  { method: 'DELETE', re: new RegExp(`^/v1/invoices/${ID}$`), run: (c, _fx, m) => c.invoices.delete(m[1]), check: isVoid },
  { method: 'POST', re: new RegExp(`^/v1/import/invoices/${ID}/transactions$`), run: (c, fx, m) => c.invoices.createTransaction(m[1], body(fx)), check: (r) => has(r, 'uuid', 'type', 'result', 'date') },

  { method: 'GET', re: new RegExp(`^/v1/import/customers/${ID}/subscriptions$`), run: (c, fx, m) => c.subscriptions.listImported(m[1], q(fx)), check: isList('subscriptions') },
  { method: 'PATCH', re: new RegExp(`^/v1/import/subscriptions/${ID}$`), run: (c, fx, m) => c.subscriptions.cancel(m[1], body(fx)), check: (r) => has(r, 'uuid', 'cancellation_dates') },
  {
    method: 'POST', re: /^\/v1\/subscription_events$/, run: (c, fx) => c.subscriptions.createEvent(body(fx).subscription_event || body(fx)),
    check: (r) => has(r, 'id', 'event_type', 'customer_external_id'),
  },
  { method: 'GET', re: /^\/v1\/subscription_events$/, run: (c, fx) => c.subscriptions.listEvents(q(fx)), check: isList('subscription_events') },
  {
    method: 'DELETE', re: /^\/v1\/subscription_events$/, run: (c, fx) => c.subscriptions.deleteEvent(eventRef(fx)), check: isVoid,
    // Sent as the recorded query form; the python mocks carry the same ids in a JSON body.
    queryKeys: (fx) => {
      const ref = eventRef(fx);
      return ('id' in ref ? ['subscription_event[id]'] : ['subscription_event[data_source_uuid]', 'subscription_event[external_id]']).sort();
    },
  },

  { method: 'GET', re: new RegExp(`^/v1/metrics/(${METRICS})$`), run: (c, fx, m) => c.metrics.retrieve(m[1] as MetricName, q(fx)), check: isList('entries') },
  { method: 'GET', re: /^\/v1\/activities$/, run: (c, fx) => c.metrics.activities(q(fx)), check: isList('entries') },
];

/** The route for a fixture, with its path match bound, or undefined when the client does not cover the endpoint. */
export function findRoute(fx: Fixture): (Route & { run: (c: ChartMogulClient, fx: Fixture) => unknown }) | undefined {
  for (const r of routes) {
    const m = fx.method === r.method ? fx.path.match(r.re) : null;
    if (m) return { ...r, run: (c, f) => r.run(c, f, m) };
  }
  return undefined;
}
