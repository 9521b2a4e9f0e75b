// Customer figures, customer subscription entries, MRR normalisation/currency, cancellation paths,
// the subscription-events path and account time zones — each with hand-computed numbers.

import { activityEntries, customerFigures, customerSubscriptionEntries, metricsAnswer, type MetricQuery } from './index';
import { scenario, StateBuilder } from './builder';
import { convertCents, currencySign } from './currency';

type Body = { entries: Record<string, number | string>[]; summary: Record<string, number> };
const mrrSeries = (b: StateBuilder, query: MetricQuery, now = new Date('2024-12-31T00:00:00Z')) =>
  (metricsAnswer(b.state, 'mrr', query, now).body as Body).entries.map((e) => e.mrr);
const H1: MetricQuery = { 'start-date': '2024-01-01', 'end-date': '2024-06-30', interval: 'month' };

describe('customerFigures', () => {
  const { b, cus } = scenario();
  const now = new Date('2024-06-30T12:00:00Z');
  test('active customer (EUR annual → USD)', () => {
    expect(customerFigures(b.state, cus.B.uuid, now)).toEqual({
      mrr: 11000,
      arr: 132000,
      status: 'Active',
      'customer-since': '2024-02-10T00:00:00+00:00',
      currency: 'USD',
      'currency-sign': '$',
    });
  });
  test('cancelled customer keeps customer-since', () => {
    expect(customerFigures(b.state, cus.A.uuid, now)).toMatchObject({ mrr: 0, arr: 0, status: 'Cancelled', 'customer-since': '2024-01-15T00:00:00+00:00' });
  });
  test('lead (even with free_trial_started_at) and unknown uuid', () => {
    expect(customerFigures(b.state, cus.F.uuid, now)).toMatchObject({ mrr: 0, status: 'Lead', 'customer-since': null });
    expect(customerFigures(b.state, 'cus_nope', now)).toMatchObject({ mrr: 0, status: 'Lead', 'customer-since': null });
  });
  test('as of an earlier now', () => {
    expect(customerFigures(b.state, cus.A.uuid, new Date('2024-01-10T00:00:00Z'))).toMatchObject({ status: 'Lead', 'customer-since': null });
    expect(customerFigures(b.state, cus.A.uuid, new Date('2024-04-01T00:00:00Z'))).toMatchObject({ mrr: 15000, status: 'Active' });
    expect(customerFigures(b.state, cus.C.uuid, new Date('2024-04-10T00:00:00Z'))).toMatchObject({ mrr: 0, status: 'Cancelled' });
  });
});

describe('customerSubscriptionEntries', () => {
  const { b, cus } = scenario();
  test('active subscription: current line period, current plan', () => {
    const [e, ...rest] = customerSubscriptionEntries(b.state, cus.A.uuid, new Date('2024-05-31T00:00:00Z'));
    expect(rest).toEqual([]);
    const rec = b.state.subscriptions.find((s) => s.external_id === 'subA')!;
    expect(e).toEqual({
      id: expect.any(Number),
      external_id: 'subA',
      subscription_set_external_id: 'subA',
      quantity: 1,
      uuid: rec.uuid,
      mrr: 15000,
      arr: 180000,
      status: 'active',
      plan: 'Pro',
      'billing-cycle': 'month',
      'billing-cycle-count': 1,
      'start-date': '2024-01-15T00:00:00+00:00',
      'end-date': '2024-06-15T00:00:00+00:00',
      currency: 'USD',
      'currency-sign': '$',
    });
    expect(Number.isInteger(e.id)).toBe(true);
  });
  test('cancelled subscription: inactive, last MRR, end = cancellation', () => {
    const [e] = customerSubscriptionEntries(b.state, cus.A.uuid, new Date('2024-06-30T00:00:00Z'));
    expect(e).toMatchObject({ status: 'inactive', mrr: 15000, arr: 180000, 'end-date': '2024-06-01T00:00:00+00:00' });
  });
  test('annual EUR subscription reported in account currency; D quantity and net-of-tax MRR', () => {
    const [eb] = customerSubscriptionEntries(b.state, cus.B.uuid, new Date('2024-06-30T00:00:00Z'));
    expect(eb).toMatchObject({ mrr: 11000, 'billing-cycle': 'year', 'billing-cycle-count': 1, currency: 'USD', 'end-date': '2025-02-10T00:00:00+00:00' });
    const [ed] = customerSubscriptionEntries(b.state, cus.D.uuid, new Date('2024-06-30T00:00:00Z'));
    expect(ed).toMatchObject({ mrr: 12000, quantity: 4, status: 'active' });
  });
  test('oldest first; future subscriptions omitted; lead has none', () => {
    const s = new StateBuilder();
    const p = s.plan('P', 'p');
    const c = s.customer('X');
    s.invoice(c, 'USD', [{ plan: p, sub: 'late', start: '2024-03-01', end: '2024-04-01', amount: 100 }]);
    s.invoice(c, 'USD', [{ plan: p, sub: 'early', start: '2024-01-01', end: '2024-02-01', amount: 100 }]);
    s.invoice(c, 'USD', [{ plan: p, sub: 'future', start: '2025-01-01', end: '2025-02-01', amount: 100 }]);
    const ids = customerSubscriptionEntries(s.state, c.uuid, new Date('2024-06-01T00:00:00Z')).map((e) => e.external_id);
    expect(ids).toEqual(['early', 'late']);
    expect(customerSubscriptionEntries(s.state, 'cus_none', new Date())).toEqual([]);
  });
});

describe('normalisation and currency', () => {
  test('plan intervals: quarterly /3, weekly ×30/7, 2-yearly /24; JPY and GBP conversion', () => {
    const s = new StateBuilder({ currency: 'USD' });
    const quarterly = s.plan('Q', 'q', 3, 'month');
    const weekly = s.plan('W', 'w', 7, 'day');
    const biennial = s.plan('Y2', 'y2', 2, 'year');
    const monthly = s.plan('M', 'm');
    const c = s.customer('X');
    s.invoice(c, 'USD', [{ plan: quarterly, sub: 'q', start: '2024-01-01', end: '2024-04-01', amount: 30000 }]); // 10000
    s.invoice(c, 'USD', [{ plan: weekly, sub: 'w', start: '2024-01-01', end: '2024-01-08', amount: 7000 }]); // 30000 for a week
    s.invoice(c, 'USD', [{ plan: biennial, sub: 'y', start: '2024-01-01', end: '2026-01-01', amount: 240000 }]); // 10000
    s.invoice(c, 'JPY', [{ plan: monthly, sub: 'j', start: '2024-01-01', end: '2024-02-01', amount: 12000 }]); // ¥12000 × 0.007 = $84
    s.invoice(c, 'GBP', [{ plan: monthly, sub: 'g', start: '2024-01-01', end: '2024-02-01', amount: 10000 }]); // £100 × 1.25 = $125
    const q: MetricQuery = { 'start-date': '2024-01-01', 'end-date': '2024-01-07', interval: 'week' };
    expect(mrrSeries(s, q)).toEqual([10000 + 30000 + 10000 + 8400 + 12500]);
  });
  test('convertCents / currencySign table', () => {
    expect(convertCents(10000, 'EUR', 'USD')).toBeCloseTo(11000, 6);
    expect(convertCents(11000, 'USD', 'EUR')).toBeCloseTo(10000, 6);
    expect(convertCents(10000, 'USD', 'JPY')).toBeCloseTo(14285.714, 2); // $100 → ¥14285.7 (yen have no minor unit)
    expect(convertCents(500, 'XYZ', 'USD')).toBe(500);
    expect([currencySign('EUR'), currencySign('PLN'), currencySign('XYZ')]).toEqual(['€', 'zł', 'XYZ']);
  });
  test('EUR account: USD invoices converted the other way', () => {
    const s = new StateBuilder({ currency: 'EUR' });
    const p = s.plan('M', 'm');
    const c = s.customer('X');
    s.invoice(c, 'USD', [{ plan: p, sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 11000 }]);
    expect(customerFigures(s.state, c.uuid, new Date('2024-01-20T00:00:00Z'))).toMatchObject({ mrr: 10000, currency: 'EUR', 'currency-sign': '€' });
  });
  test('no plan: by actual period; prorated: by actual period; trial: live but no MRR', () => {
    const s = new StateBuilder();
    const p = s.plan('M', 'm');
    const c = s.customer('X');
    const d = s.customer('Y');
    s.invoice(c, 'USD', [{ plan: null, sub: 'np', start: '2024-01-01', end: '2024-04-01', amount: 9000 }]); // 3 months → 3000
    s.invoice(c, 'USD', [{ plan: p, sub: 'pr', start: '2024-01-16', end: '2024-01-31', amount: 5000, prorated: true }]); // 15 days → 5000×30/15 = 10000
    s.invoice(d, 'USD', [{ plan: p, sub: 't', start: '2024-01-01', end: '2024-01-31', amount: 0, type: 'trial' }]);
    const q: MetricQuery = { 'start-date': '2024-01-10', 'end-date': '2024-01-20', interval: 'day' };
    const m = mrrSeries(s, q);
    expect(m[0]).toBe(3000);
    expect(m[10]).toBe(13000);
    expect(customerFigures(s.state, d.uuid, new Date('2024-01-10T00:00:00Z')).status).toBe('Lead');
    expect(customerSubscriptionEntries(s.state, d.uuid, new Date('2024-01-10T00:00:00Z'))[0]).toMatchObject({ status: 'active', mrr: 0 });
  });
  test('several lines of one subscription with the same period add up (base + seats)', () => {
    const s = new StateBuilder();
    const p = s.plan('M', 'm');
    const c = s.customer('X');
    s.invoice(c, 'USD', [
      { plan: p, sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 5000 },
      { plan: p, sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 2000, quantity: 2 },
    ]);
    expect(customerSubscriptionEntries(s.state, c.uuid, new Date('2024-01-05T00:00:00Z'))[0]).toMatchObject({ mrr: 7000, quantity: 3 });
  });
});

describe('churn paths', () => {
  test('cancelled_at on a line ends MRR at that instant; a later invoice reactivates', () => {
    const s = new StateBuilder();
    const p = s.plan('M', 'm');
    const c = s.customer('X');
    s.invoice(c, 'USD', [{ plan: p, sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 5000, cancelledAt: '2024-01-20' }]);
    s.invoice(c, 'USD', [{ plan: p, sub: 's', start: '2024-03-10', end: '2024-04-10', amount: 6000 }]);
    const body = metricsAnswer(s.state, 'mrr', { 'start-date': '2024-01-01', 'end-date': '2024-04-30', interval: 'month' }, new Date('2024-04-30T00:00:00Z'))
      .body as Body;
    expect(body.entries.map((e) => [e.mrr, e['mrr-new-business'], e['mrr-churn'], e['mrr-reactivation']])).toEqual([
      [0, 5000, -5000, 0],
      [0, 0, 0, 0],
      [6000, 0, 0, 6000],
      [0, 0, -6000, 0], // period end Apr 10 without renewal
    ]);
  });
  test('contiguous renewals do not churn; a one-day gap churns and reactivates', () => {
    const s = new StateBuilder();
    const p = s.plan('M', 'm');
    const c = s.customer('X');
    s.invoice(c, 'USD', [{ plan: p, sub: 's', start: '2024-01-01', end: '2024-02-01', amount: 5000 }]);
    s.invoice(c, 'USD', [{ plan: p, sub: 's', start: '2024-02-02', end: '2024-03-02', amount: 5000 }]);
    const types = activityEntries(s.state, {}, new Date()).map((a) => [a.type, a.date]);
    expect(types).toEqual([
      ['new_biz', '2024-01-01T00:00:00+00:00'],
      ['churn', '2024-02-01T00:00:00+00:00'],
      ['reactivation', '2024-02-02T00:00:00+00:00'],
      ['churn', '2024-03-02T00:00:00+00:00'],
    ]);
  });
});

describe('subscription events path', () => {
  function eventsState() {
    const s = new StateBuilder();
    const ds2 = s.dataSource('Events');
    s.plan('Pro', 'pro', 1, 'month', ds2);
    s.plan('Yearly', 'yearly', 1, 'year', ds2);
    const e = s.customer('E', { country: 'FR' }, ds2);
    const sub = { subscription_external_id: 'evsub', plan_external_id: 'pro', currency: 'USD' };
    s.event(e, { ...sub, event_type: 'subscription_start', effective_date: '2024-02-01', amount_in_cents: 15000, quantity: 1 });
    s.event(e, { ...sub, event_type: 'subscription_updated', effective_date: '2024-03-01', amount_in_cents: 20000, quantity: 2 });
    const bad = s.event(e, { ...sub, event_type: 'subscription_updated', effective_date: '2024-04-01', amount_in_cents: 50000 });
    s.event(e, { ...sub, event_type: 'subscription_event_retracted', effective_date: '2024-04-02', retracted_event_id: bad.id });
    s.event(e, { ...sub, event_type: 'subscription_update_scheduled', effective_date: '2024-04-15', amount_in_cents: 99999 });
    s.event(e, { ...sub, event_type: 'subscription_cancelled', effective_date: '2024-05-01' });
    // a second subscription on a yearly plan in EUR with tax: (13200 − 1200) / 12 = €1000 → $1100
    s.event(e, {
      subscription_external_id: 'evsub2',
      plan_external_id: 'yearly',
      currency: 'EUR',
      event_type: 'subscription_start',
      effective_date: '2024-06-10',
      amount_in_cents: 13200,
      tax_amount_in_cents: 1200,
    });
    return { s, e };
  }
  test('start / update / retracted / scheduled / cancelled', () => {
    const { s } = eventsState();
    const body = metricsAnswer(s.state, 'mrr', H1, new Date('2024-06-30T00:00:00Z')).body as Body;
    expect(body.entries.map((x) => x.mrr)).toEqual([0, 15000, 20000, 20000, 0, 1100]);
    expect(body.entries.map((x) => x['mrr-new-business'])).toEqual([0, 15000, 0, 0, 0, 0]);
    expect(body.entries.map((x) => x['mrr-expansion'])).toEqual([0, 0, 5000, 0, 0, 0]);
    expect(body.entries.map((x) => x['mrr-churn'])).toEqual([0, 0, 0, 0, -20000, 0]);
    expect(body.entries.map((x) => x['mrr-reactivation'])).toEqual([0, 0, 0, 0, 0, 1100]);
  });
  test('customer figures and subscription entries for event-driven subscriptions', () => {
    const { s, e } = eventsState();
    const now = new Date('2024-07-15T00:00:00Z');
    expect(customerFigures(s.state, e.uuid, now)).toMatchObject({ mrr: 1100, status: 'Active', 'customer-since': '2024-02-01T00:00:00+00:00' });
    const entries = customerSubscriptionEntries(s.state, e.uuid, now);
    expect(entries.map((x) => [x.external_id, x.status, x.mrr, x.quantity, x.plan, x['end-date']])).toEqual([
      ['evsub', 'inactive', 20000, 2, 'Pro', '2024-05-01T00:00:00+00:00'],
      ['evsub2', 'active', 1100, 1, 'Yearly', '2025-06-10T00:00:00+00:00'],
    ]);
  });
});

describe('account time zone', () => {
  test('a change at 02:00 UTC on Mar 1 belongs to Feb 29 in New York', () => {
    const s = new StateBuilder({ time_zone: 'America/New_York' });
    const p = s.plan('M', 'm');
    const c = s.customer('X');
    s.invoice(c, 'USD', [{ plan: p, sub: 's', start: '2024-03-01T02:00:00Z', end: '2024-04-01T06:00:00Z', amount: 5000 }]);
    const q: MetricQuery = { 'start-date': '2024-02-01', 'end-date': '2024-03-31', interval: 'month' };
    expect(mrrSeries(s, q)).toEqual([5000, 5000]);
    s.state.account.time_zone = 'Etc/UTC';
    expect(mrrSeries(s, q)).toEqual([0, 5000]);
  });
});
