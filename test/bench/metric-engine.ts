// Benchmark of the emulator's metric engine on a demo-sized account (10,000 customers, 50,000 subscription lines).
// Prints build, cached, segmented and activity timings; part of `npm run bench`, never a timed unit test.

import { activityEntries, customerFigures, metricsAnswer } from '../emulator/metrics/index';
import { StateBuilder } from '../emulator/metrics/builder';
import type { Customer, LineItem } from '../emulator/state';

function bigState(): StateBuilder {
  const b = new StateBuilder();
  const plans = [b.plan('Starter', 'starter'), b.plan('Growth', 'growth'), b.plan('Scale', 'scale'), b.plan('Annual', 'annual', 1, 'year')];
  const countries = ['US', 'DE', 'GB', 'FR', 'JP'];
  const currencies = ['USD', 'EUR', 'GBP', 'EUR', 'JPY'];
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const customers: Customer[] = [];
  for (let i = 0; i < 10_000; i++) customers.push(b.customer(`c${i}`, { country: countries[i % 5], tags: i % 7 === 0 ? ['vip'] : [] }));
  // 5 monthly invoices per customer → 50,000 lines; built directly (the builder's subscription lookup is O(n)).
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    const startMonth = Math.floor(rnd() * 24);
    const plan = plans[i % 4];
    const subUuid = `sub_${i}`;
    b.state.subscriptions.push({
      uuid: subUuid,
      external_id: `s${i}`,
      subscription_set_external_id: null,
      data_source_uuid: b.ds,
      customer_uuid: c.uuid,
      plan_uuid: plan.uuid,
      cancellation_dates: [],
    });
    for (let k = 0; k < 5; k++) {
      const m = startMonth + k * (plan.interval_unit === 'year' ? 12 : 1) + (rnd() < 0.05 ? 1 : 0);
      const start = new Date(Date.UTC(2022, m, 1 + (i % 28))).toISOString();
      const end = new Date(Date.UTC(2022, m + (plan.interval_unit === 'year' ? 12 : 1), 1 + (i % 28))).toISOString();
      const line: LineItem = {
        uuid: `li_${i}_${k}`,
        external_id: null,
        type: 'subscription',
        subscription_uuid: subUuid,
        subscription_external_id: `s${i}`,
        subscription_set_external_id: null,
        plan_uuid: plan.uuid,
        service_period_start: start,
        service_period_end: end,
        amount_in_cents: 1000 * (1 + ((i + k) % 9)),
        quantity: 1,
        prorated: false,
        proration_type: null,
        cancelled_at: null,
        discount_amount_in_cents: 0,
        discount_code: null,
        discount_description: null,
        tax_amount_in_cents: 0,
        transaction_fees_in_cents: 0,
        transaction_fees_currency: null,
        description: null,
        event_order: null,
        account_code: null,
      };
      b.state.invoices.push({
        uuid: `inv_${i}_${k}`,
        external_id: `I${i}-${k}`,
        data_source_uuid: b.ds,
        customer_uuid: c.uuid,
        date: start,
        due_date: null,
        currency: currencies[i % 5],
        collection_method: null,
        line_items: [line],
        transactions: [],
        disabled: false,
      });
    }
  }
  return b;
}

export function benchMetricEngine(): Record<string, number> {
  const b = bigState();
  const now = new Date('2024-06-30T00:00:00Z');
  const query = { 'start-date': '2022-01-01', 'end-date': '2024-06-30', interval: 'month' as const };
  let t = Date.now();
  const first = metricsAnswer(b.state, 'all', query, now);
  const build = Date.now() - t;
  if (first.status !== 200) throw new Error('metrics answered ' + first.status);

  t = Date.now();
  for (const endpoint of ['all', 'mrr', 'customer-count', 'ltv'] as const) metricsAnswer(b.state, endpoint, query, now);
  metricsAnswer(b.state, 'mrr', { ...query, interval: 'day' }, now);
  const cached = (Date.now() - t) / 5;

  t = Date.now();
  metricsAnswer(b.state, 'all', { ...query, filters: "region~ANY~'US','DE'~AND~plan~ANY~'Growth'" }, now);
  const segmented = Date.now() - t;

  t = Date.now();
  const acts = activityEntries(b.state, { type: 'churn' }, now);
  activityEntries(b.state, { order: '-date' }, now); // materialises all ~60k entries once
  const firstActivities = Date.now() - t;
  t = Date.now();
  activityEntries(b.state, { order: '-date' }, now);
  customerFigures(b.state, b.state.customers[5].uuid, now);
  const other = Date.now() - t;

  console.log(`metric engine perf: build+first ${build} ms, cached request ${cached.toFixed(1)} ms, segmented ${segmented} ms, first activities ${firstActivities} ms, cached activities ${other} ms (${acts.length} churn)`);
  return { buildMs: build, cachedRequestMs: cached, segmentedMs: segmented, firstActivitiesMs: firstActivities, cachedActivitiesMs: other };
}
