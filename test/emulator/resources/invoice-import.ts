// Validation and storage of imported invoices (POST /v1/import/customers/{uuid}/invoices and the bulk JSON import).
// A batch is all-or-nothing: any invalid invoice → nothing is stored and every invoice reports its own `errors`.

import { isoOrNull, parseApiDate } from '../dates';
import type { Ctx } from '../http-types';
import { bareUuid, newId } from '../ids';
import type { Customer, Invoice, LineItem, LineItemType, Subscription, Transaction } from '../state';
import { isBlank, isCurrency, isInt, str } from '../validate';
import { findPlan } from './lookup';

export const INVOICE_EXISTS = 'The external ID for this invoice already exists in our system.';
export const LINE_ITEM_EXISTS = 'The external ID for this line item already exists in our system.';
export const TRANSACTION_EXISTS = 'has already been taken';

type Obj = Record<string, unknown>;
const LINE_TYPES: LineItemType[] = ['subscription', 'one_time', 'trial'];

function asObj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function existingIds(ctx: Ctx, dsUuid: string) {
  const invoices = new Set<string>();
  const lines = new Set<string>();
  const txs = new Set<string>();
  for (const inv of ctx.state.invoices) {
    if (inv.data_source_uuid !== dsUuid) continue;
    invoices.add(inv.external_id);
    for (const li of inv.line_items) if (li.external_id) lines.add(li.external_id);
    for (const t of inv.transactions) if (t.external_id) txs.add(t.external_id);
  }
  return { invoices, lines, txs };
}

/** Validates one transaction; `seen` holds the transaction external ids already used in the source. */
export function transactionErrors(raw: unknown, ctx: Ctx, seen: Set<string>, prefix: string): Record<string, string> {
  const t = asObj(raw);
  const e: Record<string, string> = {};
  if (!['payment', 'refund'].includes(t.type as string)) e[`${prefix}type`] = 'must be payment or refund';
  if (!['successful', 'failed'].includes(t.result as string)) e[`${prefix}result`] = 'must be successful or failed';
  const d = parseApiDate(t.date);
  if (!d) e[`${prefix}date`] = isBlank(t.date) ? "can't be blank" : 'is invalid';
  else if (d.getTime() > ctx.now.getTime()) e[`${prefix}date`] = 'Date is in the future';
  if (t.amount_in_cents !== undefined && t.amount_in_cents !== null && !(isInt(t.amount_in_cents) && t.amount_in_cents >= 0)) {
    e[`${prefix}amount_in_cents`] = 'must be a non-negative integer';
  }
  if (!isBlank(t.external_id)) {
    const id = String(t.external_id);
    if (seen.has(id)) e[`${prefix}external_id`] = TRANSACTION_EXISTS;
    seen.add(id);
  }
  return e;
}

function lineItemErrors(raw: unknown, dsUuid: string, ctx: Ctx, seen: Set<string>): Record<string, string> {
  const li = asObj(raw);
  const e: Record<string, string> = {};
  const type = li.type as LineItemType;
  if (!LINE_TYPES.includes(type)) e['line_items.type'] = 'must be subscription, one_time or trial';
  if (!isInt(li.amount_in_cents)) e['line_items.amount_in_cents'] = 'must be an integer';
  if (li.quantity !== undefined && li.quantity !== null && !(isInt(li.quantity) && li.quantity !== 0)) {
    e['line_items.quantity'] = 'must be a non-zero integer';
  }
  const plan = isBlank(li.plan_uuid) ? undefined : findPlan(ctx.state, li.plan_uuid);
  if (!isBlank(li.plan_uuid) && (!plan || plan.data_source_uuid !== dsUuid)) e['line_items.plan_uuid'] = "doesn't exist";
  if (type === 'subscription' || type === 'trial') {
    if (isBlank(li.plan_uuid)) e['line_items.plan_uuid'] = "can't be blank";
    if (isBlank(li.subscription_external_id)) e['line_items.subscription_external_id'] = "can't be blank";
    const start = parseApiDate(li.service_period_start);
    const end = parseApiDate(li.service_period_end);
    if (!start) e['line_items.service_period_start'] = isBlank(li.service_period_start) ? "can't be blank" : 'is invalid';
    if (!end) e['line_items.service_period_end'] = isBlank(li.service_period_end) ? "can't be blank" : 'is invalid';
    if (start && end && end.getTime() <= start.getTime()) {
      e['line_items.service_period_end'] = 'must be after service_period_start';
    }
    if (!isBlank(li.cancelled_at)) {
      const c = parseApiDate(li.cancelled_at);
      if (!c) e['line_items.cancelled_at'] = 'is invalid';
      else if (c.getTime() > ctx.now.getTime()) e['line_items.cancelled_at'] = 'Date is in the future';
    }
  }
  if (!isBlank(li.external_id)) {
    const id = String(li.external_id);
    if (seen.has(id)) e['line_items.external_id'] = LINE_ITEM_EXISTS;
    seen.add(id);
  }
  return e;
}

/** Per-invoice error maps (empty map = valid), checking uniqueness against the source and the batch itself. */
export function validateInvoices(inputs: unknown[], customer: Customer, ctx: Ctx): Record<string, string>[] {
  const known = existingIds(ctx, customer.data_source_uuid);
  return inputs.map((raw) => {
    const inv = asObj(raw);
    const e: Record<string, string> = {};
    if (isBlank(inv.external_id)) e.external_id = "can't be blank";
    else {
      const id = String(inv.external_id);
      if (known.invoices.has(id)) e.external_id = INVOICE_EXISTS;
      known.invoices.add(id);
    }
    if (!parseApiDate(inv.date)) e.date = isBlank(inv.date) ? "can't be blank" : 'is invalid';
    if (!isBlank(inv.due_date) && !parseApiDate(inv.due_date)) e.due_date = 'is invalid';
    if (isBlank(inv.currency)) e.currency = "can't be blank";
    else if (!isCurrency(inv.currency)) e.currency = 'Currency is invalid';
    if (!Array.isArray(inv.line_items) || inv.line_items.length === 0) e.line_items = "can't be blank";
    else for (const li of inv.line_items) Object.assign(e, lineItemErrors(li, customer.data_source_uuid, ctx, known.lines));
    if (inv.transactions !== undefined && !Array.isArray(inv.transactions)) e.transactions = 'must be an array';
    else for (const t of (inv.transactions as unknown[]) ?? []) Object.assign(e, transactionErrors(t, ctx, known.txs, 'transactions.'));
    return e;
  });
}

function subscriptionFor(ctx: Ctx, customer: Customer, li: Obj, planUuid: string | null): Subscription {
  const ext = String(li.subscription_external_id);
  let sub = ctx.state.subscriptions.find(
    (s) => s.data_source_uuid === customer.data_source_uuid && s.external_id === ext && s.customer_uuid === customer.uuid,
  );
  if (!sub) {
    sub = {
      uuid: newId('sub'),
      external_id: ext,
      subscription_set_external_id: str(li.subscription_set_external_id),
      data_source_uuid: customer.data_source_uuid,
      customer_uuid: customer.uuid,
      plan_uuid: planUuid,
      cancellation_dates: [],
    };
    ctx.state.subscriptions.push(sub);
  }
  if (planUuid) sub.plan_uuid = planUuid;
  if (!isBlank(li.subscription_set_external_id)) sub.subscription_set_external_id = String(li.subscription_set_external_id);
  return sub;
}

export function buildTransaction(raw: unknown): Transaction {
  const t = asObj(raw);
  return {
    uuid: newId('tr'),
    external_id: str(t.external_id),
    type: t.type as Transaction['type'],
    date: isoOrNull(t.date) as string,
    result: t.result as Transaction['result'],
    amount_in_cents: isInt(t.amount_in_cents) ? t.amount_in_cents : null,
    transaction_fees_in_cents: isInt(t.transaction_fees_in_cents) ? t.transaction_fees_in_cents : null,
    transaction_fees_currency: str(t.transaction_fees_currency),
  };
}

function buildLineItem(ctx: Ctx, customer: Customer, raw: unknown): LineItem {
  const li = asObj(raw);
  const type = li.type as LineItemType;
  const planUuid = isBlank(li.plan_uuid) ? null : String(li.plan_uuid);
  const recurring = type !== 'one_time';
  const sub = recurring ? subscriptionFor(ctx, customer, li, planUuid) : null;
  const cancelledAt = recurring ? isoOrNull(li.cancelled_at) : null;
  if (sub && cancelledAt && !sub.cancellation_dates.includes(cancelledAt)) {
    sub.cancellation_dates = [...sub.cancellation_dates, cancelledAt].sort();
  }
  const int = (v: unknown, d: number) => (isInt(v) ? v : d);
  return {
    uuid: newId('li'),
    external_id: str(li.external_id),
    type,
    subscription_uuid: sub ? sub.uuid : null,
    subscription_external_id: recurring ? str(li.subscription_external_id) : null,
    subscription_set_external_id: recurring ? str(li.subscription_set_external_id) : null,
    plan_uuid: planUuid,
    service_period_start: recurring ? isoOrNull(li.service_period_start) : null,
    service_period_end: recurring ? isoOrNull(li.service_period_end) : null,
    amount_in_cents: li.amount_in_cents as number,
    quantity: int(li.quantity, 1),
    prorated: li.prorated === true,
    proration_type: str(li.proration_type),
    cancelled_at: cancelledAt,
    discount_amount_in_cents: int(li.discount_amount_in_cents, 0),
    discount_code: str(li.discount_code),
    discount_description: str(li.discount_description),
    tax_amount_in_cents: int(li.tax_amount_in_cents, 0),
    transaction_fees_in_cents: int(li.transaction_fees_in_cents, 0),
    transaction_fees_currency: str(li.transaction_fees_currency),
    description: str(li.description),
    event_order: isInt(li.event_order) ? li.event_order : null,
    account_code: str(li.account_code),
  };
}

/** Stores already-validated invoices; line items keep the request order (as recorded since 2023). */
export function storeInvoices(inputs: unknown[], customer: Customer, ctx: Ctx): Invoice[] {
  return inputs.map((raw) => {
    const inv = asObj(raw);
    const lines = (inv.line_items as unknown[]).map((li) => buildLineItem(ctx, customer, li));
    const invoice: Invoice = {
      uuid: `inv_${bareUuid()}`,
      external_id: String(inv.external_id),
      data_source_uuid: customer.data_source_uuid,
      customer_uuid: customer.uuid,
      date: isoOrNull(inv.date) as string,
      due_date: isoOrNull(inv.due_date),
      currency: String(inv.currency),
      collection_method: inv.collection_method === 'automatic' || inv.collection_method === 'manual' ? inv.collection_method : null,
      line_items: lines,
      transactions: ((inv.transactions as unknown[]) ?? []).map(buildTransaction),
      disabled: false,
    };
    ctx.state.invoices.push(invoice);
    return invoice;
  });
}

/** Drops subscriptions no remaining line item points to (after invoice deletes). */
export function pruneSubscriptions(ctx: Ctx): void {
  const used = new Set<string>();
  for (const inv of ctx.state.invoices) for (const li of inv.line_items) if (li.subscription_uuid) used.add(li.subscription_uuid);
  ctx.state.subscriptions = ctx.state.subscriptions.filter((s) => used.has(s.uuid));
}
