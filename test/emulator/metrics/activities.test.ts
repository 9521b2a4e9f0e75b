// Activities on the scenario: order, types, descriptions, running MRR, filters, stable uuids, and the invariant
// that activity movements add up to the /mrr movement columns; same-day multi-subscription cases.

import { activityEntries, metricsAnswer } from './index';
import { scenario, StateBuilder } from './builder';

const NOW = new Date('2024-06-30T12:00:00Z');

describe('activities on the scenario', () => {
  const { b, cus, plans } = scenario();
  const all = activityEntries(b.state, {}, NOW);

  test('ascending, one per movement, hand-computed', () => {
    expect(all.map((a) => [a.date, a['customer-name'], a.type, a['activity-mrr-movement'], a['activity-mrr'], a['activity-arr']])).toEqual([
      ['2024-01-15T00:00:00+00:00', 'Alpha', 'new_biz', 10000, 10000, 120000],
      ['2024-02-10T00:00:00+00:00', 'Beta', 'new_biz', 11000, 11000, 132000],
      ['2024-03-05T00:00:00+00:00', 'Gamma', 'new_biz', 10000, 10000, 120000],
      ['2024-03-15T00:00:00+00:00', 'Alpha', 'expansion', 5000, 15000, 180000],
      ['2024-04-01T00:00:00+00:00', 'Delta', 'new_biz', 15000, 15000, 180000],
      ['2024-04-05T00:00:00+00:00', 'Gamma', 'churn', -10000, 0, 0],
      ['2024-05-01T00:00:00+00:00', 'Delta', 'contraction', -3000, 12000, 144000],
      ['2024-05-20T00:00:00+00:00', 'Gamma', 'reactivation', 8000, 8000, 96000],
      ['2024-06-01T00:00:00+00:00', 'Alpha', 'churn', -15000, 0, 0],
      ['2024-06-20T00:00:00+00:00', 'Gamma', 'churn', -8000, 0, 0],
    ]);
  });

  test('full entry shape', () => {
    const rec = b.state.subscriptions.find((s) => s.external_id === 'subA')!;
    expect(all[3]).toEqual({
      description: 'upgraded to the Pro plan',
      'activity-mrr-movement': 5000,
      'activity-mrr': 15000,
      'activity-arr': 180000,
      date: '2024-03-15T00:00:00+00:00',
      type: 'expansion',
      currency: 'USD',
      'subscription-external-id': 'subA',
      'subscription-set-external-id': 'subA', // no set given → the subscription's own external id (as recorded)
      'plan-external-id': plans.pro.external_id,
      'customer-name': 'Alpha',
      'customer-uuid': cus.A.uuid,
      'customer-external-id': 'A',
      'billing-connector-uuid': rec.data_source_uuid,
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    });
    expect(all.map((a) => a.description).slice(0, 1).concat(all.slice(5, 8).map((a) => a.description))).toEqual([
      'purchased the Basic plan',
      'cancelled their Basic plan',
      'downgraded to the Pro plan',
      'reactivated their Basic plan',
    ]);
  });

  test('uuids are unique and stable across calls and rebuilt states', () => {
    const uuids = all.map((a) => a.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(activityEntries(scenario().b.state, {}, NOW).map((a) => a.uuid)).toEqual(uuids.map(() => expect.any(String)));
    // same data in a fresh state → same ids (ids in the builder are deterministic)
    expect(activityEntries(scenario().b.state, {}, NOW).map((a) => a.uuid)).toEqual(uuids);
  });

  test('filters: type, date range (inclusive), order, customer', () => {
    expect(activityEntries(b.state, { type: 'churn' }, NOW).map((a) => a['customer-name'])).toEqual(['Gamma', 'Alpha', 'Gamma']);
    // up to now only: D's period end on Jul 1 shows once now has passed it
    expect(activityEntries(b.state, { type: 'churn' }, new Date('2024-07-01T00:00:00Z')).map((a) => a['customer-name'])).toEqual([
      'Gamma',
      'Alpha',
      'Gamma',
      'Delta',
    ]);
    const range = activityEntries(b.state, { 'start-date': '2024-03-05', 'end-date': '2024-04-05' }, NOW);
    expect(range.map((a) => a.type)).toEqual(['new_biz', 'expansion', 'new_biz', 'churn']);
    const desc = activityEntries(b.state, { order: '-date' }, NOW);
    expect(desc.map((a) => a.uuid)).toEqual([...all].reverse().map((a) => a.uuid));
    const mine = activityEntries(b.state, { customerUuid: cus.C.uuid }, NOW);
    expect(mine.map((a) => a.type)).toEqual(['new_biz', 'churn', 'reactivation', 'churn']);
    expect(mine[0]).toMatchObject({ id: expect.any(Number), 'currency-sign': '$', 'customer-uuid': cus.C.uuid });
    expect(activityEntries(b.state, { customerUuid: cus.F.uuid }, NOW)).toEqual([]);
  });

  test('a customer rename shows in cached activities', () => {
    const s = scenario();
    expect(activityEntries(s.b.state, { customerUuid: s.cus.B.uuid }, NOW)[0]['customer-name']).toBe('Beta');
    s.cus.B.name = 'Beta GmbH';
    expect(activityEntries(s.b.state, { customerUuid: s.cus.B.uuid }, NOW)[0]['customer-name']).toBe('Beta GmbH');
  });

  test('activity movements add up to the /mrr movement columns', () => {
    const body = metricsAnswer(b.state, 'mrr', { 'start-date': '2024-01-01', 'end-date': '2024-06-30', interval: 'month' }, NOW).body as {
      entries: Record<string, number>[];
    };
    const cols: Record<string, string> = {
      new_biz: 'mrr-new-business',
      expansion: 'mrr-expansion',
      contraction: 'mrr-contraction',
      churn: 'mrr-churn',
      reactivation: 'mrr-reactivation',
    };
    for (const [type, col] of Object.entries(cols)) {
      const fromActivities = activityEntries(b.state, { type: type as never }, NOW).reduce((s, a) => s + (a['activity-mrr-movement'] as number), 0);
      expect(body.entries.reduce((s, e) => s + e[col], 0)).toBe(fromActivities);
    }
  });
});

describe('same-day changes of one customer', () => {
  test('two subscriptions started the same day: two new_biz entries with running activity-mrr', () => {
    const s = new StateBuilder();
    const p1 = s.plan('One', 'one');
    const p2 = s.plan('Two', 'two');
    const c = s.customer('X');
    s.invoice(c, 'USD', [
      { plan: p1, sub: 's1', start: '2024-01-01T10:00:00Z', end: '2024-02-01T10:00:00Z', amount: 5000 },
      { plan: p2, sub: 's2', start: '2024-01-01T12:00:00Z', end: '2024-02-01T12:00:00Z', amount: 7000 },
    ]);
    const acts = activityEntries(s.state, { 'end-date': '2024-01-31' }, NOW);
    expect(acts.map((a) => [a.type, a['subscription-external-id'], a['activity-mrr-movement'], a['activity-mrr'], a.date])).toEqual([
      ['new_biz', 's1', 5000, 5000, '2024-01-01T10:00:00+00:00'],
      ['new_biz', 's2', 7000, 12000, '2024-01-01T12:00:00+00:00'],
    ]);
  });
  test('plan swap between subscriptions the same day nets into one movement on the new subscription', () => {
    const swap = (newAmount: number) => {
      const s = new StateBuilder();
      const p1 = s.plan('One', 'one');
      const p2 = s.plan('Two', 'two');
      const c = s.customer('X');
      s.invoice(c, 'USD', [{ plan: p1, sub: 's1', start: '2024-01-01', end: '2024-03-01', amount: 10000, cancelledAt: '2024-02-10T08:00:00Z' }]);
      s.invoice(c, 'USD', [{ plan: p2, sub: 's2', start: '2024-02-10T09:00:00Z', end: '2024-03-10T09:00:00Z', amount: newAmount }]);
      return activityEntries(s.state, { 'start-date': '2024-02-10', 'end-date': '2024-02-10' }, NOW).map((a) => [
        a.type,
        a['subscription-external-id'],
        a['activity-mrr-movement'],
        a['activity-mrr'],
        a.description,
        a.date,
      ]);
    };
    expect(swap(13000)).toEqual([['expansion', 's2', 3000, 13000, 'upgraded to the Two plan', '2024-02-10T09:00:00+00:00']]);
    expect(swap(8000)).toEqual([['contraction', 's2', -2000, 8000, 'downgraded to the Two plan', '2024-02-10T09:00:00+00:00']]);
    expect(swap(10000)).toEqual([]); // same MRR: no movement
  });
});
