// Row mode for every tab but Invoices: one request per row, sent in parallel waves by client.batch (≤ 20 in flight,
// ≤ 40/s). "Already exists" answers are looked up and become `exists` with the uuid.

import {
  ApiRequest, BatchResult, customerRequests, CustomerUpdate, invoiceRequests, planRequests, subscriptionRequests,
} from '../../chartmogul';
import type { NewCustomer, NewPlan, NewSubscriptionEvent, SubscriptionEvent } from '../../chartmogul';
import type {
  AttributesPayload, CancellationPayload, CustomerPayload, PlanPayload, SubscriptionEventPayload, TransactionPayload,
} from '../types';
import { lookupSubscriptionEvents, lookupSubscriptions } from './lookup';
import { apiMessage, customFingerprint, fail, isTaken, notSent, SendCtx, succeed, tabOf } from './outcome';
import type { Item } from './plan';

const CUSTOMER_FIELDS = ['name', 'email', 'company', 'country', 'state', 'city', 'zip', 'website_url', 'owner', 'lead_created_at', 'free_trial_started_at'];

function batch<T>(ctx: SendCtx, reqs: ApiRequest<T>[]): BatchResult<T>[] {
  return reqs.length ? ctx.deps.client.batch(reqs) : [];
}

/** PATCH body: the row's fields, `null` for template columns present but left empty (the sheet is the source). */
function customerUpdate(ctx: SendCtx, item: Item): CustomerUpdate {
  const p = item.row.payload as CustomerPayload;
  const cols = tabOf(ctx, item).parsed.headers.columns;
  const body: Record<string, unknown> = {};
  for (const f of CUSTOMER_FIELDS) {
    const v = (p as unknown as Record<string, unknown>)[f];
    if (v !== undefined) body[f] = v;
    else if (cols[f] !== undefined && f !== 'name') body[f] = null;
  }
  if (cols.tags !== undefined) body.attributes = { tags: (p.attributes && p.attributes.tags) || [] };
  return body as CustomerUpdate;
}

/** Customers and Plans: create (exists on a duplicate) or update in place. */
export function sendCustomersOrPlans(ctx: SendCtx, items: Item[]): void {
  const ds = ctx.deps.dataSourceUuid;
  const isCustomer = items.length > 0 && items[0].tab === 'Customers';
  const map = isCustomer ? ctx.maps.customers : ctx.maps.plans;
  const reqs = items.map((it): ApiRequest<{ uuid: string }> => {
    if (isCustomer) {
      const p = it.row.payload as CustomerPayload;
      return it.action === 'update' ? customerRequests.update(it.uuid, customerUpdate(ctx, it)) : customerRequests.create({ ...(p as NewCustomer), data_source_uuid: ds });
    }
    const p = it.row.payload as PlanPayload;
    return it.action === 'update'
      ? planRequests.update(it.uuid, { name: p.name, interval_count: p.interval_count, interval_unit: p.interval_unit })
      : planRequests.create({ ...(p as NewPlan), data_source_uuid: ds });
  });
  const res = batch(ctx, reqs);
  const exists: Item[] = [];
  const customAfterUpdate: Item[] = [];
  res.forEach((r, i) => {
    const it = items[i];
    if (notSent(r)) return;
    if (r.ok) {
      map.set(it.key, r.value.uuid);
      // Custom attributes cannot go in the PATCH (it only sets keys defined before): POSTed when they changed.
      const afp = isCustomer ? customFingerprint(it) : '';
      if (it.action === 'update' && afp && afp !== tabOf(ctx, it).receipts.get(it.indices[0]).note.afp) customAfterUpdate.push(it);
      else succeed(ctx, it, it.action === 'update' ? 'updated' : 'imported', r.value.uuid);
    } else if (r.error.alreadyExists) exists.push(it);
    else fail(ctx, it, apiMessage(r.error));
  });
  // Custom attributes of updated customers: POST defines or overwrites each key.
  batch(ctx, customAfterUpdate.map((it) => customerRequests.addCustomAttributes(it.uuid, (it.row.payload as CustomerPayload).attributes?.custom || []))).forEach((r, i) => {
    const it = customAfterUpdate[i];
    if (notSent(r)) return;
    if (r.ok) succeed(ctx, it, 'updated', it.uuid);
    else fail(ctx, it, apiMessage(r.error));
  });
  const lookups = exists.map((it): ApiRequest<{ uuid: string }[]> => {
    const req = isCustomer ? customerRequests.list({ data_source_uuid: ds, external_id: it.key, per_page: 1 }) : planRequests.list({ data_source_uuid: ds, external_id: it.key, per_page: 1 });
    return req as unknown as ApiRequest<{ uuid: string }[]>;
  });
  batch(ctx, lookups).forEach((r, i) => {
    const it = exists[i];
    if (notSent(r)) return;
    const list = r.ok ? ((r.value as unknown as { entries?: { uuid: string }[]; plans?: { uuid: string }[] }).entries || (r.value as unknown as { plans: { uuid: string }[] }).plans) : [];
    if (r.ok && list.length) {
      map.set(it.key, list[0].uuid);
      succeed(ctx, it, 'exists', list[0].uuid, 'already in ChartMogul');
    } else fail(ctx, it, r.ok ? 'ChartMogul says it already exists but it could not be found' : apiMessage(r.error));
  });
}

/** Payments and refunds of invoices already in ChartMogul. */
export function sendTransactions(ctx: SendCtx, items: Item[]): void {
  const ready: Item[] = [];
  for (const it of items) {
    const inv = it.row.refs.invoice ? ctx.maps.invoices.get(it.row.refs.invoice) : undefined;
    if (inv) ready.push(it);
    else fail(ctx, it, `invoice_external_id: invoice ${JSON.stringify(it.row.refs.invoice)} is not in ChartMogul (it was not imported)`);
  }
  const invoiceUuid = (it: Item): string => (ctx.maps.invoices.get(it.row.refs.invoice as string) as { uuid: string }).uuid;
  const taken: Item[] = [];
  batch(ctx, ready.map((it) => invoiceRequests.createTransaction(invoiceUuid(it), it.row.payload as TransactionPayload))).forEach((r, i) => {
    const it = ready[i];
    if (notSent(r)) return;
    if (r.ok) succeed(ctx, it, 'imported', r.value.uuid);
    else if (isTaken(r.error)) taken.push(it);
    else fail(ctx, it, apiMessage(r.error));
  });
  batch(ctx, taken.map((it) => invoiceRequests.retrieve(invoiceUuid(it)))).forEach((r, i) => {
    const it = taken[i];
    if (notSent(r)) return;
    const ext = (it.row.payload as TransactionPayload).external_id;
    const tx = r.ok ? (r.value.transactions || []).find((t) => t.external_id === ext) : undefined;
    if (tx) succeed(ctx, it, 'exists', tx.uuid, 'already in ChartMogul');
    else fail(ctx, it, r.ok ? 'external_id: already used by another transaction in ChartMogul' : apiMessage(r.error));
  });
}

export function sendEvents(ctx: SendCtx, items: Item[]): void {
  const ds = ctx.deps.dataSourceUuid;
  const taken: Item[] = [];
  const body = (it: Item): NewSubscriptionEvent => ({ ...(it.row.payload as SubscriptionEventPayload), data_source_uuid: ds } as NewSubscriptionEvent);
  batch(ctx, items.map((it) => subscriptionRequests.createEvent(body(it)))).forEach((r, i) => {
    const it = items[i];
    if (notSent(r)) return;
    if (r.ok) succeed(ctx, it, 'imported', String(r.value.id));
    else if (isTaken(r.error)) taken.push(it);
    else fail(ctx, it, apiMessage(r.error));
  });
  const ext = (it: Item): string => (it.row.payload as SubscriptionEventPayload).external_id as string;
  batch(ctx, taken.map((it) => subscriptionRequests.listEvents({ data_source_uuid: ds, external_id: ext(it), per_page: 1 }))).forEach((r, i) => {
    const it = taken[i];
    if (notSent(r)) return;
    const ev = r.ok ? r.value.subscription_events[0] : undefined;
    if (ev) succeed(ctx, it, 'exists', String(ev.id), 'already in ChartMogul');
    else fail(ctx, it, r.ok ? 'external_id: already used in ChartMogul' : apiMessage(r.error));
  });
}

function sameInstant(a: string, b: string): boolean {
  const x = Date.parse(a);
  return isFinite(x) && x === Date.parse(b);
}

/** Cancellations: the subscription is found among its customer's imported subscriptions; a date already there is `exists`. */
export function sendCancellations(ctx: SendCtx, items: Item[]): void {
  const ready = items.filter((it) => {
    if (it.row.refs.customer && ctx.maps.customers.has(it.row.refs.customer)) return true;
    fail(ctx, it, `customer_external_id: customer ${JSON.stringify(it.row.refs.customer)} is not in ChartMogul`);
    return false;
  });
  const cus = (it: Item): string => ctx.maps.customers.get(it.row.refs.customer as string) as string;
  let subs;
  try {
    subs = lookupSubscriptions(ctx.deps.client, ready.map(cus));
  } catch (e) {
    for (const it of ready) fail(ctx, it, e instanceof Error ? 'ChartMogul: ' + e.message : String(e));
    return;
  }
  const send: { it: Item; sub: string }[] = [];
  const viaEvents: Item[] = [];
  for (const it of ready) {
    const info = subs.get(cus(it) + '|' + it.row.refs.subscription);
    const at = (it.row.payload as CancellationPayload).cancelled_at;
    if (!info) viaEvents.push(it);
    else if (info.dates.some((d) => sameInstant(d, at))) succeed(ctx, it, 'exists', info.uuid, 'already cancelled at this date');
    else send.push({ it, sub: info.uuid });
  }
  batch(ctx, send.map((s) => subscriptionRequests.cancel(s.sub, { cancelled_at: (s.it.row.payload as CancellationPayload).cancelled_at }))).forEach((r, i) => {
    const { it, sub } = send[i];
    if (notSent(r)) return;
    if (r.ok) succeed(ctx, it, 'imported', sub);
    else fail(ctx, it, apiMessage(r.error));
  });
  cancelByEvents(ctx, viaEvents);
}

/** Subscriptions driven by subscription events are cancelled with a `subscription_cancelled` event (uuid: its id). */
function cancelByEvents(ctx: SendCtx, items: Item[]): void {
  const ds = ctx.deps.dataSourceUuid;
  const at = (it: Item): string => (it.row.payload as CancellationPayload).cancelled_at;
  const send: Item[] = [];
  let found: BatchResult<SubscriptionEvent[]>[] = [];
  if (items.length) found = lookupSubscriptionEvents(ctx.deps.client, ds, items.map((it) => ({ customer: it.row.refs.customer as string, sub: it.row.refs.subscription as string })));
  found.forEach((r, i) => {
    const it = items[i];
    if (notSent(r)) return;
    if (!r.ok) return fail(ctx, it, apiMessage(r.error));
    if (!r.value.length) return fail(ctx, it, `subscription_external_id: customer ${JSON.stringify(it.row.refs.customer)} has no subscription ${JSON.stringify(it.row.refs.subscription)} in ChartMogul`);
    const same = r.value.find((e) => e.event_type === 'subscription_cancelled' && sameInstant(e.effective_date, at(it)));
    if (same) succeed(ctx, it, 'exists', String(same.id), 'already cancelled at this date');
    else send.push(it);
  });
  const body = (it: Item): NewSubscriptionEvent => ({
    data_source_uuid: ds, customer_external_id: it.row.refs.customer as string, subscription_external_id: it.row.refs.subscription,
    event_type: 'subscription_cancelled', event_date: at(it), effective_date: at(it), external_id: 'sheets-' + it.fp,
  });
  batch(ctx, send.map((it) => subscriptionRequests.createEvent(body(it)))).forEach((r, i) => {
    const it = send[i];
    if (notSent(r)) return;
    if (r.ok) succeed(ctx, it, 'imported', String(r.value.id));
    else fail(ctx, it, apiMessage(r.error));
  });
}

/** Attributes: tags and custom attributes added to a customer found by external id or by e-mail. */
export function sendAttributes(ctx: SendCtx, items: Item[]): void {
  const reqs: ApiRequest<unknown>[] = [];
  const owner: number[] = [];
  const target: string[] = [];
  items.forEach((it, n) => {
    const a = (it.row.payload as AttributesPayload).attributes || {};
    const ref = it.row.refs;
    const uuid = ref.customer ? ctx.maps.customers.get(ref.customer) : undefined;
    target[n] = uuid || '';
    if (ref.customer && !uuid) return fail(ctx, it, `customer_external_id: customer ${JSON.stringify(ref.customer)} is not in ChartMogul`);
    if (!(a.tags && a.tags.length) && !(a.custom && a.custom.length)) return succeed(ctx, it, 'skipped', uuid || '', 'no tags or custom attributes to add');
    if (a.tags && a.tags.length) {
      reqs.push(uuid ? customerRequests.addTags(uuid, a.tags) : customerRequests.addTagsByEmail(ref.email as string, a.tags));
      owner.push(n);
    }
    if (a.custom && a.custom.length) {
      reqs.push(uuid ? customerRequests.addCustomAttributes(uuid, a.custom) : customerRequests.addCustomAttributesByEmail(ref.email as string, a.custom));
      owner.push(n);
    }
  });
  const errors: Record<number, string> = {};
  const skipped: Record<number, boolean> = {};
  batch(ctx, reqs).forEach((r, k) => {
    const n = owner[k];
    if (notSent(r)) skipped[n] = true;
    else if (!r.ok) errors[n] = errors[n] || apiMessage(r.error);
    else {
      const entries = (r.value as { entries?: { uuid: string }[] }).entries;
      if (entries && entries.length && !target[n]) target[n] = entries[0].uuid;
      if (entries && !entries.length) errors[n] = `email: no customer with this e-mail in ChartMogul`;
    }
  });
  for (const n of Array.from(new Set(owner))) {
    const it = items[n];
    if (skipped[n] && !errors[n]) continue;
    if (errors[n]) fail(ctx, it, errors[n]);
    else succeed(ctx, it, it.action === 'update' ? 'updated' : 'imported', target[n]);
  }
}
