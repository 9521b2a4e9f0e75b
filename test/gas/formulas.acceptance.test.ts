// CHARTMOGUL_* formulas as the acceptance suite drives them: built bundle, CUSTOM_FUNCTION mode, three sheet zones,
// the demo account (seed 11) in the emulator; every result is compared with the emulator's own API answer.

import * as vm from 'vm';
import { createGasEnvironment, type GasEnvironment } from '../fakes';
import type { EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';
import { api, apiAll, END, Json, midnightMs, plusDays, startDemoEmulator, wallTime } from './acceptanceSeed';

let emu: EmulatorProcess;
beforeAll(async () => {
  emu = await startDemoEmulator();
}, 60000);
afterAll(async () => {
  await emu?.stop();
});

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo'];
const START = '2025-01-01';
const INTERVALS = ['day', 'week', 'month', 'quarter', 'year'];
const MONEY = ['mrr', 'arr', 'arpa', 'asp', 'ltv'];
const RATES = ['customer-churn-rate', 'mrr-churn-rate'];
const ALL = ['mrr', 'arr', 'arpa', 'asp', 'customers', 'customer-churn-rate', 'mrr-churn-rate', 'ltv'];
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const unit = (k: string, v: number): number => (MONEY.includes(k) || /^mrr-/.test(k) && !RATES.includes(k) ? v / 100 : RATES.includes(k) ? v / 100 : v);

function sheet(tz: string, withKey = true) {
  const env: GasEnvironment = createGasEnvironment({ authMode: 'CUSTOM_FUNCTION', spreadsheetTimeZone: tz });
  env.untracked(() => {
    env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
    if (withKey) env.properties.document.setProperty('CHARTMOGUL_FORMULA_API_KEY', emu.readOnlyKey);
  });
  const ctx = loadBundle(env);
  const makeDate = vm.runInContext('(ms) => new Date(ms)', ctx) as (ms: number) => Date;
  const utils = env.globals.Utilities as { formatDate(d: Date, tz: string, f: string): string };
  const call = (name: string, ...args: unknown[]): any => callEntry(ctx, name, ...args); // eslint-disable-line @typescript-eslint/no-explicit-any
  const fails = (name: string, ...args: unknown[]): string => {
    try {
      callEntry(ctx, name, ...args);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${name} did not fail`);
  };
  /** A date cell: midnight of `day` in the sheet's zone, a Date of the bundle's realm. */
  const day = (d: string): Date => makeDate(midnightMs(d, tz));
  /** The calendar day a returned Date shows in this sheet (and it must be midnight there). */
  const shown = (v: unknown): string => {
    if (!isDate(v)) throw new Error(`not a Date: ${String(v)}`);
    expect(utils.formatDate(v, tz, 'HH:mm:ss')).toBe('00:00:00');
    return utils.formatDate(v, tz, 'yyyy-MM-dd');
  };
  return { env, call, fails, day, shown, requests: () => env.urlFetch.requests.length };
}

const q = (start: string, end: string, interval: string, extra = ''): string => `?start-date=${start}&end-date=${end}&interval=${interval}${extra}`;

/** Formula table vs API entries: Date column shows entry.date, each metric column equals the entry in units. */
function expectTable(s: ReturnType<typeof sheet>, table: unknown[][], header: string[], keys: string[], entries: Json[]): void {
  expect(table[0]).toEqual(header);
  expect(table.length - 1).toBe(entries.length);
  entries.forEach((e, i) => {
    const row = table[i + 1];
    expect(s.shown(row[0])).toBe(e.date);
    keys.forEach((k, j) => expect(row[j + 1]).toBeCloseTo(unit(k, e[k]), 6));
  });
}

describe.each(ZONES)('sheet zone %s', (tz) => {
  it('CHARTMOGUL_METRICS("all") for every interval equals /metrics/all', async () => {
    const s = sheet(tz);
    for (const interval of INTERVALS) {
      const { entries } = await api(emu, '/v1/metrics/all' + q(START, END, interval));
      expect(entries.length).toBeGreaterThan(0);
      expectTable(s, s.call('CHARTMOGUL_METRICS', 'all', s.day(START), s.day(END), interval), ['Date', ...ALL], ALL, entries);
    }
  });

  it('metrics as a column range, a row range; string dates; empty optionals as "" and omitted', async () => {
    const s = sheet(tz);
    const { entries } = await api(emu, '/v1/metrics/all' + q(START, END, 'month'));
    const expected = (t: unknown[][]) => expectTable(s, t, ['Date', 'mrr', 'arr'], ['mrr', 'arr'], entries);
    expected(s.call('CHARTMOGUL_METRICS', [['mrr'], ['arr']], s.day(START), s.day(END)));
    expected(s.call('CHARTMOGUL_METRICS', [['mrr', 'arr']], START, END, ''));
    expected(s.call('CHARTMOGUL_METRICS', 'mrr, arr', s.day(START), s.day(END), '', '', '', ''));
    expected(s.call('CHARTMOGUL_METRICS', [['mrr', ''], ['arr', '']], s.day(START), s.day(END), undefined, [['']], [[''], ['']], ''));
  });

  it('plans as a range of names and of external ids; geo as a range; CFL with custom keys with digits/hyphens', async () => {
    const s = sheet(tz);
    const byNames = await api(emu, '/v1/metrics/mrr' + q(START, END, 'month', '&plans=' + encodeURIComponent('Starter,Growth Annual')));
    expect(byNames.entries.some((e: Json) => e.mrr > 0)).toBe(true);
    expectTable(s, s.call('CHARTMOGUL_METRICS', 'mrr', s.day(START), s.day(END), 'month', [['Starter'], ['Growth Annual']]), ['Date', 'mrr'], ['mrr'], byNames.entries);
    expectTable(s, s.call('CHARTMOGUL_METRICS', 'mrr', s.day(START), s.day(END), 'month', [['starter-monthly', 'growth-annual']]), ['Date', 'mrr'], ['mrr'], byNames.entries);
    const geo = await api(emu, '/v1/metrics/all' + q(START, END, 'quarter', '&geo=US,DE'));
    expectTable(s, s.call('CHARTMOGUL_METRICS', 'mrr,customers', s.day(START), s.day(END), 'quarter', '', [['US'], ['de']]), ['Date', 'mrr', 'customers'], ['mrr', 'customers'], geo.entries);
    for (const f of ["custom.plan2~ANY~'gold'", "custom.sales-rep~EQ~'bob'~AND~custom.plan2~ANY~'silver','gold'"]) {
      const got = await api(emu, '/v1/metrics/all' + q(START, END, 'month', '&filters=' + encodeURIComponent(f)));
      expect(got.entries.some((e: Json) => e.mrr > 0)).toBe(true);
      expectTable(s, s.call('CHARTMOGUL_METRICS', 'mrr,customers', s.day(START), s.day(END), 'month', '', '', f), ['Date', 'mrr', 'customers'], ['mrr', 'customers'], got.entries);
    }
  });

  it('CHARTMOGUL_METRIC on days inside months and at month ends equals the API day value', async () => {
    const s = sheet(tz);
    const days = ['2025-01-01', '2025-02-28', '2025-03-15', '2025-03-31', '2025-12-31', '2026-02-01', plusDays(END, -1), END];
    for (const d of days) {
      const { entries } = await api(emu, '/v1/metrics/all' + q(d, d, 'day'));
      for (const m of ['mrr', 'arr', 'arpa', 'customers']) expect(s.call('CHARTMOGUL_METRIC', m, s.day(d))).toBeCloseTo(unit(m, entries[0][m]), 6);
      expect(s.call('CHARTMOGUL_METRIC', 'mrr', d)).toBeCloseTo(entries[0].mrr / 100, 6);
      const mtd = (await api(emu, '/v1/metrics/all' + q(d.slice(0, 8) + '01', d, 'month'))).entries[0];
      for (const m of ['asp', 'customer-churn-rate', 'mrr-churn-rate', 'ltv']) expect(s.call('CHARTMOGUL_METRIC', m, s.day(d), '', '', '')).toBeCloseTo(unit(m, mtd[m]), 6);
    }
  });

  it('CHARTMOGUL_METRIC with the date omitted or "" is today in the sheet zone', async () => {
    const s = sheet(tz);
    const today = wallTime(Date.now(), tz).slice(0, 10);
    const { entries } = await api(emu, '/v1/metrics/mrr' + q(today, today, 'day'));
    expect(s.call('CHARTMOGUL_METRIC', 'mrr')).toBeCloseTo(entries[0].mrr / 100, 6);
    expect(s.call('CHARTMOGUL_METRIC', 'mrr', '')).toBeCloseTo(entries[0].mrr / 100, 6);
    expect(s.call('CHARTMOGUL_METRIC', 'mrr', '', '', '', '')).toBeCloseTo(entries[0].mrr / 100, 6);
  });

  it('CHARTMOGUL_MRR_MOVEMENTS: movements equal /metrics/mrr, net change is their sum, MRR column equals mrr', async () => {
    const s = sheet(tz);
    const header = ['Date', 'New business', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net change', 'MRR'];
    const keys = ['mrr-new-business', 'mrr-expansion', 'mrr-contraction', 'mrr-churn', 'mrr-reactivation'];
    for (const interval of ['week', 'month', 'quarter']) {
      const { entries } = await api(emu, '/v1/metrics/mrr' + q(START, END, interval));
      const t = s.call('CHARTMOGUL_MRR_MOVEMENTS', s.day(START), s.day(END), interval, '', '', '');
      expect(t[0]).toEqual(header);
      expect(t.length - 1).toBe(entries.length);
      entries.forEach((e: Json, i: number) => {
        const row = t[i + 1];
        expect(s.shown(row[0])).toBe(e.date);
        keys.forEach((k, j) => expect(row[j + 1]).toBeCloseTo(e[k] / 100, 6));
        expect(row[6]).toBeCloseTo(keys.reduce((a, k) => a + e[k], 0) / 100, 6);
        expect(row[7]).toBeCloseTo(e.mrr / 100, 6);
      });
    }
    expect(s.call('CHARTMOGUL_MRR_MOVEMENTS', START, END)).toEqual(s.call('CHARTMOGUL_MRR_MOVEMENTS', s.day(START), s.day(END), 'month'));
  });

  it('CHARTMOGUL_CUSTOMERS: every page, status, fields, data source', async () => {
    const s = sheet(tz);
    const active = await apiAll(emu, '/v1/customers?status=Active');
    const t = s.call('CHARTMOGUL_CUSTOMERS', 'Active');
    expect(t.length - 1).toBe(active.length);
    expect(t.slice(1).map((r: unknown[]) => r[0]).sort()).toEqual(active.map((c) => c.external_id).sort());
    const all = await apiAll(emu, '/v1/customers');
    expect(all.length).toBeGreaterThan(200);
    expect(s.call('CHARTMOGUL_CUSTOMERS').length - 1).toBe(all.length);
    expect(s.call('CHARTMOGUL_CUSTOMERS', '', '', '').length - 1).toBe(all.length);
    const f = s.call('CHARTMOGUL_CUSTOMERS', 'active', [['external_id'], ['mrr'], ['custom.plan2'], ['customer-since']], 'Demo billing');
    expect(f[0]).toEqual(['external_id', 'mrr', 'custom.plan2', 'customer-since']);
    const ds = (await api(emu, '/v1/data_sources')).data_sources[0];
    expect(s.call('CHARTMOGUL_CUSTOMERS', 'Active', 'external_id', ds.uuid).length - 1).toBe(active.length);
    expect(s.call('CHARTMOGUL_CUSTOMERS', 'Active', 'external_id', 'demo BILLING').length - 1).toBe(active.length);
    const withKey = all.filter((c) => c.attributes.custom.plan2)[0];
    expect(s.call('CHARTMOGUL_CUSTOMER', withKey.external_id, 'custom.plan2')).toBe(withKey.attributes.custom.plan2);
    expect(s.fails('CHARTMOGUL_CUSTOMER', 'nobody@nowhere.example', 'mrr')).toBe('external_id_or_email: no customer "nobody@nowhere.example"');
    const byId = new Map(active.map((c) => [c.external_id, c]));
    for (const r of f.slice(1)) {
      const c = byId.get(r[0]) as Json;
      expect(r[1]).toBeCloseTo(c.mrr / 100, 6);
      expect(r[2]).toBe(c.attributes.custom.plan2 ?? '');
      expect((r[3] as Date).getTime()).toBe(Date.parse(c['customer-since']));
    }
  });

  it('CHARTMOGUL_CUSTOMER by e-mail: mrr in units; CHARTMOGUL_SUBSCRIPTIONS equals the API list', async () => {
    const s = sheet(tz);
    const active = await apiAll(emu, '/v1/customers?status=Active');
    for (const c of active.slice(0, 5)) {
      expect(s.call('CHARTMOGUL_CUSTOMER', c.email, 'mrr')).toBeCloseTo(c.mrr / 100, 6);
      expect(s.call('CHARTMOGUL_CUSTOMER', c.external_id, 'arr')).toBeCloseTo(c.arr / 100, 6);
      const subs = await apiAll(emu, `/v1/customers/${c.uuid}/subscriptions`);
      const t = s.call('CHARTMOGUL_SUBSCRIPTIONS', c.email);
      expect(t.length - 1).toBe(subs.length);
      subs.forEach((x, i) => {
        expect(t[i + 1].slice(0, 9)).toEqual([x.external_id, x.plan, x.quantity, x.mrr / 100, x.arr / 100, x.currency, x.status, x['billing-cycle'], x['billing-cycle-count']]);
        expect((t[i + 1][9] as Date).getTime()).toBe(Date.parse(x['start-date']));
      });
    }
  });

  it('CHARTMOGUL_ACTIVITIES for each type (and all) equals /activities', async () => {
    const s = sheet(tz);
    const from = '2026-01-01';
    for (const type of ['', 'new_biz', 'expansion', 'contraction', 'churn', 'reactivation']) {
      const entries = await apiAll(emu, `/v1/activities?start-date=${from}&end-date=${END}` + (type ? '&type=' + type : ''));
      if (type) expect(entries.length).toBeGreaterThan(0);
      const t = s.call('CHARTMOGUL_ACTIVITIES', s.day(from), s.day(END), type);
      expect(t.length - 1).toBe(entries.length);
      entries.forEach((e, i) => {
        const row = t[i + 1];
        expect((row[0] as Date).getTime()).toBe(Date.parse(e.date));
        expect(row.slice(1, 9)).toEqual([e.type, e.description, e['customer-name'], e['customer-external-id'], e['activity-mrr-movement'] / 100, e['activity-mrr'] / 100, e['activity-arr'] / 100, e.currency]);
      });
    }
  });

  it('bad arguments: a short message naming the argument, and no request', () => {
    const s = sheet(tz);
    const bad: Array<[string, unknown[], RegExp]> = [
      ['CHARTMOGUL_METRICS', ['revenue', START, END], /^metrics: /],
      ['CHARTMOGUL_METRICS', [[['mrr'], ['nope']], START, END], /^metrics: /],
      ['CHARTMOGUL_METRICS', ['mrr', 'soon', END], /^start_date: /],
      ['CHARTMOGUL_METRICS', ['mrr', START, ''], /^end_date: /],
      ['CHARTMOGUL_METRICS', ['mrr', s.day(END), s.day(START)], /^end_date: /],
      ['CHARTMOGUL_METRICS', ['mrr', START, END, 'fortnight'], /^interval: /],
      ['CHARTMOGUL_METRICS', ['mrr', START, END, 'month', '', [['Germany']]], /^geo: /],
      ['CHARTMOGUL_METRICS', ['mrr', START, END, 'month', '', '', 'USD only'], /^filters: /],
      ['CHARTMOGUL_METRIC', ['', END], /^metric: /],
      ['CHARTMOGUL_METRIC', ['mrr', 'today'], /^date: /],
      ['CHARTMOGUL_METRIC', ['mrr', END, '', 'XYZ'], /^geo: /],
      ['CHARTMOGUL_MRR_MOVEMENTS', [START, END, 'hourly'], /^interval: /],
      ['CHARTMOGUL_CUSTOMERS', ['asleep'], /^status: /],
      ['CHARTMOGUL_CUSTOMERS', ['', 'shoe_size'], /^fields: /],
      ['CHARTMOGUL_CUSTOMER', [''], /^external_id_or_email: /],
      ['CHARTMOGUL_CUSTOMER', ['x@y.z', 'shoe'], /^field: /],
      ['CHARTMOGUL_SUBSCRIPTIONS', [''], /^customer: /],
      ['CHARTMOGUL_ACTIVITIES', [START, END, 'upsell'], /^type: /],
      ['CHARTMOGUL_ACTIVITIES', [START], /^end_date: /],
    ];
    for (const [name, args, re] of bad) {
      const m = s.fails(name, ...args);
      expect(m).toMatch(re);
      expect(m.length).toBeLessThan(160);
      expect(m).not.toContain(emu.readOnlyKey);
    }
    expect(s.requests()).toBe(0);
    expect(sheet(tz, false).fails('CHARTMOGUL_METRIC', 'mrr')).toMatch(/^Connect ChartMogul/);
  });

  it('100 cells with one query → 1 request; warm → 0', () => {
    const s = sheet(tz);
    for (let i = 0; i < 100; i++) s.call('CHARTMOGUL_METRICS', 'all', s.day(START), s.day(END), 'month');
    expect(s.requests()).toBe(1);
    for (let i = 0; i < 100; i++) s.call('CHARTMOGUL_METRICS', 'mrr,arr', START, END);
    expect(s.requests()).toBe(1);
  });
});
