// The demo account must be deterministic and look like a real SaaS: growth, churn, upgrades, two currencies.
// Checked through the emulator's own metric engine on the generated state.

import { generateDemo } from './generator';
import { toEmulatorState, toWorkbookRows } from './views';
import { metricsAnswer } from '../emulator/metrics';

const end = new Date('2026-11-30T00:00:00Z');

describe('demo account generator', () => {
  const model = generateDemo({ seed: 7, endDate: end });

  it('is deterministic for a seed and end date', () => {
    expect(JSON.stringify(generateDemo({ seed: 7, endDate: end }))).toBe(JSON.stringify(model));
    expect(JSON.stringify(generateDemo({ seed: 8, endDate: end }))).not.toBe(JSON.stringify(model));
  });

  it('spans 24 months ending on the given day, with a few hundred customers in a dozen countries', () => {
    expect(model.endDate).toBe('2026-11-30');
    expect(model.startDate).toBe('2024-12-01');
    const paying = new Set(model.invoices.map((i) => i.customerExternalId));
    expect(paying.size).toBeGreaterThan(250);
    expect(paying.size).toBeLessThan(900);
    expect(new Set(model.customers.map((c) => c.country)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(model.plans.map((p) => p.currency))).toEqual(new Set(['USD', 'EUR']));
    expect(model.customers.some((c) => !paying.has(c.externalId) && c.leadCreatedAt)).toBe(true); // leads
    expect(model.invoices.some((i) => i.transactions.some((t) => t.type === 'refund'))).toBe(true);
    expect(model.invoices.some((i) => i.transactions.some((t) => t.result === 'failed'))).toBe(true);
    for (const c of model.customers) {
      if (c.leadCreatedAt) expect(c.leadCreatedAt <= '2026-11-30T23:59:59Z').toBe(true);
      if (c.freeTrialStartedAt) expect(c.freeTrialStartedAt <= '2026-11-30T23:59:59Z').toBe(true);
    }
  });

  it('has growing MRR with churn, expansion, contraction and reactivation', () => {
    const state = toEmulatorState(model);
    const res = metricsAnswer(state, 'mrr', { 'start-date': '2024-12-01', 'end-date': '2026-11-30', interval: 'month' }, end) as {
      status: number;
      body: { entries: Array<Record<string, number>> };
    };
    expect(res.status).toBe(200);
    const e = res.body.entries;
    expect(e).toHaveLength(24);
    expect(e[23].mrr).toBeGreaterThan(e[11].mrr);
    expect(e[11].mrr).toBeGreaterThan(e[2].mrr);
    const sum = (k: string) => e.reduce((a, x) => a + Math.abs(x[k] || 0), 0);
    for (const k of ['mrr-new-business', 'mrr-expansion', 'mrr-contraction', 'mrr-churn', 'mrr-reactivation']) expect(sum(k)).toBeGreaterThan(0);
  });

  it('turns into import tabs with the template column names', () => {
    const rows = toWorkbookRows(model);
    expect(rows.Invoices[0]).toContain('invoice_external_id');
    expect(rows.Invoices.length - 1).toBe(model.invoices.reduce((a, i) => a + i.lines.length, 0));
    expect(rows.Customers.length - 1).toBe(model.customers.length);
  });
});
