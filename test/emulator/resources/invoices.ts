// Invoice routes: import many invoices per request (all-or-nothing 422), list per customer and account-wide,
// retrieve/delete by uuid, delete by data_source_uuid+external_id, delete all of a customer, add a transaction.

import { missingParam, notFound } from '../errors';
import { bodyObject, q, type Answer, type Ctx } from '../http-types';
import { isAnswer, paginate, rejectPageParam } from '../pagination';
import type { Router } from '../router';
import type { Invoice } from '../state';
import { unprocessable } from '../errors';
import { invoiceJson } from './invoice-json';
import { buildTransaction, pruneSubscriptions, storeInvoices, transactionErrors, validateInvoices } from './invoice-import';
import { findCustomer, findDataSource, findInvoice } from './lookup';

/** Reference §4: importing to an unknown customer uuid answers 404 "Invoice not found" with error_details. */
const CUSTOMER_PATH_NOT_FOUND: Answer = {
  status: 404,
  body: {
    error: 'Invoice not found',
    error_details: [{ param: 'invoice', code: 'invalid', message: 'Invoice not found' }],
  },
};

function removeInvoices(ctx: Ctx, keep: (i: Invoice) => boolean): void {
  ctx.state.invoices = ctx.state.invoices.filter(keep);
  pruneSubscriptions(ctx);
}

export function registerInvoices(r: Router): void {
  r.add('POST', '/v1/import/customers/:uuid/invoices', (req, ctx) => {
    const customer = findCustomer(ctx.state, req.params.uuid);
    if (!customer) return CUSTOMER_PATH_NOT_FOUND;
    const inputs = bodyObject(req).invoices;
    if (!Array.isArray(inputs)) return missingParam('invoices');
    const errors = validateInvoices(inputs, customer, ctx);
    if (errors.some((e) => Object.keys(e).length > 0)) {
      const invoices = inputs.map((raw, i) => ({
        external_id: (raw as Record<string, unknown> | null)?.external_id ?? null,
        errors: errors[i],
      }));
      return { status: 422, body: { invoices } };
    }
    const stored = storeInvoices(inputs, customer, ctx);
    return { status: 201, body: { invoices: stored.map((i) => invoiceJson(i, false)) } };
  });

  r.add('GET', '/v1/import/customers/:uuid/invoices', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const customer = findCustomer(ctx.state, req.params.uuid);
    if (!customer) return notFound('Customer not found');
    const list = ctx.state.invoices.filter((i) => i.customer_uuid === customer.uuid);
    const page = paginate(list, req.query, (i) => i.uuid);
    if (isAnswer(page)) return page;
    return {
      status: 200,
      body: {
        customer_uuid: customer.uuid,
        invoices: page.items.map((i) => invoiceJson(i, false)),
        has_more: page.has_more,
        cursor: page.cursor,
      },
    };
  });

  r.add('GET', '/v1/invoices', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const cus = q(req.query, 'customer_uuid');
    const ds = q(req.query, 'data_source_uuid');
    const ext = q(req.query, 'external_id');
    const validation = q(req.query, 'validation_type') ?? 'valid';
    const withDisabled = q(req.query, 'with_disabled') === 'true';
    const list = ctx.state.invoices.filter(
      (i) =>
        (!cus || i.customer_uuid === cus) &&
        (!ds || i.data_source_uuid === ds) &&
        (!ext || i.external_id === ext) &&
        validation !== 'invalid' &&
        (withDisabled || !i.disabled),
    );
    const page = paginate(list, req.query, (i) => i.uuid);
    if (isAnswer(page)) return page;
    return {
      status: 200,
      body: { invoices: page.items.map((i) => invoiceJson(i, true)), has_more: page.has_more, cursor: page.cursor },
    };
  });

  r.add('GET', '/v1/invoices/:uuid', (req, ctx) => {
    const inv = findInvoice(ctx.state, req.params.uuid);
    return inv ? { status: 200, body: invoiceJson(inv, true) } : notFound('Invoice not found');
  });

  r.add('DELETE', '/v1/invoices/:uuid', (req, ctx) => {
    if (!findInvoice(ctx.state, req.params.uuid)) return notFound('Invoice not found');
    removeInvoices(ctx, (i) => i.uuid !== req.params.uuid);
    return { status: 204 };
  });

  r.add('DELETE', '/v1/invoices', (req, ctx) => {
    const ds = q(req.query, 'data_source_uuid');
    const ext = q(req.query, 'external_id');
    if (!ds) return missingParam('data_source_uuid');
    if (!ext) return missingParam('external_id');
    const inv = ctx.state.invoices.find((i) => i.data_source_uuid === ds && i.external_id === ext);
    if (!inv) return notFound('Invoice not found');
    removeInvoices(ctx, (i) => i !== inv);
    return { status: 204 };
  });

  r.add('DELETE', '/v1/data_sources/:ds/customers/:uuid/invoices', (req, ctx) => {
    if (!findDataSource(ctx.state, req.params.ds)) return notFound('Data source not found');
    if (!findCustomer(ctx.state, req.params.uuid)) return notFound('Customer not found');
    removeInvoices(ctx, (i) => !(i.customer_uuid === req.params.uuid && i.data_source_uuid === req.params.ds));
    return { status: 204 };
  });

  r.add('POST', '/v1/import/invoices/:uuid/transactions', (req, ctx) => {
    const inv = findInvoice(ctx.state, req.params.uuid);
    if (!inv) return notFound('Invoice not found');
    const b = bodyObject(req);
    const seen = new Set<string>();
    for (const i of ctx.state.invoices) {
      if (i.data_source_uuid !== inv.data_source_uuid) continue;
      for (const t of i.transactions) if (t.external_id) seen.add(t.external_id);
    }
    const errors = transactionErrors(b, ctx, seen, '');
    if (Object.keys(errors).length) return unprocessable(errors);
    const t = buildTransaction(b);
    inv.transactions.push(t);
    return {
      status: 201,
      body: {
        external_id: t.external_id,
        result: t.result,
        amount_in_cents: t.amount_in_cents,
        transaction_fees_in_cents: t.transaction_fees_in_cents,
        uuid: t.uuid,
        type: t.type,
        date: t.date,
      },
    };
  });
}
