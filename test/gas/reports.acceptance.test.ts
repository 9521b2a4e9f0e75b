// Reports as the acceptance suite drives them: built bundle, sidebar calls with plain JSON, the demo account (seed 11)
// in the emulator; values compared with the emulator's own API answers, plus formats, chart, refresh and list paging.

import { createGasEnvironment, type FakeSheet } from '../fakes';
import type { EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';
import { api, apiAll, Json, startDemoEmulator } from './acceptanceSeed';

let emu: EmulatorProcess;
beforeAll(async () => {
  emu = await startDemoEmulator();
}, 60000);
afterAll(async () => {
  await emu?.stop();
});

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function session(tz: string) {
  const env = createGasEnvironment({ spreadsheetTimeZone: tz });
  env.untracked(() => {
    env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
    env.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
  });
  const ctx = loadBundle(env);
  const tab = (name: string) => env.spreadsheet.getSheetByName(name) as unknown as FakeSheet;
  const utils = env.globals.Utilities as { formatDate(d: Date, tz: string, f: string): string };
  return {
    env,
    call: <T>(name: string, ...args: unknown[]) => callEntry<T>(ctx, name, ...args),
    tab,
    values: (name: string) => env.untracked(() => tab(name).getDataRange().getValues()),
    shown: (v: unknown) => {
      if (!isDate(v)) throw new Error('not a Date: ' + String(v));
      return utils.formatDate(v, tz, 'yyyy-MM-dd');
    },
  };
}

describe.each(['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo'])('sheet zone %s', (tz) => {
  it('rolling 6-month metrics report: API values, formats, chart, refresh', async () => {
    const s = session(tz);
    const r = s.call<{ id: string; tab: string; rows: number; done: boolean }>('createReport', {
      kind: 'metrics', metrics: ['mrr', 'customers'], range: { type: 'rolling', months: 6 }, interval: 'month', chart: true,
    });
    const today = new Date().toISOString().slice(0, 10); // the account zone is UTC
    const start = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 6, 1)).toISOString().slice(0, 10);
    const { entries } = await api(emu, `/v1/metrics/all?start-date=${start}&end-date=${today}&interval=month`);
    expect(r).toMatchObject({ rows: entries.length, done: true });
    const check = () => {
      const v = s.values(r.tab);
      expect(v[2]).toEqual(['Date', 'MRR', 'Customers']);
      expect(v.length - 3).toBe(entries.length);
      entries.forEach((e: Json, i: number) => {
        const row = v[i + 3];
        expect(s.shown(row[0])).toBe(e.date);
        expect(row[1]).toBeCloseTo(e.mrr / 100, 6);
        expect(row[2]).toBe(e.customers);
      });
    };
    check();
    s.env.untracked(() => {
      const sheet = s.tab(r.tab);
      expect(sheet.getRange(4, 1, 1, 3).getNumberFormats()[0]).toEqual(['yyyy-mm-dd', '"$"#,##0.00', '#,##0']);
      expect(sheet.getRange(4, 1).getDisplayValue()).toBe(entries[0].date);
      const charts = sheet.getCharts() as unknown as Array<{ type: string; ranges: Array<{ getA1Notation(): string }> }>;
      expect(charts).toHaveLength(1);
      expect(charts[0].type).toBe('LINE');
      expect(charts[0].ranges[0].getA1Notation()).toBe(`A3:A${3 + entries.length}`);
    });
    const again = s.call<{ rows: number; done: boolean }>('refreshReport', r.id);
    expect(again).toMatchObject({ rows: entries.length, done: true });
    check();
    expect(s.env.untracked(() => s.tab(r.tab).getCharts())).toHaveLength(1);
  });

  it('segmented metrics and MRR movements reports equal the API (plans, geo, custom.<key> filter)', async () => {
    const s = session(tz);
    const range = { type: 'fixed', start: '2025-01-01', end: '2026-10-15' };
    const filters = "custom.plan2~ANY~'gold','silver'";
    expect(s.call<{ ok: boolean }>('checkFilter', filters).ok).toBe(true);
    const r = s.call<{ tab: string }>('createReport', {
      kind: 'metrics', name: 'Seg', metrics: ['mrr', 'arpa', 'customer-churn-rate'], range, interval: 'quarter', plans: ['Starter', 'Growth Annual'], geo: ['US', 'de'], filters,
    });
    const seg = '&plans=' + encodeURIComponent('Starter,Growth Annual') + '&geo=US,DE&filters=' + encodeURIComponent(filters);
    const { entries } = await api(emu, `/v1/metrics/all?start-date=${range.start}&end-date=${range.end}&interval=quarter` + seg);
    expect(entries.some((e: Json) => e.mrr > 0)).toBe(true);
    const v = s.values(r.tab).slice(3);
    // rates are rounded to the percent's 6 decimals (44.44 % → 0.4444, not 44.44 / 100 = 0.44439999999999996)
    const rate = (p: number) => Math.round(p * 1e6) / 1e8;
    expect(v.map((row) => [s.shown(row[0]), row[1], row[2], row[3]])).toEqual(entries.map((e: Json) => [e.date, e.mrr / 100, e.arpa / 100, rate(e['customer-churn-rate'])]));
    const m = s.call<{ tab: string }>('createReport', { kind: 'mrr-movements', range, interval: 'month' });
    const mrr = (await api(emu, `/v1/metrics/mrr?start-date=${range.start}&end-date=${range.end}&interval=month`)).entries as Json[];
    const keys = ['mrr-new-business', 'mrr-expansion', 'mrr-contraction', 'mrr-churn', 'mrr-reactivation'];
    expect(s.values(m.tab).slice(3).map((row) => [s.shown(row[0]), ...row.slice(1)])).toEqual(
      mrr.map((e) => [e.date, e.mrr / 100, ...keys.map((k) => e[k] / 100), keys.reduce((a, k) => a + e[k], 0) / 100]),
    );
  });

  it('customers list report: every page, row count = API count', async () => {
    const s = session(tz);
    const all = await apiAll(emu, '/v1/customers');
    expect(all.length).toBeGreaterThan(200);
    const r = s.call<{ tab: string; rows: number; done: boolean }>('createReport', { kind: 'customers' });
    expect(r).toMatchObject({ rows: all.length, done: true });
    const v = s.values(r.tab);
    expect(v.length - 3).toBe(all.length);
    const ext = (v[2] as string[]).indexOf('External ID');
    expect(v.slice(3).map((row) => row[ext]).sort()).toEqual(all.map((c) => c.external_id).sort());
  });
});
