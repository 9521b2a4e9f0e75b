// Acceptance of the import feature as the hidden suite drives it: only the bundle's top-level functions (plain JSON),
// rows pasted into the template tabs, the ChartMogul emulator as the truth (metrics oracle, receipts, idempotency).

import { generateDemo, type DemoModel } from '../demo/generator';
import { toEmulatorState, toWorkbookRows } from '../demo/views';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { connect, contents, http, quietSecond, importAll, newSheet, paste, receiptsOf, setCell, state, tabValues, writes, type Row } from './acceptanceKit';

let emu: EmulatorProcess;
let twin: EmulatorProcess;

beforeAll(async () => {
  [emu, twin] = await Promise.all([startEmulatorProcess(), startEmulatorProcess()]);
}, 30000);
afterAll(async () => {
  await Promise.all([emu?.stop(), twin?.stop()]);
});
beforeEach(() => {
  http(emu, 'POST', '/_emulator/reset', {});
  quietSecond();
});

/** ~60 customers of the demo model (payers, churners, leads, trials), their invoices and every plan. */
function restrictedModel(): DemoModel {
  const full = generateDemo({ seed: 7, firstMonthSignups: 6 }); // ends today: data right up to "now"
  // Customers billed in the last days come first (activity right up to "now"), then a spread of the rest.
  const recent = new Set(full.invoices.filter((i) => i.date.slice(0, 10) >= full.endDate.slice(0, 8) + '01').map((i) => i.customerExternalId));
  const step = Math.max(1, Math.floor(full.customers.length / 50));
  const customers = full.customers.filter((c, i) => recent.has(c.externalId) || i % step === 0).slice(0, 60);
  const ids = new Set(customers.map((c) => c.externalId));
  return { ...full, customers, invoices: full.invoices.filter((i) => ids.has(i.customerExternalId)) };
}

/** Every monthly entry of /v1/metrics/all (MRR, ARR, ARPA, ASP, customers, churn rates, LTV) over the model's range. */
function metrics(e: EmulatorProcess, m: DemoModel): Record<string, number>[] {
  return http(e, 'GET', `/v1/metrics/all?start-date=${m.startDate}&end-date=${m.endDate}&interval=month`).entries;
}

describe('import acceptance: demo account through the sheet', () => {
  it('metrics of the imported account equal the directly seeded one; receipts, counts, log, idempotency', () => {
    const model = restrictedModel();
    const views = toWorkbookRows(model);
    const s = newSheet(emu);
    const ds = connect(s, emu, 'Sheets', ['Customers', 'Plans', 'Invoices']);
    paste(s.env, 'Plans', views.Plans);
    paste(s.env, 'Customers', views.Customers);
    // Some invoice dates typed as ISO text (UTC, so the instant stays the model's).
    const inv = views.Invoices.map((r, i) => (i > 0 && i % 5 === 0 ? r.map((c) => (c instanceof Date ? c.toISOString().replace('.000Z', 'Z') : c)) : r));
    paste(s.env, 'Invoices', inv);
    // A user-made transactions tab: lowercase name, columns in another order, spaced headers, an unknown column.
    const tx = views.Transactions;
    const txRows: Row[] = [['result', 'Invoice External ID', 'date', 'type', 'external id', 'notes']];
    for (const r of tx.slice(1)) txRows.push([r[4], r[0], r[3], r[2], r[1], 'pasted from Stripe']);
    paste(s.env, 'transactions', txRows);

    const mark = s.env.urlFetch.requests.length;
    const check = s.call<any>('checkTabs');
    expect(writes(s.env, mark)).toEqual([]);
    expect(check.errors).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.tabs.Transactions.unknownColumns).toEqual(['notes']);

    const sum = importAll(s.call);
    expect(sum.done).toBe(true);
    const counts = (tab: string, n: number) => expect(sum.tabs[tab]).toMatchObject({ total: n, imported: n, error: 0, pending: 0 });
    counts('Customers', model.customers.length);
    counts('Plans', model.plans.length);
    counts('Invoices', views.Invoices.length - 1);
    counts('Transactions', tx.length - 1);
    for (const tab of ['Customers', 'Plans', 'Invoices', 'transactions']) {
      for (const r of receiptsOf(s.env, tab)) {
        expect([tab, r.row, r.status, r.message]).toEqual([tab, r.row, 'imported', '']);
        expect(r.uuid).toMatch(/^(cus|pl|inv|tr)_/);
        expect(Object.prototype.toString.call(r.synced)).toBe('[object Date]');
      }
    }
    const log = tabValues(s.env, 'ChartMogul log');
    expect(log).toHaveLength(2);
    expect(log[1].slice(2, 6)).toEqual([sum.runId, 'Customers, Plans, Invoices, Transactions', 'rows', sum.rowsTotal]);

    // The oracle: the same model seeded straight into a second emulator.
    http(twin, 'POST', '/_emulator/state', toEmulatorState(model));
    const a = metrics(emu, model);
    const b = metrics(twin, model);
    expect(a.length).toBeGreaterThan(20);
    expect(a).toEqual(b);
    expect(a[a.length - 1].mrr).toBeGreaterThan(0);
    expect(a.some((x) => x['customer-churn-rate'] > 0 && x['mrr-churn-rate'] > 0)).toBe(true);
    expect(Object.keys(a[0])).toEqual(expect.arrayContaining(['mrr', 'customers', 'arpa', 'customer-churn-rate', 'mrr-churn-rate']));
    const st = state(emu);
    expect(st.customers.filter((c: any) => c.data_source_uuid === ds)).toHaveLength(model.customers.length);

    // Idempotency: a new run sends nothing but reads; one edited name → one PATCH.
    const before = s.env.urlFetch.requests.length;
    // The other templates now: the user's "transactions" tab counts as existing; empty tabs import nothing.
    expect(s.call('insertTemplates')).toEqual({ created: ['Subscription events', 'Cancellations', 'Attributes'], existing: ['Customers', 'Plans', 'Invoices', 'Transactions'] });
    let again = s.call<any>('importTabs', { restart: true }); // the options object alone
    while (!again.done) again = s.call<any>('importTabs');
    expect(writes(s.env, before)).toEqual([]);
    expect(again.runId).not.toBe(sum.runId);
    expect(again.tabs.Customers).toMatchObject({ unchanged: model.customers.length, imported: 0 });
    expect(again.tabs.Invoices.unchanged).toBe(views.Invoices.length - 1);
    const target = receiptsOf(s.env, 'Customers')[3];
    setCell(s.env, 'Customers', target.row, 'name', 'Renamed Ltd');
    const mark2 = s.env.urlFetch.requests.length;
    const third = importAll(s.call, null, { restart: true });
    expect(writes(s.env, mark2)).toEqual([`PATCH /v1/customers/${target.uuid}`]);
    expect(third.tabs.Customers).toMatchObject({ updated: 1, unchanged: model.customers.length - 1 });
    const after = receiptsOf(s.env, 'Customers');
    expect(after.filter((r) => r.status === 'updated').map((r) => r.row)).toEqual([target.row]);
    expect(state(emu).customers.find((c: any) => c.uuid === target.uuid).name).toBe('Renamed Ltd');
  }, 120000);
});

const PLANS: Row[] = [['external_id', 'name', 'interval_count', 'interval_unit'], ['basic', 'Basic', 1, 'month'], ['annual', 'Annual', 1, 'year'], ['dup-plan', 'Dup A', 1, 'month'], ['dup-plan', 'Dup B', 1, 'month']];
const FUTURE = new Date(Date.now() + 400 * 86400000);
const INV_HEAD = ['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount', 'quantity'];

describe('import acceptance: bad data never sent, everything else kept', () => {
  it('each problem is in its row naming the column; the good rows are imported', () => {
    const s = newSheet(emu);
    const ds = connect(s, emu);
    paste(s.env, 'Plans', PLANS);
    paste(s.env, 'Customers', [
      ['external_id', 'name', 'country', 'lead_created_at'],
      ['G-1', 'Good One', 'US', '2024-01-05'],
      ['G-2', 'Good Two', 'DE', ''],
      ['F-1', 'Future Lead', 'FR', FUTURE],
      ['D-1', 'Dup 1', 'GB', ''],
      ['D-1', 'Dup 2', 'GB', ''],
    ]);
    paste(s.env, 'Invoices', [
      INV_HEAD,
      ['I-OK', 'G-1', '2024-03-01', 'USD', 'subscription', 'basic', 'S-1', '2024-03-01', '2024-04-01', 49.9, 1],
      ['I-CUR', 'G-1', '2024-03-02', 'XYZ', 'one_time', '', '', '', '', 10, 1],
      ['I-DEC', 'G-1', '2024-03-03', 'USD', 'one_time', '', '', '', '', 10.005, 1],
      ['I-PER', 'G-2', '2024-03-01', 'EUR', 'subscription', 'basic', 'S-2', '2024-04-01', '2024-03-01', 20, 1],
      ['I-2L', 'G-2', '2024-03-05', 'EUR', 'subscription', 'basic', 'S-3', '2024-03-05', '2024-04-05', 30, 1],
      ['I-2L', 'G-2', '2024-03-05', 'EUR', 'subscription', 'nope', 'S-4', '2024-03-05', '2024-04-05', 5, 1],
      ['I-KWD', 'G-2', '2024-03-06', 'KWD', 'one_time', '', '', '', '', 12.345, 1],
      ['I-JPY', 'G-2', '2024-03-07', 'JPY', 'one_time', '', '', '', '', 5000, 1],
      ['I-BAD', 'F-1', '2024-03-08', 'USD', 'one_time', '', '', '', '', 1, 1],
    ]);
    paste(s.env, 'Transactions', [
      ['invoice_external_id', 'type', 'date', 'result', 'external_id', 'amount'],
      ['I-OK', 'payment', '2024-03-01', 'successful', 'TX-1', ''],
      ['I-NONE', 'payment', '2024-03-01', 'successful', 'TX-2', ''],
      ['I-JPY', 'payment', '2024-03-08', 'successful', 'TX-D', ''],
      ['I-KWD', 'payment', '2024-03-08', 'successful', 'TX-D', ''],
      ['I-2L', 'payment', '2024-03-06', 'successful', 'TX-3', ''],
      ['I-OK', 'refund', FUTURE, 'successful', 'TX-F', ''],
    ]);
    const mark = s.env.urlFetch.requests.length;
    const check = s.call<any>('checkTabs', ['Customers', 'Plans', 'Invoices', 'Transactions']);
    expect(writes(s.env, mark)).toEqual([]);
    expect(check.ok).toBe(false);
    const sum = importAll(s.call);
    expect(sum.done).toBe(true);
    const msg = (tab: string) => Object.fromEntries(receiptsOf(s.env, tab).map((r) => [r.row, [r.status, r.message]]));
    const c = msg('Customers');
    expect(c[2]).toEqual(['imported', '']);
    expect(c[3]).toEqual(['imported', '']);
    expect(c[4][0]).toBe('error');
    expect(c[4][1]).toMatch(/^lead_created_at: .*future/);
    expect(c[5][1]).toMatch(/^external_id: "D-1" is also on row 6/);
    expect(c[6][1]).toMatch(/^external_id: "D-1" is also on row 5/);
    const p = msg('Plans');
    expect([p[2][0], p[3][0], p[4][0], p[5][0]]).toEqual(['imported', 'imported', 'error', 'error']);
    expect(p[4][1]).toMatch(/^external_id: /);
    const i = msg('Invoices');
    expect(i[2]).toEqual(['imported', '']);
    expect(i[3][1]).toMatch(/^currency: "XYZ" is not an ISO 4217 currency code/);
    expect(i[4][1]).toMatch(/^amount: 10\.005 has more decimals than USD allows/);
    expect(i[5][1]).toMatch(/^service_period_end: .* must be after service_period_start/);
    expect(i[6]).toEqual(['error', 'invoice_external_id: invoice has errors on row 7']);
    expect(i[7][1]).toMatch(/^plan_external_id: no plan "nope"/);
    expect(i[8][0]).toBe('imported');
    expect(i[9][0]).toBe('imported');
    expect(i[10][1]).toMatch(/^customer_external_id: customer "F-1" has errors/);
    const t = msg('Transactions');
    expect(t[2][0]).toBe('imported');
    expect(t[3][1]).toMatch(/^invoice_external_id: no invoice "I-NONE"/);
    expect(t[4][1]).toMatch(/^external_id: "TX-D" is also on row 5/);
    expect(t[5][1]).toMatch(/^external_id: "TX-D" is also on row 4/);
    expect(t[6][1]).toMatch(/^invoice_external_id: invoice "I-2L" has errors/);
    expect(t[7][1]).toMatch(/^date: .* is in the future/); // the invoice is still sent, without it
    expect(sum.tabs.Invoices).toMatchObject({ total: 9, imported: 3, error: 6 });
    expect(sum.errors.length).toBeGreaterThan(5);
    for (const e of sum.errors) expect(e.message).toMatch(/^[a-z_.]+: /);
    const st = state(emu);
    const mine = (l: any[]) => l.filter((x: any) => x.data_source_uuid === ds);
    expect(mine(st.customers).map((x: any) => x.external_id).sort()).toEqual(['G-1', 'G-2']);
    expect(mine(st.plans).map((x: any) => x.external_id).sort()).toEqual(['annual', 'basic']);
    const invs = mine(st.invoices);
    expect(invs.map((x: any) => [x.external_id, x.currency, x.line_items[0].amount_in_cents]).sort()).toEqual([['I-JPY', 'JPY', 5000], ['I-KWD', 'KWD', 12345], ['I-OK', 'USD', 4990]]);
    expect(invs.find((x: any) => x.external_id === 'I-OK').date).toBe('2024-02-29T23:00:00.000Z');
    expect(invs.find((x: any) => x.external_id === 'I-OK').transactions.map((x: any) => x.external_id)).toEqual(['TX-1']);
  }, 60000);
});

describe('import acceptance: leads, trials, custom attributes, tags, attributes tab', () => {
  it('are in ChartMogul as the rows say', () => {
    const s = newSheet(emu);
    const ds = connect(s, emu);
    paste(s.env, 'Plans', PLANS.slice(0, 2));
    paste(s.env, 'Customers', [
      ['external_id', 'name', 'email', 'lead_created_at', 'free_trial_started_at', 'tags', 'custom.Industry', 'custom.Seats', 'custom.Renewal', 'custom.Onboarded'],
      ['LEAD-1', 'Lead Co', 'lead@lead.example', '2024-01-10', '', 'inbound', 'SaaS', 3, new Date('2024-06-01T00:00:00Z'), false],
      ['TRIAL-1', 'Trial Co', 'trial@trial.example', '2024-01-10', '2024-01-12', 'inbound, trial', 'Fintech', 1, '2024-07-01', true],
      ['PAY-1', 'Pay Co', 'pay@pay.example', '', '', '', 'Media', 12, '', 'TRUE'],
    ]);
    // The second line leaves customer, date and currency empty: it belongs to I-1 and takes them from its first line.
    paste(s.env, 'Invoices', [INV_HEAD, ['I-1', 'PAY-1', '2024-03-01', 'USD', 'subscription', 'basic', 'S-1', '2024-03-01', '2024-04-01', 99, 2], ['I-1', '', '', '', 'one_time', '', '', '', '', '10.50', '']]);
    paste(s.env, 'Attributes', [['customer_external_id', 'email', 'tags', 'custom.Segment'], ['PAY-1', '', 'vip', 'Enterprise'], ['', 'lead@lead.example', 'hot', '']]);
    const sum = importAll(s.call);
    expect(sum.done).toBe(true);
    expect(sum.tabs.Customers).toMatchObject({ total: 3, imported: 3 });
    expect(sum.tabs.Attributes).toMatchObject({ total: 2, imported: 2 });
    expect(sum.tabs.Invoices).toMatchObject({ total: 2, imported: 2 });
    const i1 = state(emu).invoices.find((x: any) => x.external_id === 'I-1');
    expect(i1.line_items.map((l: any) => [l.type, l.amount_in_cents, l.quantity])).toEqual([['subscription', 9900, 2], ['one_time', 1050, 1]]);
    const cus = Object.fromEntries(state(emu).customers.filter((c: any) => c.data_source_uuid === ds).map((c: any) => [c.external_id, c]));
    expect(cus['LEAD-1']).toMatchObject({ lead_created_at: '2024-01-09T23:00:00.000Z', free_trial_started_at: null, tags: ['inbound', 'hot'] });
    expect(cus['TRIAL-1']).toMatchObject({ free_trial_started_at: '2024-01-11T23:00:00.000Z', tags: ['inbound', 'trial'] });
    expect(cus['PAY-1'].tags).toEqual(['vip']);
    const custom = (c: any) => Object.fromEntries(Object.entries(c.custom).map(([k, v]: any) => [k, [v.type, v.value]]));
    expect(custom(cus['LEAD-1'])).toEqual({ Industry: ['String', 'SaaS'], Seats: ['Integer', 3], Renewal: ['Timestamp', '2024-06-01T00:00:00.000Z'], Onboarded: ['Boolean', false] });
    expect(custom(cus['TRIAL-1'])).toMatchObject({ Renewal: ['Timestamp', '2024-06-30T22:00:00.000Z'], Onboarded: ['Boolean', true] });
    expect(custom(cus['PAY-1'])).toEqual({ Industry: ['String', 'Media'], Seats: ['Integer', 12], Onboarded: ['Boolean', true], Segment: ['String', 'Enterprise'] });
    // Read back through the API as well: a lead, a trial, a paying customer.
    const statusOf = (ext: string) => http(emu, 'GET', `/v1/customers?data_source_uuid=${ds}&external_id=${ext}`).entries[0].status;
    expect(statusOf('PAY-1')).toBe('Cancelled'); // one monthly invoice in 2024
    expect(statusOf('LEAD-1')).toMatch(/Lead/);
    expect(statusOf('TRIAL-1')).toMatch(/Lead|Trial/);
  }, 60000);
});

/** Every tab filled: a demo slice plus events, cancellations and attributes. */
function fullWorkbook(s: ReturnType<typeof newSheet>): void {
  const model = restrictedModel();
  const few = new Set(model.customers.slice(0, 25).map((c) => c.externalId));
  const views = toWorkbookRows({ ...model, customers: model.customers.filter((c) => few.has(c.externalId)), invoices: model.invoices.filter((i) => few.has(i.customerExternalId)) });
  paste(s.env, 'Plans', views.Plans);
  const plain: Row[] = [1, 2, 3].map((n) => [`PLAIN-${n}`, `Plain ${n}`, `p${n}@plain.example`, '', 'NL', 'Utrecht', '', '', '', '', '', '']);
  paste(s.env, 'Customers', views.Customers.concat([['EV-C', 'Events Co', 'ev@ev.example', '', 'US', 'Boston', '', '', '', 'SaaS', 2, true]], plain));
  paste(s.env, 'Invoices', views.Invoices);
  paste(s.env, 'Transactions', views.Transactions);
  paste(s.env, 'Subscription events', [
    ['customer_external_id', 'subscription_external_id', 'event_type', 'event_date', 'effective_date', 'plan_external_id', 'currency', 'amount', 'quantity', 'external_id'],
    ['EV-C', 'EV-S1', 'subscription_start', '2024-03-01', '2024-03-01', 'starter-monthly', 'USD', 29, 1, 'E-1'],
    ['EV-C', 'EV-S1', 'subscription_updated', '2024-05-01', '2024-05-01', 'growth-monthly', 'USD', 99, 1, ''],
  ]);
  const sub = views.Invoices.find((r, i) => i > 0 && r[4] === 'subscription') as Row;
  paste(s.env, 'Cancellations', [['customer_external_id', 'subscription_external_id', 'cancelled_at'], [sub[1], sub[6], '2025-05-20'], ['EV-C', 'EV-S1', '2024-09-01']]);
  paste(s.env, 'Attributes', [['customer_external_id', 'tags', 'custom.Segment'], [sub[1], 'vip', 'Mid-market']]);
}

describe('import acceptance: bulk mode', () => {
  it('gives the same ChartMogul contents as row mode, and a re-run sends nothing', () => {
    const rows = newSheet(emu);
    const dsRows = connect(rows, emu);
    fullWorkbook(rows);
    const r = importAll(rows.call, null, { mode: 'rows' });
    expect(r).toMatchObject({ done: true, mode: 'rows' });
    const viaRows = contents(state(emu), dsRows);
    expect(r.errors).toEqual([]);
    for (const c of Object.values<any>(r.tabs)) expect(c).toMatchObject({ error: 0, pending: 0, skipped: 0 });

    http(emu, 'POST', '/_emulator/reset', {});
    quietSecond();
    const bulk = newSheet(emu);
    const dsBulk = connect(bulk, emu);
    fullWorkbook(bulk);
    const b = importAll(bulk.call, null, { mode: 'bulk' });
    expect(b).toMatchObject({ done: true, mode: 'bulk' });
    expect(writes(bulk.env).filter((w) => /json_imports$/.test(w)).length).toBeGreaterThan(0);
    expect(writes(bulk.env).filter((w) => w === 'POST /v1/customers')).toHaveLength(26); // tags/custom: row by row; PLAIN-*: bulk
    for (const c of Object.values<any>(b.tabs)) expect(c).toMatchObject({ error: 0, pending: 0, skipped: 0 });
    expect(contents(state(emu), dsBulk)).toEqual(viaRows);
    expect(bulk.env.logs.filter((l) => /giving up/.test(l.message))).toEqual([]);
    const rowStatus = (s: ReturnType<typeof newSheet>, tab: string) => receiptsOf(s.env, tab).map((x) => [x.row, x.status, x.uuid === '' ? '' : x.uuid.slice(0, 3)]);
    for (const tab of ['Customers', 'Plans', 'Invoices', 'Transactions', 'Subscription events', 'Cancellations', 'Attributes']) {
      expect([tab, rowStatus(bulk, tab)]).toEqual([tab, rowStatus(rows, tab)]);
    }
    const mark = bulk.env.urlFetch.requests.length;
    const again = importAll(bulk.call, null, { mode: 'bulk', restart: true });
    expect(again.done).toBe(true);
    expect(writes(bulk.env, mark)).toEqual([]);
    expect(again.tabs.Invoices.unchanged).toBe(again.tabs.Invoices.total);
    // A changed customer in bulk mode is one PATCH too (no json_import for updates).
    const target = receiptsOf(bulk.env, 'Customers').find((x) => x.cells.external_id === 'PLAIN-2') as any;
    setCell(bulk.env, 'Customers', target.row, 'email', '');
    const mark2 = bulk.env.urlFetch.requests.length;
    const third = importAll(bulk.call, null, { mode: 'bulk', restart: true });
    expect(writes(bulk.env, mark2)).toEqual([`PATCH /v1/customers/${target.uuid}`]);
    expect(third.tabs.Customers.updated).toBe(1);
    expect(state(emu).customers.find((c: any) => c.uuid === target.uuid).email).toBeNull();
  }, 120000);
});

describe('import acceptance: resume, cancel, undo through the public functions', () => {
  it('a run resumes call after call, a cancelled one starts over, undo deletes what the run created', () => {
    const s = newSheet(emu);
    const ds = connect(s, emu);
    paste(s.env, 'Plans', PLANS.slice(0, 2));
    const customers: Row[] = [['external_id', 'name']];
    for (let i = 0; i < 130; i++) customers.push([`K-${i}`, `Customer ${i}`]);
    paste(s.env, 'Customers', customers);
    const first = s.call<any>('importTabs', null, { timeBudgetMs: 0 });
    expect(first.done).toBe(false);
    expect(s.call<any>('getImportProgress')).toMatchObject({ runId: first.runId, done: false });
    expect(s.call<any>('cancelImport')).toMatchObject({ runId: first.runId, cancelled: true, done: true });
    const next = importAll(s.call, null, { timeBudgetMs: 0 });
    expect(next.runId).not.toBe(first.runId);
    expect(next.tabs.Customers).toMatchObject({ total: 130, pending: 0, error: 0 });
    expect(next.tabs.Customers.imported + next.tabs.Customers.exists).toBe(130);
    const log = tabValues(s.env, 'ChartMogul log');
    expect(log.map((r) => r[13])).toEqual(['result', 'cancelled', 'done']);
    const u = s.call<any>('undoImport', next.runId);
    expect(u.errors).toEqual([]);
    expect(u.deleted.customers).toBe(next.tabs.Customers.imported);
    // What the cancelled run created is still there (undo is per run); undoing it too empties the data source.
    s.call<any>('undoImport', first.runId);
    expect(state(emu).customers.filter((c: any) => c.data_source_uuid === ds)).toEqual([]);
    expect(state(emu).plans.filter((p: any) => p.data_source_uuid === ds)).toEqual([]);
  }, 60000);
});

describe('import acceptance: a busy ChartMogul', () => {
  // Row mode: every request goes through client.batch, whose retries wait for the real clock (see quietSecond).
  it.each(['rows'])('%s mode: 429s and 503s are retried after a real wait; every row lands, none twice', (mode) => {
    const s = newSheet(emu);
    const ds = connect(s, emu);
    http(emu, 'POST', '/_emulator/faults', { rateLimit: 8, errorRates: { 503: 0.15 }, faultSeed: 11 });
    paste(s.env, 'Plans', PLANS.slice(0, 2));
    const customers: Row[] = [['external_id', 'name']];
    const invoices: Row[] = [INV_HEAD];
    for (let i = 0; i < 8; i++) {
      customers.push([`R-${i}`, `Busy ${i}`]);
      invoices.push([`RI-${i}`, `R-${i}`, '2024-03-01', 'USD', 'subscription', 'basic', `RS-${i}`, '2024-03-01', '2024-04-01', 10, 1]);
    }
    paste(s.env, 'Customers', customers);
    paste(s.env, 'Invoices', invoices);
    const sum = importAll(s.call, null, { mode });
    http(emu, 'POST', '/_emulator/faults', { rateLimit: 40, errorRates: { 503: 0 } });
    expect(s.env.logs.filter((l) => /giving up/.test(l.message))).toEqual([]);
    expect(sum.errors).toEqual([]);
    expect(sum.tabs.Customers.imported + sum.tabs.Customers.exists).toBe(8);
    expect(sum.tabs.Invoices.imported + sum.tabs.Invoices.exists).toBe(8);
    for (const tab of ['Customers', 'Invoices']) for (const r of receiptsOf(s.env, tab)) expect(r.uuid).toMatch(/^(cus|inv)_/);
    const st = state(emu);
    expect(st.customers.filter((c: any) => c.data_source_uuid === ds)).toHaveLength(8);
    expect(st.invoices.filter((c: any) => c.data_source_uuid === ds)).toHaveLength(8);
    expect(s.env.logs.some((l) => /429|503/.test(l.message))).toBe(true);
  }, 60000);
});
