// Segmentation: `plans`, `geo` and CFL `filters` on the scenario, plus the CFL parser and its 400 errors;
// expected MRR columns are the scenario month ends restricted by hand to the selected customers or plans.

import { metricsAnswer, type MetricQuery } from './index';
import { scenario } from './builder';
import { CflError, parseCfl } from './cfl';

const NOW = new Date('2024-06-30T12:00:00Z');
type Body = { entries: Record<string, number | string>[]; summary: Record<string, number> };
const H1: MetricQuery = { 'start-date': '2024-01-01', 'end-date': '2024-06-30', interval: 'month' };
function mrr(extra: Partial<MetricQuery>): { mrr: unknown[]; body: Body } {
  const { b } = scenario();
  const a = metricsAnswer(b.state, 'mrr', { ...H1, ...extra }, NOW);
  expect(a.status).toBe(200);
  const body = a.body as Body;
  return { mrr: body.entries.map((e) => e.mrr), body };
}

describe('plans param', () => {
  test('by name: only Pro MRR (A from Mar 15, D from Apr)', () => {
    const { mrr: m, body } = mrr({ plans: 'Pro' });
    expect(m).toEqual([0, 0, 15000, 30000, 27000, 12000]);
    // inside the segment A's move to Pro is new business
    expect(body.entries.map((e) => e['mrr-new-business'])).toEqual([0, 0, 15000, 15000, 0, 0]);
  });
  test('by uuid and external id, comma list', () => {
    const { b, plans } = scenario();
    const a = metricsAnswer(b.state, 'mrr', { ...H1, plans: `${plans.annual.uuid},basic` }, NOW).body as Body;
    expect(a.entries.map((e) => e.mrr)).toEqual([10000, 21000, 21000, 11000, 19000, 11000]);
  });
  test('external id "pro" matches; names are case-sensitive so "PRO" matches nothing', () => {
    expect(mrr({ plans: 'pro' }).mrr).toEqual([0, 0, 15000, 30000, 27000, 12000]);
    expect(mrr({ plans: 'PRO' }).mrr).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('geo param', () => {
  test('DE → only B (converted from EUR)', () => {
    expect(mrr({ geo: 'DE' }).mrr).toEqual([0, 11000, 11000, 11000, 11000, 11000]);
  });
  test('US,GB', () => {
    expect(mrr({ geo: 'us, GB' }).mrr).toEqual([10000, 10000, 25000, 30000, 35000, 12000]);
  });
});

describe('filters (CFL)', () => {
  test.each([
    ["currency~ANY~'EUR'", [0, 11000, 11000, 11000, 11000, 11000]],
    ["currency~NONE~'EUR'", [10000, 10000, 25000, 30000, 35000, 12000]],
    ["region~ANY~'US','GB'", [10000, 10000, 25000, 30000, 35000, 12000]],
    ["country~EQ~'DE'", [0, 11000, 11000, 11000, 11000, 11000]],
    ["tag~ANY~'vip'", [10000, 10000, 15000, 15000, 15000, 0]],
    ["tags~NONE~'vip'", [0, 11000, 21000, 26000, 31000, 23000]],
    ['custom.seats~GT~5', [10000, 10000, 15000, 15000, 15000, 0]],
    ['custom.seats~BETWEEN~1~3', [0, 0, 0, 15000, 12000, 12000]],
    // current MRR (now = Jun 30) above $100: B ($110) and D ($120)
    ['mrr~GT~100', [0, 11000, 11000, 26000, 23000, 23000]],
    ["plan~ANY~'Basic'~AND~plan~ANY~'Annual'", [10000, 21000, 21000, 11000, 19000, 11000]],
    ["plan~EQ~'pro'~AND~region~ANY~'US'", [0, 0, 15000, 30000, 27000, 12000]],
    ["region~ANY~'US','FR'~AND~mrr~GT~150", [0, 0, 0, 0, 0, 0]],
  ])('%s', (filters, expected) => {
    expect(mrr({ filters }).mrr).toEqual(expected);
  });

  test.each(["plan~FOO~'x'", "plan~ANY~'x", 'colour~EQ~1', "tag~GT~'a'", 'mrr~GT~abc', "plan~ANY~'a'~OR~plan~ANY~'b'", '~AND~'])(
    'invalid %s → 400 {code,message,param:"filters"}',
    (filters) => {
      const { b } = scenario();
      const a = metricsAnswer(b.state, 'all', { ...H1, filters }, NOW);
      expect(a.status).toBe(400);
      expect(a.body).toEqual({ code: 400, message: expect.stringMatching(/^Invalid filters: /), param: 'filters' });
    },
  );
});

describe('CFL parser', () => {
  test('conditions, quotes, lists, BETWEEN forms', () => {
    expect(parseCfl("region~ANY~'US','FR'~AND~mrr~GT~150")).toEqual([
      { field: 'region', op: 'ANY', values: ['US', 'FR'] },
      { field: 'mrr', op: 'GT', values: ['150'] },
    ]);
    expect(parseCfl("plan~EQ~'Gold ~ AND ~ Co''s'")).toEqual([{ field: 'plan', op: 'EQ', values: ["Gold ~ AND ~ Co's"] }]);
    expect(parseCfl('mrr~BETWEEN~100,200')).toEqual([{ field: 'mrr', op: 'BETWEEN', values: ['100', '200'] }]);
    expect(parseCfl('mrr~BETWEEN~100~200~AND~custom.Seats~LTE~3')).toEqual([
      { field: 'mrr', op: 'BETWEEN', values: ['100', '200'] },
      { field: 'custom.Seats', op: 'LTE', values: ['3'] },
    ]);
  });
  test('errors', () => {
    for (const bad of ['', 'plan', 'plan~ANY', "plan~ANY~'a'~AND", 'mrr~BETWEEN~1', "a~EQ~'x'~b~EQ~1"]) {
      expect(() => parseCfl(bad)).toThrow(CflError);
    }
  });
});
