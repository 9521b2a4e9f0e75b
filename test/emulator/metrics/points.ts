// Change points of one subscription: walks its line groups, cancellations and events in time order (period-end
// churn, replacement by regular lines, additive prorated lines) into the MRR steps the metrics are computed from.

import { DAY_MS } from './days';

export interface ChangePoint {
  t: number; // ms
  mrr: number; // account-currency cents per month, unrounded, ≥ 0
  live: boolean; // inside a paid/trial period and not cancelled (status "active")
  planUuid: string | null;
  currency: string; // the subscription's original (billing) currency
  quantity: number;
  until: number; // end of the covering service period (Infinity for event-driven subscriptions); t for dead points
}

export interface Input {
  t: number;
  order: number;
  cancel: boolean;
  mrr: number;
  live: boolean;
  planUuid: string | null;
  currency: string;
  quantity: number;
  end: number;
  /** Prorated line group (proration_type not "full"): adds to the covering period's MRR instead of replacing it. */
  additive: boolean;
  /** Additive groups: summed amounts net of tax, account currency, unnormalised, credits negative. */
  net: number;
}

/** Months between two instants: whole calendar months when the day-of-month and time match, else days/30. */
export function periodMonths(start: number, end: number): number {
  if (!(end > start)) return 0;
  const a = new Date(start);
  const b = new Date(end);
  const sameTail =
    a.getUTCDate() === b.getUTCDate() &&
    a.getUTCHours() === b.getUTCHours() &&
    a.getUTCMinutes() === b.getUTCMinutes() &&
    a.getUTCSeconds() === b.getUTCSeconds();
  if (sameTail) return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return (end - start) / DAY_MS / 30;
}

/**
 * Walks inputs in time order (cancellations before starts at the same instant) into change points.
 * A regular line group replaces the MRR from its start. A prorated group inside a covered period adds to it
 * (ChartMogul's prorated-invoice guide: an extra seat charged for the rest of the period, or a new-plan charge plus a
 * credit for the old plan): its amount is scaled by covered period ÷ prorated period and normalised to a month by the
 * covered period, and it lasts until its own end. Outside a covered period a prorated group starts MRR like any line.
 */
export function resolvePoints(inputs: Input[]): ChangePoint[] {
  const sorted = [...inputs].sort((x, y) => x.t - y.t || Number(y.cancel) - Number(x.cancel) || x.order - y.order);
  const points: ChangePoint[] = [];
  let cur: ChangePoint | null = null;
  let base = 0; // MRR of the last regular group
  let baseStart = 0; // start of the covered period it opened
  let deltas: Array<{ mrr: number; end: number; quantity: number }> = [];
  const push = (p: ChangePoint) => {
    const last = points[points.length - 1];
    if (last && last.t === p.t) points[points.length - 1] = p;
    else points.push(p);
    cur = p;
  };
  const level = () => Math.max(0, deltas.reduce((sum, d) => sum + d.mrr, base));
  const dead = (t: number, from: ChangePoint): ChangePoint => ({ ...from, t, mrr: 0, live: false, until: t });
  /** Applies period-end churn and expiring prorated deltas that happen before `t`. */
  const advance = (t: number) => {
    for (;;) {
      const c = cur as ChangePoint | null;
      if (!c || !c.live) return;
      const nextDelta = deltas.reduce((m, d) => Math.min(m, d.end), Infinity);
      if (nextDelta < t && nextDelta < c.until) {
        const gone = deltas.filter((d) => d.end === nextDelta);
        deltas = deltas.filter((d) => d.end !== nextDelta);
        const quantity = gone.reduce((q, d) => q - d.quantity, c.quantity);
        push({ ...c, t: nextDelta, mrr: level(), quantity });
      } else if (c.until < t) {
        deltas = [];
        push(dead(c.until, c));
      } else return;
    }
  };
  for (const inp of sorted) {
    advance(inp.t);
    const c2 = cur as ChangePoint | null;
    if (inp.cancel) {
      if (c2 && c2.live) push(dead(inp.t, c2));
      deltas = [];
      continue;
    }
    if (inp.additive && c2 && c2.live && c2.until > inp.t && Number.isFinite(c2.until)) {
      const full = c2.until - baseStart;
      const prorated = Number.isFinite(inp.end) ? inp.end - inp.t : full;
      const months = periodMonths(baseStart, c2.until);
      const mrr = months > 0 && prorated > 0 ? (inp.net * (full / prorated)) / months : 0;
      deltas.push({ mrr, end: inp.end, quantity: inp.quantity });
      push({ ...c2, t: inp.t, mrr: level(), planUuid: inp.planUuid ?? c2.planUuid, quantity: c2.quantity + inp.quantity, until: Math.max(c2.until, inp.end) });
      continue;
    }
    base = inp.mrr;
    baseStart = inp.t;
    deltas = [];
    push({
      t: inp.t,
      mrr: inp.mrr,
      live: inp.live,
      planUuid: inp.planUuid,
      currency: inp.currency,
      quantity: Math.abs(inp.quantity),
      until: inp.end,
    });
  }
  advance(Infinity);
  const c = cur as ChangePoint | null;
  if (c && c.live && Number.isFinite(c.until)) push(dead(c.until, c));
  return points;
}
