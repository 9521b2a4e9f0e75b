// "Undo last import": deletes what one run created (receipt notes say `created=<run>`) — subscription events,
// invoices, customers, plans, in that order — and marks those rows `skipped` so a later import sends them again.

import { ApiRequest, customerRequests, invoiceRequests, planRequests, subscriptionRequests } from '../../chartmogul';
import { TAB_NAMES } from '../templates';
import type { TabName } from '../types';
import { LoadedTab, loadWorkbook } from './load';
import type { EngineDeps } from './ports';
import { loadRun } from './runState';
import { flushAll } from './run';
import type { UndoResult } from './types';

const ORDER: { tab: TabName; kind: keyof UndoResult['deleted'] }[] = [
  { tab: 'Subscription events', kind: 'subscriptionEvents' },
  { tab: 'Invoices', kind: 'invoices' },
  { tab: 'Customers', kind: 'customers' },
  { tab: 'Plans', kind: 'plans' },
];

function deleteRequest(tab: TabName, uuid: string): ApiRequest<void> {
  switch (tab) {
    case 'Subscription events':
      return subscriptionRequests.deleteEvent({ id: Number(uuid) });
    case 'Invoices':
      return invoiceRequests.delete(uuid);
    case 'Customers':
      return customerRequests.delete(uuid);
    default:
      return planRequests.delete(uuid);
  }
}

export function undoImport(deps: EngineDeps, runId: string): UndoResult {
  const state = loadRun(deps.store);
  if (state && state.runId === runId && !state.done) throw new Error('That import is still running: cancel it (or let it finish) before undoing it.');
  const wb = loadWorkbook(deps, TAB_NAMES.filter((t) => deps.workbook.tabs().indexOf(t) >= 0), false);
  const result: UndoResult = { runId, deleted: { customers: 0, plans: 0, invoices: 0, subscriptionEvents: 0 }, errors: [] };
  const message = `deleted from ChartMogul by Undo of import ${runId}`;
  const synced = new Date(deps.clock.now()).toISOString();
  const gone = (t: LoadedTab, i: number) => t.receipts.set(i, { status: 'skipped', uuid: '', message, syncedAt: synced, note: {} });
  for (const { tab, kind } of ORDER) {
    const t = wb.tabs[tab];
    if (!t) continue;
    const byUuid = new Map<string, number[]>();
    t.parsed.rows.forEach((row, i) => {
      const r = t.receipts.get(i);
      if (row.blank || r.note.created !== runId || !r.uuid) return;
      byUuid.set(r.uuid, (byUuid.get(r.uuid) || []).concat(i));
    });
    const uuids = Array.from(byUuid.keys());
    deps.client.batch(uuids.map((u) => deleteRequest(tab, u))).forEach((r, k) => {
      const rows = byUuid.get(uuids[k]) as number[];
      if (r.ok || r.error.kind === 'not_found') {
        result.deleted[kind]++;
        rows.forEach((i) => gone(t, i));
      } else {
        for (const i of rows) if (result.errors.length < 50) result.errors.push({ tab, row: i + 2, message: 'ChartMogul: ' + r.error.message });
      }
    });
    // Transactions of deleted invoices went with them.
    if (tab === 'Invoices' && wb.tabs.Transactions) {
      const tx = wb.tabs.Transactions;
      const deleted = new Set<string>();
      t.parsed.rows.forEach((row, i) => {
        if (!row.blank && t.receipts.get(i).status === 'skipped' && t.receipts.get(i).message === message) deleted.add(row.key);
      });
      tx.parsed.rows.forEach((row, i) => {
        if (!row.blank && row.refs.invoice && deleted.has(row.refs.invoice) && tx.receipts.get(i).note.created === runId) gone(tx, i);
      });
    }
  }
  flushAll(deps, wb);
  return result;
}
