// Tests for cursor pagination: per_page (≤ 200, default 200) + cursor until has_more is false, the collection key
// per endpoint, early stop, lazy iteration, the unpaginated data sources list, and that `page` is never sent.

import { clampPerPage } from '../../../src/core/chartmogul/pagination';
import { customerRequests } from '../../../src/core/chartmogul/resources/customers';
import { subscriptionRequests } from '../../../src/core/chartmogul/resources/subscriptions';
import { harness, res, splitUrl } from './helpers';

function pages<T>(key: string, chunks: T[][]) {
  return chunks.map((items, i) => res(200, { [key]: items, has_more: i < chunks.length - 1, cursor: i < chunks.length - 1 ? `c${i + 1}==` : null }));
}

const queryOf = (url: string) => splitUrl(url).query;

describe('listAll', () => {
  it('follows cursors until has_more is false and collects every item', () => {
    const h = harness(pages('entries', [[{ uuid: 'a' }, { uuid: 'b' }], [{ uuid: 'c' }], [{ uuid: 'd' }]]));
    const all = h.client.customers.listAll({ data_source_uuid: 'ds_1', status: 'Active' });
    expect(all.map((c) => c.uuid)).toEqual(['a', 'b', 'c', 'd']);
    expect(h.transport.sent.map((r) => queryOf(r.url))).toEqual([
      [['data_source_uuid', 'ds_1'], ['status', 'Active'], ['per_page', '200']],
      [['data_source_uuid', 'ds_1'], ['status', 'Active'], ['per_page', '200'], ['cursor', 'c1==']],
      [['data_source_uuid', 'ds_1'], ['status', 'Active'], ['per_page', '200'], ['cursor', 'c2==']],
    ]);
    expect(h.transport.sent.every((r) => !/[?&]page=/.test(r.url))).toBe(true);
  });

  it.each([
    ['plans', (h: ReturnType<typeof harness>) => h.client.plans.listAll(), '/v1/plans'],
    ['invoices', (h: ReturnType<typeof harness>) => h.client.invoices.listAll({ customer_uuid: 'cus_1' }), '/v1/invoices'],
    ['subscription_events', (h: ReturnType<typeof harness>) => h.client.subscriptions.listAllEvents({ data_source_uuid: 'ds_1' }), '/v1/subscription_events'],
    ['entries', (h: ReturnType<typeof harness>) => h.client.metrics.allActivities({ 'start-date': '2024-01-01' }), '/v1/activities'],
    ['entries', (h: ReturnType<typeof harness>) => h.client.subscriptions.listAllForCustomer('cus_1'), '/v1/customers/cus_1/subscriptions'],
  ])('reads the "%s" collection', (key, run, path) => {
    const h = harness(pages(key, [[1, 2], [3]]));
    expect(run(h)).toEqual([1, 2, 3]);
    expect(h.transport.sent.map((r) => splitUrl(r.url).path)).toEqual([path, path]);
  });

  it('clamps per_page to 1..200', () => {
    expect([clampPerPage(undefined), clampPerPage(500), clampPerPage(0), clampPerPage(50.7)]).toEqual([200, 200, 1, 50]);
    const h = harness(pages('plans', [[1]]));
    h.client.plans.listAll({}, { perPage: 1000 });
    expect(queryOf(h.transport.sent[0].url)).toEqual([['per_page', '200']]);
  });

  it('data sources are one unpaginated request (no per_page, no cursor)', () => {
    const h = harness([res(200, { data_sources: [{ uuid: 'ds_1' }, { uuid: 'ds_2' }] })]);
    expect(h.client.dataSources.list({ with_processing_status: true }).map((d) => d.uuid)).toEqual(['ds_1', 'ds_2']);
    expect(h.transport.sent).toHaveLength(1);
    expect(h.transport.sent[0].url).toBe('https://api.chartmogul.com/v1/data_sources?with_processing_status=true');
  });

  it('refuses the deprecated page parameter before sending anything', () => {
    const h = harness([res(200, { entries: [] })]);
    const request = { ...customerRequests.list(), query: { page: 2 } };
    expect(() => h.client.listAll(request)).toThrow(/"page" parameter is deprecated/);
    expect(h.transport.sent).toHaveLength(0);
  });

  it('stops when has_more is absent (legacy responses)', () => {
    const h = harness([res(200, { subscriptions: [{ uuid: 'sub_1' }], current_page: 1, total_pages: 2 })]);
    expect(h.client.listAll(subscriptionRequests.listImported('cus_1'))).toHaveLength(1);
    expect(h.transport.sent).toHaveLength(1);
  });

  it('fails instead of looping when has_more stays true with the same cursor', () => {
    const h = harness([res(200, { plans: [1], has_more: true, cursor: 'same' })]);
    expect(() => h.client.plans.listAll()).toThrow(/did not advance/);
    expect(h.transport.sent).toHaveLength(2);
  });

  it('maxPages bounds the walk', () => {
    const h = harness((_r, n) => res(200, { plans: [n], has_more: true, cursor: `c${n + 1}` }));
    expect(h.client.plans.listAll({}, { maxPages: 3 })).toEqual([0, 1, 2]);
  });
});

describe('eachPage and pages()', () => {
  it('passes items, page and index; returning false stops early', () => {
    const h = harness(pages('entries', [[1], [2], [3]]));
    const seen: Array<[number[], number, boolean | undefined]> = [];
    const n = h.client.eachPage(customerRequests.list(), (items, page, index) => {
      seen.push([items as unknown as number[], index, page.has_more]);
      return index < 1;
    });
    expect(n).toBe(2);
    expect(seen).toEqual([[[1], 0, true], [[2], 1, true]]);
    expect(h.transport.sent).toHaveLength(2);
  });

  it('the iterator is lazy: one request per consumed page', () => {
    const h = harness(pages('entries', [[1], [2], [3]]));
    const it = h.client.pages(customerRequests.search('a@b.c'), { perPage: 1 });
    expect(h.transport.sent).toHaveLength(0);
    expect(it.next().value?.entries).toEqual([1]);
    expect(h.transport.sent).toHaveLength(1);
    expect(queryOf(h.transport.sent[0].url)).toEqual([['email', 'a@b.c'], ['per_page', '1']]);
    expect([...it].map((p) => p.entries)).toEqual([[2], [3]]);
  });

  it('a page error propagates with its kind (after retries)', () => {
    const h = harness([...pages('entries', [[1], [2]]).slice(0, 1), res(401, { code: 401, message: 'No valid API key provided', param: null })]);
    expect(() => h.client.customers.listAll()).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
  });
});
