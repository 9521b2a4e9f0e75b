// Customer attribute routes: GET …/attributes, tags add/remove by uuid and add by email, custom attributes
// add (POST)/update (PUT)/remove (DELETE) by uuid and add by email.

import { codeError, missingParam, notFound, unprocessable } from '../errors';
import { bodyObject, type Answer, type Ctx } from '../http-types';
import type { Router } from '../router';
import type { Customer } from '../state';
import { customerShortJson, customValues } from './customer-json';
import { applyValues, parseDefinitions } from './custom-attributes';
import { dedupe } from './customers';
import { findCustomer } from './lookup';

function byEmail(ctx: Ctx, email: unknown): Customer[] {
  const e = String(email).toLowerCase();
  return ctx.state.customers.filter((c) => (c.email ?? '').toLowerCase() === e);
}

function noEmailMatch(email: unknown): Answer {
  return codeError(404, `Can't find any customers with email: "${String(email)}"`, 'email');
}

/** php issue #132: `custom` sent as an object where an array is expected gave a 500 with an empty body. */
const EMPTY_500: Answer = { status: 500, text: '' };

export function registerAttributes(r: Router): void {
  r.add('GET', '/v1/customers/:uuid/attributes', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    return { status: 200, body: { tags: [...c.tags], stripe: {}, custom: customValues(c.custom) } };
  });

  r.add('POST', '/v1/customers/:uuid/attributes/tags', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    const tags = bodyObject(req).tags;
    if (!Array.isArray(tags)) return missingParam('tags');
    c.tags = dedupe([...c.tags, ...tags.map(String)]);
    return { status: 200, body: { tags: [...c.tags] } };
  });

  r.add('DELETE', '/v1/customers/:uuid/attributes/tags', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    const tags = bodyObject(req).tags;
    if (!Array.isArray(tags)) return missingParam('tags');
    const drop = new Set(tags.map(String));
    c.tags = c.tags.filter((t) => !drop.has(t));
    return { status: 200, body: { tags: [...c.tags] } };
  });

  r.add('POST', '/v1/customers/attributes/tags', (req, ctx) => {
    const b = bodyObject(req);
    if (!('email' in b)) return missingParam('email');
    if (!Array.isArray(b.tags)) return missingParam('tags');
    const list = byEmail(ctx, b.email);
    if (list.length === 0) return noEmailMatch(b.email);
    for (const c of list) c.tags = dedupe([...c.tags, ...(b.tags as unknown[]).map(String)]);
    return { status: 200, body: { entries: list.map((c) => customerShortJson(c, ctx)) } };
  });

  r.add('POST', '/v1/customers/:uuid/attributes/custom', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    const custom = bodyObject(req).custom;
    if (custom === undefined) return missingParam('custom');
    if (!Array.isArray(custom)) return EMPTY_500;
    const parsed = parseDefinitions(custom);
    if ('errors' in parsed) return unprocessable(parsed.errors);
    c.custom = { ...c.custom, ...parsed.attrs };
    return { status: 200, body: { custom: customValues(c.custom) } };
  });

  r.add('PUT', '/v1/customers/:uuid/attributes/custom', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    const custom = bodyObject(req).custom;
    if (custom === undefined) return missingParam('custom');
    if (custom === null || typeof custom !== 'object' || Array.isArray(custom)) return EMPTY_500;
    const applied = applyValues(c.custom, custom as Record<string, unknown>);
    if ('errors' in applied) return unprocessable(applied.errors);
    c.custom = applied.attrs;
    return { status: 200, body: { custom: customValues(c.custom) } };
  });

  r.add('DELETE', '/v1/customers/:uuid/attributes/custom', (req, ctx) => {
    const c = findCustomer(ctx.state, req.params.uuid);
    if (!c) return notFound('Customer not found');
    const custom = bodyObject(req).custom;
    if (!Array.isArray(custom)) return missingParam('custom');
    const next = { ...c.custom };
    for (const k of custom) delete next[String(k)];
    c.custom = next;
    return { status: 204 };
  });

  r.add('POST', '/v1/customers/attributes/custom', (req, ctx) => {
    const b = bodyObject(req);
    if (!('email' in b)) return missingParam('email');
    if (b.custom === undefined) return missingParam('custom');
    if (!Array.isArray(b.custom)) return EMPTY_500;
    const parsed = parseDefinitions(b.custom);
    if ('errors' in parsed) return unprocessable(parsed.errors);
    const list = byEmail(ctx, b.email);
    if (list.length === 0) return noEmailMatch(b.email);
    for (const c of list) c.custom = { ...c.custom, ...parsed.attrs };
    return { status: 200, body: { entries: list.map((c) => customerShortJson(c, ctx)) } };
  });
}
