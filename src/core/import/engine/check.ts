// "Check" and the pre-run estimate: the same preparation as an import (references resolved against ChartMogul for
// Check; none for the estimate), problems written into the rows' receipts, and the API calls an import would need.

import { headerMessages, rowMessage } from '../messages';
import type { TabName } from '../types';
import { BULK_CUSTOMERS, bulkItem } from './bulkSender';
import { embeddedTransactions } from './chunks';
import { liveRows, LoadedTab } from './load';
import { planRun, RunPlan } from './plan';
import { LOOKUP_LIMIT, wantedReferences } from './lookup';
import type { EngineDeps } from './ports';
import { prepare, PrepareDeps } from './prepare';
import { chooseMode, flushAll } from './run';
import { CheckResult, DAILY_URLFETCH_QUOTA, ImportEstimate, ImportOptions, RowProblem } from './types';

const MAX_CHECK_ERRORS = 50;

export function checkTabs(deps: EngineDeps, tabs?: string[]): CheckResult {
  const { wb } = prepare(deps, tabs, { writable: true, lookups: true });
  const result: CheckResult = { ok: true, tabs: {}, errors: [] };
  const push = (p: RowProblem): void => {
    if (result.errors.length < MAX_CHECK_ERRORS) result.errors.push(p);
  };
  for (const tab of wb.selected) {
    const t = wb.tabs[tab] as LoadedTab;
    const h = t.parsed.headers;
    let rows = 0;
    let errors = 0;
    for (const m of headerMessages(h)) if (h.missing.length || h.problems.length) push({ tab, row: 1, message: m });
    t.parsed.rows.forEach((row, i) => {
      if (row.blank) return;
      rows++;
      if (!row.errors.length) return;
      errors++;
      const message = rowMessage(row);
      push({ tab, row: row.rowNumber, message });
      const r = t.receipts.get(i);
      t.receipts.set(i, { status: 'error', message, note: r.note });
    });
    result.tabs[tab] = { rows, errors, unknownColumns: h.unknown.slice(), missingColumns: h.missing.slice() };
    if (errors || h.missing.length) result.ok = false;
  }
  flushAll(deps, wb);
  return result;
}

/** Requests an import of this plan would send (lookups excluded), per mode. */
export function estimateRequests(plan: RunPlan, mode: 'rows' | 'bulk'): number {
  let n = 0;
  const items = (tab: TabName) => plan[tab] || [];
  const embedded = new Set<unknown>();
  embeddedTransactions(plan).forEach((l) => l.forEach((t) => embedded.add(t)));
  const customerOf = (it: (typeof plan.Invoices & object)[number]) => (it.invoice ? it.invoice.customerExternalId : '');
  if (mode === 'rows') {
    for (const it of items('Customers')) n += 1 + (it.action === 'update' && (it.row.payload as { attributes?: { custom?: unknown[] } }).attributes?.custom ? 1 : 0);
    n += items('Plans').length + items('Subscription events').length;
    const inv = items('Invoices');
    n += new Set(inv.map(customerOf)).size + inv.filter((i) => i.action === 'replace').length;
  } else {
    const customers = new Set<string>();
    for (const it of items('Customers')) {
      if (!bulkItem(it)) n += 1;
      else customers.add(it.key);
    }
    n += items('Plans').filter((it) => !bulkItem(it)).length;
    for (const it of items('Invoices')) if (it.action === 'create') customers.add(customerOf(it));
    for (const it of items('Subscription events')) customers.add(it.row.refs.customer || '');
    const newPlans = items('Plans').filter(bulkItem).length;
    const batches = Math.ceil(customers.size / BULK_CUSTOMERS) || (newPlans ? 1 : 0);
    // POST + 2 polls per batch, then one listing per 200 objects to read the uuids back.
    n += batches * 3;
    n += Math.ceil(customers.size / 200) + Math.ceil(items('Invoices').length / 200) + Math.ceil(items('Subscription events').length / 200) + (newPlans ? 1 : 0);
    n += items('Invoices').filter((i) => i.action === 'replace').length * 2;
  }
  n += items('Transactions').filter((t) => !embedded.has(t)).length;
  const cancelCustomers = new Set(items('Cancellations').map((c) => c.row.refs.customer));
  n += items('Cancellations').length + cancelCustomers.size;
  for (const it of items('Attributes')) {
    const a = (it.row.payload as { attributes?: { tags?: unknown[]; custom?: unknown[] } }).attributes || {};
    n += (a.tags && a.tags.length ? 1 : 0) + (a.custom && a.custom.length ? 1 : 0);
  }
  return n;
}

/** Rows and API calls of an import of these tabs now, without sending anything. */
export function estimateImport(deps: PrepareDeps, tabs?: string[], options: ImportOptions = {}): ImportEstimate {
  const { wb, maps } = prepare(deps, tabs, { writable: false, lookups: false });
  const plan = planRun(wb, { runId: 'estimate', replaceChangedInvoices: !!options.replaceChangedInvoices, activePending: new Set() });
  const mode = chooseMode(options.mode, plan);
  let rows = 0;
  for (const tab of wb.selected) rows += liveRows((wb.tabs[tab] as LoadedTab).parsed.rows).length;
  // References outside the tabs are looked up once each (or listed, 200 per page, when there are many).
  const w = wantedReferences(wb, maps);
  const cost = (n: number) => (n > LOOKUP_LIMIT ? Math.max(LOOKUP_LIMIT, Math.ceil(n / 200)) : n);
  const lookups = cost(w.customers.length) + cost(w.plans.length) + w.invoices.length;
  return { rows, estimatedRequests: estimateRequests(plan, mode) + lookups, dailyQuota: DAILY_URLFETCH_QUOTA, mode };
}
