// After bulk imports: ChartMogul's status_details carry no ids, so the uuids of rows this run imported are read
// back with one listing per object type (200 per page) and written into the receipts.

import type { TabName } from '../types';
import { LoadedTab } from './load';
import type { SendCtx } from './outcome';

const SENT = ['imported', 'updated', 'exists'];

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

export function reconcileUuids(ctx: SendCtx): void {
  const { client, dataSourceUuid: ds } = ctx.deps;
  const customers = needing(ctx, 'Customers');
  if (customers) {
    for (const c of client.customers.listAll({ data_source_uuid: ds })) ctx.maps.customers.set(c.external_id, c.uuid);
    fill(customers, (i) => ctx.maps.customers.get(customers.t.parsed.rows[i].key));
  }
  const plans = needing(ctx, 'Plans');
  if (plans) {
    for (const p of client.plans.listAll({ data_source_uuid: ds })) ctx.maps.plans.set(p.external_id, p.uuid);
    fill(plans, (i) => ctx.maps.plans.get(plans.t.parsed.rows[i].key));
  }
  const invoices = needing(ctx, 'Invoices');
  const txs = needing(ctx, 'Transactions');
  if (invoices || txs) {
    const txIds = new Map<string, string>();
    for (const inv of client.invoices.listAll({ data_source_uuid: ds })) {
      ctx.maps.invoices.set(inv.external_id, { uuid: inv.uuid, currency: inv.currency });
      for (const t of inv.transactions || []) if (t.external_id) txIds.set(t.external_id, t.uuid);
    }
    if (invoices) fill(invoices, (i) => (ctx.maps.invoices.get(invoices.t.parsed.rows[i].key) || { uuid: '' }).uuid);
    if (txs) fill(txs, (i) => txIds.get((txs.t.parsed.rows[i].payload as { external_id?: string }).external_id || ''));
  }
  const events = needing(ctx, 'Subscription events');
  if (events) {
    const ids = new Map<string, string>();
    for (const e of client.subscriptions.listAllEvents({ data_source_uuid: ds })) if (e.external_id) ids.set(e.external_id, String(e.id));
    fill(events, (i) => ids.get((events.t.parsed.rows[i].payload as { external_id?: string }).external_id || ''));
  }
}
