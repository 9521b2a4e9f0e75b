// Aggregates movements into prefix sums and evaluates every metric for a day or a day range in O(log n).
// Rounding follows the recordings: money to integer cents (ARPA/ASP/LTV floored), rates to 2 decimals.

import type { Movement } from './movements';
import { EPS } from './movements';
import { monthsPerInterval, type Interval } from './intervals';

export class Series {
  private readonly days: number[] = [];
  private readonly mrr: number[] = [0];
  private readonly customers: number[] = [0];
  private readonly newBiz: number[] = [0];
  private readonly newCount: number[] = [0];
  private readonly expansion: number[] = [0];
  private readonly contraction: number[] = [0];
  private readonly churn: number[] = [0];
  private readonly churnCount: number[] = [0];
  private readonly reactivation: number[] = [0];

  constructor(movements: Movement[]) {
    for (const m of movements) {
      const k = this.days.length;
      this.days.push(m.day);
      const d = m.after - m.before;
      this.mrr.push(this.mrr[k] + d);
      const c = m.type === 'new_biz' || m.type === 'reactivation' ? 1 : m.type === 'churn' ? -1 : 0;
      this.customers.push(this.customers[k] + c);
      this.newBiz.push(this.newBiz[k] + (m.type === 'new_biz' ? d : 0));
      this.newCount.push(this.newCount[k] + (m.type === 'new_biz' ? 1 : 0));
      this.expansion.push(this.expansion[k] + (m.type === 'expansion' ? d : 0));
      this.contraction.push(this.contraction[k] + (m.type === 'contraction' ? d : 0));
      this.churn.push(this.churn[k] + (m.type === 'churn' ? d : 0));
      this.churnCount.push(this.churnCount[k] + (m.type === 'churn' ? 1 : 0));
      this.reactivation.push(this.reactivation[k] + (m.type === 'reactivation' ? d : 0));
    }
  }

  /** Number of movements on or before `day`. */
  private idx(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  mrrAt(day: number): number {
    const v = this.mrr[this.idx(day)];
    return Math.abs(v) < EPS ? 0 : v;
  }

  customersAt(day: number): number {
    return this.customers[this.idx(day)];
  }

  /** Sums over movements with from ≤ day ≤ to. */
  range(from: number, to: number): RangeSums {
    const a = this.idx(from - 1);
    const b = this.idx(to);
    return {
      newBiz: this.newBiz[b] - this.newBiz[a],
      newCount: this.newCount[b] - this.newCount[a],
      expansion: this.expansion[b] - this.expansion[a],
      contraction: this.contraction[b] - this.contraction[a],
      churn: this.churn[b] - this.churn[a],
      churnCount: this.churnCount[b] - this.churnCount[a],
      reactivation: this.reactivation[b] - this.reactivation[a],
    };
  }
}

export interface RangeSums {
  newBiz: number;
  newCount: number;
  expansion: number;
  contraction: number;
  churn: number;
  churnCount: number;
  reactivation: number;
}

export interface SlotMetrics {
  mrr: number;
  arr: number;
  customers: number;
  arpa: number;
  asp: number;
  ltv: number;
  'customer-churn-rate': number;
  'mrr-churn-rate': number;
  'mrr-new-business': number;
  'mrr-expansion': number;
  'mrr-contraction': number;
  'mrr-churn': number;
  'mrr-reactivation': number;
}

export const round2 = (x: number): number => {
  const r = Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
  return r === 0 ? 0 : r; // no -0
};
const cents = (x: number): number => {
  const r = Math.round(x);
  return r === 0 ? 0 : r;
};
const floorCents = (x: number): number => Math.floor(x + 1e-6);

/** Level metrics (MRR, customers, ARPA) at the end of `day`. */
export function levelAt(series: Series, day: number): { mrr: number; arr: number; customers: number; arpa: number } {
  const mrr = cents(series.mrrAt(day));
  const customers = series.customersAt(day);
  return { mrr, arr: 12 * mrr, customers, arpa: customers > 0 ? floorCents(mrr / customers) : 0 };
}

/** ASP over [from, to]: new-business MRR / number of new-business customers (0 without any). */
export function aspOf(series: Series, from: number, to: number): number {
  const r = series.range(from, to);
  return r.newCount > 0 ? floorCents(r.newBiz / r.newCount) : 0;
}

/** Every metric for the days [from, to]: levels at `to`, flows within the range, rates against `from - 1`. */
export function slotMetrics(series: Series, from: number, to: number, interval: Interval): SlotMetrics {
  const level = levelAt(series, to);
  const r = series.range(from, to);
  const startCustomers = series.customersAt(from - 1);
  const startMrr = series.mrrAt(from - 1);
  const customerChurnRate = startCustomers > 0 ? round2((r.churnCount / startCustomers) * 100) : 0;
  const netLoss = -(r.churn + r.contraction + r.expansion + r.reactivation);
  const mrrChurnRate = startMrr > EPS ? round2((netLoss / startMrr) * 100) : 0;
  const monthlyChurn = customerChurnRate / 100 / monthsPerInterval(interval);
  const ltv = monthlyChurn > 0 ? floorCents(level.arpa / monthlyChurn) : 0;
  return {
    ...level,
    asp: r.newCount > 0 ? floorCents(r.newBiz / r.newCount) : 0,
    ltv,
    'customer-churn-rate': customerChurnRate,
    'mrr-churn-rate': mrrChurnRate,
    'mrr-new-business': cents(r.newBiz),
    'mrr-expansion': cents(r.expansion),
    'mrr-contraction': cents(r.contraction),
    'mrr-churn': cents(r.churn),
    'mrr-reactivation': cents(r.reactivation),
  };
}

/** Percentage change as the API reports it: relative to |previous|, 2 decimals, 0 when previous is 0. */
export function pctChange(current: number, previous: number): number {
  if (previous === 0) return 0;
  return round2(((current - previous) / Math.abs(previous)) * 100);
}
