// Customer-level MRR movements: per customer per local day, net of same-day changes, classified as
// new_biz / expansion / contraction / churn / reactivation (docs/emulator.md (Metric model) §Movements).

import type { ChangePoint, SubTimeline } from './timeline';
import type { DayClock } from './days';

export type MoveType = 'new_biz' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

export const EPS = 1e-6;

export interface SubDelta {
  sub: SubTimeline;
  before: number;
  after: number;
  t: number; // instant of the sub's last change that day
  point: ChangePoint; // the sub's point after the day
  prevPoint: ChangePoint | null; // its point before the day
}

export interface Movement {
  day: number;
  t: number; // instant of the last change that day
  tFirst: number; // instant of the first change that day
  customerUuid: string;
  before: number;
  after: number;
  type: MoveType;
  subs?: SubDelta[]; // only when details were requested (activities)
}

/** Which subscription points count (plan/currency segmentation); null = all. */
export type PointFilter = ((sub: SubTimeline, p: ChangePoint) => boolean) | null;

export function classify(before: number, after: number, everActive: boolean): MoveType | null {
  const wasOn = before > EPS;
  const isOn = after > EPS;
  if (!wasOn && isOn) return everActive ? 'reactivation' : 'new_biz';
  if (wasOn && !isOn) return 'churn';
  if (!wasOn && !isOn) return null;
  if (Math.abs(after - before) <= EPS) return null;
  return after > before ? 'expansion' : 'contraction';
}

/** All movements, ascending by day (then customer order of `subs`). */
export function computeMovements(
  subs: SubTimeline[],
  clock: DayClock,
  pointFilter: PointFilter,
  customerFilter: ((uuid: string) => boolean) | null,
  details: boolean,
): Movement[] {
  const byCustomer = new Map<string, SubTimeline[]>();
  for (const s of subs) {
    if (customerFilter && !customerFilter(s.customerUuid)) continue;
    const list = byCustomer.get(s.customerUuid);
    if (list) list.push(s);
    else byCustomer.set(s.customerUuid, [s]);
  }
  const out: Movement[] = [];
  interface Ev {
    t: number;
    day: number;
    si: number;
    p: ChangePoint;
    value: number;
  }
  for (const [customerUuid, list] of byCustomer) {
    const evs: Ev[] = [];
    list.forEach((s, si) => {
      for (const p of s.points) {
        const value = pointFilter && !pointFilter(s, p) ? 0 : p.mrr;
        evs.push({ t: p.t, day: clock.day(p.t), si, p, value });
      }
    });
    evs.sort((a, b) => a.t - b.t || a.si - b.si);
    const vals = new Array<number>(list.length).fill(0);
    const pts = new Array<ChangePoint | null>(list.length).fill(null);
    // Per-day scratch (details only): value/point at the start of the day and last change instant, per subscription.
    const startVal = details ? new Array<number>(list.length).fill(0) : null;
    const startPt = details ? new Array<ChangePoint | null>(list.length).fill(null) : null;
    const lastChange = details ? new Array<number>(list.length).fill(0) : null;
    const touchedDay = details ? new Array<number>(list.length).fill(NaN) : null;
    let total = 0;
    let everActive = false;
    let i = 0;
    while (i < evs.length) {
      const day = evs[i].day;
      const before = total;
      const touched: number[] = [];
      const firstT = evs[i].t;
      let lastT = firstT;
      while (i < evs.length && evs[i].day === day) {
        const e = evs[i];
        if (touchedDay && startVal && startPt && lastChange) {
          if (touchedDay[e.si] !== day) {
            touchedDay[e.si] = day;
            startVal[e.si] = vals[e.si];
            startPt[e.si] = pts[e.si];
            touched.push(e.si);
          }
          lastChange[e.si] = e.t;
        }
        total += e.value - vals[e.si];
        vals[e.si] = e.value;
        pts[e.si] = e.p;
        lastT = e.t;
        i++;
      }
      if (Math.abs(total) < EPS) total = 0;
      const type = classify(before, total, everActive);
      if (total > EPS) everActive = true;
      if (!type) continue;
      const m: Movement = { day, t: lastT, tFirst: firstT, customerUuid, before, after: total, type };
      if (startVal && startPt && lastChange) {
        m.subs = [];
        for (const si of touched) {
          if (Math.abs(vals[si] - startVal[si]) <= EPS) continue;
          m.subs.push({ sub: list[si], before: startVal[si], after: vals[si], t: lastChange[si], point: pts[si]!, prevPoint: startPt[si] });
        }
      }
      out.push(m);
    }
  }
  out.sort((a, b) => a.day - b.day);
  return out;
}
