// After bulk imports: ChartMogul's status_details carry no ids, so the uuids of rows this run imported are read
// back — invoices (with their transactions and customers' uuids) listed 200 per page, then whatever is still missing.

import { customerRequests } from '../../chartmogul';
import type { TabName } from '../types';
import { LoadedTab } from './load';
import type { SendCtx } from './outcome';

const SENT = ['imported', 'updated', 'exists'];
/** Customers still without a uuid after the invoice listing: up to this many are looked up one by one. */
const LOOKUPS = 200;

function needing(ctx: SendCtx, tab: TabName): { t: LoadedTab; rows: number[] } | undefined {
  const t = ctx.wb.tabs[tab];
  if (!t || !t.selected) return undefined;
  const rows: number[] = [];
  t.parsed.rows.forEach((row, i) => {
    const r = t.receipts.get(i);
    if (!row.blank && r.note.run === ctx.runId && !r.uuid && SENT.indexOf(r.status) >= 0) rows.push(i);
  });
  return rows.length ? { t, rows } : undefined;
}

function fill(n: { t: LoadedTab; rows: number[] }, idOf: (i: number) => string | undefined): void {
  for (const i of n.rows) {
    const id = idOf(i);
    const r = n.t.receipts.get(i);
    if (id) n.t.receipts.set(i, { status: r.status as never, uuid: id, message: r.message });
  }
}

/**
 * A listing that fails (after the client's retries) is not fatal: those rows keep an empty uuid (a later import
 * finds them again through "already exists").
 */
export function reconcileUuids(ctx: SendCtx): void {
  for (const part of [reconcileInvoices, reconcileCustomers, reconcilePlans, reconcileEvents]) {
    try {
      part(ctx);
    } catch (e) {
      if (ctx.deps.logger) ctx.deps.logger.log('Reading uuids back failed: ' + (e instanceof Error ? e.message : String(e)));
    }
  }
}

/** Invoices, their transactions, and the uuid of each invoice's customer (known by external id from the sheet). */
function reconcileInvoices(ctx: SendCtx): void {
  const { client, dataSourceUuid: ds } = ctx.deps;
  const invoices = needing(ctx, 'Invoices');
  const txs = needing(ctx, 'Transactions');
  const customers = needing(ctx, 'Customers');
  if (!invoices && !txs && !customers) return;
  const customerOfInvoice = new Map<string, string>();
  for (const tab of ['Invoices'] as TabName[]) {
    const t = ctx.wb.tabs[tab];
    if (t) for (const inv of t.parsed.invoices || []) customerOfInvoice.set(inv.externalId, inv.customerExternalId);
  }
  if (!invoices && !txs && customerOfInvoice.size === 0) return;
  const txIds = new Map<string, string>();
  for (const inv of client.invoices.listAll({ data_source_uuid: ds })) {
    ctx.maps.invoices.set(inv.external_id, { uuid: inv.uuid, currency: inv.currency });
    const cus = customerOfInvoice.get(inv.external_id);
    if (cus && inv.customer_uuid && !ctx.maps.customers.has(cus)) ctx.maps.customers.set(cus, inv.customer_uuid);
    for (const t of inv.transactions || []) if (t.external_id) txIds.set(t.external_id, t.uuid);
  }
  if (invoices) fill(invoices, (i) => (ctx.maps.invoices.get(invoices.t.parsed.rows[i].key) || { uuid: '' }).uuid);
  if (txs) fill(txs, (i) => txIds.get((txs.t.parsed.rows[i].payload as { external_id?: string }).external_id || ''));
}

function reconcileCustomers(ctx: SendCtx): void {
  const { client, dataSourceUuid: ds } = ctx.deps;
  const customers = needing(ctx, 'Customers');
  if (!customers) return;
  const key = (i: number) => customers.t.parsed.rows[i].key;
  const missing = customers.rows.map(key).filter((k) => !ctx.maps.customers.has(k));
  if (missing.length > LOOKUPS) {
    for (const c of client.customers.listAll({ data_source_uuid: ds })) ctx.maps.customers.set(c.external_id, c.uuid);
  } else if (missing.length) {
    client.batch(missing.map((id) => customerRequests.list({ data_source_uuid: ds, external_id: id, per_page: 1 }))).forEach((r, k) => {
      if (r.ok && r.value.entries.length) ctx.maps.customers.set(missing[k], r.value.entries[0].uuid);
    });
  }
  fill(customers, (i) => ctx.maps.customers.get(key(i)));
}

function reconcilePlans(ctx: SendCtx): void {
  const plans = needing(ctx, 'Plans');
  if (!plans) return;
  for (const p of ctx.deps.client.plans.listAll({ data_source_uuid: ctx.deps.dataSourceUuid })) ctx.maps.plans.set(p.external_id, p.uuid);
  fill(plans, (i) => ctx.maps.plans.get(plans.t.parsed.rows[i].key));
}

function reconcileEvents(ctx: SendCtx): void {
  const events = needing(ctx, 'Subscription events');
  if (!events) return;
  const ids = new Map<string, string>();
  for (const e of ctx.deps.client.subscriptions.listAllEvents({ data_source_uuid: ctx.deps.dataSourceUuid })) if (e.external_id) ids.set(e.external_id, String(e.id));
  fill(events, (i) => ids.get((events.t.parsed.rows[i].payload as { external_id?: string }).external_id || ''));
}
