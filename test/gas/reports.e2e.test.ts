// Reports end to end: the built dist/Code.js over the Apps Script fakes (sheet zone Europe/Berlin) against the
// emulator seeded through its API (test/gas/reportsSeed.ts); every number below is hand-computed from that seed.

import { createGasEnvironment, type GasEnvironment, type FakeSheet } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle, type BundleContext } from '../support/load-bundle';
import { control, EVIL_NAME, seedReports } from './reportsSeed';

let emu: EmulatorProcess;

beforeAll(async () => {
  emu = await startEmulatorProcess({ args: ['--rate-limit', '0'] });
  await seedReports(emu.url, emu.readWriteKey);
}, 60000);
afterAll(async () => {
  await emu?.stop();
});
afterEach(async () => {
  await control(emu.url, '/_emulator/faults', { errorRates: { 500: 0 } });
});

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const berlin = (d: Date): string => d.toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).replace(/ 00:00:00$/, '');
const show = (rows: unknown[][]): unknown[][] => rows.map((r) => r.map((v) => (isDate(v) ? berlin(v) : v)));

interface Session {
  env: GasEnvironment;
  ctx: BundleContext;
  call<T = unknown>(name: string, ...args: unknown[]): T;
  tab(name: string): FakeSheet;
  values(name: string): unknown[][];
  log(): unknown[][];
}

function session(props: Record<string, string> = {}): Session {
  const env = createGasEnvironment({ spreadsheetTimeZone: 'Europe/Berlin' });
  env.untracked(() => {
    env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
    env.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
    for (const [k, v] of Object.entries(props)) env.properties.script.setProperty(k, v);
  });
  const ctx = loadBundle(env);
  const tab = (name: string) => {
    const s = env.spreadsheet.getSheetByName(name);
    if (!s) throw new Error('no tab ' + name);
    return s as unknown as FakeSheet;
  };
  return {
    env,
    ctx,
    call: <T>(name: string, ...args: unknown[]) => callEntry<T>(ctx, name, ...args),
    tab,
    values: (name: string) => env.untracked(() => tab(name).getDataRange().getValues()),
    log: () => env.untracked(() => tab('ChartMogul log').getDataRange().getValues()),
  };
}

const H1 = { type: 'fixed', start: '2025-01-01', end: '2025-06-30' };
const MONTH_ENDS = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30'];

describe('metrics report', () => {
  it('writes a formatted table with hand-computed numbers, a line chart and the fetched-at note', () => {
    const s = session();
    const r = s.call<{ id: string; tab: string; rows: number; fetchedAt: string }>('createReport', {
      kind: 'metrics', metrics: ['mrr', 'customers', 'customer-churn-rate'], range: H1, interval: 'month', chart: true,
    });
    expect(r).toMatchObject({ tab: 'Metrics report', rows: 6 });
    expect(r.fetchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const v = s.values('Metrics report');
    expect(v[0][0]).toBe('Metrics report');
    expect(String(v[1][0])).toContain('MRR, Customers, Customer churn rate · monthly · 2025-01-01 → 2025-06-30 · USD · fetched ');
    expect(v[2]).toEqual(['Date', 'MRR', 'Customers', 'Customer churn rate']);
    expect(show(v.slice(3))).toEqual([
      ['2025-01-31', 100, 1, 0],
      ['2025-02-28', 350, 2, 0],
      ['2025-03-31', 450, 3, 0],
      ['2025-04-30', 350, 2, 0.3333],
      ['2025-05-31', 350, 2, 0],
      ['2025-06-30', 350, 2, 0],
    ]);
    s.env.untracked(() => {
      const sheet = s.tab('Metrics report');
      const formats = sheet.getRange(4, 1, 1, 4).getNumberFormats()[0];
      expect(formats).toEqual(['yyyy-mm-dd', '"$"#,##0.00', '#,##0', '0.00%']);
      expect(sheet.getRange(7, 2, 1, 3).getDisplayValues()[0]).toEqual(['$350.00', '2', '33.33%']);
      expect(sheet.getRange(1, 1).getNote()).toMatch(/^Fetched from ChartMogul \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Europe\/Berlin\) by user@example.com/);
      expect(sheet.getFrozenRows()).toBe(3);
      const charts = sheet.getCharts() as unknown as Array<{ type: string; ranges: Array<{ getA1Notation(): string }>; options: Record<string, unknown> }>;
      expect(charts).toHaveLength(1);
      expect(charts[0].type).toBe('LINE');
      expect(charts[0].ranges.map((x) => x.getA1Notation())).toEqual(['A3:A9', 'B3:B9']);
      expect(charts[0].options.title).toBe('Metrics report');
    });
    const log = s.log();
    // the import engine's log writer and columns: one row per run
    expect(log[0]).toEqual(['time', 'user', 'run', 'tabs', 'mode', 'imported', 'updated', 'unchanged', 'exists', 'error', 'skipped', 'requests', 'duration_s', 'result']);
    expect(log[1].slice(1, 12)).toEqual(['user@example.com', r.id, 'Metrics report', 'report (new)', 0, 6, 0, 0, 0, 0, 2]);
    expect(log[1][13]).toBe('done: 6 rows');
    expect(isDate(log[1][0])).toBe(true);
  });

  it('segments by country and plan, and refuses to overwrite an existing tab', () => {
    const s = session();
    s.call('createReport', { kind: 'metrics', name: 'US MRR', metrics: ['mrr'], range: H1, geo: ['us'], chart: false });
    expect(show(s.values('US MRR').slice(3)).map((r) => r[1])).toEqual([100, 100, 200, 100, 100, 100]);
    expect(s.env.untracked(() => s.tab('US MRR').getCharts())).toHaveLength(0);
    s.call('createReport', { kind: 'metrics', name: 'Pro MRR', metrics: ['mrr'], range: H1, plans: ['Pro'] });
    expect(show(s.values('Pro MRR').slice(3)).map((r) => r[1])).toEqual([0, 250, 250, 250, 250, 250]);
    expect(() => s.call('createReport', { kind: 'metrics', name: 'US MRR', metrics: ['mrr'], range: H1 })).toThrow(/already exists/);
    const again = s.call<{ tab: string }>('createReport', { kind: 'mrr-movements', range: H1 });
    const twice = s.call<{ tab: string }>('createReport', { kind: 'mrr-movements', range: H1 });
    expect([again.tab, twice.tab]).toEqual(['MRR movements report', 'MRR movements report (2)']);
  });

  it('checks a filter before sending and shows the API message when ChartMogul rejects it', () => {
    const s = session();
    expect(s.call('checkFilter', "country~any~'US'")).toEqual({ ok: false, message: 'filters: operators are upper case: ANY' });
    expect(s.call<{ ok: boolean }>('checkFilter', "country~ANY~'US'").ok).toBe(true);
    s.env.urlFetch.requests.length = 0;
    expect(() => s.call('createReport', { kind: 'metrics', metrics: ['mrr'], filters: "country~ANY~US" })).toThrow(/single quotes/);
    expect(s.env.urlFetch.requests).toHaveLength(0);
    expect(() => s.call('createReport', { kind: 'metrics', metrics: ['mrr'], range: H1, filters: "colour~ANY~'red'" })).toThrow(/Invalid filters/);
    expect(s.env.spreadsheet.getSheets().map((x) => x.getName())).toEqual(['Sheet1', 'ChartMogul log']);
    s.call('createReport', { kind: 'metrics', name: 'US filter', metrics: ['mrr'], range: H1, filters: "country~ANY~'US'" });
    expect(show(s.values('US filter').slice(3)).map((r) => r[1])).toEqual([100, 100, 200, 100, 100, 100]);
  });

  it('a rolling range ends today and starts on the 1st of the month N−1 months back', () => {
    const s = session();
    s.call('createReport', { kind: 'metrics', metrics: ['mrr'], range: { type: 'rolling', months: 3 }, interval: 'month' });
    const rows = show(s.values('MRR report').slice(3));
    const today = new Date().toISOString().slice(0, 10); // the account zone is UTC
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 3, 1));
    expect(rows).toHaveLength(3);
    expect(rows[2][0]).toBe(today);
    expect(String(s.values('MRR report')[1][0])).toContain(`last 3 months (${d.toISOString().slice(0, 10)} → ${today})`);
  });
});

describe('MRR movements report', () => {
  it('has MRR, the five movements and the net, with a stacked column chart', () => {
    const s = session();
    s.call('createReport', { kind: 'mrr-movements', range: H1, interval: 'month' });
    const v = show(s.values('MRR movements report'));
    expect(v[2]).toEqual(['Date', 'MRR', 'New business', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net movement']);
    expect(v.slice(3)).toEqual([
      [MONTH_ENDS[0], 100, 100, 0, 0, 0, 0, 100],
      [MONTH_ENDS[1], 350, 250, 0, 0, 0, 0, 250],
      [MONTH_ENDS[2], 450, 100, 0, 0, 0, 0, 100],
      [MONTH_ENDS[3], 350, 0, 0, 0, -100, 0, -100],
      [MONTH_ENDS[4], 350, 0, 0, 0, 0, 0, 0],
      [MONTH_ENDS[5], 350, 0, 0, 0, 0, 0, 0],
    ]);
    const chart = s.env.untracked(() => s.tab('MRR movements report').getCharts()[0]) as unknown as { type: string; options: Record<string, unknown> };
    expect(chart.type).toBe('COLUMN');
    expect(chart.options.isStacked).toBe(true);
  });
});

describe('lists', () => {
  it('customers across pages and executions, custom attributes as columns, API strings stay text', () => {
    const s = session({ CHARTMOGUL_REPORTS_PAGE_SIZE: '2', CHARTMOGUL_REPORTS_CHUNK_PAGES: '1', CHARTMOGUL_REPORTS_PAGES_PER_CALL: '2' });
    const first = s.call<{ id: string; rows: number; done: boolean }>('createReport', { kind: 'customers' });
    expect(first).toMatchObject({ rows: 4, done: false, tab: 'Customers report' });
    expect(s.values('Customers report')[1][0]).toMatch(/^Fetching from ChartMogul/);
    expect(s.env.spreadsheet.getSheetByName('ChartMogul staging ' + first.id)?.isSheetHidden()).toBe(true);
    expect(s.call<Array<{ running: boolean }>>('listReports')[0].running).toBe(true);
    expect(s.env.triggers.list().map((t) => t.handlerFunction)).toEqual(['runScheduledWork']);
    const second = s.call<{ rows: number; done: boolean }>('refreshReport', first.id);
    expect(second).toMatchObject({ rows: 5, done: true });
    expect(s.env.spreadsheet.getSheetByName('ChartMogul staging ' + first.id)).toBeNull();
    const v = s.values('Customers report');
    const header = v[2] as string[];
    expect(header.slice(0, 4)).toEqual(['UUID', 'External ID', 'Name', 'Email']);
    expect(header.slice(-3)).toEqual(['channel', 'seats', 'tier']);
    const col = (name: string) => header.indexOf(name);
    const rows = v.slice(3);
    expect(rows.map((r) => r[col('External ID')])).toEqual(['cus_a', 'cus_b', 'cus_c', 'cus_d', 'cus_e']);
    expect(rows.map((r) => r[col('MRR')])).toEqual([100, 0, 0, 0, 0]); // at the emulator's now (Jul 1): only A is active
    expect(rows.map((r) => r[col('Status')])).toEqual(['Active', 'Cancelled', 'Cancelled', 'Lead', 'Lead']);
    expect(rows.map((r) => r[col('channel')])).toEqual(['', 'ads', '=1+1', '', '']);
    expect(rows.map((r) => r[col('seats')])).toEqual(['', 5, '', '', '']);
    expect(rows.map((r) => r[col('tier')])).toEqual(['', '', '', '', 'gold']);
    expect(rows[1][col('Name')]).toBe(EVIL_NAME);
    s.env.untracked(() => {
      const sheet = s.tab('Customers report');
      const formulas = sheet.getRange(4, 1, 5, header.length).getFormulas().flat().filter((f: string) => f !== '');
      expect(formulas).toEqual([]);
      expect(sheet.getRange(5, col('Name') + 1).getNumberFormat()).toBe('@');
    });
    expect(isDate(rows[0][col('Customer since')])).toBe(true);
    const log = s.log();
    expect(log).toHaveLength(2);
    expect(log[1].slice(3, 7)).toEqual(['Customers report', 'report refresh', 0, 5]);
    expect(log[1][11]).toBeGreaterThanOrEqual(4); // requests of both executions
  });

  it('subscriptions and activities', () => {
    const s = session();
    s.call('createReport', { kind: 'subscriptions' });
    const subs = s.values('Subscriptions report');
    const sh = subs[2] as string[];
    expect(subs.slice(3).map((r) => [r[sh.indexOf('External ID')], r[sh.indexOf('Plan')], r[sh.indexOf('MRR')], r[sh.indexOf('Status')]])).toEqual([
      ['sub_a', 'Basic', 100, 'active'],
      ['sub_b', 'Pro', 250, 'inactive'],
      ['sub_c', 'Basic', 100, 'inactive'],
    ]);
    s.call('createReport', { kind: 'activities', range: H1 });
    const acts = s.values('Activities report');
    const ah = acts[2] as string[];
    expect(acts.slice(3).map((r) => [r[ah.indexOf('Type')], r[ah.indexOf('MRR movement')], r[ah.indexOf('Customer name')]])).toEqual([
      ['new_biz', 100, 'Alpha Ltd'],
      ['new_biz', 250, EVIL_NAME],
      ['new_biz', 100, 'Gamma GmbH'],
      ['churn', -100, 'Gamma GmbH'],
    ]);
    expect(isDate(acts[3][0])).toBe(true);
  });
});

describe('schedules and the scheduler trigger', () => {
  it('refreshes due reports from runScheduledWork; a failed scheduled refresh keeps the old data and notes the error', async () => {
    const s = session();
    const hourly = s.call<{ id: string }>('createReport', { kind: 'metrics', name: 'Hourly', metrics: ['mrr'], range: H1, schedule: 'hourly' });
    const daily = s.call<{ id: string }>('createReport', { kind: 'metrics', name: 'Daily', metrics: ['mrr'], range: H1, schedule: 'daily' });
    expect(s.env.triggers.list()).toEqual([expect.objectContaining({ handlerFunction: 'runScheduledWork', eventType: 'CLOCK' })]);
    const before = s.values('Hourly');
    const back = (id: string, hours: number) =>
      s.env.untracked(() => {
        const key = 'CHARTMOGUL_REPORT.' + id;
        const r = JSON.parse(s.env.properties.document.getProperty(key) as string);
        r.lastRefreshAt = new Date(Date.now() - hours * 3600000).toISOString();
        s.env.properties.document.setProperty(key, JSON.stringify(r));
        return r.lastRefreshAt as string;
      });
    back(hourly.id, 2);
    const dailyAt = back(daily.id, 2);
    await control(emu.url, '/_emulator/faults', { errorRates: { 500: 1 } });
    s.call('runScheduledWork', s.env.eventObject());
    await control(emu.url, '/_emulator/faults', { errorRates: { 500: 0 } });
    expect(s.values('Hourly')).toEqual(before);
    const note = s.env.untracked(() => s.tab('Hourly').getRange(1, 1).getNote());
    expect(note).toMatch(/^Refresh failed .*ChartMogul is not answering properly right now \(HTTP 500\)/);
    expect(note).toContain('The data below is from');
    let list = s.call<Array<{ id: string; lastError: string | null; lastRefreshAt: string; nextDueAt: string }>>('listReports');
    const h = list.find((x) => x.id === hourly.id)!;
    expect(h.lastError).toMatch(/HTTP 500/);
    expect(list.find((x) => x.id === daily.id)!.lastRefreshAt).toBe(dailyAt);
    let log = s.log();
    expect(log[log.length - 1].slice(3, 6)).toEqual(['Hourly', 'report refresh (scheduled)', 0]);
    expect(log[log.length - 1][9]).toBe(1);
    expect(String(log[log.length - 1][13])).toMatch(/^failed: ChartMogul is not answering properly/);
    expect(log.filter((r) => r[3] === 'Daily')).toHaveLength(1); // created only: not due yet
    // next hourly run: the failed report is still due and now succeeds
    s.call('runScheduledWork', s.env.eventObject());
    list = s.call('listReports');
    expect(list.find((x) => x.id === hourly.id)!.lastError).toBeNull();
    expect(s.env.untracked(() => s.tab('Hourly').getRange(1, 1).getNote())).toMatch(/^Fetched from ChartMogul/);
    log = s.log();
    expect(log[log.length - 1].slice(3, 7)).toEqual(['Hourly', 'report refresh (scheduled)', 0, 6]);
    expect(s.env.triggers.list()).toHaveLength(1); // still needed: reports are on a schedule
    // no schedule left → the scheduler removes its trigger
    s.call('setReportSchedule', hourly.id, 'none');
    s.call('setReportSchedule', daily.id, 'none');
    s.call('runScheduledWork', s.env.eventObject());
    expect(s.env.triggers.list()).toHaveLength(0);
  }, 60000);

  it('lists, re-schedules and deletes saved reports; the menu refreshes them all', () => {
    const s = session();
    const r = s.call<{ id: string }>('createReport', { kind: 'metrics', metrics: ['arr'], range: H1 });
    expect(s.call('listReports')).toEqual([
      { id: r.id, name: 'ARR report', tab: 'ARR report', kind: 'metrics', schedule: 'none', lastRefreshAt: expect.any(String), lastError: null, nextDueAt: null, running: false },
    ]);
    const weekly = s.call<{ schedule: string; nextDueAt: string }>('setReportSchedule', r.id, 'weekly');
    expect(weekly.schedule).toBe('weekly');
    expect(Date.parse(weekly.nextDueAt) - Date.now()).toBeGreaterThan(6.9 * 86400000);
    expect(() => s.call('setReportSchedule', r.id, 'monthly')).toThrow(/not one of/);
    s.call('onOpen', s.env.eventObject());
    expect(s.env.ui.menus[0].items).toContainEqual(expect.objectContaining({ caption: 'Refresh reports', functionName: 'refreshReportsFromMenu' }));
    s.call('refreshReportsFromMenu');
    expect(s.env.spreadsheet.toasts.map((t) => t.message)).toEqual(['1 of 1 report(s) refreshed.']);
    expect(s.call('deleteReport', r.id)).toEqual({ id: r.id, deleted: true });
    expect(s.call('listReports')).toEqual([]);
    expect(s.values('ARR report')[2]).toEqual(['Date', 'ARR']);
  });

  it('lists the plans for the picker', () => {
    const s = session();
    expect(s.call('listPlans')).toEqual([
      { uuid: expect.any(String), name: 'Basic', externalId: 'basic', interval: '1 month' },
      { uuid: expect.any(String), name: 'Pro', externalId: 'pro', interval: '1 month' },
    ]);
  });
});
