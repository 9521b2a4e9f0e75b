// The cached metric model of one state: timelines, movements and prefix sums, rebuilt only when the state changes.
// Cache validity = a value-by-value comparison with a snapshot of every field the engine reads (one cheap pass).

import type { EmulatorState } from '../state';
import { DayClock } from './days';
import { computeMovements, type Movement } from './movements';
import { Series } from './compute';
import { buildTimelines, type SubTimeline } from './timeline';

export interface Model {
  snapshot: unknown[];
  subs: SubTimeline[];
  subsByCustomer: Map<string, SubTimeline[]>;
  clock: DayClock;
  currency: string;
  weekStart: 'monday' | 'sunday';
  movements: Movement[]; // unsegmented, without per-subscription details (activities recompute them lazily)
  byCustomer: Map<string, Movement[]>;
  series: Series;
  /** Segmented series by segment key (small, cleared with the model). */
  segments: Map<string, Series>;
}

/**
 * Visits every state value the timelines depend on, in a fixed order. The cache keeps the visited values from the
 * last build and compares them one by one (=== on primitives: no hashing, no allocation), so in-place edits
 * (PATCHed amounts, disabled invoices, appended cancellation dates) are detected as well as insertions/deletions.
 */
function walk(state: EmulatorState, v: (x: unknown) => void): void {
  v(state.account.currency);
  v(state.account.time_zone);
  v(state.account.week_start_on);
  v(state.customers.length);
  for (const c of state.customers) {
    v(c.uuid);
    v(c.data_source_uuid);
    v(c.external_id);
  }
  v(state.plans.length);
  for (const p of state.plans) {
    v(p.uuid);
    v(p.data_source_uuid);
    v(p.external_id);
    v(p.interval_count);
    v(p.interval_unit);
  }
  v(state.invoices.length);
  for (const inv of state.invoices) {
    v(inv.uuid);
    v(inv.customer_uuid);
    v(inv.data_source_uuid);
    v(inv.currency);
    v(inv.date);
    v(inv.disabled);
    v(inv.line_items.length);
    for (const l of inv.line_items) {
      v(l.uuid);
      v(l.type);
      v(l.subscription_uuid);
      v(l.subscription_external_id);
      v(l.subscription_set_external_id);
      v(l.plan_uuid);
      v(l.service_period_start);
      v(l.service_period_end);
      v(l.amount_in_cents);
      v(l.tax_amount_in_cents);
      v(l.quantity);
      v(l.prorated);
      v(l.proration_type);
      v(l.cancelled_at);
    }
  }
  v(state.subscriptions.length);
  for (const s of state.subscriptions) {
    v(s.uuid);
    v(s.external_id);
    v(s.subscription_set_external_id);
    v(s.data_source_uuid);
    v(s.customer_uuid);
    v(s.cancellation_dates.length);
    for (const d of s.cancellation_dates) v(d);
  }
  v(state.subscriptionEvents.length);
  for (const e of state.subscriptionEvents) {
    v(e.id);
    v(e.data_source_uuid);
    v(e.customer_external_id);
    v(e.subscription_external_id);
    v(e.subscription_set_external_id);
    v(e.event_type);
    v(e.effective_date);
    v(e.plan_external_id);
    v(e.currency);
    v(e.amount_in_cents);
    v(e.quantity);
    v(e.tax_amount_in_cents);
    v(e.event_order);
    v(e.retracted_event_id);
  }
}

/** Snapshot of the visited values. */
export function snapshot(state: EmulatorState): unknown[] {
  const out: unknown[] = [];
  walk(state, (x) => out.push(x));
  return out;
}

/** True when the state still holds exactly the snapshot's values. */
export function unchanged(state: EmulatorState, snap: unknown[]): boolean {
  let i = 0;
  let same = true;
  walk(state, (x) => {
    if (same && snap[i] !== x) same = false;
    i++;
  });
  return same && i === snap.length;
}

const cache = new WeakMap<EmulatorState, Model>();

/** Inside one HTTP request the state is verified once, not once per customer of a 200-entry page. */
let scopeDepth = 0;
let verifiedInScope = new WeakSet<EmulatorState>();

/** Runs one request's handler: the first engine call checks the model against the state, later ones trust it. */
export function withRequestScope<T>(fn: () => T): T {
  scopeDepth++;
  try {
    return fn();
  } finally {
    scopeDepth--;
    if (scopeDepth === 0) verifiedInScope = new WeakSet();
  }
}

/** The model for this state, rebuilt when any value it was built from changed. */
export function getModel(state: EmulatorState): Model {
  const hit = cache.get(state);
  if (hit && scopeDepth > 0 && verifiedInScope.has(state)) return hit;
  if (scopeDepth > 0) verifiedInScope.add(state);
  if (hit && unchanged(state, hit.snapshot)) return hit;
  const snap = snapshot(state);
  const clock = new DayClock(state.account.time_zone);
  const subs = buildTimelines(state);
  const subsByCustomer = new Map<string, SubTimeline[]>();
  for (const s of subs) {
    const list = subsByCustomer.get(s.customerUuid);
    if (list) list.push(s);
    else subsByCustomer.set(s.customerUuid, [s]);
  }
  const movements = computeMovements(subs, clock, null, null, false);
  const byCustomer = new Map<string, Movement[]>();
  for (const m of movements) {
    const list = byCustomer.get(m.customerUuid);
    if (list) list.push(m);
    else byCustomer.set(m.customerUuid, [m]);
  }
  const model: Model = {
    snapshot: snap,
    subs,
    subsByCustomer,
    clock,
    currency: state.account.currency,
    weekStart: state.account.week_start_on === 'sunday' ? 'sunday' : 'monday',
    movements,
    byCustomer,
    series: new Series(movements),
    segments: new Map(),
  };
  cache.set(state, model);
  return model;
}

/** A customer's total MRR (unrounded cents, account currency) at the end of local day `day`. */
export function customerMrrAt(model: Model, customerUuid: string, day: number): number {
  const list = model.byCustomer.get(customerUuid);
  if (!list) return 0;
  let v = 0;
  for (const m of list) {
    if (m.day > day) break;
    v = m.after;
  }
  return v;
}
