// References resolved against ChartMogul before anything is sent: customers, plans and invoices the rows point at
// that neither a tab nor a receipt provides. Few ids → one lookup each (batched); many → list the data source.

import { ChartMogulClient, customerRequests, invoiceRequests, planRequests, subscriptionRequests } from '../../chartmogul';
import type { BatchResult, SubscriptionEvent } from '../../chartmogul';
import type { Known, TabName } from '../types';
import { IdMaps, liveRows, Workbook } from './load';

/** Above this many ids a full listing of the data source (200 per page) is cheaper than lookups. */
export const LOOKUP_LIMIT = 60;

export interface Wanted {
  customers: string[];
  plans: string[];
  invoices: string[];
}

/** Ids referenced by the selected tabs that no tab row or receipt provides. */
export function wantedReferences(wb: Workbook, maps: IdMaps): Wanted {
  const onTab = (tab: TabName): Set<string> => {
    const t = wb.tabs[tab];
    const s = new Set<string>();
    if (t && t.selected) for (const r of liveRows(t.parsed.rows)) if (r.key) s.add(r.key);
    return s;
  };
  const customersOnTab = onTab('Customers');
  const plansOnTab = onTab('Plans');
  const invoicesOnTab = onTab('Invoices');
  const want: Record<'customers' | 'plans' | 'invoices', Set<string>> = { customers: new Set(), plans: new Set(), invoices: new Set() };
  for (const tab of wb.selected) {
    const t = wb.tabs[tab];
    if (!t) continue;
    for (const r of liveRows(t.parsed.rows)) {
      if (r.refs.customer && !customersOnTab.has(r.refs.customer) && !maps.customers.has(r.refs.customer)) want.customers.add(r.refs.customer);
      if (r.refs.plan && !plansOnTab.has(r.refs.plan) && !maps.plans.has(r.refs.plan)) want.plans.add(r.refs.plan);
      if (tab === 'Transactions' && r.refs.invoice && !invoicesOnTab.has(r.refs.invoice) && !maps.invoices.has(r.refs.invoice)) {
        want.invoices.add(r.refs.invoice);
      }
    }
  }
  return { customers: Array.from(want.customers), plans: Array.from(want.plans), invoices: Array.from(want.invoices) };
}

/** Looks the wanted ids up in ChartMogul and records what exists in `maps`. */
export function lookupReferences(client: ChartMogulClient, ds: string, wanted: Wanted, maps: IdMaps): void {
  if (wanted.customers.length > LOOKUP_LIMIT) {
    for (const c of client.customers.listAll({ data_source_uuid: ds })) maps.customers.set(c.external_id, c.uuid);
  } else if (wanted.customers.length) {
    const res = client.batch(wanted.customers.map((id) => customerRequests.list({ data_source_uuid: ds, external_id: id, per_page: 1 })));
    res.forEach((r, i) => {
      if (r.ok && r.value.entries.length) maps.customers.set(wanted.customers[i], r.value.entries[0].uuid);
      else if (!r.ok) throw r.error;
    });
  }
  if (wanted.plans.length > LOOKUP_LIMIT) {
    for (const p of client.plans.listAll({ data_source_uuid: ds })) maps.plans.set(p.external_id, p.uuid);
  } else if (wanted.plans.length) {
    const res = client.batch(wanted.plans.map((id) => planRequests.list({ data_source_uuid: ds, external_id: id, per_page: 1 })));
    res.forEach((r, i) => {
      if (r.ok && r.value.plans.length) maps.plans.set(wanted.plans[i], r.value.plans[0].uuid);
      else if (!r.ok) throw r.error;
    });
  }
  if (wanted.invoices.length) {
    const res = client.batch(wanted.invoices.map((id) => invoiceRequests.list({ data_source_uuid: ds, external_id: id, per_page: 1 })));
    res.forEach((r, i) => {
      if (r.ok && r.value.invoices.length) {
        const inv = r.value.invoices[0];
        maps.invoices.set(wanted.invoices[i], { uuid: inv.uuid, currency: inv.currency });
      } else if (!r.ok) throw r.error;
    });
  }
}

/** Known for validateWorkbook: every id a map holds exists in ChartMogul. Subscriptions are checked when sending. */
export function knownFromMaps(maps: IdMaps): Known {
  const currencies = new Map<string, string>();
  maps.invoices.forEach((v, k) => {
    if (v.currency) currencies.set(k, v.currency);
  });
  return {
    customers: new Set(maps.customers.keys()),
    plans: new Set(maps.plans.keys()),
    invoices: new Set(maps.invoices.keys()),
    subscriptions: new Set<string>(),
    invoiceCurrencies: currencies,
  };
}

/** A Known that resolves everything (estimates: no API calls). */
export function permissiveKnown(): Known {
  const all = { has: () => true } as unknown as ReadonlySet<string>;
  return { customers: all, plans: all, invoices: all, subscriptions: all };
}

export interface SubscriptionInfo {
  uuid: string;
  customerUuid: string;
  dates: string[];
}

/** Imported subscriptions of the given customers (one listing each, batched): key `customerUuid|subscription external id`. */
export function lookupSubscriptions(client: ChartMogulClient, customerUuids: string[]): Map<string, SubscriptionInfo> {
  const out = new Map<string, SubscriptionInfo>();
  const unique = Array.from(new Set(customerUuids));
  let pending = unique.map((uuid) => ({ uuid, cursor: undefined as string | undefined }));
  while (pending.length) {
    const res = client.batch(pending.map((p) => subscriptionRequests.listImported(p.uuid, { per_page: 200, cursor: p.cursor })));
    const next: typeof pending = [];
    res.forEach((r, i) => {
      if (!r.ok) {
        if (r.error.kind === 'not_found') return;
        throw r.error;
      }
      for (const s of r.value.subscriptions) {
        out.set(pending[i].uuid + '|' + s.external_id, { uuid: s.uuid, customerUuid: pending[i].uuid, dates: s.cancellation_dates || [] });
      }
      if (r.value.has_more && r.value.cursor) next.push({ uuid: pending[i].uuid, cursor: r.value.cursor });
    });
    pending = next;
  }
  return out;
}

/**
 * Subscription events of one subscription (one listing each, batched), for subscriptions that subscription events
 * drive: they are not among the customer's imported subscriptions and are cancelled with an event.
 */
export function lookupSubscriptionEvents(client: ChartMogulClient, ds: string, subs: { customer: string; sub: string }[]): BatchResult<SubscriptionEvent[]>[] {
  const res = client.batch(subs.map((x) => subscriptionRequests.listEvents({ data_source_uuid: ds, customer_external_id: x.customer, subscription_external_id: x.sub, per_page: 200 })));
  return res.map((r) => (r.ok ? { ok: true as const, value: r.value.subscription_events, attempts: r.attempts } : r));
}

/** Cancellation rows whose subscription no selected tab creates: their customers' subscriptions are looked up. */
export function subscriptionsToCheck(wb: Workbook, maps: IdMaps): { customerUuids: string[]; rows: { sub: string; customer: string; customerExternalId: string }[] } {
  const c = wb.tabs.Cancellations;
  if (!c || !c.selected) return { customerUuids: [], rows: [] };
  const created = new Set<string>();
  for (const tab of ['Invoices', 'Subscription events'] as TabName[]) {
    const t = wb.tabs[tab];
    if (t && t.selected) for (const r of liveRows(t.parsed.rows)) if (r.refs.subscription) created.add(r.refs.subscription);
  }
  const rows: { sub: string; customer: string; customerExternalId: string }[] = [];
  const uuids: string[] = [];
  for (const r of liveRows(c.parsed.rows)) {
    if (!r.refs.subscription || !r.refs.customer || created.has(r.refs.subscription)) continue;
    const uuid = maps.customers.get(r.refs.customer);
    if (!uuid) continue;
    rows.push({ sub: r.refs.subscription, customer: uuid, customerExternalId: r.refs.customer });
    uuids.push(uuid);
  }
  return { customerUuids: uuids, rows };
}
