// Serialises invoices, line items and transactions with the key sets of the recorded responses
// (empty-string defaults for discount_code/account_code, subscription_set_external_id only when set).

import type { Invoice, LineItem, Transaction } from '../state';

export function lineItemJson(li: LineItem): Record<string, unknown> {
  const common = {
    amount_in_cents: li.amount_in_cents,
    quantity: li.quantity,
    discount_code: li.discount_code ?? '',
    discount_amount_in_cents: li.discount_amount_in_cents,
    tax_amount_in_cents: li.tax_amount_in_cents,
    transaction_fees_in_cents: li.transaction_fees_in_cents,
    account_code: li.account_code ?? '',
    transaction_fees_currency: li.transaction_fees_currency,
    discount_description: li.discount_description,
    event_order: li.event_order,
  };
  if (li.type === 'one_time') {
    return {
      uuid: li.uuid,
      external_id: li.external_id,
      type: li.type,
      description: li.description ?? '',
      ...(li.plan_uuid !== null ? { plan_uuid: li.plan_uuid } : {}),
      ...common,
    };
  }
  return {
    uuid: li.uuid,
    external_id: li.external_id,
    type: li.type,
    subscription_uuid: li.subscription_uuid,
    subscription_external_id: li.subscription_external_id,
    ...(li.subscription_set_external_id !== null ? { subscription_set_external_id: li.subscription_set_external_id } : {}),
    prorated: li.prorated,
    proration_type: li.proration_type,
    service_period_start: li.service_period_start,
    service_period_end: li.service_period_end,
    plan_uuid: li.plan_uuid,
    ...common,
  };
}

export function transactionJson(t: Transaction): Record<string, unknown> {
  return {
    uuid: t.uuid,
    external_id: t.external_id,
    amount_in_cents: t.amount_in_cents,
    type: t.type,
    date: t.date,
    result: t.result,
    transaction_fees_in_cents: t.transaction_fees_in_cents,
    transaction_fees_currency: t.transaction_fees_currency,
  };
}

/** `withCustomer`: GET /v1/invoices[/{uuid}] include customer_uuid; the per-customer import lists do not. */
export function invoiceJson(inv: Invoice, withCustomer: boolean): Record<string, unknown> {
  return {
    uuid: inv.uuid,
    external_id: inv.external_id,
    date: inv.date,
    due_date: inv.due_date,
    currency: inv.currency,
    ...(withCustomer ? { customer_uuid: inv.customer_uuid } : {}),
    errors: {},
    line_items: inv.line_items.map(lineItemJson),
    transactions: inv.transactions.map(transactionJson),
  };
}
