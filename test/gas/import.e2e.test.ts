// The import engine end to end: dist/Code.js over the Apps Script fakes, against the ChartMogul emulator in a child
// process. Checks what ChartMogul holds, every receipt, idempotency, both modes, resume, lock, cancel, undo and the log.

import { ChartMogulClient } from '../../src/core/chartmogul';
import type { Clock } from '../../src/core/ports';
import { createGasEnvironment, type GasEnvironment } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle, type BundleContext } from '../support/load-bundle';
import { NodeTransport } from '../support/node-transport';
import { syncHttp } from '../support/sync-http';
import { INVOICES, readNotes, readTab, receipts, seedWorkbook, type Rows } from './importSeed';

interface Counts { total: number; imported: number; updated: number; unchanged: number; exists: number; error: number; skipped: number; pending: number }
interface Summary {
  runId: string; done: boolean; cancelled: boolean; mode: 'rows' | 'bulk'; tabs: Record<string, Counts>;
  errors: { tab: string; row: number; message: string }[]; rowsDone: number; rowsTotal: number; requests: number;
  ratePerMinute: number; etaSeconds: number | null; startedAt: string; updatedAt: string; finishedAt: string | null; message: string;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms: number) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
  },
};

let emu: EmulatorProcess;
let api: ChartMogulClient;
let ds: string;
const seen: string[] = [];

function control(path: string, body?: unknown): any {
  const [res] = syncHttp([{ method: body === undefined ? 'GET' : 'POST', url: emu.url + path, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }]);
  return res.body ? JSON.parse(res.body) : null;
}

function state(): any {
  return control('/_emulator/state');
}

beforeAll(async () => {
  emu = await startEmulatorProcess();
  api = new ChartMogulClient({ apiKey: emu.readWriteKey, baseUrl: emu.url, transport: new NodeTransport(), clock: realClock });
}, 30000);
afterAll(async () => {
  await emu?.stop();
});
beforeEach(() => {
  control('/_emulator/reset', {});
  ds = api.dataSources.create({ name: 'Sheets ' + Math.random().toString(36).slice(2) }).uuid;
  seen.length = 0;
});
afterEach(() => {
  for (const text of seen) expect(text).not.toContain(emu.readWriteKey);
});

function addon(tabs?: Record<string, Rows>): { env: GasEnvironment; ctx: BundleContext; call: <T>(name: string, ...args: unknown[]) => T; fails: (name: string, ...args: unknown[]) => string } {
  const env = createGasEnvironment();
  env.untracked(() => {
    env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
    env.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
    env.properties.document.setProperty('CHARTMOGUL_DATA_SOURCE', JSON.stringify({ uuid: ds, name: 'Sheets' }));
  });
  seedWorkbook(env, tabs);
  const ctx = loadBundle(env);
  const call = <T>(name: string, ...args: unknown[]): T => {
    const out = callEntry<T>(ctx, name, ...args);
    seen.push(JSON.stringify(out));
    return out;
  };
  const fails = (name: string, ...args: unknown[]): string => {
    try {
      callEntry(ctx, name, ...args);
    } catch (e) {
      seen.push(String(e));
      return (e as Error).message;
    }
    throw new Error(`${name} did not throw`);
  };
  return { env, ctx, call, fails };
}

function posts(env: GasEnvironment, from = 0): string[] {
  return env.urlFetch.requests.slice(from).filter((r) => r.method === 'post').map((r) => r.url.replace(emu.url, ''));
}

function importAll<T = Summary>(call: <U>(name: string, ...args: unknown[]) => U, options: Record<string, unknown> = {}, max = 50): T {
  let s = call<Summary>('importTabs', [], options);
  for (let i = 0; i < max && !s.done; i++) s = call<Summary>('importTabs', [], {});
  return s as unknown as T;
}

function everythingText(env: GasEnvironment): string {
  return env.untracked(() => JSON.stringify(env.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()))) + JSON.stringify(env.logs);
}

describe('import (row mode) through the bundle', () => {
  it('imports every tab: ChartMogul holds exactly what the rows say, every receipt is right', () => {
    const { env, call } = addon();
    const s = call<Summary>('importTabs', [], { mode: 'rows' });
    expect(s.done).toBe(true);
    expect(s.mode).toBe('rows');
    expect(s.cancelled).toBe(false);
    const st = state();
    const customers = st.customers.filter((c: any) => c.data_source_uuid === ds);
    expect(customers.map((c: any) => c.external_id).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'L-1', 'T-1']);
    const c1 = customers.find((c: any) => c.external_id === 'C-1');
    expect(c1).toMatchObject({ name: 'Acme Corp', country: 'US', state: 'US-NY', email: 'billing@acme.com', tags: ['enterprise', 'eu'] });
    expect(c1.custom.Channel.value).toBe('Referral');
    expect(c1.custom.Seats.value).toBe(10);
    const l1 = customers.find((c: any) => c.external_id === 'L-1');
    expect(l1.lead_created_at).toBe('2024-01-09T23:00:00.000Z'); // midnight in the sheet's zone (Europe/Berlin)
    const t1 = customers.find((c: any) => c.external_id === 'T-1');
    expect(t1.free_trial_started_at).toBe('2024-01-31T23:00:00.000Z');
    const c3 = customers.find((c: any) => c.external_id === 'C-3');
    expect(c3.tags).toEqual(['vip']);
    expect(c3.custom.Segment.value).toBe('SMB');
    expect(customers.find((c: any) => c.external_id === 'C-2').tags).toEqual(['dach']);
    expect(st.plans.filter((p: any) => p.data_source_uuid === ds).map((p: any) => p.external_id).sort()).toEqual(['jp-monthly', 'pro-annual', 'pro-monthly']);

    const invoices = st.invoices.filter((i: any) => i.data_source_uuid === ds);
    expect(invoices.map((i: any) => i.external_id).sort()).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4']);
    const inv1 = invoices.find((i: any) => i.external_id === 'INV-1');
    expect(inv1.customer_uuid).toBe(c1.uuid);
    expect(inv1.date).toBe('2024-02-29T23:00:00.000Z');
    expect(inv1.line_items.map((l: any) => [l.type, l.amount_in_cents])).toEqual([['subscription', 10000], ['one_time', 5000]]);
    expect(inv1.line_items[0].plan_uuid).toBe(st.plans.find((p: any) => p.external_id === 'pro-monthly').uuid);
    expect(inv1.transactions.map((t: any) => [t.external_id, t.type, t.amount_in_cents])).toEqual([['TX-1', 'payment', null], ['TX-2', 'refund', 5000]]);
    const inv4 = invoices.find((i: any) => i.external_id === 'INV-4');
    expect(inv4.currency).toBe('JPY');
    expect(inv4.line_items[0].amount_in_cents).toBe(5000); // whole yen
    const inv3 = invoices.find((i: any) => i.external_id === 'INV-3');
    expect(inv3.line_items[0].amount_in_cents).toBe(120000);
    expect(inv3.transactions).toHaveLength(1);
    expect(st.subscriptions.find((x: any) => x.external_id === 'SUB-2').cancellation_dates).toEqual(['2024-09-14T22:00:00.000Z']);
    const events = st.subscriptionEvents.filter((e: any) => e.data_source_uuid === ds);
    expect(events.map((e: any) => [e.external_id, e.amount_in_cents, e.currency])).toEqual([['EV-1', 3000, 'USD']]);

    // Receipts: columns added at the right, one status per row.
    const cr = receipts(env, 'Customers');
    expect(readTab(env, 'Customers')[0].slice(-4)).toEqual(['chartmogul_status', 'chartmogul_uuid', 'chartmogul_message', 'chartmogul_synced_at']);
    expect(cr[2]).toMatchObject({ status: 'imported', uuid: c1.uuid, message: '' });
    expect(Object.prototype.toString.call(cr[2].synced)).toBe('[object Date]');
    expect(cr[8].status).toBe('error');
    expect(cr[8].message).toMatch(/^country: "UK"/);
    const ir = receipts(env, 'Invoices');
    expect([ir[2].status, ir[3].status, ir[2].uuid]).toEqual(['imported', 'imported', inv1.uuid]);
    expect(ir[3].uuid).toBe(inv1.uuid);
    expect(ir[7].status).toBe('error'); // INV-BAD good line: blocked by its bad line
    expect(ir[7].message).toMatch(/invoice has errors on row 8/);
    expect(ir[8].status).toBe('error');
    expect(ir[8].message).toMatch(/^plan_external_id: no plan "nope"/);
    expect(ir[9].message).toMatch(/^customer_external_id: customer "C-BAD" has errors/);
    const tr = receipts(env, 'Transactions');
    expect([tr[2].status, tr[3].status, tr[4].status, tr[5].status]).toEqual(['imported', 'imported', 'imported', 'error']);
    expect(tr[2].uuid).toMatch(/^tr_/);
    expect(receipts(env, 'Subscription events')[2]).toMatchObject({ status: 'imported', uuid: String(events[0].id) });
    expect(receipts(env, 'Cancellations')[2]).toMatchObject({ status: 'imported', uuid: st.subscriptions.find((x: any) => x.external_id === 'SUB-2').uuid });
    expect(receipts(env, 'Attributes')[2].status).toBe('imported');
    expect(receipts(env, 'Attributes')[3]).toMatchObject({ status: 'imported', uuid: customers.find((c: any) => c.external_id === 'C-2').uuid });
    const notes = readNotes(env, 'Customers', 11);
    expect(notes[0]).toMatch(new RegExp(`fp=[0-9a-f]{16}[\\s\\S]*run=${s.runId}[\\s\\S]*created=${s.runId}`));

    // Summary counts.
    expect(s.tabs.Customers).toMatchObject({ total: 7, imported: 6, error: 1, pending: 0 });
    expect(s.tabs.Invoices).toMatchObject({ total: 8, imported: 5, error: 3 });
    expect(s.rowsDone).toBe(s.rowsTotal);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.requests).toBeGreaterThan(10);
    expect(call('getImportProgress')).toEqual(s);

    // Metrics: MRR the invoices imply on 2024-03-20 (USD account): 100.00 USD + 1200 EUR/12 × 1.10 + 5000 JPY × 0.007 + 30.00 USD event.
    const mrr = api.metrics.mrr({ 'start-date': '2024-03-20', 'end-date': '2024-04-15', interval: 'day' });
    const on = (d: string) => mrr.entries.find((e) => e.date === d)?.mrr;
    expect(on('2024-03-20')).toBe(10000 + 11000 + 3500 + 3000);
    // 2024-04-15: SUB-3 (JPY) ended 2024-04-01 without renewal; SUB-1 renewed by INV-2.
    expect(on('2024-04-15')).toBe(10000 + 11000 + 3000);
    expect(everythingText(env)).not.toContain(emu.readWriteKey);
  }, 60000);

  it('a second import sends no creates; editing one customer sends exactly one update', () => {
    const { env, call } = addon();
    expect(call<Summary>('importTabs', [], { mode: 'rows' }).done).toBe(true);
    const before = env.urlFetch.requests.length;
    const again = call<Summary>('importTabs', [], { mode: 'rows', restart: true });
    expect(again.done).toBe(true);
    expect(posts(env, before)).toEqual([]);
    expect(env.urlFetch.requests.slice(before).filter((r) => r.method !== 'get')).toEqual([]);
    expect(again.tabs.Customers).toMatchObject({ unchanged: 6, error: 1 });
    expect(again.tabs.Invoices).toMatchObject({ unchanged: 5, error: 3 });
    // Edit C-2's name.
    env.untracked(() => env.spreadsheet.getSheetByName('Customers')!.getRange(3, 2).setValue('Beta GmbH & Co. KG'));
    const mark = env.urlFetch.requests.length;
    const third = call<Summary>('importTabs', [], { restart: true });
    const writes = env.urlFetch.requests.slice(mark).filter((r) => r.method !== 'get');
    expect(writes.map((r) => r.method + ' ' + r.url.replace(emu.url, ''))).toEqual([`patch /v1/customers/${receipts(env, 'Customers')[3].uuid}`]);
    expect(third.tabs.Customers).toMatchObject({ updated: 1, unchanged: 5 });
    expect(state().customers.find((c: any) => c.external_id === 'C-2').name).toBe('Beta GmbH & Co. KG');
  }, 60000);

  it('a changed invoice is flagged, and replaced only when asked', () => {
    const { env, call } = addon();
    call('importTabs', [], { mode: 'rows' });
    env.untracked(() => env.spreadsheet.getSheetByName('Invoices')!.getRange(4, 10).setValue('120.00')); // INV-2 amount
    const flagged = call<Summary>('importTabs', ['Invoices'], { restart: true });
    expect(receipts(env, 'Invoices')[4]).toMatchObject({ status: 'skipped', message: expect.stringMatching(/changed since it was imported/) });
    expect(flagged.tabs.Invoices.skipped).toBe(1);
    const old = receipts(env, 'Invoices')[4].uuid;
    const replaced = call<Summary>('importTabs', ['Invoices'], { restart: true, replaceChangedInvoices: true });
    expect(replaced.tabs.Invoices.updated).toBe(1);
    const inv2 = state().invoices.filter((i: any) => i.external_id === 'INV-2');
    expect(inv2).toHaveLength(1);
    expect(inv2[0].uuid).not.toBe(old);
    expect(inv2[0].line_items[0].amount_in_cents).toBe(12000);
    expect(receipts(env, 'Invoices')[4]).toMatchObject({ status: 'updated', uuid: inv2[0].uuid });
  }, 60000);
});

function expectImported(s: Summary): void {
  expect(s.done).toBe(true);
  const st = state();
  const mine = (list: any[]) => list.filter((x: any) => x.data_source_uuid === ds);
  expect(mine(st.customers).map((c: any) => c.external_id).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'L-1', 'T-1']);
  expect(mine(st.plans)).toHaveLength(3);
  const invoices = mine(st.invoices);
  expect(invoices.map((i: any) => i.external_id).sort()).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4']);
  expect(invoices.reduce((n: number, i: any) => n + i.transactions.length, 0)).toBe(3);
  expect(mine(st.subscriptionEvents)).toHaveLength(1);
  expect(s.tabs.Customers).toMatchObject({ total: 7, error: 1, pending: 0 });
  expect(s.tabs.Invoices).toMatchObject({ total: 8, imported: 5, error: 3, pending: 0 });
}

describe('import modes, resume, lock, cancel, undo, log', () => {
  it('bulk mode: json_imports, receipts from status_details, uuids read back, then nothing to create', () => {
    const { env, call } = addon();
    const s = importAll(call, { mode: 'bulk' });
    expect(s.mode).toBe('bulk');
    expectImported(s);
    expect(posts(env).filter((p) => /json_imports$/.test(p))).toHaveLength(1);
    expect(posts(env).filter((p) => p === '/v1/customers')).toEqual(['/v1/customers']); // C-1 carries tags: row mode
    const cr = receipts(env, 'Customers');
    const st = state();
    for (const row of [2, 3, 4, 5, 6, 7]) {
      expect(cr[row].status).toBe('imported');
      expect(cr[row].uuid).toBe(st.customers.find((c: any) => c.external_id === readTab(env, 'Customers')[row - 1][0]).uuid);
    }
    const ir = receipts(env, 'Invoices');
    expect(ir[2].uuid).toBe(st.invoices.find((i: any) => i.external_id === 'INV-1').uuid);
    expect(ir[8].status).toBe('error');
    expect(receipts(env, 'Transactions')[2].uuid).toMatch(/^tr_/);
    expect(receipts(env, 'Subscription events')[2].uuid).toMatch(/^\d+$/);
    const mrr = api.metrics.mrr({ 'start-date': '2024-03-20', 'end-date': '2024-03-20', interval: 'day' });
    expect(mrr.entries[0].mrr).toBe(27500);
    const before = env.urlFetch.requests.length;
    const again = importAll(call, { mode: 'bulk', restart: true });
    expect(again.done).toBe(true);
    expect(posts(env, before)).toEqual([]);
  }, 60000);

  it('resumes after a time budget of ~0: several calls finish the job without duplicates', () => {
    const { env, call } = addon();
    let s = call<Summary>('importTabs', [], { mode: 'rows', timeBudgetMs: 0 });
    const runId = s.runId;
    let calls = 1;
    while (!s.done && calls < 30) {
      expect(s.etaSeconds === null || s.etaSeconds >= 0).toBe(true);
      s = call<Summary>('importTabs', [], { timeBudgetMs: 0 });
      expect(s.runId).toBe(runId);
      calls++;
    }
    expect(calls).toBeGreaterThan(4);
    expectImported(s);
    const stats = control('/_emulator/stats');
    expect(stats['POST /v1/customers']).toBe(6 + 0);
    expect(env.untracked(() => env.spreadsheet.getSheetByName('ChartMogul log')!.getLastRow())).toBe(2);
  }, 60000);

  it('writes one log row per run: time, user, tabs, mode, counts, requests, duration', () => {
    const { env, call } = addon();
    const s = call<Summary>('importTabs', [], { mode: 'rows' });
    const log = readTab(env, 'ChartMogul log');
    expect(log[0]).toEqual(['time', 'user', 'run', 'tabs', 'mode', 'imported', 'updated', 'unchanged', 'exists', 'error', 'skipped', 'requests', 'duration_s', 'result']);
    expect(log).toHaveLength(2);
    expect(Object.prototype.toString.call(log[1][0])).toBe('[object Date]');
    expect(log[1].slice(1, 5)).toEqual(['user@example.com', s.runId, 'Customers, Plans, Invoices, Transactions, Subscription events, Cancellations, Attributes', 'rows']);
    const imported = Object.values(s.tabs).reduce((n, c) => n + c.imported, 0);
    expect(log[1][5]).toBe(imported);
    expect(log[1][11]).toBe(s.requests);
    expect(log[1][13]).toBe('done');
    call('importTabs', ['Plans'], { restart: true });
    expect(readTab(env, 'ChartMogul log')).toHaveLength(3);
  }, 60000);

  it('a second caller gets "an import is already running" while the document lock is held', () => {
    const { env, call, fails } = addon();
    env.locks.holdDocumentLockElsewhere();
    expect(fails('importTabs', [], {})).toMatch(/an import is already running/i);
    expect(fails('checkTabs', [])).toMatch(/already running/);
    expect(call('getImportProgress')).toBeNull();
    env.locks.releaseElsewhere();
    expect(call<Summary>('importTabs', ['Plans'], {}).done).toBe(true);
  }, 60000);

  it('cancel stops the run; the next import starts a new one; the scheduler has nothing left', () => {
    const { env, call } = addon();
    const first = call<Summary>('importTabs', [], { mode: 'rows', timeBudgetMs: 0 });
    expect(first.done).toBe(false);
    const c = call<Summary>('cancelImport');
    expect(c).toMatchObject({ runId: first.runId, cancelled: true, done: true });
    expect(call<Summary>('getImportProgress').cancelled).toBe(true);
    expect(call<boolean>('continueImportInBackground')).toBe(false);
    expect(readTab(env, 'ChartMogul log')[1][13]).toBe('cancelled');
    const next = call<Summary>('importTabs', [], { mode: 'rows' });
    expect(next.runId).not.toBe(first.runId);
    expectImported(next);
  }, 60000);

  it('cancel while another execution runs only sets the flag; that execution stops at its next chunk', () => {
    const { env, call } = addon();
    const first = call<Summary>('importTabs', [], { mode: 'rows', timeBudgetMs: 0 });
    env.locks.holdDocumentLockElsewhere();
    const c = call<Summary>('cancelImport');
    expect(c).toMatchObject({ cancelled: true, done: false, message: expect.stringMatching(/after the current chunk/) });
    env.locks.releaseElsewhere();
    const next = call<Summary>('importTabs', [], { timeBudgetMs: 0 });
    expect(next).toMatchObject({ runId: first.runId, cancelled: true, done: true });
  }, 60000);

  it('the hourly scheduler continues an unfinished run without the sidebar', () => {
    const { env, call } = addon();
    call<Summary>('importTabs', [], { mode: 'rows', timeBudgetMs: 0 });
    env.ui.menus.length = 0;
    while (call<boolean>('continueImportInBackground')) { /* each call works up to the default budget */ }
    expectImported(call<Summary>('getImportProgress'));
    expect(env.calls.get('SpreadsheetApp.getUi')).toBe(0);
  }, 60000);

  it('undo deletes what the run created (not what existed) and marks those receipts', () => {
    const { env, call } = addon();
    api.customers.create({ data_source_uuid: ds, external_id: 'C-4', name: 'Delta Ltd' }); // pre-existing
    const s = call<Summary>('importTabs', [], { mode: 'rows' });
    expect(receipts(env, 'Customers')[5]).toMatchObject({ status: 'exists' });
    const u = call<any>('undoImport', s.runId);
    expect(u).toEqual({ runId: s.runId, deleted: { customers: 5, plans: 3, invoices: 4, subscriptionEvents: 1 }, errors: [] });
    const st = state();
    expect(st.customers.filter((c: any) => c.data_source_uuid === ds).map((c: any) => c.external_id)).toEqual(['C-4']);
    expect(st.invoices.filter((i: any) => i.data_source_uuid === ds)).toEqual([]);
    expect(st.plans.filter((p: any) => p.data_source_uuid === ds)).toEqual([]);
    expect(receipts(env, 'Customers')[2]).toMatchObject({ status: 'skipped', uuid: '', message: expect.stringMatching(/Undo/) });
    expect(receipts(env, 'Customers')[5].status).toBe('exists');
    // Importing again recreates what was undone.
    const again = call<Summary>('importTabs', [], { mode: 'rows', restart: true });
    expectImported(again);
  }, 60000);

  it('spreadsheet service calls per chunk do not grow with the row count', () => {
    const perChunk = (n: number): number => {
      const rows: Rows = [['external_id', 'name']];
      for (let i = 0; i < n; i++) rows.push([`K-${i}`, `Customer ${i}`]);
      const { env, call } = addon({ Customers: rows });
      call('importTabs', ['Customers'], { mode: 'rows', timeBudgetMs: 0 });
      env.calls.reset();
      const s = call<Summary>('importTabs', ['Customers'], { timeBudgetMs: 0 });
      expect(s.done).toBe(false);
      return env.calls.get('SpreadsheetApp');
    };
    const small = perChunk(250);
    const large = perChunk(1000);
    expect(large).toBe(small);
    expect(small).toBeLessThan(20);
  }, 120000);

  it('check writes problems into the rows (naming the column) and sends nothing; estimate counts calls', () => {
    const { env, call } = addon();
    const r = call<any>('checkTabs', []);
    expect(r.ok).toBe(false);
    expect(r.tabs.Customers).toEqual({ rows: 7, errors: 1, unknownColumns: [], missingColumns: [] });
    expect(r.errors).toContainEqual({ tab: 'Customers', row: 8, message: expect.stringMatching(/^country: "UK"/) });
    expect(r.errors).toContainEqual({ tab: 'Invoices', row: 8, message: expect.stringMatching(/^plan_external_id: no plan "nope"/) });
    expect(receipts(env, 'Customers')[8]).toMatchObject({ status: 'error' });
    expect(receipts(env, 'Customers')[2]).toMatchObject({ status: '', message: '' });
    expect(env.urlFetch.requests.filter((q) => q.method !== 'get')).toEqual([]);
    const e = call<any>('estimateImport', [], {});
    expect(e).toMatchObject({ rows: 26, dailyQuota: 20000, mode: 'rows' });
    expect(e.estimatedRequests).toBeGreaterThan(15);
    expect(e.estimatedRequests).toBeLessThan(40);
  }, 60000);

  it('a missing required column is reported by check', () => {
    const { call } = addon({ Plans: [['external_id', 'name', 'interval_unit'], ['p', 'P', 'month']] });
    const r = call<any>('checkTabs', ['Plans']);
    expect(r.tabs.Plans.missingColumns).toEqual(['interval_count']);
    expect(r.ok).toBe(false);
  }, 30000);
});

void INVOICES;
