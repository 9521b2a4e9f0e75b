// Metric endpoints on the hand-built scenario (builder.ts): every endpoint and interval with hand-computed numbers.
// Scenario month ends (USD cents): Jan 10000/1, Feb 21000/2, Mar 36000/3, Apr 41000/3, May 46000/4, Jun 23000/2.

import { metricsAnswer, type MetricEndpoint, type MetricQuery } from './index';
import { scenario } from './builder';

const NOW = new Date('2024-06-30T12:00:00Z');
const q = (start: string, end: string, interval: MetricQuery['interval'], extra: Partial<MetricQuery> = {}): MetricQuery => ({
  'start-date': start,
  'end-date': end,
  interval,
  ...extra,
});
type Body = { entries: Record<string, number | string>[]; summary: Record<string, number> };
function get(endpoint: MetricEndpoint, query: MetricQuery, now = NOW): Body {
  const { b } = scenario();
  const a = metricsAnswer(b.state, endpoint, query, now);
  expect(a.status).toBe(200);
  return a.body as Body;
}
const col = (body: Body, key: string) => body.entries.map((e) => e[key]);
const H1 = q('2024-01-01', '2024-06-30', 'month');

describe('/mrr monthly', () => {
  const body = get('mrr', H1);
  test('dates are month ends', () => {
    expect(col(body, 'date')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']);
  });
  test('mrr and movements', () => {
    expect(col(body, 'mrr')).toEqual([10000, 21000, 36000, 41000, 46000, 23000]);
    expect(col(body, 'mrr-new-business')).toEqual([10000, 11000, 10000, 15000, 0, 0]);
    expect(col(body, 'mrr-expansion')).toEqual([0, 0, 5000, 0, 0, 0]);
    expect(col(body, 'mrr-contraction')).toEqual([0, 0, 0, 0, -3000, 0]);
    expect(col(body, 'mrr-churn')).toEqual([0, 0, 0, -10000, 0, -23000]);
    expect(col(body, 'mrr-reactivation')).toEqual([0, 0, 0, 0, 8000, 0]);
    expect(col(body, 'percentage-change')).toEqual([0, 110, 71.43, 13.89, 12.2, -50]);
  });
  test('exact key order of an entry', () => {
    expect(Object.keys(body.entries[0])).toEqual([
      'date',
      'mrr',
      'percentage-change',
      'mrr-new-business',
      'mrr-expansion',
      'mrr-contraction',
      'mrr-churn',
      'mrr-reactivation',
    ]);
  });
  test('summary: now (Jun 30) vs one month earlier (May 30)', () => {
    expect(body.summary).toEqual({ current: 23000, previous: 46000, 'percentage-change': -50 });
  });
});

describe('single metrics monthly', () => {
  test('arr = 12 × mrr', () => {
    const body = get('arr', H1);
    expect(col(body, 'arr')).toEqual([120000, 252000, 432000, 492000, 552000, 276000]);
    expect(Object.keys(body.entries[0])).toEqual(['date', 'arr', 'percentage-change']);
    expect(body.summary).toEqual({ current: 276000, previous: 552000, 'percentage-change': -50 });
  });
  test('customer-count uses key "customers"', () => {
    const body = get('customer-count', H1);
    expect(col(body, 'customers')).toEqual([1, 2, 3, 3, 4, 2]);
    expect(col(body, 'percentage-change')).toEqual([0, 100, 50, 0, 33.33, -50]);
    expect(body.summary).toEqual({ current: 2, previous: 4, 'percentage-change': -50 });
  });
  test('arpa = floor(mrr / customers)', () => {
    expect(col(get('arpa', H1), 'arpa')).toEqual([10000, 10500, 12000, 13666, 11500, 11500]);
  });
  test('asp = new-business MRR / new customers in the interval', () => {
    const body = get('asp', H1);
    expect(col(body, 'asp')).toEqual([10000, 11000, 10000, 15000, 0, 0]);
    // summary windows: (May 30, Jun 30] has no new business; (Apr 30, May 30] neither.
    expect(body.summary).toEqual({ current: 0, previous: 0, 'percentage-change': 0 });
  });
  test('customer-churn-rate = churned / customers at interval start', () => {
    const body = get('customer-churn-rate', H1);
    expect(col(body, 'customer-churn-rate')).toEqual([0, 0, 0, 33.33, 0, 50]);
    // rate summaries compare the last two entries (as recorded)
    expect(body.summary).toEqual({ current: 50, previous: 0, 'percentage-change': 0 });
  });
  test('mrr-churn-rate is net: (churn + contraction − expansion − reactivation) / MRR at start', () => {
    const body = get('mrr-churn-rate', H1);
    // Mar: −5000/21000 = −23.81; Apr: 10000/36000 = 27.78; May: (3000 − 8000)/41000 = −12.20; Jun: 23000/46000 = 50
    expect(col(body, 'mrr-churn-rate')).toEqual([0, 0, -23.81, 27.78, -12.2, 50]);
    expect(col(body, 'percentage-change')).toEqual([0, 0, 0, 216.67, -143.92, 509.84]);
  });
  test('ltv = arpa / monthly churn rate (0 without churn)', () => {
    const body = get('ltv', H1);
    // Apr: 13666 / 0.3333 = 41002.1 → 41002; Jun: 11500 / 0.5 = 23000
    expect(col(body, 'ltv')).toEqual([0, 0, 0, 41002, 0, 23000]);
    expect(body.summary).toEqual({ current: 23000, previous: 0, 'percentage-change': 0 });
  });
});

describe('/all', () => {
  const body = get('all', H1);
  test('entry keys in recorded order, values consistent with single endpoints', () => {
    expect(Object.keys(body.entries[3])).toEqual([
      'date',
      'mrr',
      'mrr-percentage-change',
      'arr',
      'arr-percentage-change',
      'customer-churn-rate',
      'customer-churn-rate-percentage-change',
      'mrr-churn-rate',
      'mrr-churn-rate-percentage-change',
      'ltv',
      'ltv-percentage-change',
      'customers',
      'customers-percentage-change',
      'asp',
      'asp-percentage-change',
      'arpa',
      'arpa-percentage-change',
    ]);
    expect(body.entries[3]).toMatchObject({
      date: '2024-04-30',
      mrr: 41000,
      arr: 492000,
      customers: 3,
      arpa: 13666,
      asp: 15000,
      ltv: 41002,
      'customer-churn-rate': 33.33,
      'mrr-churn-rate': 27.78,
      'asp-percentage-change': 50,
      'arpa-percentage-change': 13.88,
    });
  });
  test('summary keys and values', () => {
    expect(body.summary).toEqual({
      'current-mrr': 23000,
      'previous-mrr': 46000,
      'mrr-percentage-change': -50,
      'current-arr': 276000,
      'previous-arr': 552000,
      'arr-percentage-change': -50,
      'current-customer-churn-rate': 50,
      'previous-customer-churn-rate': 0,
      'customer-churn-rate-percentage-change': 0,
      'current-mrr-churn-rate': 50,
      'previous-mrr-churn-rate': -12.2,
      'mrr-churn-rate-percentage-change': 509.84,
      'current-ltv': 23000,
      'previous-ltv': 0,
      'ltv-percentage-change': 0,
      'current-customers': 2,
      'previous-customers': 4,
      'customers-percentage-change': -50,
      'current-asp': 0,
      'previous-asp': 0,
      'asp-percentage-change': 0,
      'current-arpa': 11500,
      'previous-arpa': 11500,
      'arpa-percentage-change': 0,
    });
  });
});

describe('intervals', () => {
  test('day', () => {
    const body = get('mrr', q('2024-03-04', '2024-03-06', 'day'));
    expect(col(body, 'date')).toEqual(['2024-03-04', '2024-03-05', '2024-03-06']);
    expect(col(body, 'mrr')).toEqual([21000, 31000, 31000]);
    expect(col(body, 'mrr-new-business')).toEqual([0, 10000, 0]);
    // summary.previous = one day before now
    expect(body.summary).toEqual({ current: 23000, previous: 23000, 'percentage-change': 0 });
  });
  test('week starting monday (account default); last entry clamped to end-date', () => {
    const body = get('mrr', q('2024-03-01', '2024-03-20', 'week'));
    expect(col(body, 'date')).toEqual(['2024-03-03', '2024-03-10', '2024-03-17', '2024-03-20']);
    expect(col(body, 'mrr')).toEqual([21000, 31000, 36000, 36000]);
    // first entry only counts from start-date (Mar 1): nothing moved Mar 1–3
    expect(col(body, 'mrr-new-business')).toEqual([0, 10000, 0, 0]);
    expect(col(body, 'mrr-expansion')).toEqual([0, 0, 5000, 0]);
  });
  test('week starting sunday', () => {
    const { b } = scenario();
    b.state.account.week_start_on = 'sunday';
    const body = metricsAnswer(b.state, 'mrr', q('2024-03-01', '2024-03-20', 'week'), NOW).body as Body;
    expect(col(body, 'date')).toEqual(['2024-03-02', '2024-03-09', '2024-03-16', '2024-03-20']);
    expect(col(body, 'mrr')).toEqual([21000, 31000, 36000, 36000]);
  });
  test('quarter', () => {
    const body = get('all', q('2024-01-01', '2024-06-30', 'quarter'));
    expect(col(body, 'date')).toEqual(['2024-03-31', '2024-06-30']);
    expect(col(body, 'mrr')).toEqual([36000, 23000]);
    expect(col(body, 'customers')).toEqual([3, 2]);
    // Q2: 3 churn events (C Apr 5, A Jun 1, C Jun 20) against 3 customers at Mar 31 → 100 %
    expect(col(body, 'customer-churn-rate')).toEqual([0, 100]);
    // LTV uses the monthly rate: 100 % per quarter = 33.33 % per month → 11500 / (1/3) = 34500
    expect(col(body, 'ltv')).toEqual([0, 34500]);
    const mrr = get('mrr', q('2024-01-01', '2024-06-30', 'quarter'));
    expect(mrr.entries[1]).toMatchObject({
      'mrr-new-business': 15000,
      'mrr-contraction': -3000,
      'mrr-churn': -33000,
      'mrr-reactivation': 8000,
      'mrr-expansion': 0,
    });
  });
  test('year (B annual runs to 2025-02-10, D ends Jul 1 at period end)', () => {
    const body = get('mrr', q('2024-01-01', '2024-12-31', 'year'));
    expect(body.entries).toEqual([
      {
        date: '2024-12-31',
        mrr: 11000,
        'percentage-change': 0,
        'mrr-new-business': 46000,
        'mrr-expansion': 5000,
        'mrr-contraction': -3000,
        'mrr-churn': -45000,
        'mrr-reactivation': 8000,
      },
    ]);
    expect(body.summary).toEqual({ current: 23000, previous: 0, 'percentage-change': 0 });
  });
  test('mid-month range: first entry counts from start-date, last is clamped to end-date', () => {
    const body = get('mrr', q('2024-03-10', '2024-05-10', 'month'));
    expect(col(body, 'date')).toEqual(['2024-03-31', '2024-04-30', '2024-05-10']);
    expect(col(body, 'mrr-new-business')).toEqual([0, 15000, 0]);
    expect(col(body, 'mrr')).toEqual([36000, 41000, 38000]);
  });
});

describe('bad queries', () => {
  const { b } = scenario();
  test.each([
    [{ 'start-date': '2024-13-01' }, 'start-date'],
    [{ 'end-date': 'x' }, 'end-date'],
    [{ 'start-date': '2024-05-01', 'end-date': '2024-04-01' }, 'end-date'],
    [{ interval: 'hour' }, 'interval'],
  ])('%j → 400 naming %s', (patch, param) => {
    const a = metricsAnswer(b.state, 'mrr', { ...H1, ...(patch as Partial<MetricQuery>) }, NOW);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ code: 400, param });
  });
});

describe('caching', () => {
  test('a mutation of the state is seen by the next request', () => {
    const { b, cus } = scenario();
    const before = metricsAnswer(b.state, 'mrr', H1, NOW).body as Body;
    expect(before.summary.current).toBe(23000);
    // in-place edit (no array length change): D's June line amount becomes $200 net
    const inv = b.state.invoices.filter((i) => i.customer_uuid === cus.D.uuid)[2];
    inv.line_items[0].amount_in_cents = 22000;
    const after = metricsAnswer(b.state, 'mrr', H1, NOW).body as Body;
    expect(after.summary.current).toBe(31000);
    inv.disabled = true; // disabled invoices do not count: D churns Jun 1
    const disabled = metricsAnswer(b.state, 'mrr', H1, NOW).body as Body;
    expect(disabled.summary.current).toBe(11000);
  });
});
