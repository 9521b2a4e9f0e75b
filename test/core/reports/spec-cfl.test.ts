// Report planning: spec defaults, names, free tab names, reuse of the formula parsers; the CFL syntax check.
// Pure core.

import { checkFilter } from '../../../src/core/reports/cfl';
import { defaultName, freeTabName, normaliseSpec } from '../../../src/core/reports/spec';

describe('normaliseSpec', () => {
  it('fills defaults for a metrics report', () => {
    expect(normaliseSpec({ kind: 'metrics', metrics: ['MRR', 'customer_count'] })).toEqual({
      kind: 'metrics', name: 'Metrics report', metrics: ['mrr', 'customers'], range: { type: 'rolling', months: 12 }, interval: 'month',
      plans: [], geo: [], filters: '', schedule: 'none', chart: true,
    });
  });

  it('reuses the formula parsers for metrics, interval, plans and countries', () => {
    const s = normaliseSpec({ kind: 'metrics', metrics: ['all'], interval: 'weekly', plans: ['Pro ', 'Pro', 'Basic'], geo: ['us', 'de', 'US'] });
    expect(s.metrics).toHaveLength(8);
    expect([s.interval, s.plans, s.geo]).toEqual(['week', ['Pro', 'Basic'], ['US', 'DE']]);
    expect(() => normaliseSpec({ kind: 'metrics', metrics: ['mrr'], geo: ['USA'] })).toThrow('geo: "USA" is not a 2-letter country code');
    expect(() => normaliseSpec({ kind: 'metrics', metrics: [] })).toThrow('metrics: required');
    expect(() => normaliseSpec({ kind: 'metrics', metrics: ['mrr'], interval: 'fortnight' })).toThrow('interval:');
    expect(() => normaliseSpec({ kind: 'pie' })).toThrow('kind: "pie" is not one of');
  });

  it('refuses a filter with bad syntax before any request', () => {
    expect(() => normaliseSpec({ kind: 'metrics', metrics: ['mrr'], filters: 'plan~ANY' })).toThrow('filters: plan~ANY: value missing');
  });

  it('lists ignore segmentation and charts; names default per kind', () => {
    const s = normaliseSpec({ kind: 'customers', plans: ['Pro'], geo: ['US'], filters: 'x~EQ~1', chart: true, schedule: 'daily' });
    expect([s.name, s.plans, s.geo, s.filters, s.chart, s.schedule]).toEqual(['Customers report', [], [], '', false, 'daily']);
    expect(defaultName('metrics', ['mrr'])).toBe('MRR report');
    expect(normaliseSpec({ kind: 'activities', name: '  Churn log ' }).name).toBe('Churn log');
  });

  it('picks a free tab name the way Sheets compares names', () => {
    expect(freeTabName('MRR report', ['Sheet1'])).toBe('MRR report');
    expect(freeTabName('MRR report', ['mrr REPORT', 'MRR report (2)'])).toBe('MRR report (3)');
  });
});

describe('checkFilter', () => {
  it.each([
    ["currency~ANY~'USD'"],
    ["region~ANY~'US','FR'~AND~mrr~GT~150"],
    ["custom.channel~EQ~'it''s'"],
    ["mrr~BETWEEN~100~500"],
    ["mrr~BETWEEN~100,500~AND~plan~NONE~'Free'"],
    ["name~EQ~'a~b'"],
  ])('accepts %s', (f) => {
    expect(checkFilter(f).ok).toBe(true);
  });

  it.each([
    ["currency~any~'USD'", 'filters: operators are upper case: ANY'],
    ['currency~ANY~USD', "filters: value USD of currency: put text in single quotes ('USD')"],
    ["currency~ANY~'USD", 'filters: a single quote is not closed'],
    ["currency~ANY~'USD'~OR~mrr~GT~1", 'filters: OR is not supported: conditions can only be joined with ~AND~'],
    ["currency~ANY~'USD'~and~mrr~GT~1", 'filters: join conditions with ~AND~ (upper case)'],
    ["currency~ANY~'USD'~AND~", 'filters: a condition is missing after AND'],
    ['mrr~BETWEEN~100', 'filters: mrr~BETWEEN needs two values (a~b)'],
    ["country~ANY~'US',", 'filters: empty value in the list for country'],
    ['mrr', 'filters: "mrr" is not a ChartMogul filter'],
  ])('rejects %s', (f, message) => {
    const r = checkFilter(f);
    expect(r.ok).toBe(false);
    expect(r.message.startsWith(message)).toBe(true);
  });

  it('treats an empty filter as no filter', () => {
    expect(checkFilter('  ')).toEqual({ ok: true, message: 'No filter.' });
  });
});
