// importTabs over the in-memory rig: receipts, idempotent re-runs, chunked checkpoints, time budget, cancel, the
// "already exists" path after a lost answer, and kill-at-any-point resume without duplicates or lost rows.

import { importTabs, loadRun, parseNote, PROP_CANCEL } from '../../../../src/core/import/engine';
import { CUSTOMERS, INVOICES, Killed, PLANS, rig, TRANSACTIONS } from './support';
import type { Cell } from '../../../../src/core/import';

const BOOK = { Customers: CUSTOMERS, Plans: PLANS, Invoices: INVOICES, Transactions: TRANSACTIONS };

function many(n: number): Cell[][] {
  const rows: Cell[][] = [['external_id', 'name']];
  for (let i = 0; i < n; i++) rows.push([`K-${i}`, `Customer ${i}`]);
  return rows;
}

describe('importTabs (row mode)', () => {
  it('imports, writes receipts with fingerprints, and a second run sends nothing', () => {
    const r = rig(BOOK);
    const s = importTabs(r.deps(), [], { mode: 'rows' });
    expect(s.done).toBe(true);
    expect(s.tabs.Customers).toMatchObject({ total: 4, imported: 3, error: 1, pending: 0 });
    expect(s.tabs.Invoices).toMatchObject({ total: 4, imported: 4 });
    expect(s.tabs.Transactions).toMatchObject({ imported: 2 });
    expect(r.workbook.receipt('Customers', 4)).toMatchObject({ status: 'error', message: expect.stringMatching(/^country: "UK"/) });
    const c1 = r.workbook.receipt('Customers', 2);
    expect(c1.uuid).toMatch(/^cus_/);
    expect(parseNote(c1.note)).toMatchObject({ run: s.runId, created: s.runId, fp: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // The derived external id makes the second transaction recognisable on a re-send.
    const tx = r.api.state.invoices.find((i) => i.external_id === 'I-2')!.transactions[0];
    expect(tx.external_id).toMatch(/^sheets-[0-9a-f]{16}$/);
    const before = r.api.log.length;
    const again = importTabs(r.deps(), [], { restart: true });
    expect(again.runId).not.toBe(s.runId);
    expect(r.api.log.slice(before).filter((e) => e.method !== 'GET')).toEqual([]);
    expect(again.tabs.Customers).toMatchObject({ unchanged: 3, error: 1 });
    expect(again.tabs.Invoices).toMatchObject({ unchanged: 4 });
    expect(r.workbook.log).toHaveLength(2);
  });

  it('plans create / update / unchanged / exists / error per row', () => {
    const r = rig({ Customers: CUSTOMERS });
    importTabs(r.deps(), [], {});
    r.workbook.setCell('Customers', 2, 2, 'Acme Inc'); // changed → PATCH
    r.workbook.setCell('Customers', 4, 3, 'GB'); // was an error → create
    const existing = r.deps().client.customers.create({ data_source_uuid: r.ds, external_id: 'C-5', name: 'Already there' });
    r.workbook.sheets.get('Customers')!.values.push(['C-5', 'Already there', 'DE']); // in ChartMogul, no receipt → exists
    const s = importTabs(r.deps(), [], { restart: true });
    expect(s.tabs.Customers).toMatchObject({ updated: 1, unchanged: 2, imported: 1, exists: 1, error: 0 });
    expect(r.workbook.receipt('Customers', 2).status).toBe('updated');
    expect(r.workbook.receipt('Customers', 6)).toMatchObject({ status: 'exists', uuid: existing.uuid });
    expect(parseNote(r.workbook.receipt('Customers', 6).note).created).toBeUndefined();
    expect(r.api.state.customers.find((c) => c.external_id === 'C-1')!.name).toBe('Acme Inc');
  });

  it('a changed invoice is skipped unless replaceChangedInvoices; then deleted and re-imported', () => {
    const r = rig(BOOK);
    importTabs(r.deps(), [], {});
    r.workbook.setCell('Invoices', 4, 10, 2500);
    let s = importTabs(r.deps(), ['Invoices'], { restart: true });
    expect(s.tabs.Invoices).toMatchObject({ skipped: 1, unchanged: 3 });
    expect(r.workbook.receipt('Invoices', 4).message).toMatch(/Replace changed invoices/);
    s = importTabs(r.deps(), ['Invoices'], { restart: true, replaceChangedInvoices: true });
    expect(s.tabs.Invoices).toMatchObject({ updated: 1, unchanged: 3 });
    const i2 = r.api.state.invoices.filter((i) => i.external_id === 'I-2');
    expect(i2).toHaveLength(1);
    expect(i2[0].line_items[0].amount_in_cents).toBe(2500);
  });

  it('checkpoints after every chunk and stops at the time budget; calls continue the same run', () => {
    const r = rig({ Customers: many(250) });
    const first = importTabs(r.deps(), [], { mode: 'rows', timeBudgetMs: 0 });
    expect(first).toMatchObject({ done: false, rowsDone: 100, rowsTotal: 250 });
    expect(loadRun(r.store)!.counts.Customers!.pending).toBe(150);
    const writes = r.workbook.calls.write;
    const second = importTabs(r.deps(), [], { timeBudgetMs: 0 });
    expect(second).toMatchObject({ runId: first.runId, done: false, rowsDone: 200 });
    expect(r.workbook.calls.write - writes).toBe(1); // one block per chunk
    const third = importTabs(r.deps(), [], { timeBudgetMs: 0 });
    expect(third).toMatchObject({ done: true, rowsDone: 250 });
    expect(r.api.count('POST', '/v1/customers')).toBe(250);
    expect(third.ratePerMinute).toBeGreaterThanOrEqual(0);
  });

  it('honours cancel between chunks', () => {
    const r = rig({ Customers: many(300) });
    const deps = r.deps();
    r.api.onRequest = (_m, _p, n) => {
      if (n === 150) r.store.set(PROP_CANCEL, loadRun(r.store)!.runId);
    };
    const s = importTabs(deps, [], { mode: 'rows' });
    expect(s).toMatchObject({ done: true, cancelled: true, rowsDone: 200 });
    expect(r.api.count('POST', '/v1/customers')).toBe(200);
    expect(r.workbook.log[0][13]).toBe('cancelled');
    expect(r.store.get(PROP_CANCEL)).toBeNull();
  });

  it('an answer lost after ChartMogul acted is retried and becomes exists, with the uuid', () => {
    const r = rig({ Customers: CUSTOMERS });
    let dropped = false;
    r.api.fault = (m, p) => (m === 'POST' && p === '/v1/customers' && !dropped ? ((dropped = true), 'drop') : undefined);
    const s = importTabs(r.deps(), [], {});
    expect(s.done).toBe(true);
    expect(r.api.state.customers).toHaveLength(3);
    const row = r.workbook.receipt('Customers', 2);
    expect(row).toMatchObject({ status: 'exists', uuid: r.api.state.customers.find((c) => c.external_id === 'C-1')!.uuid });
  });

  it('resumes after being killed at any receipt write: no duplicates, no lost rows', () => {
    const base = rig(BOOK);
    importTabs(base.deps(), [], {});
    const writesPerRun = base.workbook.calls.write;
    let existsSeen = 0;
    for (let k = 1; k <= writesPerRun; k++) {
      const r = rig(BOOK);
      r.workbook.killAtWrite = k;
      expect(() => importTabs(r.deps(), [], { mode: 'rows' })).toThrow(Killed);
      let s = importTabs(r.deps(), [], {});
      for (let i = 0; i < 5 && !s.done; i++) s = importTabs(r.deps(), [], {});
      expect(s.done).toBe(true);
      const ids = (list: { external_id: string | null }[]) => list.map((x) => x.external_id).sort();
      expect(ids(r.api.state.customers)).toEqual(['C-1', 'C-2', 'C-4']);
      expect(ids(r.api.state.plans)).toEqual(['pro']);
      expect(ids(r.api.state.invoices)).toEqual(['I-1', 'I-2', 'I-3']);
      expect(r.api.state.invoices.reduce((n, i) => n + i.transactions.length, 0)).toBe(2);
      for (const tab of ['Customers', 'Plans', 'Invoices', 'Transactions']) {
        expect(s.tabs[tab].pending).toBe(0);
        for (let row = 2; row <= s.tabs[tab].total + 1; row++) {
          const rec = r.workbook.receipt(tab, row);
          expect(['imported', 'exists', 'error']).toContain(rec.status);
          if (rec.status === 'exists') existsSeen++;
          if (rec.status !== 'error') {
            expect(rec.uuid).not.toBe('');
            // Whatever the killed execution created is still this run's: Undo will find it.
            expect(parseNote(rec.note).created).toBe(s.runId);
          }
        }
      }
    }
    expect(writesPerRun).toBeGreaterThan(4);
    expect(existsSeen).toBeGreaterThan(0);
  });
});
