// Bulk mode over the in-memory rig: json_imports polled to completion, receipts from status_details, uuids read
// back, per-customer failures, a kill while a batch is pending, and the mode choice.

import { BULK_MIN_ROWS, chooseMode, importTabs, loadRun } from '../../../../src/core/import/engine';
import type { Cell } from '../../../../src/core/import';
import { CUSTOMERS, INVOICES, Killed, PLANS, rig, TRANSACTIONS } from './support';

const BOOK = { Customers: CUSTOMERS, Plans: PLANS, Invoices: INVOICES, Transactions: TRANSACTIONS };

describe('importTabs (bulk mode)', () => {
  it('sends one json_import, resolves receipts from status_details and reads the uuids back', () => {
    const r = rig(BOOK);
    const s = importTabs(r.deps(), [], { mode: 'bulk' });
    expect(s).toMatchObject({ done: true, mode: 'bulk' });
    expect(r.api.count('POST', '/v1/data_sources/{ds}/json_imports')).toBe(1);
    expect(r.api.count('POST', '/v1/customers')).toBe(0);
    expect(s.tabs.Customers).toMatchObject({ imported: 3, error: 1 });
    expect(s.tabs.Invoices).toMatchObject({ imported: 4 });
    expect(s.tabs.Transactions).toMatchObject({ imported: 2 });
    const inv = r.api.state.invoices.find((i) => i.external_id === 'I-1')!;
    expect(r.workbook.receipt('Invoices', 2).uuid).toBe(inv.uuid);
    expect(r.workbook.receipt('Transactions', 2).uuid).toBe(inv.transactions[0].uuid);
    expect(r.workbook.receipt('Plans', 2).uuid).toMatch(/^pl_/);
    expect(loadRun(r.store)!.bulk!.pending).toEqual([]);
    const before = r.api.log.length;
    expect(importTabs(r.deps(), [], { mode: 'bulk', restart: true }).tabs.Invoices.unchanged).toBe(4);
    expect(r.api.log.slice(before).filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('an invoice ChartMogul rejects fails alone; its customer\'s other invoices are sent again', () => {
    const book = {
      Customers: CUSTOMERS,
      Plans: PLANS,
      Invoices: INVOICES.concat([
        ['I-4', 'C-2', '2024-04-01', 'EUR', 'subscription', 'pro', 'S-2', '2024-04-01', '2024-05-01', 2000],
        ['I-5', 'C-2', '2024-04-01', 'EUR', 'one_time', '', '', '', '', 100],
      ] as Cell[][]),
    };
    const r = rig(book);
    // I-5 already exists in ChartMogul (imported elsewhere): the whole customer's batch is refused by ChartMogul.
    const d = r.deps();
    const c2 = d.client.customers.create({ data_source_uuid: r.ds, external_id: 'C-2', name: 'Beta' });
    d.client.invoices.importMany(c2.uuid, [{ external_id: 'I-5', date: '2024-04-01', currency: 'EUR', line_items: [{ type: 'one_time', amount_in_cents: 100 }] }]);
    let s = importTabs(r.deps(), [], { mode: 'bulk' });
    for (let i = 0; i < 5 && !s.done; i++) s = importTabs(r.deps(), [], {});
    expect(s.done).toBe(true);
    expect(r.workbook.receipt('Invoices', 7).status).toBe('exists');
    expect(r.workbook.receipt('Invoices', 4).status).toBe('imported');
    expect(r.workbook.receipt('Invoices', 6).status).toBe('imported');
    expect(r.api.state.invoices.filter((i) => i.external_id === 'I-5')).toHaveLength(1);
  });

  it('a kill while a batch is pending resumes by polling it (no second POST)', () => {
    const r = rig(BOOK);
    r.api.fault = () => undefined;
    // Writes: plan-time receipts, then the pending marks; die right after the batch is marked and sent.
    let posted = false;
    r.api.onRequest = (m, p) => {
      if (m === 'POST' && /json_imports$/.test(p)) {
        posted = true;
        r.workbook.killAtWrite = 1;
      }
    };
    expect(() => importTabs(r.deps(), [], { mode: 'bulk' })).toThrow(Killed);
    expect(posted).toBe(true);
    r.api.onRequest = () => undefined;
    let s = importTabs(r.deps(), [], {});
    for (let i = 0; i < 5 && !s.done; i++) s = importTabs(r.deps(), [], {});
    expect(s.done).toBe(true);
    expect(r.api.count('POST', '/v1/data_sources/{ds}/json_imports')).toBe(1);
    expect(r.api.state.invoices).toHaveLength(3);
    expect(s.tabs.Invoices.imported).toBe(4);
  });

  it('auto picks bulk from ' + BULK_MIN_ROWS + ' rows to create', () => {
    const rows = (n: number) => ({ Customers: Array.from({ length: n }, (_x, i) => ({ tab: 'Customers', action: 'create', indices: [i] })) }) as never;
    expect(chooseMode('auto', rows(BULK_MIN_ROWS - 1))).toBe('rows');
    expect(chooseMode(undefined, rows(BULK_MIN_ROWS))).toBe('bulk');
    expect(chooseMode('rows', rows(5000))).toBe('rows');
    expect(chooseMode('bulk', rows(1))).toBe('bulk');
  });
});
