// Argument checks of every formula: each bad argument gives a short message that starts with its name,
// before any request (the plan functions never see a client).

import { planActivities } from '../../../src/core/export/activityFormulas';
import { planCustomer, planCustomers, planSubscriptions } from '../../../src/core/export/customerFormulas';
import { planMetric, planMetrics, planMovements, rowCount } from '../../../src/core/export/metricFormulas';
import { ArgumentError } from '../../../src/core/export/errors';
import { parseFilters } from '../../../src/core/export/args';

const D = (day: string) => ({ day });
const msg = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArgumentError);
    return (e as Error).message;
  }
  throw new Error('expected an ArgumentError');
};

describe('CHARTMOGUL_METRICS arguments', () => {
  const ok = { metrics: 'mrr', start_date: '2024-01-01', end_date: '2024-06-30' };
  it('accepts all, one name, a comma list, a range, aliases and case', () => {
    expect(planMetrics({ ...ok, metrics: 'all' }).metrics.map((m) => m.name)).toEqual([
      'mrr', 'arr', 'arpa', 'asp', 'customers', 'customer-churn-rate', 'mrr-churn-rate', 'ltv',
    ]);
    expect(planMetrics({ ...ok, metrics: ' MRR , arr,mrr' }).metrics.map((m) => m.name)).toEqual(['mrr', 'arr']);
    expect(planMetrics({ ...ok, metrics: [['mrr', 'Customer_Count'], ['', 'customer churn rate']] }).metrics.map((m) => m.name)).toEqual([
      'mrr', 'customers', 'customer-churn-rate',
    ]);
  });
  it('uses the metric endpoint for one metric and /all for several', () => {
    expect(planMetrics({ ...ok, metrics: 'customers' }).endpoint).toBe('customer-count');
    expect(planMetrics({ ...ok, metrics: 'mrr,arr' }).endpoint).toBe('all');
  });
  it('dates: date cells (days), YYYY-MM-DD text and serial numbers; interval defaults to month', () => {
    const p = planMetrics({ metrics: 'mrr', start_date: D('2024-01-01'), end_date: 45473 });
    expect(p.query).toEqual({ 'start-date': '2024-01-01', 'end-date': '2024-06-30', interval: 'month' });
  });
  it('plans, geo (upper-cased) and filters go into the query; blanks are left out', () => {
    const p = planMetrics({ ...ok, interval: 'Weekly', plans: [['Basic'], ['Pro, Annual']], geo: 'us, de', filters: "currency~ANY~'USD'" });
    expect(p.query).toEqual({
      'start-date': '2024-01-01', 'end-date': '2024-06-30', interval: 'week',
      plans: ['Basic', 'Pro', 'Annual'], geo: ['US', 'DE'], filters: "currency~ANY~'USD'",
    });
    expect(planMetrics({ ...ok, plans: '', geo: [['', '']], filters: '' }).query).toEqual({
      'start-date': '2024-01-01', 'end-date': '2024-06-30', interval: 'month',
    });
  });
  it.each([
    [{ metrics: '' }, 'metrics: required (all, mrr, arr, arpa, asp, customers, customer-churn-rate, mrr-churn-rate, ltv)'],
    [{ metrics: 'mrr,revenue' }, 'metrics: unknown metric "revenue" (use all, mrr, arr, arpa, asp, customers, customer-churn-rate, mrr-churn-rate, ltv)'],
    [{ metrics: 'all,mrr' }, 'metrics: "all" cannot be combined with other metrics'],
    [{ start_date: '' }, 'start_date: required (a date cell or YYYY-MM-DD)'],
    [{ start_date: '01/02/2024' }, 'start_date: "01/02/2024" is not a date (use a date cell or YYYY-MM-DD)'],
    [{ start_date: '2024-02-30' }, 'start_date: "2024-02-30" is not a date (use a date cell or YYYY-MM-DD)'],
    [{ end_date: true }, 'end_date: true is not a date (use a date cell or YYYY-MM-DD)'],
    [{ end_date: [[D('2024-01-01'), D('2024-02-01')]] }, 'end_date: expected one value, got a range'],
    [{ end_date: '2023-12-31' }, 'end_date: 2023-12-31 is before start_date 2024-01-01'],
    [{ interval: 'fortnight' }, 'interval: "fortnight" is not an interval (use day, week, month, quarter or year)'],
    [{ geo: 'USA' }, 'geo: "USA" is not a 2-letter country code (e.g. US, DE)'],
    [{ plans: true }, 'plans: true is not a name'],
    [{ filters: 'USD' }, 'filters: "USD" is not a ChartMogul filter (e.g. currency~ANY~\'USD\')'],
    [{ filters: 12 }, 'filters: 12 is not a filter (e.g. currency~ANY~\'USD\')'],
    [{ start_date: '2000-01-01', interval: 'day' }, 'end_date: the range has 8948 rows at this interval (at most 5000)'],
  ])('%j → %s', (bad, message) => {
    expect(msg(() => planMetrics({ ...ok, ...bad }))).toBe(message);
  });
});

describe('filters: field names with digits and hyphens (custom attribute keys)', () => {
  const ok = { metrics: 'mrr', start_date: '2024-01-01', end_date: '2024-06-30' };
  it.each(["custom.plan2~ANY~'gold'", "custom.sales-rep~EQ~'bob'~AND~custom.x_1~GT~2", "plan ~ ANY ~ 'Pro'"])('%s is accepted', (f) => {
    expect(planMetrics({ ...ok, filters: f }).query.filters).toBe(f);
  });
  it('long texts are cut in messages', () => {
    expect(msg(() => planMetrics({ ...ok, filters: 'x'.repeat(300) }))).toBe(`filters: "${'x'.repeat(39)}…" is not a ChartMogul filter (e.g. currency~ANY~'USD')`);
  });
});

describe('row counts per interval', () => {
  it.each([
    ['day', 181], ['week', 26], ['month', 6], ['quarter', 2], ['year', 1],
  ] as const)('%s', (interval, rows) => {
    expect(rowCount('2024-01-01', '2024-06-29', interval)).toBe(rows);
  });
});

describe('CHARTMOGUL_METRIC arguments', () => {
  it('levels: the whole month daily (one request per month); flows: month to date; today when omitted', () => {
    expect(planMetric({ metric: 'arr', date: D('2024-02-15') }, '2025-01-01')).toMatchObject({
      date: '2024-02-15', query: { 'start-date': '2024-02-01', 'end-date': '2024-02-29', interval: 'day' },
    });
    expect(planMetric({ metric: 'ltv', date: D('2024-12-15'), geo: 'de' }, '2025-01-01').query).toEqual({
      'start-date': '2024-12-01', 'end-date': '2024-12-15', interval: 'month', geo: ['DE'],
    });
    expect(planMetric({ metric: 'mrr' }, '2025-01-20')).toMatchObject({ date: '2025-01-20', query: { 'end-date': '2025-01-31' } });
  });
  it('one metric only, named in the message', () => {
    expect(msg(() => planMetric({ metric: 'mrr,arr' }, '2025-01-01'))).toMatch(/^metric: unknown metric "mrr,arr"/);
    expect(msg(() => planMetric({ metric: '' }, '2025-01-01'))).toBe('metric: required');
    expect(msg(() => planMetric({ metric: 'mrr', date: 'tomorrow' }, '2025-01-01'))).toBe('date: "tomorrow" is not a date (use a date cell or YYYY-MM-DD)');
  });
});

describe('other formulas', () => {
  it('MRR movements check their dates and interval', () => {
    expect(msg(() => planMovements({ start_date: '2024-02-01', end_date: '2024-01-01' }))).toBe('end_date: 2024-01-01 is before start_date 2024-02-01');
    expect(msg(() => planMovements({ start_date: '2024-02-01', end_date: '2024-03-01', interval: 'hour' }))).toMatch(/^interval: /);
  });
  it('customers: status, fields and data source', () => {
    expect(planCustomers({ status: 'past due', fields: 'Name, customer_since,custom.Seats,tags', data_source: 'Main' })).toEqual({
      status: 'Past_Due', fields: ['name', 'customer-since', 'custom.Seats', 'tags'], dataSource: 'Main',
    });
    expect(planCustomers({ status: 'all' }).status).toBeUndefined();
    expect(msg(() => planCustomers({ status: 'happy' }))).toMatch(/^status: "happy" is not a status/);
    expect(msg(() => planCustomers({ fields: 'name,shoe_size' }))).toMatch(/^fields: unknown field "shoe_size"/);
  });
  it('customer and subscriptions need a reference', () => {
    expect(msg(() => planCustomer({ external_id_or_email: '' }))).toBe('external_id_or_email: required');
    expect(msg(() => planCustomer({ external_id_or_email: 'A', field: 'nope' }))).toMatch(/^field: unknown field "nope"/);
    expect(msg(() => planSubscriptions({ customer: [['a', 'b']] }))).toBe('customer: expected one value, got a range');
  });
  it('activities: dates and type', () => {
    expect(planActivities({ start_date: '2024-01-01', end_date: D('2024-01-31'), type: 'New Business' })).toEqual({
      start: '2024-01-01', end: '2024-01-31', type: 'new_biz',
    });
    expect(msg(() => planActivities({ start_date: '2024-01-01', end_date: '2024-01-31', type: 'upgrade' }))).toMatch(/^type: "upgrade" is not an activity type/);
  });
});

describe('filters share the reports panel\'s CFL syntax check', () => {
  it.each([
    ["currency~ANY~USD", "filters: value USD of currency: put text in single quotes ('USD')"],
    ["currency~any~'USD'", 'filters: operators are upper case: ANY'],
    ["currency~ANY~'USD'~OR~mrr~GT~1", 'filters: OR is not supported: conditions can only be joined with ~AND~'],
    ["plan~ANY~'Pro", 'filters: a single quote is not closed'],
  ])('rejects %s before any request', (filters, message) => {
    expect(() => parseFilters('filters', filters)).toThrow(message);
  });

  it('accepts lists, BETWEEN, ANDs and custom fields with digits and hyphens', () => {
    for (const f of ["region~ANY~'US','FR'~AND~mrr~GT~150", 'mrr~BETWEEN~100~500', "custom.plan2~EQ~'gold'~AND~custom.sales-rep~ANY~'Ann'"]) {
      expect(parseFilters('filters', f)).toBe(f);
    }
  });
});
