// ChartMogul metric semantics driven end-to-end over HTTP (in-process emulator, Node fetch) with expectations
// hand-computed from ChartMogul's documented rules — what an outside client would check with its own small data set.

import { startEmulator, type EmulatorHandle } from './server';
import { client, type Reply } from './test-helpers';

const NOW = new Date('2025-01-15T12:00:00Z');
let emu: EmulatorHandle;
let call: ReturnType<typeof client>;
let ds: string;

beforeAll(async () => {
  emu = await startEmulator({ now: () => NOW, rateLimit: 0, maxConcurrent: 0 });
  call = client(emu);
});
afterAll(() => emu.stop());
beforeEach(async () => {
  emu.reset();
  ds = (await ok('POST', '/v1/data_sources', { name: 'Sheets' }, 201)).uuid;
});

async function ok(method: string, path: string, body?: unknown, status = 200): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r: Reply = await call(method, path, body);
  if (r.status !== status) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
  return r.body;
}

const plans: Record<string, string> = {};
async function plan(name: string, count: number, unit: 'day' | 'month' | 'year'): Promise<string> {
  plans[name] = (await ok('POST', '/v1/plans', { data_source_uuid: ds, name, interval_count: count, interval_unit: unit, external_id: name }, 201)).uuid;
  return plans[name];
}

async function customer(ext: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await ok('POST', '/v1/customers', { data_source_uuid: ds, external_id: ext, name: ext, ...extra }, 201)).uuid;
}

interface Line {
  plan: string;
  sub: string;
  start: string;
  end: string;
  amount: number;
  extra?: Record<string, unknown>;
}
let invoiceNo = 0;
async function invoice(cus: string, date: string, lines: Line[], currency = 'USD'): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const body = {
    invoices: [
      {
        external_id: `inv-${++invoiceNo}`,
        date,
        currency,
        line_items: lines.map((l) => ({
          type: 'subscription',
          subscription_external_id: l.sub,
          plan_uuid: plans[l.plan],
          service_period_start: l.start,
          service_period_end: l.end,
          amount_in_cents: l.amount,
          quantity: 1,
          ...(l.extra ?? {}),
        })),
      },
    ],
  };
  return (await ok('POST', `/v1/import/customers/${cus}/invoices`, body, 201)).invoices[0];
}

/** Monthly renewals of one subscription: [start, start+1m), … `months` invoices. */
async function monthly(cus: string, planName: string, sub: string, first: string, months: number, amount: number): Promise<void> {
  const [y, m, d] = first.split('-').map(Number);
  for (let i = 0; i < months; i++) {
    const s = new Date(Date.UTC(y, m - 1 + i, d)).toISOString();
    const e = new Date(Date.UTC(y, m + i, d)).toISOString();
    await invoice(cus, s, [{ plan: planName, sub, start: s, end: e, amount }]);
  }
}

async function metric(name: string, start: string, end: string, interval = 'month', extra = ''): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return ok('GET', `/v1/metrics/${name}?start-date=${start}&end-date=${end}&interval=${interval}${extra}`);
}
const col = (body: { entries: Array<Record<string, unknown>> }, key: string) => body.entries.map((e) => e[key]);

describe('MRR of one line (amount net of discounts, normalised to a month)', () => {
  test('monthly $100 from Jan 15 → 10000 on Jan 31; ARR = 12 × MRR; ARPA = MRR / customers', async () => {
    await plan('Basic', 1, 'month');
    const a = await customer('A');
    await monthly(a, 'Basic', 's1', '2024-01-15', 2, 10000);
    const all = await metric('all', '2024-01-01', '2024-02-29');
    expect(all.entries[0]).toMatchObject({ date: '2024-01-31', mrr: 10000, arr: 120000, customers: 1, arpa: 10000, asp: 10000 });
    expect((await metric('mrr', '2024-01-01', '2024-01-31')).entries[0]).toEqual({
      date: '2024-01-31', mrr: 10000, 'percentage-change': 0, 'mrr-new-business': 10000, 'mrr-expansion': 0,
      'mrr-contraction': 0, 'mrr-churn': 0, 'mrr-reactivation': 0,
    });
    // a day before the start there is no MRR yet
    expect(col(await metric('mrr', '2024-01-14', '2024-01-15', 'day'), 'mrr')).toEqual([0, 10000]);
  });

  test('annual $1,200 → 10000; quarterly $300 → 10000; weekly $70 → 30000; 5 seats for $500 total → 50000', async () => {
    await plan('Annual', 1, 'year');
    await plan('Quarterly', 3, 'month');
    await plan('Weekly', 7, 'day');
    await plan('Seat', 1, 'month');
    const [a, b, c, d] = [await customer('A'), await customer('B'), await customer('C'), await customer('D')];
    await invoice(a, '2024-01-01', [{ plan: 'Annual', sub: 'a', start: '2024-01-01', end: '2025-01-01', amount: 120000 }]);
    await invoice(b, '2024-01-01', [{ plan: 'Quarterly', sub: 'b', start: '2024-01-01', end: '2024-04-01', amount: 30000 }]);
    await invoice(c, '2024-01-01', [{ plan: 'Weekly', sub: 'c', start: '2024-01-01', end: '2024-01-08', amount: 7000 }]);
    await invoice(d, '2024-01-01', [{ plan: 'Seat', sub: 'd', start: '2024-01-01', end: '2024-02-01', amount: 50000, extra: { quantity: 5 } }]);
    const day = await metric('mrr', '2024-01-02', '2024-01-02', 'day');
    expect(day.entries[0].mrr).toBe(10000 + 10000 + 30000 + 50000);
    // all ended before "now": the subscription list reports the last MRR of inactive subscriptions
    expect((await ok('GET', `/v1/customers/${b}/subscriptions`)).entries[0]).toMatchObject({ mrr: 10000, arr: 120000, status: 'inactive' });
    const subs = await ok('GET', `/v1/customers/${d}/subscriptions`);
    expect(subs.entries[0]).toMatchObject({ quantity: 5, 'billing-cycle': 'month', 'billing-cycle-count': 1 });
  });

  test('discounts are already deducted from amount_in_cents; tax is excluded from MRR', async () => {
    await plan('Pro', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-01-01', [
      { plan: 'Pro', sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 10000, extra: { discount_amount_in_cents: 2500, tax_amount_in_cents: 2000 } },
    ]);
    expect((await metric('mrr', '2024-01-31', '2024-01-31')).entries[0].mrr).toBe(8000);
  });

  test('currency conversion into the account currency (fixed table: 1 EUR = 1.10 USD)', async () => {
    await plan('Pro', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-01-01', [{ plan: 'Pro', sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 10000 }], 'EUR');
    expect((await metric('mrr', '2024-01-31', '2024-01-31')).entries[0].mrr).toBe(11000);
    const sub = (await ok('GET', `/v1/customers/${a}/subscriptions`)).entries[0];
    expect(sub).toMatchObject({ mrr: 11000, arr: 132000, currency: 'USD', 'currency-sign': '$' });
  });
});

describe('churn, cancellation and reactivation', () => {
  test('churn at the end of the last service period; reactivation when billing resumes', async () => {
    await plan('Basic', 1, 'month');
    const a = await customer('A');
    await monthly(a, 'Basic', 's', '2024-01-01', 1, 10000); // Jan 1 → Feb 1, then nothing
    await monthly(a, 'Basic', 's', '2024-04-01', 1, 10000); // Apr 1 → May 1
    const mrr = await metric('mrr', '2024-01-01', '2024-05-31');
    expect(col(mrr, 'mrr')).toEqual([10000, 0, 0, 10000, 0]);
    expect(col(mrr, 'mrr-churn')).toEqual([0, -10000, 0, 0, -10000]);
    expect(col(mrr, 'mrr-reactivation')).toEqual([0, 0, 0, 10000, 0]);
    expect(col(mrr, 'percentage-change')).toEqual([0, -100, 0, 0, -100]);
    expect(col(await metric('mrr', '2024-01-31', '2024-02-01', 'day'), 'mrr')).toEqual([10000, 0]);
    expect(col(await metric('customer-churn-rate', '2024-01-01', '2024-03-31'), 'customer-churn-rate')).toEqual([0, 100, 0]);
    const types = (await ok('GET', `/v1/customers/${a}/activities`)).entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(['new_biz', 'churn', 'reactivation', 'churn']);
  });

  test('cancelled_at on a line churns at that instant, not at the period end', async () => {
    await plan('Basic', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-01-01', [
      { plan: 'Basic', sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 10000, extra: { cancelled_at: '2024-01-20' } },
    ]);
    expect(col(await metric('mrr', '2024-01-19', '2024-01-20', 'day'), 'mrr')).toEqual([10000, 0]);
    expect((await ok('GET', `/v1/customers/${a}`)).status).toBe('Cancelled');
  });

  test('PATCH /v1/import/subscriptions/{uuid}: cancellation_dates replace, [] restores period-end churn', async () => {
    await plan('Basic', 1, 'month');
    const a = await customer('A');
    await monthly(a, 'Basic', 's', '2024-01-01', 2, 10000); // Jan 1 → Mar 1
    const sub = (await ok('GET', `/v1/import/customers/${a}/subscriptions`)).subscriptions[0];
    const patched = await ok('PATCH', `/v1/import/subscriptions/${sub.uuid}`, { cancellation_dates: ['2024-02-10T00:00:00Z'] }, 202);
    expect(patched.cancellation_dates).toEqual(['2024-02-10T00:00:00.000Z']);
    let mrr = await metric('mrr', '2024-01-01', '2024-03-31');
    expect(col(mrr, 'mrr')).toEqual([10000, 0, 0]);
    expect(col(mrr, 'mrr-churn')).toEqual([0, -10000, 0]);
    expect(col(await metric('mrr', '2024-02-09', '2024-02-10', 'day'), 'mrr')).toEqual([10000, 0]);
    await ok('PATCH', `/v1/import/subscriptions/${sub.uuid}`, { cancellation_dates: [] }, 202);
    mrr = await metric('mrr', '2024-01-01', '2024-03-31');
    expect(col(mrr, 'mrr')).toEqual([10000, 10000, 0]);
    expect(col(mrr, 'mrr-churn')).toEqual([0, 0, -10000]);
    await ok('PATCH', `/v1/import/subscriptions/${sub.uuid}`, { cancelled_at: '2024-01-15' }, 202);
    expect(col(await metric('mrr', '2024-01-01', '2024-01-31'), 'mrr')).toEqual([0]);
  });
});

describe('plan changes', () => {
  test('upgrade mid-period with a new full-price line: expansion from the upgrade day', async () => {
    await plan('Basic', 1, 'month');
    await plan('Pro', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-01-01', [{ plan: 'Basic', sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 10000 }]);
    await invoice(a, '2024-01-16', [{ plan: 'Pro', sub: 's', start: '2024-01-16', end: '2024-02-16', amount: 20000 }]);
    expect(col(await metric('mrr', '2024-01-15', '2024-01-16', 'day'), 'mrr')).toEqual([10000, 20000]);
    const jan = (await metric('mrr', '2024-01-01', '2024-01-31')).entries[0];
    expect(jan).toMatchObject({ mrr: 20000, 'mrr-new-business': 10000, 'mrr-expansion': 10000 });
    const acts = (await ok('GET', `/v1/customers/${a}/activities`)).entries;
    expect(acts.map((e: Record<string, unknown>) => [e.type, e['activity-mrr-movement'], e['activity-mrr']])).toEqual([
      ['new_biz', 10000, 10000],
      ['expansion', 10000, 20000],
      ['churn', -20000, 0], // the Pro period ends Feb 16 without renewal
    ]);
  });

  test('prorated upgrade (help centre: Bronze $100 → Gold $250 on Jun 16; $125 charge, $50 credit) → MRR 25000', async () => {
    await plan('Bronze', 1, 'month');
    await plan('Gold', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-06-01', [{ plan: 'Bronze', sub: 's', start: '2024-06-01', end: '2024-07-01', amount: 10000 }]);
    await invoice(a, '2024-06-16', [
      { plan: 'Gold', sub: 's', start: '2024-06-16', end: '2024-07-01', amount: 12500, extra: { prorated: true } },
      { plan: 'Bronze', sub: 's', start: '2024-06-16', end: '2024-07-01', amount: -5000, extra: { prorated: true } },
    ]);
    await invoice(a, '2024-07-01', [{ plan: 'Gold', sub: 's', start: '2024-07-01', end: '2024-08-01', amount: 25000 }]);
    expect(col(await metric('mrr', '2024-06-15', '2024-06-16', 'day'), 'mrr')).toEqual([10000, 25000]);
    expect(col(await metric('mrr', '2024-06-30', '2024-07-01', 'day'), 'mrr')).toEqual([25000, 25000]);
    expect((await metric('mrr', '2024-06-01', '2024-06-30')).entries[0]).toMatchObject({ 'mrr-expansion': 15000 });
  });

  test('prorated extra seat (docs: +1 seat for $25 for the second half of a 30-day period) adds to the seat already paid', async () => {
    await plan('Bronze', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-04-01', [{ plan: 'Bronze', sub: 's', start: '2024-04-01', end: '2024-05-01', amount: 5000 }]);
    await invoice(a, '2024-04-16', [{ plan: 'Bronze', sub: 's', start: '2024-04-16', end: '2024-05-01', amount: 2500, extra: { prorated: true } }]);
    expect(col(await metric('mrr', '2024-04-15', '2024-04-16', 'day'), 'mrr')).toEqual([5000, 10000]);
  });

  test('proration_type "full": the prorated amount is the whole new price for the rest of the period (replaces)', async () => {
    await plan('Bronze', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-04-01', [{ plan: 'Bronze', sub: 's', start: '2024-04-01', end: '2024-05-01', amount: 5000 }]);
    await invoice(a, '2024-04-16', [
      { plan: 'Bronze', sub: 's', start: '2024-04-16', end: '2024-05-01', amount: 5000, extra: { prorated: true, proration_type: 'full', quantity: 2 } },
    ]);
    expect(col(await metric('mrr', '2024-04-15', '2024-04-16', 'day'), 'mrr')).toEqual([5000, 10000]);
    expect((await ok('GET', `/v1/customers/${a}/subscriptions`)).entries[0].quantity).toBe(2);
  });

  test('downgrade is contraction (≤ 0)', async () => {
    await plan('Pro', 1, 'month');
    await plan('Basic', 1, 'month');
    const a = await customer('A');
    await invoice(a, '2024-01-01', [{ plan: 'Pro', sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 20000 }]);
    await invoice(a, '2024-02-01', [{ plan: 'Basic', sub: 's', start: '2024-02-01', end: '2024-03-01', amount: 15000 }]);
    const feb = (await metric('mrr', '2024-01-01', '2024-02-29')).entries[1];
    expect(feb).toMatchObject({ mrr: 15000, 'mrr-contraction': -5000, 'mrr-churn': 0, 'percentage-change': -25 });
  });
});

describe('entries, intervals and summary', () => {
  beforeEach(async () => {
    await plan('Basic', 1, 'month');
    await monthly(await customer('A'), 'Basic', 'a', '2024-01-15', 11, 10000); // Jan 15 → Dec 15
    await monthly(await customer('B'), 'Basic', 'b', '2024-03-01', 24, 5000); // Mar 1 2024 → Mar 1 2026
  });

  test('quarter entries end on Mar 31, Jun 30, Sep 30, Dec 31', async () => {
    const body = await metric('customer-count', '2024-01-01', '2024-12-31', 'quarter');
    expect(col(body, 'date')).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(col(body, 'customers')).toEqual([2, 2, 2, 1]);
    expect(col(body, 'percentage-change')).toEqual([0, 0, 0, -50]);
  });

  test('week entries end on Sundays (week_start_on monday); month/year ends', async () => {
    expect((await ok('GET', '/v1/account')).week_start_on).toBe('monday');
    expect(col(await metric('mrr', '2024-01-01', '2024-01-21', 'week'), 'date')).toEqual(['2024-01-07', '2024-01-14', '2024-01-21']);
    expect(col(await metric('mrr', '2024-01-01', '2024-03-31', 'month'), 'date')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(col(await metric('mrr', '2023-01-01', '2024-12-31', 'year'), 'date')).toEqual(['2023-12-31', '2024-12-31']);
  });

  test('/all: ARPA = MRR / customers, ARR = 12 × MRR, percentage changes relative to the previous entry', async () => {
    const all = await metric('all', '2024-02-01', '2024-03-31');
    expect(all.entries[1]).toMatchObject({
      date: '2024-03-31', mrr: 15000, arr: 180000, customers: 2, arpa: 7500, 'mrr-percentage-change': 50,
      'customers-percentage-change': 100, 'arpa-percentage-change': -25, 'arr-percentage-change': 50,
    });
    expect(typeof all.entries[1]['customer-churn-rate']).toBe('number');
  });

  test('summary: current = now (Jan 15 2025), previous = one interval earlier', async () => {
    const body = await metric('mrr', '2024-01-01', '2024-12-31');
    expect(body.summary).toEqual({ current: 5000, previous: 5000, 'percentage-change': 0 });
    const cc = await metric('customer-count', '2024-11-01', '2024-12-31', 'month');
    expect(cc.summary).toEqual({ current: 1, previous: 1, 'percentage-change': 0 });
    const arr = await metric('arr', '2024-01-01', '2024-12-31', 'quarter');
    // Oct 15 2024: A ($100, until Dec 15) + B ($50) → 15000 MRR
    expect(arr.summary).toEqual({ current: 60000, previous: 180000, 'percentage-change': -66.67 });
  });

  test('movement signs over a year: contraction and churn never positive', async () => {
    const body = await metric('mrr', '2024-01-01', '2024-12-31', 'month');
    for (const e of body.entries) {
      expect(e['mrr-churn']).toBeLessThanOrEqual(0);
      expect(e['mrr-contraction']).toBeLessThanOrEqual(0);
      expect(e['mrr-new-business']).toBeGreaterThanOrEqual(0);
    }
    expect(col(body, 'mrr-churn')[11]).toBe(-10000);
  });
});
