// A scripted stand-in for the import engine's server functions (checkTabs, estimateImport, importTabs, …), defined
// on the bundle's vm context so the Import panel can be driven in Chromium before/independently of the real engine.

import type { CheckResult, ImportOptions, ImportSummary, TabCounts, UndoResult } from '../../src/core/import/engine/types';
import type { BundleContext } from '../support/load-bundle';

export interface StubImport {
  calls: { name: string; args: unknown[] }[];
  run: ImportSummary | null;
}

const counts = (total: number, imported: number, error: number): TabCounts =>
  ({ total, imported, updated: 0, unchanged: 0, exists: 0, error, skipped: 0, pending: total - imported - error });

export function connectedSettings() {
  return {
    connected: true,
    account: { name: 'Acme Analytics', currency: 'USD', timeZone: 'Europe/Berlin' },
    apiKeyHint: '••••abcd',
    dataSource: { uuid: 'ds_1', name: 'Google Sheets' },
    formulaApiKeyHint: null,
    spreadsheetTimeZone: 'Europe/Berlin',
    timeZoneMismatch: false,
  };
}

/**
 * Installs the stubs. Each importTabs call does `perChunk` rows of `rowsTotal` (the last row of Customers fails);
 * `unfinished` starts with a half-done run, as if the sidebar had been closed mid-import.
 */
export function installImportStubs(ctx: BundleContext, opts: { rowsTotal: number; perChunk: number; unfinished?: boolean }): StubImport {
  const stub: StubImport = { calls: [], run: null };
  const rec = (name: string, args: unknown[]) => stub.calls.push({ name, args: JSON.parse(JSON.stringify(args)) });
  const summary = (done: number): ImportSummary => {
    const finished = done >= opts.rowsTotal;
    const cust = Math.min(done, opts.rowsTotal - 10);
    const plans = Math.max(0, done - cust);
    const err = finished ? 1 : 0;
    return {
      runId: 'run_1', done: finished, cancelled: false, mode: 'rows',
      tabs: { Customers: counts(opts.rowsTotal - 10, cust - err, err), Plans: counts(10, plans, 0) },
      errors: finished ? [{ tab: 'Customers', row: opts.rowsTotal - 9, message: 'email: "bob@" is not an email address' }] : [],
      rowsDone: done, rowsTotal: opts.rowsTotal, requests: done, ratePerMinute: 120,
      etaSeconds: ((opts.rowsTotal - done) / 120) * 60, startedAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:01:00.000Z',
      finishedAt: finished ? '2026-01-05T09:02:00.000Z' : null, message: finished ? 'Done.' : 'Importing Customers…',
    };
  };
  if (opts.unfinished) stub.run = summary(Math.floor(opts.rowsTotal / 2));
  const fns: Record<string, (...a: never[]) => unknown> = {
    getSettings: () => connectedSettings(),
    listDataSources: () => [],
    checkTabs: (tabs: string[]): CheckResult => {
      rec('checkTabs', [tabs]);
      return {
        ok: false,
        tabs: Object.fromEntries(tabs.map((t) => [t, { rows: 3, errors: t === 'Customers' ? 2 : 0, unknownColumns: t === 'Customers' ? ['notes'] : [], missingColumns: [] }])),
        errors: [
          { tab: 'Customers', row: 3, message: 'name: required, the cell is empty' },
          { tab: 'Customers', row: 4, message: '<b>country</b>: "UK" is not a country code (use GB)' },
        ],
      };
    },
    estimateImport: (tabs: string[], options: ImportOptions) => {
      rec('estimateImport', [tabs, options]);
      return { rows: opts.rowsTotal, estimatedRequests: 1240, dailyQuota: 20000, mode: 'rows' };
    },
    importTabs: (tabs: string[], options: ImportOptions) => {
      rec('importTabs', [tabs, options]);
      const from = options.restart || !stub.run || stub.run.done ? 0 : stub.run.rowsDone;
      stub.run = summary(Math.min(opts.rowsTotal, from + opts.perChunk));
      return stub.run;
    },
    getImportProgress: () => stub.run,
    cancelImport: () => {
      rec('cancelImport', []);
      stub.run = { ...(stub.run as ImportSummary), cancelled: true, message: 'Cancelled.' };
      return stub.run;
    },
    undoImport: (runId: string): UndoResult => {
      rec('undoImport', [runId]);
      return { runId, deleted: { customers: 29, plans: 10, invoices: 0, subscriptionEvents: 0 }, errors: [] };
    },
  };
  for (const [name, fn] of Object.entries(fns)) ctx[name] = fn;
  return stub;
}
