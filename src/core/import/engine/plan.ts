// Planning: decides for every row (invoices: every group of rows) what this run does — nothing (done / pending),
// unchanged, error, skipped (changed invoice, transaction or event), or a request to send (create, update, replace).

import { rowMessage } from '../messages';
import type { ParsedInvoice, ParsedRow, ReceiptStatus, SubscriptionEventPayload, TabName, TransactionPayload } from '../types';
import { liveRows, LoadedTab, rowIndex, Workbook } from './load';
import type { NoteData, Receipt } from './receipts';
import { FINAL_STATUSES } from './types';

export type Action = 'create' | 'update' | 'replace';

export interface Item {
  tab: TabName;
  /** 0-based indices of the rows (invoices: all its line rows). */
  indices: number[];
  key: string;
  action: Action;
  /** Fingerprint written into the note once sent. */
  fp: string;
  /** ChartMogul id of what the rows sent before (update / replace). */
  uuid: string;
  row: ParsedRow;
  invoice?: ParsedInvoice;
}

export type RunPlan = Partial<Record<TabName, Item[]>>;

export interface PlanOptions {
  runId: string;
  replaceChangedInvoices: boolean;
  /** Bulk batches of this run still awaiting their answer: rows marked with them are left alone. */
  activePending: Set<string>;
}

type Decision = 'done' | 'pending' | 'error' | 'unchanged' | 'changed' | 'new';

export function isDone(r: Receipt, runId: string): boolean {
  return r.note.run === runId && !r.note.pending && (FINAL_STATUSES as readonly string[]).indexOf(r.status) >= 0;
}

function decide(r: Receipt, fp: string, hasErrors: boolean, o: PlanOptions): Decision {
  if (r.note.pending && o.activePending.has(r.note.pending)) return 'pending';
  if (isDone(r, o.runId)) return 'done';
  if (hasErrors) return 'error';
  const sent = r.uuid !== '' && !!r.note.fp;
  if (sent && r.note.fp === fp) return 'unchanged';
  return sent ? 'changed' : 'new';
}

/** The note a row keeps when this run touches it without sending: old fingerprint and creator, this run. */
export function keptNote(r: Receipt, runId: string): NoteData {
  const n: NoteData = { run: runId };
  if (r.note.fp) n.fp = r.note.fp;
  if (r.note.created) n.created = r.note.created;
  if (r.note.afp) n.afp = r.note.afp;
  return n;
}

function mark(t: LoadedTab, indices: number[], status: ReceiptStatus, message: (i: number) => string, runId: string): void {
  for (const i of indices) {
    const r = t.receipts.get(i);
    t.receipts.set(i, { status, message: message(i), note: keptNote(r, runId) });
  }
}

const CHANGED_NOTE: Partial<Record<TabName, string>> = {
  Invoices: 'this invoice changed since it was imported; ChartMogul keeps the imported version. Import with "Replace changed invoices" to delete and re-import it',
  Transactions: 'this transaction changed since it was imported; ChartMogul keeps the imported version (delete it there and clear this row\'s receipt to send it again)',
  'Subscription events': 'this event changed since it was imported; ChartMogul keeps the imported version (delete it there and clear this row\'s receipt to send it again)',
};

/** Transactions and subscription events without an external_id get one derived from their content, so a re-send is recognised. */
function deriveExternalIds(t: LoadedTab): void {
  const seen: Record<string, number> = {};
  for (const row of liveRows(t.parsed.rows)) {
    const p = row.payload as TransactionPayload | SubscriptionEventPayload;
    if (p.external_id || row.errors.length) continue;
    const n = (seen[row.fingerprint] = (seen[row.fingerprint] || 0) + 1);
    p.external_id = 'sheets-' + row.fingerprint + (n > 1 ? '-' + n : '');
  }
}

function planRows(t: LoadedTab, o: PlanOptions, items: Item[]): void {
  if (t.tab === 'Transactions' || t.tab === 'Subscription events') deriveExternalIds(t);
  t.parsed.rows.forEach((row, i) => {
    if (row.blank) return;
    const r = t.receipts.get(i);
    const d = decide(r, row.fingerprint, row.errors.length > 0, o);
    if (d === 'done' || d === 'pending') return;
    if (d === 'error') return mark(t, [i], 'error', () => rowMessage(row), o.runId);
    if (d === 'unchanged') return mark(t, [i], 'unchanged', () => '', o.runId);
    if (d === 'changed' && CHANGED_NOTE[t.tab]) return mark(t, [i], 'skipped', () => CHANGED_NOTE[t.tab] as string, o.runId);
    const action: Action = d === 'changed' && t.tab !== 'Cancellations' ? 'update' : 'create';
    items.push({ tab: t.tab, indices: [i], key: row.key, action, fp: row.fingerprint, uuid: d === 'changed' ? r.uuid : '', row });
  });
}

function planInvoices(t: LoadedTab, o: PlanOptions, items: Item[]): void {
  for (const inv of t.parsed.invoices || []) {
    const indices = inv.rowNumbers.map(rowIndex);
    const first = indices.map((i) => t.receipts.get(i)).find((r) => r.uuid) || t.receipts.get(indices[0]);
    // All rows of an invoice share one receipt state; a row added to an imported invoice changes its fingerprint.
    const pending = indices.some((i) => {
      const p = t.receipts.get(i).note.pending;
      return !!p && o.activePending.has(p);
    });
    if (pending) continue;
    if (indices.every((i) => isDone(t.receipts.get(i), o.runId))) continue;
    const d = decide({ ...first, note: { ...first.note, pending: undefined, run: undefined } }, inv.fingerprint, inv.errors.length > 0, o);
    if (d === 'error') {
      mark(t, indices, 'error', (i) => rowMessage(t.parsed.rows[i]), o.runId);
      continue;
    }
    if (d === 'unchanged') {
      for (const i of indices) t.receipts.set(i, { status: 'unchanged', uuid: first.uuid, message: '', note: keptNote(first, o.runId) });
      continue;
    }
    if (d === 'changed' && !o.replaceChangedInvoices) {
      for (const i of indices) t.receipts.set(i, { status: 'skipped', uuid: first.uuid, message: CHANGED_NOTE.Invoices as string, note: keptNote(first, o.runId) });
      continue;
    }
    const action: Action = d === 'changed' ? 'replace' : 'create';
    items.push({ tab: 'Invoices', indices, key: inv.externalId, action, fp: inv.fingerprint, uuid: d === 'changed' ? first.uuid : '', row: t.parsed.rows[indices[0]], invoice: inv });
  }
  // Blank rows inside the tab are ignored; rows with errors outside any invoice (no invoice_external_id) are marked.
  const grouped = new Set<number>();
  for (const inv of t.parsed.invoices || []) for (const n of inv.rowNumbers) grouped.add(rowIndex(n));
  t.parsed.rows.forEach((row, i) => {
    if (row.blank || grouped.has(i) || isDone(t.receipts.get(i), o.runId)) return;
    mark(t, [i], 'error', () => rowMessage(row) || 'invoice_external_id: is required', o.runId);
  });
}

/** Plans every selected tab; receipts that need no request (errors, unchanged, skipped) are set right away. */
export function planRun(wb: Workbook, o: PlanOptions): RunPlan {
  const plan: RunPlan = {};
  for (const tab of wb.selected) {
    const t = wb.tabs[tab] as LoadedTab;
    const items: Item[] = [];
    if (tab === 'Invoices') planInvoices(t, o, items);
    else planRows(t, o, items);
    plan[tab] = items;
  }
  return plan;
}
