// Helpers of the import acceptance test: a spreadsheet driven only through the bundle's top-level functions,
// rows pasted into template tabs as a user would, and plain reads of the emulator (state, metrics, stats).

import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../fakes';
import type { EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';
import { syncHttp } from '../support/sync-http';

export type Row = Array<string | number | boolean | Date>;
export type Call = <T = any>(name: string, ...args: unknown[]) => T;

export interface Sheet {
  env: GasEnvironment;
  call: Call;
  /** Error message of a call expected to throw. */
  fails: (name: string, ...args: unknown[]) => string;
}

/** A new spreadsheet with the bundle loaded; only the API base script property is set directly. */
export function newSheet(emu: EmulatorProcess, options: GasEnvironmentOptions = {}): Sheet {
  const env = createGasEnvironment(options);
  env.untracked(() => env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url));
  const ctx = loadBundle(env);
  // google.script.run carries plain JSON: arguments and results go through a JSON round trip.
  const json = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  const call: Call = (name, ...args) => json(callEntry(ctx, name, ...args.map(json)));
  const fails = (name: string, ...args: unknown[]): string => {
    try {
      callEntry(ctx, name, ...args.map(json));
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${name} did not throw`);
  };
  return { env, call, fails };
}

/** saveSettings → createDataSource → insertTemplates(tabs); returns the data source uuid. */
export function connect(s: Sheet, emu: EmulatorProcess, dsName = 'Sheets', tabs?: string[]): string {
  s.call('saveSettings', { apiKey: emu.readWriteKey });
  const ds = s.call<{ uuid: string }>('createDataSource', dsName).uuid;
  s.call('insertTemplates', tabs);
  return ds;
}

const norm = (h: unknown) => String(h).trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Pastes rows (header first) under the tab's matching header cells (case-insensitive); columns the tab lacks are
 * typed into the first empty header cells on the right. Creates the tab (with these headers) when missing.
 */
export function paste(env: GasEnvironment, tab: string, rows: Row[], firstRow = 2): void {
  env.untracked(() => {
    const ss = env.spreadsheet;
    let sheet = ss.getSheets().find((x) => norm(x.getName()) === norm(tab));
    if (!sheet) {
      sheet = ss.insertSheet(tab);
      sheet.getRange(1, 1, 1, rows[0].length).setValues([rows[0]]);
    }
    const width = Math.max(1, sheet.getLastColumn());
    const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(norm);
    while (header.length && header[header.length - 1] === '') header.pop();
    const cols = rows[0].map((h) => {
      let i = header.indexOf(norm(h));
      if (i < 0) {
        i = header.length;
        header.push(norm(h));
        if (i + 1 > sheet!.getMaxColumns()) sheet!.insertColumnsAfter(sheet!.getMaxColumns(), i + 1 - sheet!.getMaxColumns());
        sheet!.getRange(1, i + 1).setValue(String(h));
      }
      return i;
    });
    const data = rows.slice(1);
    if (!data.length) return;
    const need = firstRow + data.length - 1 - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    const lo = Math.min(...cols);
    const hi = Math.max(...cols);
    const block = sheet.getRange(firstRow, lo + 1, data.length, hi - lo + 1).getValues();
    data.forEach((r, k) => cols.forEach((c, j) => (block[k][c - lo] = r[j] === undefined ? '' : r[j])));
    sheet.getRange(firstRow, lo + 1, data.length, hi - lo + 1).setValues(block);
  });
}

/** A tab as values (header + rows). */
export function tabValues(env: GasEnvironment, tab: string): unknown[][] {
  return env.untracked(() => {
    const sheet = env.spreadsheet.getSheets().find((x) => norm(x.getName()) === norm(tab));
    return sheet ? sheet.getDataRange().getValues() : [];
  });
}

export interface Receipt { row: number; status: string; uuid: string; message: string; synced: unknown; cells: Record<string, unknown> }

/** Every non-empty data row of a tab with its receipt. */
export function receiptsOf(env: GasEnvironment, tab: string): Receipt[] {
  const v = tabValues(env, tab);
  const head = (v[0] || []).map(norm);
  const at = (r: unknown[], n: string) => r[head.indexOf(n)];
  const out: Receipt[] = [];
  v.slice(1).forEach((r, i) => {
    const cells: Record<string, unknown> = {};
    head.forEach((h, j) => h && (cells[h] = r[j]));
    if (head.every((h, j) => h.startsWith('chartmogul_') || r[j] === '' || r[j] === false)) return;
    out.push({ row: i + 2, status: String(at(r, 'chartmogul_status')), uuid: String(at(r, 'chartmogul_uuid')), message: String(at(r, 'chartmogul_message')), synced: at(r, 'chartmogul_synced_at'), cells });
  });
  return out;
}

export function setCell(env: GasEnvironment, tab: string, row: number, column: string, value: string | number | boolean | Date): void {
  env.untracked(() => {
    const sheet = env.spreadsheet.getSheets().find((x) => norm(x.getName()) === norm(tab))!;
    const head = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(norm);
    sheet.getRange(row, head.indexOf(norm(column)) + 1).setValue(value);
  });
}

/** importTabs until done (each call continues the same run). */
export function importAll(call: Call, tabs: string[] | null = null, options: Record<string, unknown> = {}, max = 200): any {
  let s = call<any>('importTabs', tabs, options);
  let n = 1;
  while (!s.done && n++ < max) s = call<any>('importTabs', tabs, { timeBudgetMs: options.timeBudgetMs });
  return s;
}

export function writes(env: GasEnvironment, from = 0): string[] {
  return env.urlFetch.requests.slice(from).filter((r) => r.method.toLowerCase() !== 'get').map((r) => `${r.method.toUpperCase()} ${r.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '')}`);
}

/** Raw JSON GET/POST against an emulator (control endpoints without a key, /v1 with Basic auth). */
export function http(emu: EmulatorProcess, method: string, path: string, body?: unknown): any {
  const auth = 'Basic ' + Buffer.from(emu.readWriteKey + ':').toString('base64');
  const [res] = syncHttp([{ method, url: emu.url + path, headers: { 'content-type': 'application/json', authorization: auth }, body: body === undefined ? undefined : JSON.stringify(body) }]);
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${res.body}`);
  return res.body ? JSON.parse(res.body) : null;
}

export const state = (emu: EmulatorProcess): any => http(emu, 'GET', '/_emulator/state');

/** One data source's contents without ids ChartMogul assigns: what row and bulk mode must agree on. */
export function contents(st: any, ds: string): any {
  const mine = (l: any[]) => l.filter((x) => x.data_source_uuid === ds);
  const cus = new Map(mine(st.customers).map((c: any) => [c.uuid, c.external_id]));
  const pl = new Map(mine(st.plans).map((p: any) => [p.uuid, p.external_id]));
  const by = (k: string) => (a: any, b: any) => (String(a[k]) < String(b[k]) ? -1 : String(a[k]) > String(b[k]) ? 1 : 0);
  const strip = (o: any, drop: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !drop.includes(k)));
  return {
    customers: mine(st.customers).map((c: any) => ({ ...strip(c, ['id', 'uuid', 'data_source_uuid', 'created_at', 'custom']), tags: [...c.tags].sort(), custom: Object.fromEntries(Object.entries(c.custom).map(([k, v]: any) => [k, [v.type, v.value]])) })).sort(by('external_id')),
    plans: mine(st.plans).map((p: any) => strip(p, ['uuid', 'data_source_uuid'])).sort(by('external_id')),
    invoices: mine(st.invoices).map((i: any) => ({
      ...strip(i, ['uuid', 'data_source_uuid', 'customer_uuid', 'line_items', 'transactions']),
      customer: cus.get(i.customer_uuid),
      line_items: i.line_items.map((l: any) => ({ ...strip(l, ['uuid', 'subscription_uuid', 'plan_uuid']), plan: pl.get(l.plan_uuid) ?? null })),
      transactions: i.transactions.map((t: any) => strip(t, ['uuid'])).sort(by('external_id')),
    })).sort(by('external_id')),
    subscriptions: mine(st.subscriptions).map((x: any) => ({ external_id: x.external_id, customer: cus.get(x.customer_uuid), plan: pl.get(x.plan_uuid), cancellation_dates: x.cancellation_dates })).sort(by('external_id')),
    events: mine(st.subscriptionEvents).map((e: any) => strip(e, ['id', 'data_source_uuid', 'created_at', 'updated_at'])).sort(by('external_id')),
  };
}

/**
 * Lets the emulator's one-second rate window (wall clock) empty before another session starts: the fakes'
 * Utilities.sleep only advances a virtual clock, so a retry after a 429 caused by the previous session would not wait.
 */
export function quietSecond(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
}
