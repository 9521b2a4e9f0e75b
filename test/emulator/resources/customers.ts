// Customer routes: create, list (data_source_uuid/external_id/status/system filters), search by email, retrieve,
// PATCH update and delete. Validation: required ids, unique external_id per source, ISO country, past lead/trial dates.

import { isoOrNull } from '../dates';
import { codeError, missingParam, notFound, unprocessable } from '../errors';
import { bodyObject, q, type Answer, type ApiRequest, type Ctx } from '../http-types';
import { newId } from '../ids';
import { isAnswer, paginate, rejectPageParam } from '../pagination';
import type { Router } from '../router';
import type { Customer } from '../state';
import { dateProblem, isBlank, isCountry, str } from '../validate';
import { customerJson, figuresOf } from './customer-json';
import { applyValues, parseDefinitions } from './custom-attributes';
import { deleteCustomerData, findCustomer, findDataSource } from './lookup';

export const CUSTOMER_EXISTS = 'The external ID for this customer already exists in our system.';

const TEXT_FIELDS = ['name', 'email', 'company', 'city', 'zip', 'owner', 'website_url'] as const;

/** Applies writable fields from a create/update body; returns 422 errors (field → message). */
export function applyCustomerFields(c: Customer, b: Record<string, unknown>, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of TEXT_FIELDS) if (f in b) c[f] = str(b[f]);
  if ('country' in b) {
    if (!isBlank(b.country) && !isCountry(b.country)) errors.country = 'Country is invalid';
    else c.country = isBlank(b.country) ? null : String(b.country);
  }
  if ('state' in b) c.state = isBlank(b.state) ? null : String(b.state);
  // The API drops a state that does not belong to the country (recorded: country DE + state NY → state null).
  if (c.state && c.country && !(c.state.startsWith(`${c.country}-`) || (c.country === 'US' && /^[A-Z]{2}$/.test(c.state)))) {
    c.state = null;
  }
  for (const f of ['lead_created_at', 'free_trial_started_at'] as const) {
    if (!(f in b)) continue;
    if (isBlank(b[f])) {
      c[f] = null;
      continue;
    }
    const problem = dateProblem(b[f], f, now, true);
    if (problem) errors[f] = problem;
    else c[f] = isoOrNull(b[f]);
  }
  const attributes = b.attributes as Record<string, unknown> | undefined;
  if (attributes && typeof attributes === 'object') {
    if (Array.isArray(attributes.tags)) c.tags = dedupe(attributes.tags.map(String));
    if (Array.isArray(attributes.custom)) {
      const parsed = parseDefinitions(attributes.custom);
      if ('errors' in parsed) Object.assign(errors, prefixed(parsed.errors));
      else c.custom = { ...c.custom, ...parsed.attrs };
    } else if (attributes.custom && typeof attributes.custom === 'object') {
      const applied = applyValues(c.custom, attributes.custom as Record<string, unknown>);
      if ('errors' in applied) Object.assign(errors, prefixed(applied.errors));
      else c.custom = applied.attrs;
    }
  }
  return errors;
}

export function dedupe(tags: string[]): string[] {
  return [...new Set(tags)];
}

function prefixed(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) out[`attributes.custom.${k}`] = v;
  return out;
}

export function blankCustomer(ctx: Ctx, dsUuid: string, externalId: string): Customer {
  return {
    id: ctx.state.nextCustomerId++,
    uuid: newId('cus'),
    data_source_uuid: dsUuid,
    external_id: externalId,
    name: null,
    email: null,
    company: null,
    country: null,
    state: null,
    city: null,
    zip: null,
    website_url: null,
    owner: null,
    lead_created_at: null,
    free_trial_started_at: null,
    tags: [],
    custom: {},
    created_at: ctx.now.toISOString(),
  };
}

/** Creates a customer from an API body (also used by the bulk JSON import). */
export function createCustomer(b: Record<string, unknown>, ctx: Ctx): { customer: Customer } | { answer: Answer } {
  if (!('data_source_uuid' in b)) return { answer: missingParam('data_source_uuid') };
  if (!('external_id' in b)) return { answer: missingParam('external_id') };
  const ds = findDataSource(ctx.state, b.data_source_uuid);
  if (!ds) return { answer: notFound('Data source not found') };
  if (isBlank(b.external_id)) return { answer: unprocessable({ external_id: "can't be blank" }) };
  const externalId = String(b.external_id);
  if (ctx.state.customers.some((c) => c.data_source_uuid === ds.uuid && c.external_id === externalId)) {
    return { answer: unprocessable({ external_id: CUSTOMER_EXISTS }) };
  }
  const c = blankCustomer(ctx, ds.uuid, externalId);
  const errors = applyCustomerFields(c, b, ctx.now);
  if (Object.keys(errors).length) {
    ctx.state.nextCustomerId--;
    return { answer: unprocessable(errors) };
  }
  ctx.state.customers.push(c);
  return { customer: c };
}

function listAnswer(list: Customer[], req: ApiRequest, ctx: Ctx): Answer {
  const page = paginate(list, req.query, (c) => c.uuid);
  if (isAnswer(page)) return page;
  return {
    status: 200,
    body: { entries: page.items.map((c) => customerJson(c, ctx, true)), has_more: page.has_more, cursor: page.cursor },
  };
}

export function registerCustomers(r: Router): void {
  r.add('POST', '/v1/customers', (req, ctx) => {
    const made = createCustomer(bodyObject(req), ctx);
    return 'answer' in made ? made.answer : { status: 201, body: customerJson(made.customer, ctx) };
  });

  r.add('GET', '/v1/customers', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const ds = q(req.query, 'data_source_uuid');
    const ext = q(req.query, 'external_id');
    const status = q(req.query, 'status')?.replace(/_/g, ' ');
    const system = q(req.query, 'system');
    const list = ctx.state.customers.filter(
      (c) =>
        (!ds || c.data_source_uuid === ds) &&
        (!ext || c.external_id === ext) &&
        (!system || findDataSource(ctx.state, c.data_source_uuid)?.system === system) &&
        (!status || figuresOf(ctx, c.uuid).status.toLowerCase() === status.toLowerCase()),
    );
    return listAnswer(list, req, ctx);
  });

  r.add('GET', '/v1/customers/search', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const email = q(req.query, 'email');
    if (email === undefined) return missingParam('email');
    const list = ctx.state.customers.filter((c) => (c.email ?? '').toLowerCase() === email.toLowerCase());
    if (list.length === 0) return codeError(404, `Can't find any customers with email: "${email}"`, 'email');
    return listAnswer(list, req, ctx);
  });

  r.add('GET', '/v1/customers/:uuid', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    return c ? { status: 200, body: customerJson(c, ctx) } : notFound('Customer not found');
  });

  r.add('PATCH', '/v1/customers/:uuid', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    const draft: Customer = { ...c, tags: [...c.tags], custom: { ...c.custom } };
    const errors = applyCustomerFields(draft, bodyObject(req), ctx.now);
    if (Object.keys(errors).length) return unprocessable(errors);
    Object.assign(c, draft);
    return { status: 200, body: customerJson(c, ctx) };
  });

  r.add('DELETE', '/v1/customers/:uuid', (req, ctx) => {
    if (!findCustomer(ctx.state, req.params.uuid)) return notFound('Customer not found');
    deleteCustomerData(ctx.state, req.params.uuid);
    return { status: 204 };
  });
}
