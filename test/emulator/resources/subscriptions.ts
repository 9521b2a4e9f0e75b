// Subscription routes: the Metrics-API list GET /v1/customers/{uuid}/subscriptions (entries from the metric engine),
// the deprecated import list with cancellation_dates, and cancellation via PATCH /v1/import/subscriptions/{uuid} (202).

import { isoOrNull, parseApiDate } from '../dates';
import { EngineError } from '../engine';
import { missingParam, notFound, unprocessable } from '../errors';
import { bodyObject } from '../http-types';
import { isAnswer, paginate, rejectPageParam } from '../pagination';
import type { Router } from '../router';
import type { Subscription } from '../state';
import { findCustomer, findSubscription } from './lookup';

function importJson(s: Subscription): Record<string, unknown> {
  return {
    uuid: s.uuid,
    external_id: s.external_id,
    ...(s.subscription_set_external_id !== null ? { subscription_set_external_id: s.subscription_set_external_id } : {}),
    cancellation_dates: [...s.cancellation_dates],
    plan_uuid: s.plan_uuid,
    data_source_uuid: s.data_source_uuid,
  };
}

export function registerSubscriptions(r: Router): void {
  r.add('GET', '/v1/customers/:uuid/subscriptions', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    if (!findCustomer(ctx.state, req.params.uuid)) return notFound('Customer not found');
    let entries: Record<string, unknown>[];
    try {
      entries = ctx.engine.customerSubscriptionEntries(ctx.state, req.params.uuid, ctx.now);
    } catch (e) {
      throw new EngineError(`customerSubscriptionEntries failed: ${(e as Error).message}`);
    }
    const page = paginate(entries, req.query, (e) => String(e.uuid ?? e.id));
    if (isAnswer(page)) return page;
    return { status: 200, body: { entries: page.items, has_more: page.has_more, cursor: page.cursor } };
  });

  r.add('GET', '/v1/import/customers/:uuid/subscriptions', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const customer = findCustomer(ctx.state, req.params.uuid);
    if (!customer) return notFound('Customer not found');
    const list = ctx.state.subscriptions.filter((s) => s.customer_uuid === customer.uuid);
    const page = paginate(list, req.query, (s) => s.uuid);
    if (isAnswer(page)) return page;
    return {
      status: 200,
      body: {
        customer_uuid: customer.uuid,
        subscriptions: page.items.map(importJson),
        has_more: page.has_more,
        cursor: page.cursor,
      },
    };
  });

  r.add('PATCH', '/v1/import/subscriptions/:uuid', (req, ctx) => {
    const sub = findSubscription(ctx.state, req.params.uuid);
    if (!sub) return notFound('Subscription not found');
    const b = bodyObject(req);
    const past = (v: unknown) => {
      const d = parseApiDate(v);
      return d === null ? 'is invalid' : d.getTime() > ctx.now.getTime() ? 'Date is in the future' : null;
    };
    if ('cancellation_dates' in b) {
      if (!Array.isArray(b.cancellation_dates)) return unprocessable({ cancellation_dates: 'must be an array' });
      const problem = b.cancellation_dates.map(past).find((p) => p !== null);
      if (problem) return unprocessable({ cancellation_dates: problem });
      sub.cancellation_dates = [...new Set(b.cancellation_dates.map((d) => isoOrNull(d) as string))].sort();
    } else if ('cancelled_at' in b) {
      const problem = past(b.cancelled_at);
      if (problem) return unprocessable({ cancelled_at: problem });
      const iso = isoOrNull(b.cancelled_at) as string;
      if (!sub.cancellation_dates.includes(iso)) sub.cancellation_dates = [...sub.cancellation_dates, iso].sort();
    } else {
      return missingParam('cancelled_at');
    }
    return {
      status: 202,
      body: {
        uuid: sub.uuid,
        external_id: sub.external_id,
        cancellation_dates: [...sub.cancellation_dates],
        customer_uuid: sub.customer_uuid,
        plan_uuid: sub.plan_uuid,
        data_source_uuid: sub.data_source_uuid,
      },
    };
  });
}
