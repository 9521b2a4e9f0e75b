// Undo, check, estimate and progress over the in-memory rig: only what the run created is deleted; check writes
// problems and sends nothing; estimates count the calls an import would make.

import { cancelImport, checkTabs, estimateImport, getImportProgress, importTabs, splitInvoiceError, undoImport } from '../../../../src/core/import/engine';
import { ChartMogulError } from '../../../../src/core/chartmogul';
import { CUSTOMERS, INVOICES, PLANS, rig, TRANSACTIONS } from './support';

const BOOK = { Customers: CUSTOMERS, Plans: PLANS, Invoices: INVOICES, Transactions: TRANSACTIONS };

describe('undo, check, estimate, progress', () => {
  it('undo deletes what the run created, keeps what existed, marks the rows', () => {
    const r = rig(BOOK);
    r.deps().client.customers.create({ data_source_uuid: r.ds, external_id: 'C-4', name: 'Delta' });
    const s = importTabs(r.deps(), [], {});
    expect(r.workbook.receipt('Customers', 5).status).toBe('exists');
    const u = undoImport(r.deps(), s.runId);
    expect(u).toEqual({ runId: s.runId, deleted: { customers: 2, plans: 1, invoices: 3, subscriptionEvents: 0 }, errors: [] });
    expect(r.api.state.customers.map((c) => c.external_id)).toEqual(['C-4']);
    expect(r.api.state.invoices).toEqual([]);
    expect(r.workbook.receipt('Customers', 2)).toMatchObject({ status: 'skipped', uuid: '' });
    expect(r.workbook.receipt('Transactions', 2)).toMatchObject({ status: 'skipped' });
    expect(r.workbook.receipt('Customers', 5).status).toBe('exists');
    const again = importTabs(r.deps(), [], { restart: true });
    expect(again.tabs.Customers.imported).toBe(2);
  });

  it('check writes each problem into its row and sends no write; estimate needs no API', () => {
    const r = rig(BOOK);
    const c = checkTabs(r.deps(), []);
    expect(c.ok).toBe(false);
    expect(c.tabs.Customers).toEqual({ rows: 4, errors: 1, unknownColumns: [], missingColumns: [] });
    expect(c.errors[0]).toEqual({ tab: 'Customers', row: 4, message: expect.stringMatching(/^country:/) });
    expect(r.workbook.receipt('Customers', 4).status).toBe('error');
    expect(r.workbook.receipt('Customers', 2).status).toBe('');
    expect(r.api.log.filter((e) => e.method !== 'GET')).toHaveLength(1); // the data source made by the rig
    const before = r.api.log.length;
    const e = estimateImport({ workbook: r.workbook, clock: r.clock, zoneOffset: () => 60 }, [], {});
    expect(r.api.log.length).toBe(before);
    // 3 customers + 1 plan + 3 invoice requests (one per customer) + 0 standalone transactions.
    expect(e).toEqual({ rows: 11, estimatedRequests: 7, dailyQuota: 20000, mode: 'rows' });
    expect(estimateImport({ workbook: r.workbook, clock: r.clock, zoneOffset: () => 60 }, [], { mode: 'bulk' }).mode).toBe('bulk');
  });

  it('progress and cancel read the run state only', () => {
    const r = rig(BOOK);
    expect(getImportProgress(r.store)).toBeNull();
    expect(() => cancelImport(r.deps(), true)).toThrow(/no import/);
    const s = importTabs(r.deps(), [], { timeBudgetMs: 0 });
    expect(getImportProgress(r.store)).toEqual(s);
    const c = cancelImport(r.deps(), true);
    expect(c).toMatchObject({ cancelled: true, done: true, runId: s.runId });
    expect(JSON.stringify(c)).not.toContain('secret-key-123');
  });

  it('splits a refused multi-invoice request per invoice', () => {
    const e = new ChartMogulError({
      status: 422,
      fields: [
        { field: 'invoices[1].external_id', message: 'The external ID for this invoice already exists in our system.' },
        { field: 'invoices[2].currency', message: 'Currency is invalid' },
      ],
    });
    expect(splitInvoiceError(e, 3)).toEqual(['retry', 'exists', { error: 'ChartMogul: currency: Currency is invalid' }]);
  });
});
