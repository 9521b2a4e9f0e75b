// CHARTMOGUL_* formulas end to end: built dist/Code.js in CUSTOM_FUNCTION mode (sheet zone Europe/Berlin) against
// the emulator seeded with test/gas/formulaSeed.ts; every number below is hand-computed from that seed.

import { createGasEnvironment, type GasEnvironment } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';
import { freezeEmulatorClock, LEADS, writeFormulaSeed } from './formulaSeed';

let emu: EmulatorProcess;
let seen: string[];
let envs: GasEnvironment[];

beforeAll(async () => {
  emu = await startEmulatorProcess({ seedFile: writeFormulaSeed(), args: ['--rate-limit', '0'] });
  await freezeEmulatorClock(emu.url);
}, 30000);
afterAll(async () => {
  await emu?.stop();
});
beforeEach(() => {
  seen = [];
  envs = [];
});
afterEach(() => {
  const texts = [...seen, ...envs.flatMap((e) => e.logs.map((l) => l.message))];
  for (const t of texts) for (const k of [emu.readOnlyKey, emu.readWriteKey, Buffer.from(emu.readOnlyKey + ':').toString('base64')]) expect(t).not.toContain(k);
});

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const berlin = (d: Date): string => d.toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' });
/** A date cell as Sheets passes it: midnight of that day in the spreadsheet's zone (Berlin). */
function day(text: string): Date {
  for (const hours of [1, 2]) {
    const d = new Date(Date.parse(text + 'T00:00:00Z') - hours * 3600000);
    if (berlin(d) === text + ' 00:00:00') return d;
  }
  throw new Error('no Berlin midnight for ' + text);
}
/** Dates shown as Sheets would in Berlin: "2024-01-31" for midnight, else the full wall time. */
function show(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(show);
  if (isDate(v)) return berlin(v).replace(/ 00:00:00$/, '');
  return v;
}

function sheet(withKey = true) {
  const env = createGasEnvironment({ authMode: 'CUSTOM_FUNCTION', spreadsheetTimeZone: 'Europe/Berlin' });
  envs.push(env);
  env.untracked(() => {
    env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
    if (withKey) env.properties.document.setProperty('CHARTMOGUL_FORMULA_API_KEY', emu.readOnlyKey);
  });
  const ctx = loadBundle(env);
  const raw = (name: string, ...args: unknown[]): unknown => {
    const out = callEntry(ctx, name, ...args);
    seen.push(JSON.stringify(out));
    return out;
  };
  const call = (name: string, ...args: unknown[]): unknown => show(raw(name, ...args));
  const fails = (name: string, ...args: unknown[]): string => {
    try {
      callEntry(ctx, name, ...args);
    } catch (e) {
      const m = (e as Error).message;
      seen.push(m);
      return m;
    }
    throw new Error(`${name} did not fail`);
  };
  const urls = () => env.urlFetch.requests.map((r) => decodeURIComponent(r.url.slice(emu.url.length)));
  return { env, ctx, raw, call, fails, urls };
}

const H1 = [day('2024-01-01'), day('2024-06-30')] as const;
const ALL_HEADER = ['Date', 'mrr', 'arr', 'arpa', 'asp', 'customers', 'customer-churn-rate', 'mrr-churn-rate', 'ltv'];
const MOVES_HEADER = ['Date', 'New business', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net change', 'MRR'];

describe('CHARTMOGUL_METRICS', () => {
  it('all metrics monthly: money in units, rates as fractions, month ends as Berlin dates', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_METRICS', 'all', ...H1)).toEqual([
      ALL_HEADER,
      ['2024-01-31', 100, 1200, 100, 100, 1, 0, 0, 0],
      ['2024-02-29', 200, 2400, 100, 100, 2, 0, 0, 0],
      ['2024-03-31', 250, 3000, 125, 0, 2, 0, 0 - 0.25, 0],
      ['2024-04-30', 250, 3000, 125, 0, 2, 0, 0, 0],
      ['2024-05-31', 100, 1200, 100, 0, 1, 0.5, 0.6, 200],
      ['2024-06-30', 100, 1200, 100, 0, 1, 0, 0, 0],
    ]);
    expect(s.urls()).toEqual(['/v1/metrics/all?start-date=2024-01-01&end-date=2024-06-30&interval=month']);
  });

  it('returned dates are real Dates at midnight in the spreadsheet zone', () => {
    const s = sheet();
    const table = s.raw('CHARTMOGUL_METRICS', 'mrr', ...H1) as unknown[][];
    expect(isDate(table[1][0])).toBe(true);
    expect((table[1][0] as Date).toISOString()).toBe('2024-01-30T23:00:00.000Z'); // CET
    expect((table[6][0] as Date).toISOString()).toBe('2024-06-29T22:00:00.000Z'); // CEST
  });

  it('quarter and year', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_METRICS', 'mrr,customers,customer-churn-rate,mrr-churn-rate,ltv,asp', ...H1, 'quarter')).toEqual([
      ['Date', 'mrr', 'customers', 'customer-churn-rate', 'mrr-churn-rate', 'ltv', 'asp'],
      ['2024-03-31', 250, 2, 0, 0, 0, 100],
      ['2024-06-30', 100, 1, 0.5, 0.6, 600, 0],
    ]);
    expect(s.call('CHARTMOGUL_METRICS', [['mrr', 'arr', 'customers']], ...H1, 'year')).toEqual([
      ['Date', 'mrr', 'arr', 'customers'],
      ['2024-06-30', 100, 1200, 1],
    ]);
  });

  it('week (Monday-start weeks) and day around the churn of May 20', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_METRICS', 'mrr,customers,customer-churn-rate,ltv', day('2024-05-13'), day('2024-05-26'), 'week')).toEqual([
      ['Date', 'mrr', 'customers', 'customer-churn-rate', 'ltv'],
      ['2024-05-19', 250, 2, 0, 0],
      ['2024-05-26', 100, 1, 0.5, 46.66], // floor(10000 / (0.5 / (7/30))) cents
    ]);
    expect(s.call('CHARTMOGUL_METRICS', 'mrr,customers,customer-churn-rate', '2024-05-18', '2024-05-21', 'DAY')).toEqual([
      ['Date', 'mrr', 'customers', 'customer-churn-rate'],
      ['2024-05-18', 250, 2, 0],
      ['2024-05-19', 250, 2, 0],
      ['2024-05-20', 100, 1, 0.5],
      ['2024-05-21', 100, 1, 0],
    ]);
  });

  it('segmented by plan (a range of names), by country, and by a CFL filter', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_METRICS', 'mrr,customers', ...H1, 'month', 'Basic')).toEqual([
      ['Date', 'mrr', 'customers'],
      ['2024-01-31', 100, 1], ['2024-02-29', 100, 1], ['2024-03-31', 0, 0], ['2024-04-30', 0, 0], ['2024-05-31', 0, 0], ['2024-06-30', 0, 0],
    ]);
    expect(s.call('CHARTMOGUL_METRICS', 'mrr', ...H1, '', [['Pro'], ['Annual']])).toEqual([
      ['Date', 'mrr'], ['2024-01-31', 0], ['2024-02-29', 100], ['2024-03-31', 250], ['2024-04-30', 250], ['2024-05-31', 100], ['2024-06-30', 100],
    ]);
    expect(s.call('CHARTMOGUL_METRICS', 'mrr', ...H1, 'month', '', 'us')).toEqual([
      ['Date', 'mrr'], ['2024-01-31', 100], ['2024-02-29', 100], ['2024-03-31', 150], ['2024-04-30', 150], ['2024-05-31', 0], ['2024-06-30', 0],
    ]);
    expect(s.call('CHARTMOGUL_METRICS', 'mrr', ...H1, 'month', '', '', "country~ANY~'DE'")).toEqual([
      ['Date', 'mrr'], ['2024-01-31', 0], ['2024-02-29', 100], ['2024-03-31', 100], ['2024-04-30', 100], ['2024-05-31', 100], ['2024-06-30', 100],
    ]);
    expect(s.urls()).toEqual([
      '/v1/metrics/all?start-date=2024-01-01&end-date=2024-06-30&interval=month&plans=Basic',
      '/v1/metrics/mrr?start-date=2024-01-01&end-date=2024-06-30&interval=month&plans=Pro,Annual',
      '/v1/metrics/mrr?start-date=2024-01-01&end-date=2024-06-30&interval=month&geo=US',
      "/v1/metrics/mrr?start-date=2024-01-01&end-date=2024-06-30&interval=month&filters=country~ANY~'DE'",
    ]);
  });
});

describe('CHARTMOGUL_METRIC', () => {
  it('one value: levels on the day (a daily query over the month), rates month to date', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_METRIC', 'mrr', day('2024-03-20'))).toBe(250);
    expect(s.call('CHARTMOGUL_METRIC', 'arr', '2024-05-19')).toBe(3000);
    expect(s.call('CHARTMOGUL_METRIC', 'customers', day('2024-05-20'))).toBe(1);
    expect(s.call('CHARTMOGUL_METRIC', 'customer-churn-rate', day('2024-05-31'))).toBe(0.5);
    expect(s.call('CHARTMOGUL_METRIC', 'arpa', day('2024-03-31'))).toBe(125);
    expect(s.call('CHARTMOGUL_METRIC', 'mrr', day('2024-04-30'), 'Pro', 'US')).toBe(150);
    expect(s.call('CHARTMOGUL_METRIC', 'mrr', day('2024-04-30'), '', 'DE')).toBe(100);
    expect(s.urls().slice(0, 4)).toEqual([
      '/v1/metrics/mrr?start-date=2024-03-01&end-date=2024-03-31&interval=day',
      '/v1/metrics/arr?start-date=2024-05-01&end-date=2024-05-31&interval=day',
      '/v1/metrics/customer-count?start-date=2024-05-01&end-date=2024-05-31&interval=day',
      '/v1/metrics/customer-churn-rate?start-date=2024-05-01&end-date=2024-05-31&interval=month',
    ]);
    expect(s.call('CHARTMOGUL_METRIC', 'mrr', day('2024-03-05'))).toBe(200);
    expect(s.urls()).toHaveLength(7); // another day of March: same request
  });
  it('today in the spreadsheet zone when the date is omitted', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_METRIC', 'mrr')).toBe(0); // the annual plan ended 2025-02-10
    expect(s.call('CHARTMOGUL_METRIC', 'mrr-churn-rate')).toBe(0);
    const today = new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 10);
    expect(s.urls()[1]).toBe(`/v1/metrics/mrr-churn-rate?start-date=${today.slice(0, 8)}01&end-date=${today}&interval=month`);
  });
});

describe('CHARTMOGUL_MRR_MOVEMENTS', () => {
  it('monthly, quarterly, yearly', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', ...H1)).toEqual([
      MOVES_HEADER,
      ['2024-01-31', 100, 0, 0, 0, 0, 100, 100],
      ['2024-02-29', 100, 0, 0, 0, 0, 100, 200],
      ['2024-03-31', 0, 50, 0, 0, 0, 50, 250],
      ['2024-04-30', 0, 0, 0, 0, 0, 0, 250],
      ['2024-05-31', 0, 0, 0, -150, 0, -150, 100],
      ['2024-06-30', 0, 0, 0, 0, 0, 0, 100],
    ]);
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', ...H1, 'quarter')).toEqual([
      MOVES_HEADER, ['2024-03-31', 200, 50, 0, 0, 0, 250, 250], ['2024-06-30', 0, 0, 0, -150, 0, -150, 100],
    ]);
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', ...H1, 'year')).toEqual([MOVES_HEADER, ['2024-06-30', 200, 50, 0, -150, 0, 100, 100]]);
  });
  it('weekly and daily', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', '2024-03-11', '2024-03-24', 'week')).toEqual([
      MOVES_HEADER, ['2024-03-17', 0, 50, 0, 0, 0, 50, 250], ['2024-03-24', 0, 0, 0, 0, 0, 0, 250],
    ]);
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', '2024-02-09', '2024-02-10', 'day')).toEqual([
      MOVES_HEADER, ['2024-02-09', 0, 0, 0, 0, 0, 0, 100], ['2024-02-10', 100, 0, 0, 0, 0, 100, 200],
    ]);
  });
  it('by plan: moving from Basic to Pro is churn for Basic and new business for Pro', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', day('2024-03-01'), day('2024-03-31'), 'month', 'Basic')).toEqual([
      MOVES_HEADER, ['2024-03-31', 0, 0, 0, -100, 0, -100, 0],
    ]);
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', day('2024-03-01'), day('2024-03-31'), 'month', 'Pro')).toEqual([
      MOVES_HEADER, ['2024-03-31', 150, 0, 0, 0, 0, 150, 150],
    ]);
  });
});

describe('customer formulas', () => {
  const CUSTOMER_HEADER = ['external_id', 'name', 'email', 'company', 'country', 'status', 'customer-since', 'mrr', 'arr', 'currency', 'uuid'];
  it('CHARTMOGUL_CUSTOMERS follows every page; status, fields and data source by name', () => {
    const s = sheet();
    const all = s.call('CHARTMOGUL_CUSTOMERS') as unknown[][];
    expect(all[0]).toEqual(CUSTOMER_HEADER);
    expect(all).toHaveLength(1 + 2 + LEADS);
    expect(s.urls().filter((u) => u.startsWith('/v1/customers'))).toHaveLength(2);
    expect(all[1].slice(0, 10)).toEqual(['A', 'Alpha', 'alpha@example.com', 'Alpha Inc', 'US', 'Cancelled', '2024-01-15 01:00:00', 0, 0, 'USD']);
    expect(all[2].slice(0, 10)).toEqual(['B', 'Beta', 'beta@example.com', 'Beta GmbH', 'DE', 'Active', '2024-02-10 01:00:00', 100, 1200, 'USD']);
    expect(s.call('CHARTMOGUL_CUSTOMERS', 'Active', 'name, mrr,arr,country', 'Main')).toEqual([['name', 'mrr', 'arr', 'country'], ['Beta', 100, 1200, 'DE']]);
    expect(s.call('CHARTMOGUL_CUSTOMERS', 'cancelled', [['external_id'], ['status']])).toEqual([['external_id', 'status'], ['A', 'Cancelled']]);
    expect(s.fails('CHARTMOGUL_CUSTOMERS', '', '', 'Nope')).toBe('data_source: no data source named "Nope"');
  });
  it('CHARTMOGUL_CUSTOMER by external id or e-mail; one field or a table', () => {
    const s = sheet();
    expect(s.call('CHARTMOGUL_CUSTOMER', 'B', 'mrr')).toBe(100);
    expect(s.call('CHARTMOGUL_CUSTOMER', 'alpha@example.com', 'status')).toBe('Cancelled');
    expect(s.call('CHARTMOGUL_CUSTOMER', 'A', 'customer_since')).toBe('2024-01-15 01:00:00');
    const t = s.call('CHARTMOGUL_CUSTOMER', 'beta@example.com') as unknown[][];
    expect(t[0]).toEqual(CUSTOMER_HEADER);
    expect(t[1].slice(0, 6)).toEqual(['B', 'Beta', 'beta@example.com', 'Beta GmbH', 'DE', 'Active']);
    expect(s.fails('CHARTMOGUL_CUSTOMER', 'nobody')).toBe('external_id_or_email: no customer "nobody"');
  });
  it('CHARTMOGUL_SUBSCRIPTIONS', () => {
    const s = sheet();
    const header = ['External ID', 'Plan', 'Quantity', 'MRR', 'ARR', 'Currency', 'Status', 'Billing cycle', 'Billing cycle count', 'Start date', 'End date', 'UUID'];
    const a = s.call('CHARTMOGUL_SUBSCRIPTIONS', 'A') as unknown[][];
    expect(a[0]).toEqual(header);
    expect(a.slice(1).map((r) => r.slice(0, 11))).toEqual([
      ['subA', 'Pro', 1, 150, 1800, 'USD', 'inactive', 'month', 1, '2024-01-15 01:00:00', '2024-05-20 02:00:00'],
    ]);
    const b = s.call('CHARTMOGUL_SUBSCRIPTIONS', 'beta@example.com') as unknown[][];
    expect(b.slice(1).map((r) => r.slice(0, 11))).toEqual([
      ['subB', 'Annual', 1, 100, 1200, 'USD', 'active', 'year', 1, '2024-02-10 01:00:00', '2025-02-10 01:00:00'],
    ]);
  });
  it('CHARTMOGUL_ACTIVITIES, all and by type', () => {
    const s = sheet();
    const t = s.call('CHARTMOGUL_ACTIVITIES', ...H1) as unknown[][];
    expect(t[0]).toEqual(['Date', 'Type', 'Description', 'Customer', 'Customer external ID', 'MRR movement', 'MRR after', 'ARR after', 'Currency', 'Plan external ID', 'Subscription external ID', 'UUID']);
    expect(t.slice(1).map((r) => r.slice(0, 11))).toEqual([
      ['2024-01-15 01:00:00', 'new_biz', 'purchased the Basic plan', 'Alpha', 'A', 100, 100, 1200, 'USD', 'basic', 'subA'],
      ['2024-02-10 01:00:00', 'new_biz', 'purchased the Annual plan', 'Beta', 'B', 100, 100, 1200, 'USD', 'annual', 'subB'],
      ['2024-03-15 01:00:00', 'expansion', 'upgraded to the Pro plan', 'Alpha', 'A', 50, 150, 1800, 'USD', 'pro', 'subA'],
      ['2024-05-20 02:00:00', 'churn', 'cancelled their Pro plan', 'Alpha', 'A', -150, 0, 0, 'USD', 'pro', 'subA'],
    ]);
    expect((s.call('CHARTMOGUL_ACTIVITIES', day('2024-01-01'), day('2024-06-30'), 'churn') as unknown[][]).length).toBe(2);
    expect(s.call('CHARTMOGUL_ACTIVITIES', '2024-04-01', '2024-04-30')).toEqual([t[0]]);
  });
});

describe('errors', () => {
  it('bad arguments: a message naming the argument and no request', () => {
    const s = sheet();
    expect(s.fails('CHARTMOGUL_METRICS', 'revenue', ...H1)).toMatch(/^metrics: unknown metric "revenue"/);
    expect(s.fails('CHARTMOGUL_METRICS', 'mrr', 'yesterday', H1[1])).toBe('start_date: "yesterday" is not a date (use a date cell or YYYY-MM-DD)');
    expect(s.fails('CHARTMOGUL_METRICS', 'mrr', H1[1], H1[0])).toBe('end_date: 2024-01-01 is before start_date 2024-06-30');
    expect(s.fails('CHARTMOGUL_METRICS', 'mrr', ...H1, 'biweekly')).toMatch(/^interval: /);
    expect(s.fails('CHARTMOGUL_METRICS', 'mrr', ...H1, 'month', '', 'Germany')).toMatch(/^geo: "Germany" is not a 2-letter country code/);
    expect(s.fails('CHARTMOGUL_METRICS', 'mrr', ...H1, 'month', '', '', 'USD only')).toMatch(/^filters: /);
    expect(s.fails('CHARTMOGUL_METRIC', '', H1[0])).toBe('metric: required');
    expect(s.fails('CHARTMOGUL_MRR_MOVEMENTS', H1[0])).toBe('end_date: required (a date cell or YYYY-MM-DD)');
    expect(s.fails('CHARTMOGUL_CUSTOMERS', 'sleeping')).toMatch(/^status: /);
    expect(s.fails('CHARTMOGUL_CUSTOMER', 'A', 'shoe_size')).toMatch(/^field: unknown field "shoe_size"/);
    expect(s.fails('CHARTMOGUL_SUBSCRIPTIONS', '')).toBe('customer: required');
    expect(s.fails('CHARTMOGUL_ACTIVITIES', ...H1, 'upsell')).toMatch(/^type: /);
    expect(s.env.urlFetch.requests).toHaveLength(0);
  });
  it('an invalid filter the API rejects: its message, asked once for a storm of cells', () => {
    const s = sheet();
    const bad = "colour~ANY~'red'";
    const messages = Array.from({ length: 20 }, () => s.fails('CHARTMOGUL_METRICS', 'mrr', ...H1, 'month', '', '', bad));
    expect(messages[0]).toMatch(/^ChartMogul: .*Invalid filters/);
    expect(new Set(messages).size).toBe(1);
    expect(s.env.urlFetch.requests).toHaveLength(1);
  });
  it('no formula key: how to connect, and no request', () => {
    const s = sheet(false);
    for (const name of ['CHARTMOGUL_METRICS', 'CHARTMOGUL_METRIC', 'CHARTMOGUL_MRR_MOVEMENTS', 'CHARTMOGUL_CUSTOMERS', 'CHARTMOGUL_CUSTOMER', 'CHARTMOGUL_SUBSCRIPTIONS', 'CHARTMOGUL_ACTIVITIES']) {
      const args = name === 'CHARTMOGUL_METRICS' ? ['mrr', ...H1] : name === 'CHARTMOGUL_METRIC' ? ['mrr', H1[0]] : /MOVEMENTS|ACTIVITIES/.test(name) ? [...H1] : ['A'];
      expect(s.fails(name, ...(name === 'CHARTMOGUL_CUSTOMERS' ? [] : args))).toBe(
        'Connect ChartMogul: open Extensions › ChartMogul › Open sidebar › Settings and add a formula key',
      );
    }
    expect(s.env.urlFetch.requests).toHaveLength(0);
  });
  it('a wrong key: a clear message without the key', () => {
    const s = sheet();
    s.env.untracked(() => s.env.properties.document.setProperty('CHARTMOGUL_FORMULA_API_KEY', 'wrong-key-0000'));
    const m = s.fails('CHARTMOGUL_METRIC', 'mrr', H1[0]);
    expect(m).toBe('ChartMogul rejected the formula key: update it in Extensions › ChartMogul › Open sidebar › Settings');
    expect(m).not.toContain('wrong-key-0000');
  });
  it('formulas never touch user properties, the Ui or triggers', () => {
    const s = sheet();
    s.call('CHARTMOGUL_METRIC', 'mrr', H1[1]);
    const used = Object.keys(s.env.calls.snapshot()).filter((k) => s.env.calls.snapshot()[k] > 0);
    expect(used.filter((k) => /getUserProperties|getUi|ScriptApp|HtmlService/.test(k))).toEqual([]);
  });
});

describe('caching', () => {
  it('100 cells with one query make 1 request; a warm recalculation makes none', () => {
    const s = sheet();
    for (let i = 0; i < 100; i++) expect(s.call('CHARTMOGUL_METRIC', 'mrr', day('2024-03-20'))).toBe(250);
    expect(s.env.urlFetch.requests).toHaveLength(1);
    for (let i = 0; i < 100; i++) s.call('CHARTMOGUL_METRIC', 'mrr', day('2024-03-20'));
    expect(s.env.urlFetch.requests).toHaveLength(1);
  });
  it('tables with different metric lists over one range share the /all request', () => {
    const s = sheet();
    s.call('CHARTMOGUL_METRICS', 'mrr,arr', ...H1);
    s.call('CHARTMOGUL_METRICS', 'all', ...H1);
    s.call('CHARTMOGUL_METRICS', [['ltv', 'customers']], ...H1);
    expect(s.env.urlFetch.requests).toHaveLength(1);
  });
  it('cache entries expire by interval (virtual clock): daily data after 15 min, past months not before 6 h', () => {
    const s = sheet();
    s.call('CHARTMOGUL_METRICS', 'mrr', '2024-05-18', '2024-05-21', 'day'); // in the past: 6 h
    s.call('CHARTMOGUL_METRIC', 'ltv'); // month to date, includes today: 1 h
    expect(s.env.urlFetch.requests).toHaveLength(2);
    s.env.clock.advance(61 * 60 * 1000);
    s.call('CHARTMOGUL_METRICS', 'mrr', '2024-05-18', '2024-05-21', 'day');
    s.call('CHARTMOGUL_METRIC', 'ltv');
    expect(s.env.urlFetch.requests).toHaveLength(3);
    s.env.clock.advance(5 * 3600 * 1000);
    s.call('CHARTMOGUL_METRICS', 'mrr', '2024-05-18', '2024-05-21', 'day');
    expect(s.env.urlFetch.requests).toHaveLength(4);
  });
  it('an evicted cache just fetches again', () => {
    const s = sheet();
    s.call('CHARTMOGUL_CUSTOMERS');
    const n = s.env.urlFetch.requests.length;
    s.env.caches.evictAll();
    s.call('CHARTMOGUL_CUSTOMERS');
    expect(s.env.urlFetch.requests.length).toBe(2 * n);
  });
  it('"Refresh ChartMogul formulas" makes every CHARTMOGUL formula fetch again and recalculates the cells', () => {
    const s = sheet();
    // A minimal formula evaluator: =NAME("text", number, …) with literal arguments, run as a custom function.
    s.env.spreadsheet.setFormulaEvaluator((formula) => {
      const m = /^=\s*([A-Z_]+)\((.*)\)$/.exec(formula);
      if (!m) return '';
      if (m[1] === 'SUM') return 3;
      const args = Array.from(m[2].matchAll(/\s*("([^"]*)"|[^,]*)\s*(,|$)/g))
        .filter((t) => t[0] !== '')
        .map((t) => (t[2] !== undefined ? t[2] : t[1] === '' ? '' : Number(t[1])));
      const mode = s.env.authMode;
      s.env.setAuthMode('CUSTOM_FUNCTION');
      try {
        return callEntry(s.ctx, m[1], ...args);
      } finally {
        s.env.setAuthMode(mode);
      }
    });
    s.env.setAuthMode('FULL');
    const sh = s.env.spreadsheet.getSheets()[0];
    sh.getRange('A1').setFormula('=CHARTMOGUL_METRIC("mrr", "2024-03-20")');
    sh.getRange('B1').setFormula('=SUM(1, 2)');
    sh.getRange('C1').setValue('plain text');
    sh.getRange('A3').setFormula('=CHARTMOGUL_METRICS("mrr,customers", "2024-01-01", "2024-03-31")');
    expect(sh.getRange('A1').getValue()).toBe(250);
    expect(sh.getRange('B4').getValue()).toBe(100);
    expect(sh.getRange('C5').getValue()).toBe(2);
    expect(s.env.urlFetch.requests).toHaveLength(2);
    s.env.spreadsheet.recalculate(); // a warm recalculation: served from the cache
    expect(s.env.urlFetch.requests).toHaveLength(2);

    callEntry(s.ctx, 'refreshChartMogulFormulas');
    expect(s.env.urlFetch.requests).toHaveLength(4);
    expect(sh.getRange('A1').getFormula()).toBe('=CHARTMOGUL_METRIC("mrr", "2024-03-20")');
    expect(sh.getRange('A1').getValue()).toBe(250);
    expect(sh.getRange('C1').getValue()).toBe('plain text');
    expect(sh.getRange('B1').getFormula()).toBe('=SUM(1, 2)');
    expect(s.env.spreadsheet.toasts.map((t) => t.message)).toEqual(['Refreshing 2 ChartMogul formulas with fresh data.']);
    // and a formula computed later by Sheets also misses the old generation's entries
    s.env.setAuthMode('CUSTOM_FUNCTION');
    s.call('CHARTMOGUL_MRR_MOVEMENTS', ...H1);
    s.call('CHARTMOGUL_MRR_MOVEMENTS', ...H1);
    expect(s.env.urlFetch.requests).toHaveLength(5);
  });
  it('the refresh menu item is on the ChartMogul menu', () => {
    const env = createGasEnvironment({ authMode: 'NONE' });
    callEntry(loadBundle(env), 'onOpen', {});
    expect(env.ui.menus[0].items).toContainEqual(expect.objectContaining({ caption: 'Refresh ChartMogul formulas', functionName: 'refreshChartMogulFormulas' }));
  });
});
