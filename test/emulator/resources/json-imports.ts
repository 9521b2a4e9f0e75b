// Bulk JSON import: POST /v1/data_sources/{ds}/json_imports queues a payload; each status poll
// (GET …/json_imports/{id or external_id}) advances it one step queued → processing → completed, applying it at completion.

import { codeError, notFound, unprocessable } from '../errors';
import { bodyObject, type Ctx } from '../http-types';
import { bareUuid } from '../ids';
import type { Router } from '../router';
import type { Customer, JsonImport } from '../state';
import { isBlank } from '../validate';
import { applyCustomerFields, createCustomer } from './customers';
import { storeInvoices, validateInvoices } from './invoice-import';
import { findDataSource } from './lookup';
import { createPlan } from './plans';
import { createEvent } from './subscription-events';

type Obj = Record<string, unknown>;
const ARRAYS = ['customers', 'plans', 'invoices', 'line_items', 'transactions', 'subscription_events'] as const;
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

function stamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function importJson(j: JsonImport): Obj {
  return {
    id: j.id,
    data_source_uuid: j.data_source_uuid,
    status: j.status,
    external_id: j.external_id,
    status_details: j.status_details,
    created_at: j.created_at,
    updated_at: j.updated_at,
  };
}

function list(payload: Obj, key: (typeof ARRAYS)[number]): Obj[] {
  const v = payload[key];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : [];
}

function messages(body: unknown): Record<string, string> {
  const b = (body ?? {}) as Obj;
  if (b.errors && typeof b.errors === 'object') return b.errors as Record<string, string>;
  if (typeof b.message === 'string') return { [String(b.param ?? 'request')]: b.message };
  if (typeof b.error === 'string') return { request: b.error };
  return { request: 'invalid' };
}

function put(target: Record<string, string>, prefix: string, errors: Record<string, string>): void {
  for (const [k, v] of Object.entries(errors)) target[`${prefix}${k}`] = v;
}

/** Applies a payload; status_details = {plans: …, <customer external id>: {status: imported|failed, errors?}}. */
export function applyImport(j: JsonImport, ctx: Ctx): Record<string, unknown> {
  const p = j.payload;
  const ds = j.data_source_uuid;
  const details: Record<string, unknown> = {};
  const planErrors: Record<string, string> = {};
  for (const plan of list(p, 'plans')) {
    const existing = ctx.state.plans.find((x) => x.data_source_uuid === ds && x.external_id === plan.external_id);
    if (existing) {
      if (typeof plan.name === 'string') existing.name = plan.name;
      continue;
    }
    const made = createPlan({ ...plan, data_source_uuid: ds }, ctx);
    if ('answer' in made) put(planErrors, `plans.${String(plan.external_id ?? '?')}.`, messages(made.answer.body));
  }
  if (list(p, 'plans').length) {
    details.plans = Object.keys(planErrors).length ? { status: 'failed', errors: planErrors } : { status: 'imported' };
  }

  const ids: string[] = [];
  const see = (v: unknown) => !isBlank(v) && !ids.includes(String(v)) && ids.push(String(v));
  list(p, 'customers').forEach((c) => see(c.external_id));
  list(p, 'invoices').forEach((i) => see(i.customer_external_id));
  list(p, 'subscription_events').forEach((e) => see(e.customer_external_id));

  const usedInvoices = new Set<string>();
  for (const cid of ids) {
    const errors: Record<string, string> = {};
    let customer: Customer | undefined = ctx.state.customers.find((c) => c.data_source_uuid === ds && c.external_id === cid);
    const record = list(p, 'customers').find((c) => String(c.external_id) === cid);
    if (record && customer) {
      const draft: Customer = { ...customer, tags: [...customer.tags], custom: { ...customer.custom } };
      const e = applyCustomerFields(draft, record, ctx.now);
      if (Object.keys(e).length) put(errors, 'customer.', e);
      else Object.assign(customer, draft);
    } else if (record) {
      const made = createCustomer({ ...record, data_source_uuid: ds }, ctx);
      if ('answer' in made) put(errors, 'customer.', messages(made.answer.body));
      else customer = made.customer;
    }
    if (!customer) {
      if (!record) errors.customer_external_id = 'Customer not found';
      details[cid] = { status: 'failed', errors };
      continue;
    }
    const invoices = list(p, 'invoices')
      .filter((i) => String(i.customer_external_id) === cid)
      .map((inv) => {
        usedInvoices.add(String(inv.external_id));
        const byInvoice = (x: Obj) => String(x.invoice_external_id) === String(inv.external_id);
        const lineItems = list(p, 'line_items').filter(byInvoice).map((li) => {
          if (isBlank(li.plan_external_id)) return li;
          const plan = ctx.state.plans.find((x) => x.data_source_uuid === ds && x.external_id === li.plan_external_id);
          return { ...li, plan_uuid: plan ? plan.uuid : `unknown:${String(li.plan_external_id)}` };
        });
        return { ...inv, line_items: lineItems, transactions: list(p, 'transactions').filter(byInvoice) } as Obj;
      });
    if (invoices.length) {
      const perInvoice = validateInvoices(invoices, customer, ctx);
      perInvoice.forEach((e, i) => put(errors, `invoices.${String(invoices[i].external_id)}.`, e));
      if (perInvoice.every((e) => Object.keys(e).length === 0)) storeInvoices(invoices, customer, ctx);
    }
    list(p, 'subscription_events')
      .filter((e) => String(e.customer_external_id) === cid)
      .forEach((ev, i) => {
        const made = createEvent({ ...ev, data_source_uuid: ds }, ctx);
        if ('errors' in made) put(errors, `subscription_events.${String(ev.external_id ?? i)}.`, made.errors);
      });
    details[cid] = Object.keys(errors).length ? { status: 'failed', errors } : { status: 'imported' };
  }
  const orphans: Record<string, string> = {};
  for (const key of ['line_items', 'transactions'] as const) {
    for (const x of list(p, key)) {
      if (!usedInvoices.has(String(x.invoice_external_id))) {
        orphans[`${key}.${String(x.external_id ?? x.invoice_external_id)}.invoice_external_id`] = 'Invoice not found';
      }
    }
  }
  if (Object.keys(orphans).length) details.unassigned = { status: 'failed', errors: orphans };
  return details;
}

export function registerJsonImports(r: Router): void {
  r.add('POST', '/v1/data_sources/:ds/json_imports', (req, ctx) => {
    const ds = findDataSource(ctx.state, req.params.ds);
    if (!ds) return notFound('Data source not found');
    const b = bodyObject(req);
    if (Buffer.byteLength(JSON.stringify(b)) > MAX_PAYLOAD_BYTES) {
      return codeError(413, 'The JSON payload exceeds the 5 MB limit', null);
    }
    if (!ARRAYS.some((k) => Array.isArray(b[k]) && (b[k] as unknown[]).length > 0)) {
      return codeError(400, `At least one of ${ARRAYS.join(', ')} is required`, null);
    }
    const externalId = isBlank(b.external_id) ? null : String(b.external_id);
    if (externalId && ctx.state.jsonImports.some((j) => j.data_source_uuid === ds.uuid && j.external_id === externalId)) {
      return unprocessable({ external_id: 'has already been taken' });
    }
    const now = stamp(ctx.now);
    const j: JsonImport = {
      id: bareUuid(),
      external_id: externalId,
      data_source_uuid: ds.uuid,
      status: 'queued',
      status_details: {},
      created_at: now,
      updated_at: now,
      payload: b,
      polls: 0,
    };
    ctx.state.jsonImports.push(j);
    return { status: 200, body: importJson(j) };
  });

  r.add('GET', '/v1/data_sources/:ds/json_imports/:id', (req, ctx) => {
    const j = ctx.state.jsonImports.find(
      (x) => x.data_source_uuid === req.params.ds && (x.id === req.params.id || x.external_id === req.params.id),
    );
    if (!j) return findDataSource(ctx.state, req.params.ds) ? notFound('JSON import not found') : notFound('Data source not found');
    j.polls++;
    if (j.status === 'queued') {
      j.status = 'processing';
      j.updated_at = stamp(ctx.now);
    } else if (j.status === 'processing') {
      j.status_details = applyImport(j, ctx);
      j.status = 'completed';
      j.updated_at = stamp(ctx.now);
    }
    return { status: 200, body: importJson(j) };
  });
}
