// Bulk mode: plans, customers, invoices (+ line items, transactions) and subscription events go to ChartMogul in
// json_imports of ≤ 500 customers / ~4 MB, polled until completed; receipts come from `status_details`.

import { BatchResult, isAlreadyExistsError, JsonImport, jsonImportRequests, NewJsonImport } from '../../chartmogul';
import type { CustomerPayload, TabName } from '../types';
import { embeddedTransactions } from './chunks';
import type { LoadedTab } from './load';
import { keptNote } from './plan';
import type { Item, RunPlan } from './plan';
import { apiMessage, SendCtx } from './outcome';
import { reconcileUuids } from './reconcile';
import type { RunState } from './runState';
import { saveRun } from './runState';

export const BULK_CUSTOMERS = 500;
export const BULK_MAX_CHARS = 4000000;
const MAX_OUTSTANDING = 3;

/**
 * Items bulk mode sends in json_imports (the others go row by row). Updates of customers and plans are PATCHed like
 * in row mode: an upsert would not clear emptied columns, and a changed row must cost one request, not a batch.
 */
export function bulkItem(it: Item): boolean {
  switch (it.tab) {
    case 'Plans':
      return it.action === 'create';
    case 'Subscription events':
      return true;
    case 'Customers':
      return it.action === 'create' && !(it.row.payload as CustomerPayload).attributes;
    case 'Invoices':
      return it.action === 'create';
    default:
      return false;
  }
}

interface Group {
  customers: Item[];
  invoices: Item[];
  events: Item[];
}

function customerKey(it: Item): string {
  if (it.tab === 'Customers') return it.key;
  if (it.invoice) return it.invoice.customerExternalId;
  return it.row.refs.customer || '';
}

function groupsOf(plan: RunPlan): Map<string, Group> {
  const groups = new Map<string, Group>();
  const add = (it: Item, k: keyof Group) => {
    const key = customerKey(it);
    const g = groups.get(key) || { customers: [], invoices: [], events: [] };
    g[k].push(it);
    groups.set(key, g);
  };
  for (const it of (plan.Customers || []).filter(bulkItem)) add(it, 'customers');
  for (const it of (plan.Invoices || []).filter(bulkItem)) add(it, 'invoices');
  for (const it of (plan['Subscription events'] || []).filter(bulkItem)) add(it, 'events');
  return groups;
}

function strip<T extends object>(obj: T, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (keys.indexOf(k) < 0) out[k] = (obj as Record<string, unknown>)[k];
  return out;
}

function groupPayload(g: Group, txs: Map<string, Item[]>): Required<Omit<NewJsonImport, 'external_id' | 'plans'>> {
  const out = { customers: [], invoices: [], line_items: [], transactions: [], subscription_events: [] } as unknown as Required<Omit<NewJsonImport, 'external_id' | 'plans'>>;
  for (const c of g.customers) out.customers.push(strip(c.row.payload as object, ['attributes']) as never);
  for (const it of g.invoices) {
    const inv = it.invoice as NonNullable<Item['invoice']>;
    const { line_items, ...head } = inv.payload;
    out.invoices.push({ ...head, customer_external_id: inv.customerExternalId } as never);
    for (const li of line_items) out.line_items.push({ ...li, invoice_external_id: inv.externalId } as never);
    for (const t of txs.get(it.key) || []) out.transactions.push({ ...(t.row.payload as object), invoice_external_id: inv.externalId } as never);
  }
  for (const e of g.events) out.subscription_events.push(e.row.payload as never);
  return out;
}

function markPending(ctx: SendCtx, items: Item[], ext: string): void {
  for (const it of items) {
    const t = ctx.wb.tabs[it.tab] as LoadedTab;
    for (const i of it.indices) {
      const old = t.receipts.get(i);
      t.receipts.set(i, { status: '', message: `sent to ChartMogul in bulk import ${ext}; waiting for its result`, note: { ...keptNote(old, ctx.runId), pending: ext } });
    }
  }
}

/** Rows marked with a batch go back to "not sent" (the batch never reached ChartMogul). */
function resetPending(ctx: SendCtx, ext: string): number {
  let n = 0;
  eachPendingRow(ctx, ext, (t, i) => {
    const old = t.receipts.get(i);
    t.receipts.set(i, { status: '', message: '', note: keptNote(old, ctx.runId) });
    n++;
  });
  return n;
}

function eachPendingRow(ctx: SendCtx, ext: string, fn: (t: LoadedTab, i: number) => void): void {
  for (const tab of ctx.wb.selected) {
    const t = ctx.wb.tabs[tab] as LoadedTab;
    t.parsed.rows.forEach((row, i) => {
      if (!row.blank && t.receipts.get(i).note.pending === ext) fn(t, i);
    });
  }
}

type Errors = Record<string, unknown>;

function errorsOf(detail: unknown): Errors {
  const d = detail as { errors?: Errors } | undefined;
  return (d && d.errors) || {};
}

function withPrefix(errors: Errors, prefix: string): { field: string; message: string }[] {
  return Object.keys(errors).filter((k) => k.indexOf(prefix) === 0).map((k) => ({ field: k.slice(prefix.length), message: String(errors[k]) }));
}

function text(list: { field: string; message: string }[]): string {
  return 'ChartMogul: ' + list.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}

function existsOnly(list: { field: string; message: string }[]): boolean {
  return list.length > 0 && list.every((e) => isAlreadyExistsError(e) || (/external_id$/.test(e.field) && /already/i.test(e.message)));
}

/** Applies a completed import's status_details to the rows sent in it. Returns the number of rows to send again. */
export function resolveBulk(ctx: SendCtx, ext: string, details: Record<string, unknown>): number {
  const synced = new Date(ctx.deps.clock.now()).toISOString();
  let again = 0;
  const set = (t: LoadedTab, i: number, verdict: 'ok' | 'exists' | 'again' | string, fp: string): void => {
    const old = t.receipts.get(i);
    if (verdict === 'again') {
      again++;
      t.receipts.set(i, { status: '', message: '', note: keptNote(old, ctx.runId) });
    } else if (verdict === 'ok' || verdict === 'exists') {
      const status = verdict === 'exists' ? 'exists' : old.uuid ? 'updated' : 'imported';
      const created = status === 'imported' ? ctx.runId : old.note.created;
      t.receipts.set(i, { status, message: verdict === 'exists' ? 'already in ChartMogul' : '', syncedAt: synced, note: { fp, run: ctx.runId, ...(created ? { created } : {}) } });
    } else t.receipts.set(i, { status: 'error', message: verdict, note: keptNote(old, ctx.runId) });
  };
  const customerProblem = (cus: string): string | undefined => {
    const d = details[cus];
    if (!d) return `ChartMogul: no result for customer ${JSON.stringify(cus)} in bulk import ${ext}`;
    const errs = errorsOf(d);
    const own = withPrefix(errs, 'customer.').concat(withPrefix(errs, 'customer_external_id').map((e) => ({ field: 'customer_external_id', message: e.message })));
    return own.length ? `customer_external_id: customer ${JSON.stringify(cus)} was not imported (${text(own)})` : undefined;
  };
  const invoiceVerdict = (inv: string, cus: string): string => {
    const errs = errorsOf(details[cus]);
    const own = withPrefix(errs, `invoices.${inv}.`);
    if (own.length) return existsOnly(own) ? 'exists' : text(own.filter((e) => !isAlreadyExistsError(e)));
    const cp = customerProblem(cus);
    if (cp) return cp;
    return withPrefix(errs, 'invoices.').length ? 'again' : 'ok';
  };
  const invTab = ctx.wb.tabs.Invoices;
  const invoiceById = new Map((invTab && invTab.parsed.invoices ? invTab.parsed.invoices : []).map((x) => [x.externalId, x] as const));
  eachPendingRow(ctx, ext, (t, i) => {
    const row = t.parsed.rows[i];
    switch (t.tab as TabName) {
      case 'Plans': {
        const own = withPrefix(errorsOf(details.plans), `plans.${row.key}.`);
        return set(t, i, !details.plans ? `ChartMogul: no result for plans in bulk import ${ext}` : own.length ? text(own) : 'ok', row.fingerprint);
      }
      case 'Customers': {
        const own = withPrefix(errorsOf(details[row.key]), 'customer.');
        return set(t, i, !details[row.key] ? `ChartMogul: no result for this customer in bulk import ${ext}` : own.length ? text(own) : 'ok', row.fingerprint);
      }
      case 'Invoices': {
        const inv = invoiceById.get(row.key);
        const cus = inv ? inv.customerExternalId : row.refs.customer || '';
        return set(t, i, invoiceVerdict(row.key, cus), inv ? inv.fingerprint : row.fingerprint);
      }
      case 'Transactions': {
        const inv = row.refs.invoice ? invoiceById.get(row.refs.invoice) : undefined;
        const v = inv ? invoiceVerdict(inv.externalId, inv.customerExternalId) : 'again';
        return set(t, i, v === 'ok' || v === 'exists' || v === 'again' ? v : `invoice_external_id: the invoice was not imported (${v})`, row.fingerprint);
      }
      case 'Subscription events': {
        const cus = row.refs.customer || '';
        const ev = (row.payload as { external_id?: string }).external_id || '';
        const own = withPrefix(errorsOf(details[cus]), `subscription_events.${ev}.`);
        const cp = customerProblem(cus);
        return set(t, i, own.length ? (existsOnly(own) ? 'exists' : text(own)) : cp || 'ok', row.fingerprint);
      }
      default:
        return set(t, i, 'again', row.fingerprint);
    }
  });
  return again;
}

/**
 * Sends the plan's bulk items and polls until every batch is answered (then fills uuids), or until the deadline.
 * Returns true when bulk work is finished for this run.
 */
export function runBulk(ctx: SendCtx, state: RunState, plan: RunPlan, deadline: number, checkpoint: () => void): boolean {
  const { deps } = ctx;
  const ds = deps.dataSourceUuid;
  const bulk = (state.bulk = state.bulk || { seq: 0, pending: [] });
  const txs = embeddedTransactions(plan);
  const groups = Array.from(groupsOf(plan).values());
  let plans = (plan.Plans || []).filter(bulkItem);
  let plansBatch: string | undefined;
  let again = 0;
  let delay = 500;

  while (true) {
    if (bulk.pending.length) {
      const res: BatchResult<JsonImport>[] = deps.client.batch(bulk.pending.map((p) => jsonImportRequests.retrieve(ds, p.id || p.ext)));
      const still = bulk.pending.filter((p, i) => {
        const r = res[i];
        if (r.ok && r.value.status === 'completed') {
          again += resolveBulk(ctx, p.ext, r.value.status_details || {});
          if (p.ext === plansBatch) plansBatch = undefined;
          return false;
        }
        if (!r.ok && r.error.kind === 'not_found') {
          again += resetPending(ctx, p.ext);
          return false;
        }
        if (!r.ok && !r.error.retryable) throw r.error;
        return true;
      });
      const changed = still.length !== bulk.pending.length;
      bulk.pending = still;
      if (changed) {
        delay = 500;
        checkpoint();
      }
    }
    if (!bulk.pending.length && !groups.length && !plans.length) break;
    if (deps.clock.now() >= deadline) return false;
    const canSend = (groups.length || plans.length) && bulk.pending.length < MAX_OUTSTANDING && !plansBatch;
    if (!canSend) {
      deps.clock.sleep(delay);
      delay = Math.min(delay * 2, 10000);
      continue;
    }
    // Next batch: plans first (alone with the first customers), then customers with all their records.
    const ext = `${state.runId}-${++bulk.seq}`;
    const body: NewJsonImport = { external_id: ext };
    const items: Item[] = [];
    if (plans.length) {
      body.plans = plans.map((p) => p.row.payload as never);
      items.push(...plans);
      plansBatch = ext;
      plans = [];
    }
    let size = JSON.stringify(body).length;
    let customers = 0;
    const parts = { customers: [], invoices: [], line_items: [], transactions: [], subscription_events: [] } as Record<string, unknown[]>;
    while (groups.length && customers < BULK_CUSTOMERS) {
      const g = groups[0];
      const p = groupPayload(g, txs) as unknown as Record<string, unknown[]>;
      const s = JSON.stringify(p).length;
      if (customers > 0 && size + s > BULK_MAX_CHARS) break;
      groups.shift();
      for (const k of Object.keys(parts)) parts[k].push(...p[k]);
      items.push(...g.customers, ...g.invoices, ...g.events);
      for (const inv of g.invoices) items.push(...(txs.get(inv.key) || []));
      size += s;
      customers++;
    }
    for (const k of Object.keys(parts)) if (parts[k].length) (body as unknown as Record<string, unknown[]>)[k] = parts[k];
    markPending(ctx, items, ext);
    bulk.pending.push({ ext });
    checkpoint();
    const r = deps.client.batch([jsonImportRequests.create(ds, body)])[0];
    const entry = bulk.pending[bulk.pending.length - 1];
    if (r.ok) entry.id = r.value.id;
    else if (r.error.status === 422 && r.error.fields.some((f) => f.field === 'external_id')) {
      // Sent before (the answer was lost): poll it by its external id.
    } else {
      bulk.pending.pop();
      if (r.error.kind === 'deadline_exceeded') resetPending(ctx, ext);
      else {
        const msg = apiMessage(r.error);
        eachPendingRow(ctx, ext, (t, i) => t.receipts.set(i, { status: 'error', message: msg, note: keptNote(t.receipts.get(i), ctx.runId) }));
      }
      if (plansBatch === ext) plansBatch = undefined;
    }
    saveRun(deps.store, state);
    checkpoint();
  }
  reconcileUuids(ctx);
  checkpoint();
  return again === 0;
}

