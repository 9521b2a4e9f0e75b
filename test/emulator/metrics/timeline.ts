// Per-subscription MRR timelines: invoice lines, cancellations and subscription events → ascending change points.
// Each point holds from its instant until the next one; MRR is normalised to a month and converted to account currency.

import type { EmulatorState, LineItem, Plan, Subscription, SubscriptionEvent } from '../state';
import { convertCents } from './currency';
import { parseTime } from './days';
import { periodMonths, resolvePoints, type ChangePoint, type Input } from './points';

export type { ChangePoint } from './points';
export { periodMonths } from './points';


export interface SubTimeline {
  key: string;
  uuid: string; // sub_… from state.subscriptions, else from the line item, else derived
  externalId: string;
  setExternalId: string | null; // defaults to externalId (as the API reports it)
  dataSourceUuid: string;
  customerUuid: string;
  points: ChangePoint[];
}


/** Months covered by one plan interval (day plans count 30 days per month). */
export function planMonths(plan: Pick<Plan, 'interval_count' | 'interval_unit'>): number {
  const count = plan.interval_count > 0 ? plan.interval_count : 1;
  if (plan.interval_unit === 'year') return 12 * count;
  if (plan.interval_unit === 'day') return count / 30;
  return count;
}

/** Monthly amount (original currency cents) of one subscription line: net of tax, by plan or by actual period. */
export function lineMonthly(line: LineItem, plan: Plan | undefined): number {
  if (line.type === 'trial') return 0;
  const net = Math.max(0, (line.amount_in_cents || 0) - (line.tax_amount_in_cents || 0));
  if (plan && !line.prorated) return net / planMonths(plan);
  const actual = periodMonths(parseTime(line.service_period_start), parseTime(line.service_period_end));
  if (actual > 0) return net / actual;
  return plan ? net / planMonths(plan) : net;
}

// Module-level alias: global lookups are slow inside jest's vm sandbox and this runs per character.
const imul = Math.imul;

/** Deterministic 128-bit non-cryptographic hash of a string as 32 hex chars (four seeded FNV-1a/murmur-mixed lanes). */
export function hashHex(key: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35]) {
    let h = seed;
    for (let i = 0; i < key.length; i++) h = imul(h ^ key.charCodeAt(i), 16777619);
    h ^= h >>> 16;
    h = imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/** UUID (v4 layout) derived from a key. */
export function uuidFrom(key: string): string {
  const hex = hashHex(key);
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const fallbackUuid = (key: string): string => `sub_${uuidFrom(key)}`;

/** Live event types (scheduled variants and retractions do not move MRR; retracted events are dropped). */
function activeEvents(events: SubscriptionEvent[]): SubscriptionEvent[] {
  const retracted = new Set<number>();
  for (const e of events) {
    if (e.event_type === 'subscription_event_retracted' && e.retracted_event_id != null) retracted.add(e.retracted_event_id);
  }
  return events.filter(
    (e) =>
      !retracted.has(e.id) &&
      (e.event_type === 'subscription_start' || e.event_type === 'subscription_updated' || e.event_type === 'subscription_cancelled'),
  );
}

/** Builds every subscription's timeline from the state. */
export function buildTimelines(state: EmulatorState): SubTimeline[] {
  const accountCurrency = state.account.currency;
  const plansByUuid = new Map<string, Plan>();
  const plansByExt = new Map<string, Plan>();
  for (const p of state.plans) {
    plansByUuid.set(p.uuid, p);
    plansByExt.set(`${p.data_source_uuid}|${p.external_id}`, p);
  }
  const recByUuid = new Map<string, Subscription>();
  const recByExt = new Map<string, Subscription>();
  for (const s of state.subscriptions) {
    recByUuid.set(s.uuid, s);
    recByExt.set(`${s.data_source_uuid}|${s.external_id}`, s);
  }
  const custByExt = new Map<string, string>();
  const custExists = new Set<string>();
  for (const c of state.customers) {
    custByExt.set(`${c.data_source_uuid}|${c.external_id}`, c.uuid);
    custExists.add(c.uuid);
  }

  interface Acc {
    sub: SubTimeline;
    inputs: Input[];
    lineGroups: Map<number, Input>;
  }
  const subs = new Map<string, Acc>();
  const acc = (
    ds: string,
    ext: string,
    subUuid: string | null,
    setExt: string | null,
    customerUuid: string,
  ): Acc => {
    const rec = (subUuid ? recByUuid.get(subUuid) : undefined) ?? recByExt.get(`${ds}|${ext}`);
    const key = rec ? rec.uuid : `${ds}|${ext}`;
    let a = subs.get(key);
    if (!a) {
      a = {
        sub: {
          key,
          uuid: rec?.uuid ?? subUuid ?? fallbackUuid(key),
          externalId: rec?.external_id ?? ext,
          setExternalId: rec?.subscription_set_external_id ?? setExt,
          dataSourceUuid: rec?.data_source_uuid ?? ds,
          customerUuid: rec?.customer_uuid ?? customerUuid,
          points: [],
        },
        inputs: [],
        lineGroups: new Map(),
      };
      subs.set(key, a);
    }
    if (!a.sub.setExternalId && setExt) a.sub.setExternalId = setExt;
    return a;
  };

  let order = 0;
  for (const inv of state.invoices) {
    if (inv.disabled) continue;
    for (const line of inv.line_items) {
      if (line.type !== 'subscription' && line.type !== 'trial') continue;
      const start = parseTime(line.service_period_start ?? inv.date);
      if (Number.isNaN(start)) continue;
      const endRaw = parseTime(line.service_period_end);
      const end = endRaw > start ? endRaw : Infinity;
      const ext = line.subscription_external_id ?? line.subscription_uuid ?? line.uuid;
      const a = acc(inv.data_source_uuid, ext, line.subscription_uuid, line.subscription_set_external_id, inv.customer_uuid);
      const plan = line.plan_uuid ? plansByUuid.get(line.plan_uuid) : undefined;
      const mrr = convertCents(lineMonthly(line, plan), inv.currency, accountCurrency);
      const additive = line.type === 'subscription' && line.prorated === true && line.proration_type !== 'full';
      const net = convertCents((line.amount_in_cents || 0) - (line.tax_amount_in_cents || 0), inv.currency, accountCurrency);
      const groupKey = additive ? -start - 1 : start; // prorated and regular lines of one instant never merge
      const group = a.lineGroups.get(groupKey);
      const signedQty = additive && net < 0 ? -(line.quantity || 0) : line.quantity || 0;
      if (group) {
        // Several lines of one subscription starting together (base + add-on seats) add up.
        group.mrr += mrr;
        group.net += net;
        group.quantity += signedQty;
        group.end = Math.max(group.end, end);
        if (!group.planUuid || (additive && net > 0)) group.planUuid = line.plan_uuid;
      } else {
        const input: Input = {
          t: start,
          order: order++,
          cancel: false,
          mrr,
          live: true,
          planUuid: line.plan_uuid,
          currency: inv.currency,
          quantity: signedQty,
          end,
          additive,
          net,
        };
        a.lineGroups.set(groupKey, input);
        a.inputs.push(input);
      }
      const cancelledAt = parseTime(line.cancelled_at);
      if (!Number.isNaN(cancelledAt)) a.inputs.push(cancelInput(cancelledAt, order++));
    }
  }

  const eventsBySub = new Map<string, SubscriptionEvent[]>();
  for (const e of state.subscriptionEvents) {
    if (!e.subscription_external_id) continue;
    const k = `${e.data_source_uuid}|${e.subscription_external_id}`;
    const list = eventsBySub.get(k);
    if (list) list.push(e);
    else eventsBySub.set(k, [e]);
  }
  for (const [k, all] of eventsBySub) {
    const events = activeEvents(all).sort(
      (x, y) => parseTime(x.effective_date) - parseTime(y.effective_date) || (x.event_order ?? 0) - (y.event_order ?? 0) || x.id - y.id,
    );
    if (!events.length) continue;
    const first = events[0];
    const ds = first.data_source_uuid;
    const customerUuid = custByExt.get(`${ds}|${first.customer_external_id}`);
    const rec = recByExt.get(k);
    if (!customerUuid && !rec) continue;
    const a = acc(ds, first.subscription_external_id as string, null, first.subscription_set_external_id, customerUuid ?? '');
    let amount = 0;
    let tax = 0;
    let planExt: string | null = null;
    let quantity = 1;
    let currency = accountCurrency;
    for (const e of events) {
      const t = parseTime(e.effective_date);
      if (Number.isNaN(t)) continue;
      if (e.event_type === 'subscription_cancelled') {
        a.inputs.push(cancelInput(t, order++));
        continue;
      }
      if (e.amount_in_cents != null) {
        amount = e.amount_in_cents;
        tax = e.tax_amount_in_cents ?? 0;
      }
      if (e.plan_external_id) planExt = e.plan_external_id;
      if (e.quantity != null) quantity = e.quantity;
      if (e.currency) currency = e.currency;
      const plan = planExt ? plansByExt.get(`${ds}|${planExt}`) : undefined;
      const net = Math.max(0, amount - tax);
      const monthly = plan ? net / planMonths(plan) : net;
      a.inputs.push({
        t,
        order: order++,
        cancel: false,
        mrr: convertCents(monthly, currency, accountCurrency),
        live: true,
        planUuid: plan?.uuid ?? null,
        currency,
        quantity,
        end: Infinity,
        additive: false,
        net: 0,
      });
    }
  }

  // Subscription-level cancellation dates (PATCH /v1/import/subscriptions/{uuid}).
  for (const rec of state.subscriptions) {
    const a = subs.get(rec.uuid);
    if (!a) continue;
    for (const d of rec.cancellation_dates) {
      const t = parseTime(d);
      if (!Number.isNaN(t)) a.inputs.push(cancelInput(t, order++));
    }
  }

  const out: SubTimeline[] = [];
  for (const a of subs.values()) {
    // As recorded: a subscription without a set reports its own external id as the set id.
    if (!a.sub.setExternalId) a.sub.setExternalId = a.sub.externalId;
    if (!custExists.has(a.sub.customerUuid)) continue; // deleted customers take their data with them
    a.sub.points = resolvePoints(a.inputs);
    if (a.sub.points.length) out.push(a.sub);
  }
  return out;
}

function cancelInput(t: number, order: number): Input {
  return { t, order, cancel: true, mrr: 0, live: false, planUuid: null, currency: '', quantity: 0, end: t, additive: false, net: 0 };
}
