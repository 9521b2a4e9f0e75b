// Activities (GET /v1/activities, /v1/customers/{uuid}/activities): one entry per subscription movement inside each
// customer-day movement, typed at customer level; uuids are derived from the movement so paging stays stable.

import type { Customer, EmulatorState, Plan } from '../state';
import { currencySign } from './currency';
import { isoOffset, parseDay } from './days';
import { getModel, type Model } from './model';
import { computeMovements, type Movement, type MoveType, type SubDelta } from './movements';
import type { ActivityFilter } from './index';
import { uuidFrom } from './timeline';

interface Row {
  day: number;
  customerUuid: string;
  type: MoveType;
  m: Movement;
  piece: { d: SubDelta; delta: number; t: number };
  index: number; // piece index within the movement
  running: number; // customer MRR after this piece
  entry?: Record<string, unknown>; // materialised on first use
  planName?: string;
}

const VERB: Record<MoveType, string> = {
  new_biz: 'purchased the %s plan',
  expansion: 'upgraded to the %s plan',
  contraction: 'downgraded to the %s plan',
  churn: 'cancelled their %s plan',
  reactivation: 'reactivated their %s plan',
};

/** Splits a customer-day movement into per-subscription pieces (one net piece when changes point both ways). */
function pieces(m: Movement): { d: SubDelta; delta: number; t: number }[] {
  const net = m.after - m.before;
  const deltas = [...(m.subs ?? [])].sort((a, b) => a.t - b.t || (a.sub.uuid < b.sub.uuid ? -1 : 1));
  if (!deltas.length) return [];
  const sameWay = deltas.every((d) => Math.sign(d.after - d.before) === Math.sign(net));
  if (sameWay) return deltas.map((d) => ({ d, delta: d.after - d.before, t: d.t }));
  // Mixed directions (e.g. a plan swap between subscriptions): one net entry on the subscription the customer
  // ends the day with the most MRR on.
  const lead = [...deltas].sort((a, b) => b.after - a.after || Math.abs(b.after - b.before) - Math.abs(a.after - a.before))[0];
  return [{ d: lead, delta: net, t: m.t }];
}

function buildRows(model: Model): Row[] {
  const rows: Row[] = [];
  for (const m of computeMovements(model.subs, model.clock, null, null, true)) {
    let running = m.before;
    pieces(m).forEach((piece, index) => {
      running += piece.delta;
      rows.push({ day: m.day, customerUuid: m.customerUuid, type: m.type, m, piece, index, running });
    });
  }
  return rows;
}

function entryOf(row: Row, model: Model, customers: Map<string, Customer>, plans: Map<string, Plan>): Record<string, unknown> {
  const { m, piece } = row;
  const { d, delta, t } = piece;
  const c = customers.get(m.customerUuid);
  const planUuid = d.point.planUuid ?? d.prevPoint?.planUuid ?? null;
  const plan = planUuid ? plans.get(planUuid) : undefined;
  // Names are not part of the model's snapshot: reuse the materialised entry only while they are unchanged.
  const e = row.entry;
  if (
    e &&
    e['customer-name'] === (c?.name ?? null) &&
    e['customer-external-id'] === (c?.external_id ?? null) &&
    e['plan-external-id'] === (plan?.external_id ?? null) &&
    row.planName === (plan?.name ?? 'unknown')
  ) {
    return e;
  }
  row.planName = plan?.name ?? 'unknown';
  const mrr = Math.round(row.running) || 0;
  row.entry = {
    description: VERB[m.type].replace('%s', plan?.name ?? 'unknown'),
    'activity-mrr-movement': Math.round(delta) || 0,
    'activity-mrr': mrr,
    'activity-arr': 12 * mrr,
    date: isoOffset(t),
    type: m.type,
    currency: model.currency,
    'subscription-external-id': d.sub.externalId,
    'subscription-set-external-id': d.sub.setExternalId,
    'plan-external-id': plan?.external_id ?? null,
    'customer-name': c?.name ?? null,
    'customer-uuid': m.customerUuid,
    'customer-external-id': c?.external_id ?? null,
    'billing-connector-uuid': d.sub.dataSourceUuid,
    uuid: uuidFrom(`${m.customerUuid}|${d.sub.key}|${m.day}|${m.type}|${row.index}`),
  };
  return row.entry;
}

const rowCache = new WeakMap<Model, Row[]>();

/** Activities up to the end of `now`'s local day (future period-end churn is not an activity yet). */
export function activitiesOf(state: EmulatorState, filter: ActivityFilter, now: Date): Record<string, unknown>[] {
  const model = getModel(state);
  const nowDay = model.clock.day(now.getTime());
  let rows = rowCache.get(model);
  if (!rows) {
    rows = buildRows(model);
    rowCache.set(model, rows);
  }
  const from = filter['start-date'] ? parseDay(filter['start-date']) : -Infinity;
  const to = Math.min(filter['end-date'] ? parseDay(filter['end-date']) : Infinity, nowDay);
  const selected = rows.filter(
    (r) =>
      (!filter.customerUuid || r.customerUuid === filter.customerUuid) &&
      (!filter.type || r.type === filter.type) &&
      !(r.day < from) &&
      !(r.day > to),
  );
  if (filter.order === '-date') selected.reverse();
  const sign = currencySign(model.currency);
  // Customer and plan names are read at answer time so renames show up immediately.
  const customers = new Map(state.customers.map((c) => [c.uuid, c] as const));
  const plans = new Map(state.plans.map((p) => [p.uuid, p] as const));
  return selected.map((r) => {
    const entry = entryOf(r, model, customers, plans);
    if (!filter.customerUuid) return { ...entry };
    const uuid = entry.uuid as string;
    return { id: parseInt(uuid.slice(0, 8), 16), ...entry, 'currency-sign': sign };
  });
}
