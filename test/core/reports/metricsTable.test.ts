// Shaping of metrics and MRR movements tables: one column per metric, money in currency units, rates as fractions,
// dates tagged as calendar days; the chart plan picks the series sharing the first metric's unit.

import { shapeMetrics, shapeMovements } from '../../../src/core/reports/metricsTable';
import { chartPlan } from '../../../src/core/reports/refresh';
import { normaliseSpec } from '../../../src/core/reports/spec';
import type { SavedReport } from '../../../src/core/reports/types';

describe('metrics tables', () => {
  it('shapes /all entries', () => {
    const t = shapeMetrics(['mrr', 'arr', 'customer-churn-rate', 'customers'], [
      { date: '2025-01-31', mrr: 12345, arr: 148140, 'customer-churn-rate': 33.33, customers: 3 },
    ]);
    expect(t.columns.map((c) => [c.title, c.type])).toEqual([
      ['Date', 'day'], ['MRR', 'money'], ['ARR', 'money'], ['Customer churn rate', 'rate'], ['Customers', 'count'],
    ]);
    expect(t.rows).toEqual([[{ day: '2025-01-31' }, 123.45, 1481.4, 0.3333, 3]]);
  });

  it('shapes /mrr movements with the net movement', () => {
    const t = shapeMovements([
      { date: '2025-04-30', mrr: 35000, 'mrr-new-business': 1000, 'mrr-expansion': 500, 'mrr-contraction': -200, 'mrr-churn': -10000, 'mrr-reactivation': 0 },
    ]);
    expect(t.rows).toEqual([[{ day: '2025-04-30' }, 350, 10, 5, -2, -100, 0, -87]]);
  });

  it('money follows the account currency digits (JPY whole yen, KWD 3 decimals, USD cents)', () => {
    const e = [{ date: '2025-01-31', mrr: 120000, 'mrr-new-business': 120000, 'mrr-expansion': 0, 'mrr-contraction': 0, 'mrr-churn': 0, 'mrr-reactivation': 0 }];
    expect(shapeMetrics(['mrr'], e, 'JPY').rows[0][1]).toBe(120000);
    expect(shapeMetrics(['mrr'], e, 'KWD').rows[0][1]).toBe(120);
    expect(shapeMetrics(['mrr'], e, 'USD').rows[0][1]).toBe(1200);
    expect(shapeMovements(e, 'jpy').rows[0]).toEqual([{ day: '2025-01-31' }, 120000, 120000, 0, 0, 0, 0, 120000]);
  });

  it('charts the series that share the first metric unit', () => {
    const spec = normaliseSpec({ kind: 'metrics', metrics: ['mrr', 'customers', 'arr'] });
    const report = { spec } as SavedReport;
    const t = shapeMetrics(spec.metrics, []);
    expect(chartPlan(report, t.columns, 6)).toEqual({ type: 'LINE', title: 'Metrics report', columns: [0, 1, 3], rows: 6 });
  });
});
