// Response → table shaping: money in currency units, rates as fractions, days and instants tagged for src/gas,
// customer fields (tags, custom attributes, timestamps), subscriptions and the MRR-movement columns.

import { compactCustomer, fieldCell } from '../../../src/core/export/customerFields';
import { subscriptionRow } from '../../../src/core/export/customerFormulas';
import { parseInstant } from '../../../src/core/export/days';
import { findMetrics, toUnit } from '../../../src/core/export/metricCatalog';
import { shapeMetrics, shapeMovements, toSeries } from '../../../src/core/export/metricFormulas';
import type { Customer, CustomerSubscription } from '../../../src/core/chartmogul';

const allEntries = [
  { date: '2024-01-31', mrr: 10000, 'mrr-percentage-change': 0, arr: 120000, arpa: 10000, asp: 10000, customers: 1, 'customer-churn-rate': 0, 'mrr-churn-rate': 0, ltv: 0 },
  { date: '2024-04-30', mrr: 41000, arr: 492000, arpa: 13666, asp: 15000, customers: 3, 'customer-churn-rate': 33.33, 'mrr-churn-rate': -23.81, ltv: 41002 },
];

describe('metrics table', () => {
  it('header Date + metric names; money ÷ 100, rates as fractions, counts as is, dates as days', () => {
    const table = shapeMetrics(findMetrics('metrics', ['all']), toSeries(allEntries));
    expect(table).toEqual([
      ['Date', 'mrr', 'arr', 'arpa', 'asp', 'customers', 'customer-churn-rate', 'mrr-churn-rate', 'ltv'],
      [{ day: '2024-01-31' }, 100, 1200, 100, 100, 1, 0, 0, 0],
      [{ day: '2024-04-30' }, 410, 4920, 136.66, 150, 3, 0.3333, -0.2381, 410.02],
    ]);
  });
  it('keeps the order the user asked for and drops percentage changes from the cached series', () => {
    const series = toSeries(allEntries);
    expect(Object.keys(series.values)).not.toContain('mrr-percentage-change');
    expect(shapeMetrics(findMetrics('m', ['ltv', 'customers']), series)[2]).toEqual([{ day: '2024-04-30' }, 410.02, 3]);
  });
  it('rates convert exactly (2.5 % → 0.025) and non-numbers become 0', () => {
    expect(toUnit('rate', 2.5)).toBe(0.025);
    expect(toUnit('rate', 12.2)).toBe(0.122);
    expect(toUnit('money', 13666)).toBe(136.66);
    expect(toUnit('money', NaN)).toBe(0);
  });
  it('an empty answer is just the header row', () => {
    expect(shapeMetrics(findMetrics('m', ['mrr']), toSeries([]))).toEqual([['Date', 'mrr']]);
  });
});

describe('MRR movements table', () => {
  it('signed movements in currency units, net change = their sum, MRR last', () => {
    const series = toSeries([
      { date: '2024-05-31', mrr: 46000, 'percentage-change': 12.2, 'mrr-new-business': 0, 'mrr-expansion': 0, 'mrr-contraction': -3000, 'mrr-churn': 0, 'mrr-reactivation': 8000 },
    ]);
    expect(shapeMovements(series)).toEqual([
      ['Date', 'New business', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net change', 'MRR'],
      [{ day: '2024-05-31' }, 0, 0, -30, 0, 80, 50, 460],
    ]);
  });

  it('uses the currency decimals of the formula key\'s account: JPY has none, KWD three', () => {
    const series = toSeries([
      { date: '2024-05-31', mrr: 46000, 'mrr-new-business': 0, 'mrr-expansion': 0, 'mrr-contraction': -3000, 'mrr-churn': 0, 'mrr-reactivation': 8000 },
    ]);
    expect(shapeMovements(series, 'JPY')[1]).toEqual([{ day: '2024-05-31' }, 0, 0, -3000, 0, 8000, 5000, 46000]);
    expect(shapeMovements(series, 'KWD')[1][7]).toBe(46);
    expect(shapeMetrics(findMetrics('m', ['mrr', 'customers']), toSeries([{ date: '2024-05-31', mrr: 46000, customers: 3 }]), 'JPY')[1]).toEqual([{ day: '2024-05-31' }, 46000, 3]);
  });
});

describe('customer fields', () => {
  const c = compactCustomer({
    id: 7, uuid: 'cus_1', external_id: 'A', name: 'Alpha', email: null, status: 'Active', 'customer-since': '2024-01-15T00:00:00+00:00',
    mrr: 15000, arr: 180000, currency: 'USD', country: 'US', lead_created_at: null,
    attributes: { tags: ['vip', 'eu'], custom: { Seats: 10, Plan_Tier: 'gold' }, stripe: { big: 'object' } },
  } as unknown as Customer);
  it('keeps only what a column can show', () => {
    expect(c).toEqual({
      id: 7, uuid: 'cus_1', external_id: 'A', name: 'Alpha', status: 'Active', 'customer-since': '2024-01-15T00:00:00+00:00',
      mrr: 15000, arr: 180000, currency: 'USD', country: 'US', tags: ['vip', 'eu'], custom: { Seats: 10, Plan_Tier: 'gold' },
    });
  });
  it('money, instants, tags, custom attributes (key case-insensitive), blanks', () => {
    expect(fieldCell(c, 'mrr')).toBe(150);
    expect(fieldCell(c, 'customer-since')).toEqual({ instant: Date.UTC(2024, 0, 15) });
    expect(fieldCell(c, 'tags')).toBe('vip, eu');
    expect(fieldCell(c, 'custom.seats')).toBe(10);
    expect(fieldCell(c, 'custom.Plan_Tier')).toBe('gold');
    expect(fieldCell(c, 'custom.none')).toBe('');
    expect(fieldCell(c, 'email')).toBe('');
  });
  it('money by the record currency: JPY and KRW have no minor units', () => {
    expect(fieldCell({ ...c, currency: 'JPY', mrr: 120000 }, 'mrr')).toBe(120000);
    expect(fieldCell({ ...c, currency: 'KWD', arr: 1234567 }, 'arr')).toBe(1234.567);
  });
});

describe('subscriptions', () => {
  it('row: money in units, dates as instants', () => {
    const row = subscriptionRow({
      id: 1, uuid: 'sub_1', external_id: 'subA', plan: 'Pro', quantity: 1, mrr: 15000, arr: 180000, status: 'active',
      'billing-cycle': 'month', 'billing-cycle-count': 1, 'start-date': '2024-01-15T00:00:00+00:00', 'end-date': '2024-07-15T00:00:00+00:00',
      currency: 'USD', 'currency-sign': '$',
    } as CustomerSubscription);
    expect(row).toEqual(['subA', 'Pro', 1, 150, 1800, 'USD', 'active', 'month', 1, { instant: Date.UTC(2024, 0, 15) }, { instant: Date.UTC(2024, 6, 15) }, 'sub_1']);
  });
});

describe('ISO instants without new Date(string)', () => {
  it.each([
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024-03-01T10:20:30Z', Date.UTC(2024, 2, 1, 10, 20, 30)],
    ['2024-03-01T10:20:30.5+02:00', Date.UTC(2024, 2, 1, 8, 20, 30, 500)],
    ['2024-03-01 00:00:00 -0130', Date.UTC(2024, 2, 1, 1, 30)],
  ])('%s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });
  it('rejects nonsense', () => {
    expect(parseInstant('2024-02-30T00:00:00Z')).toBeNaN();
    expect(parseInstant('March 1')).toBeNaN();
  });
});
