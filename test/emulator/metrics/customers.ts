// Customer-facing figures: mrr/arr/status/customer-since for customer objects and the Metrics API
// subscription list of a customer (GET /v1/customers/{uuid}/subscriptions entries).

import type { EmulatorState, Plan } from '../state';
import { currencySign } from './currency';
import { isoOffset } from './days';
import { customerMrrAt, getModel } from './model';
import type { ChangePoint, SubTimeline } from './timeline';
import type { CustomerFigures } from './index';

export function figuresOf(state: EmulatorState, customerUuid: string, now: Date): CustomerFigures {
  const model = getModel(state);
  const nowDay = model.clock.day(now.getTime());
  const mrr = Math.round(customerMrrAt(model, customerUuid, nowDay)) || 0;
  const first = (model.byCustomer.get(customerUuid) ?? []).find((m) => m.type === 'new_biz' && m.day <= nowDay);
  return {
    mrr,
    arr: 12 * mrr,
    status: mrr > 0 ? 'Active' : first ? 'Cancelled' : 'Lead',
    'customer-since': first ? isoOffset(first.tFirst) : null,
    currency: model.currency,
    'currency-sign': currencySign(model.currency),
  };
}

/** Stable positive integer id (the API's numeric subscription `id`) from the subscription uuid. */
const imul = Math.imul;
export function numericId(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) + 1;
}

/** Adds whole plan intervals to an instant (calendar months for month/year plans). */
function addInterval(t: number, plan: Plan, times: number): number {
  const count = (plan.interval_count > 0 ? plan.interval_count : 1) * times;
  const d = new Date(t);
  if (plan.interval_unit === 'day') return t + count * 86_400_000;
  const months = plan.interval_unit === 'year' ? 12 * count : count;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

function subscriptionEntry(
  sub: SubTimeline,
  plans: Map<string, Plan>,
  dayOf: (t: number) => number,
  nowDay: number,
  nowMs: number,
  currency: string,
): Record<string, unknown> | null {
  let idx = -1;
  for (let i = 0; i < sub.points.length; i++) if (dayOf(sub.points[i].t) <= nowDay) idx = i;
  if (idx < 0) return null; // starts in the future
  const cur = sub.points[idx];
  const history = sub.points.slice(0, idx + 1);
  const lastLive = [...history].reverse().find((p) => p.live) as ChangePoint;
  const lastPaid = [...history].reverse().find((p) => p.live && p.mrr > 0);
  const planUuid = [...history].reverse().find((p) => p.planUuid)?.planUuid ?? null;
  const plan = planUuid ? plans.get(planUuid) : undefined;
  const firstLive = sub.points.find((p) => p.live) as ChangePoint;
  const mrr = Math.round(cur.live ? cur.mrr : (lastPaid?.mrr ?? 0)) || 0;
  let end: number | null;
  if (!cur.live) end = cur.t;
  else if (Number.isFinite(cur.until)) end = cur.until;
  else if (plan) {
    // Event-driven subscription: the end of the current billing period.
    let n = 1;
    end = addInterval(cur.t, plan, n);
    while (end <= nowMs && n < 100_000) end = addInterval(cur.t, plan, ++n);
  } else end = null;
  return {
    id: numericId(sub.uuid),
    external_id: sub.externalId,
    subscription_set_external_id: sub.setExternalId,
    quantity: lastLive.quantity,
    uuid: sub.uuid,
    mrr,
    arr: 12 * mrr,
    status: cur.live ? 'active' : 'inactive',
    plan: plan?.name ?? null,
    'billing-cycle': plan?.interval_unit ?? null,
    'billing-cycle-count': plan?.interval_count ?? null,
    'start-date': isoOffset(firstLive.t),
    'end-date': end === null ? null : isoOffset(end),
    currency,
    'currency-sign': currencySign(currency),
  };
}

export function subscriptionEntriesOf(state: EmulatorState, customerUuid: string, now: Date): Record<string, unknown>[] {
  const model = getModel(state);
  const nowDay = model.clock.day(now.getTime());
  const plans = new Map(state.plans.map((p) => [p.uuid, p] as const));
  const subs = [...(model.subsByCustomer.get(customerUuid) ?? [])].sort(
    (a, b) => a.points[0].t - b.points[0].t || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0),
  );
  const out: Record<string, unknown>[] = [];
  for (const s of subs) {
    const e = subscriptionEntry(s, plans, (t) => model.clock.day(t), nowDay, now.getTime(), model.currency);
    if (e) out.push(e);
  }
  return out;
}
