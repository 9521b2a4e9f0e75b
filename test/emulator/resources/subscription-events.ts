// Subscription event routes: create (201), list (filters, newest first, cursor pagination), update (PATCH by id or
// data_source_uuid+external_id) and delete (body envelope or `?subscription_event[id]=N`, 204).

import { parseApiDate } from '../dates';
import { missingParam, notFound, unprocessable } from '../errors';
import { bodyObject, q, type Answer, type ApiRequest, type Ctx } from '../http-types';
import { isAnswer, paginate, rejectPageParam } from '../pagination';
import type { Router } from '../router';
import type { SubscriptionEvent, SubscriptionEventType } from '../state';
import { isBlank, isCurrency, isInt, str } from '../validate';
import { findCustomer, findDataSource } from './lookup';

export const EVENT_TYPES: SubscriptionEventType[] = [
  'subscription_start',
  'subscription_start_scheduled',
  'scheduled_subscription_start_retracted',
  'subscription_updated',
  'subscription_update_scheduled',
  'scheduled_subscription_update_retracted',
  'subscription_cancelled',
  'subscription_cancellation_scheduled',
  'scheduled_subscription_cancellation_retracted',
  'subscription_event_retracted',
];
export const EVENT_EXISTS = 'has already been taken';

type Obj = Record<string, unknown>;

/** Event timestamps come back without milliseconds: "2022-02-16T00:00:00Z". */
function eventDate(v: unknown): string | null {
  const d = parseApiDate(v);
  return d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

export function eventJson(e: SubscriptionEvent): Obj {
  return {
    id: e.id,
    data_source_uuid: e.data_source_uuid,
    customer_external_id: e.customer_external_id,
    subscription_set_external_id: e.subscription_set_external_id,
    subscription_external_id: e.subscription_external_id,
    plan_external_id: e.plan_external_id,
    event_date: e.event_date,
    effective_date: e.effective_date,
    event_type: e.event_type,
    external_id: e.external_id,
    errors: {},
    created_at: e.created_at,
    updated_at: e.updated_at,
    quantity: e.quantity,
    currency: e.currency,
    amount_in_cents: e.amount_in_cents,
    tax_amount_in_cents: e.tax_amount_in_cents,
    retracted_event_id: e.retracted_event_id,
  };
}

/** Validates `fields` applied on top of `base` (a new or existing event); returns field → message. */
function eventErrors(ev: Obj, ctx: Ctx, selfId: number | null): Record<string, string> {
  const e: Record<string, string> = {};
  for (const f of ['data_source_uuid', 'customer_external_id', 'event_type', 'event_date', 'effective_date']) {
    if (isBlank(ev[f])) e[f] = "can't be blank";
  }
  if (!e.data_source_uuid && !findDataSource(ctx.state, ev.data_source_uuid)) e.data_source_uuid = 'Data source not found';
  if (!e.event_type && !EVENT_TYPES.includes(ev.event_type as SubscriptionEventType)) e.event_type = 'is invalid';
  for (const f of ['event_date', 'effective_date']) if (!e[f] && !parseApiDate(ev[f])) e[f] = 'is invalid';
  if (!e.customer_external_id && !e.data_source_uuid) {
    const known = ctx.state.customers.some(
      (c) => c.data_source_uuid === ev.data_source_uuid && c.external_id === String(ev.customer_external_id),
    );
    if (!known) e.customer_external_id = 'Customer not found';
  }
  if (!isBlank(ev.currency) && !isCurrency(ev.currency)) e.currency = 'Currency is invalid';
  for (const f of ['amount_in_cents', 'quantity', 'tax_amount_in_cents']) {
    if (!isBlank(ev[f]) && !isInt(ev[f])) e[f] = 'must be an integer';
  }
  if (!isBlank(ev.external_id)) {
    const dup = ctx.state.subscriptionEvents.some(
      (x) => x.id !== selfId && x.data_source_uuid === ev.data_source_uuid && x.external_id === String(ev.external_id),
    );
    if (dup) e.external_id = EVENT_EXISTS;
  }
  return e;
}

function intOrNull(v: unknown): number | null {
  return isInt(v) ? v : null;
}

function assign(target: SubscriptionEvent, ev: Obj, now: Date): void {
  target.data_source_uuid = String(ev.data_source_uuid);
  target.customer_external_id = String(ev.customer_external_id);
  target.subscription_external_id = str(ev.subscription_external_id);
  target.subscription_set_external_id = str(ev.subscription_set_external_id);
  target.event_type = ev.event_type as SubscriptionEventType;
  target.event_date = eventDate(ev.event_date) as string;
  target.effective_date = eventDate(ev.effective_date) as string;
  target.plan_external_id = str(ev.plan_external_id);
  target.currency = str(ev.currency);
  target.amount_in_cents = intOrNull(ev.amount_in_cents);
  target.quantity = intOrNull(ev.quantity);
  target.tax_amount_in_cents = intOrNull(ev.tax_amount_in_cents);
  target.external_id = str(ev.external_id);
  target.event_order = intOrNull(ev.event_order);
  target.retracted_event_id = intOrNull(ev.retracted_event_id);
  target.updated_at = eventDate(now.toISOString()) as string;
}

/** Creates an event from a flat object (also used by the bulk JSON import). */
export function createEvent(ev: Obj, ctx: Ctx): { event: SubscriptionEvent } | { errors: Record<string, string> } {
  const errors = eventErrors(ev, ctx, null);
  if (Object.keys(errors).length) return { errors };
  const stamp = eventDate(ctx.now.toISOString()) as string;
  const event = { id: ctx.state.nextSubscriptionEventId++, created_at: stamp } as SubscriptionEvent;
  assign(event, ev, ctx.now);
  ctx.state.subscriptionEvents.push(event);
  return { event };
}

function envelope(req: ApiRequest): Obj | null {
  const b = bodyObject(req).subscription_event;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Obj) : null;
}

/** Finds the event named by `{id}` or `{data_source_uuid, external_id}`. */
function locate(ctx: Ctx, sel: Obj): SubscriptionEvent | undefined {
  if (!isBlank(sel.id)) return ctx.state.subscriptionEvents.find((e) => String(e.id) === String(sel.id));
  if (!isBlank(sel.data_source_uuid) && !isBlank(sel.external_id)) {
    return ctx.state.subscriptionEvents.find(
      (e) => e.data_source_uuid === sel.data_source_uuid && e.external_id === String(sel.external_id),
    );
  }
  return undefined;
}

export function registerSubscriptionEvents(r: Router): void {
  r.add('POST', '/v1/subscription_events', (req, ctx) => {
    const ev = envelope(req);
    if (!ev) return missingParam('subscription_event');
    const made = createEvent(ev, ctx);
    return 'errors' in made ? unprocessable(made.errors) : { status: 201, body: eventJson(made.event) };
  });

  r.add('GET', '/v1/subscription_events', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const filters = [
      'data_source_uuid',
      'external_id',
      'customer_external_id',
      'subscription_external_id',
      'event_type',
      'plan_external_id',
    ] as const;
    const customer = q(req.query, 'customer_uuid') ? findCustomer(ctx.state, q(req.query, 'customer_uuid')) : null;
    const eventDateQ = q(req.query, 'event_date');
    const effectiveQ = q(req.query, 'effective_date');
    const list = ctx.state.subscriptionEvents
      .filter(
        (e) =>
          filters.every((f) => q(req.query, f) === undefined || String(e[f]) === q(req.query, f)) &&
          (customer === null ||
            (customer !== undefined &&
              e.data_source_uuid === customer.data_source_uuid &&
              e.customer_external_id === customer.external_id)) &&
          (!eventDateQ || e.event_date === eventDate(eventDateQ)) &&
          (!effectiveQ || e.effective_date === eventDate(effectiveQ)),
      )
      .reverse();
    const page = paginate(list, req.query, (e) => String(e.id));
    if (isAnswer(page)) return page;
    return {
      status: 200,
      body: { subscription_events: page.items.map(eventJson), has_more: page.has_more, cursor: page.cursor },
    };
  });

  r.add('PATCH', '/v1/subscription_events', (req, ctx): Answer => {
    const ev = envelope(req);
    if (!ev) return missingParam('subscription_event');
    const target = locate(ctx, ev);
    if (!target) return isBlank(ev.id) && isBlank(ev.external_id) ? missingParam('id') : notFound('Subscription event not found');
    const merged: Obj = { ...eventJson(target), event_order: target.event_order, ...ev };
    const errors = eventErrors(merged, ctx, target.id);
    if (Object.keys(errors).length) return unprocessable(errors);
    assign(target, merged, ctx.now);
    return { status: 200, body: eventJson(target) };
  });

  r.add('DELETE', '/v1/subscription_events', (req, ctx): Answer => {
    const fromQuery: Obj = {
      id: q(req.query, 'subscription_event[id]'),
      data_source_uuid: q(req.query, 'subscription_event[data_source_uuid]'),
      external_id: q(req.query, 'subscription_event[external_id]'),
    };
    const sel = envelope(req) ?? fromQuery;
    if (isBlank(sel.id) && (isBlank(sel.data_source_uuid) || isBlank(sel.external_id))) return missingParam('id');
    const target = locate(ctx, sel);
    if (!target) return notFound('Subscription event not found');
    ctx.state.subscriptionEvents = ctx.state.subscriptionEvents.filter((e) => e !== target);
    return { status: 204 };
  });
}
