// Metric segmentation: turns the `plans`, `geo` and CFL `filters` params into point- and customer-level predicates.
// Plan/currency conditions pick subscription MRR (plan conditions OR together); the rest pick whole customers.

import type { Customer, EmulatorState, Plan } from '../state';
import { CflError, parseCfl, type CflCondition, type CflOperator } from './cfl';
import type { PointFilter } from './movements';
import type { ChangePoint, SubTimeline } from './timeline';

export interface Segment {
  pointFilter: PointFilter;
  customerFilter: ((uuid: string) => boolean) | null;
}

export interface SegmentQuery {
  plans?: string;
  geo?: string;
  filters?: string;
}

const splitList = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Plan uuids matching any reference (exact, case-sensitive name, uuid or external id). */
export function resolvePlans(plans: Plan[], refs: string[]): Set<string> {
  const out = new Set<string>();
  const wanted = new Set(refs);
  for (const p of plans) if (wanted.has(p.name) || wanted.has(p.uuid) || wanted.has(p.external_id)) out.add(p.uuid);
  return out;
}

function isNum(v: unknown): boolean {
  return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
}

function compare(actual: unknown, value: string): number | null {
  if (actual === null || actual === undefined || actual === '') return null;
  if (isNum(actual) && isNum(value)) return Number(actual) - Number(value);
  if (typeof actual === 'string') {
    const ta = Date.parse(actual);
    const tv = Date.parse(value);
    if (!Number.isNaN(ta) && !Number.isNaN(tv) && /^\d{4}-\d{2}-\d{2}/.test(actual) && /^\d{4}-\d{2}-\d{2}/.test(value)) return ta - tv;
  }
  const a = String(actual).toLowerCase();
  const v = value.toLowerCase();
  return a < v ? -1 : a > v ? 1 : 0;
}

const equal = (actual: unknown, value: string): boolean => compare(actual, value) === 0;

export function matchScalar(actual: unknown, op: CflOperator, values: string[]): boolean {
  switch (op) {
    case 'ANY':
      return values.some((v) => equal(actual, v));
    case 'NONE':
      return !values.some((v) => equal(actual, v));
    case 'ALL':
      return values.every((v) => equal(actual, v));
    case 'EQ':
      return equal(actual, values[0]);
    case 'NOT_EQ':
      return !equal(actual, values[0]);
    case 'BETWEEN': {
      const lo = compare(actual, values[0]);
      const hi = compare(actual, values[1]);
      return lo !== null && hi !== null && lo >= 0 && hi <= 0;
    }
    default: {
      const c = compare(actual, values[0]);
      if (c === null) return false;
      return op === 'GT' ? c > 0 : op === 'GTE' ? c >= 0 : op === 'LT' ? c < 0 : c <= 0;
    }
  }
}

export function matchList(actual: string[], op: CflOperator, values: string[]): boolean {
  const has = (v: string) => actual.some((a) => a.toLowerCase() === v.toLowerCase());
  switch (op) {
    case 'ANY':
    case 'EQ':
      return op === 'EQ' ? has(values[0]) : values.some(has);
    case 'ALL':
      return values.every(has);
    case 'NONE':
      return !values.some(has);
    case 'NOT_EQ':
      return !has(values[0]);
    default:
      throw new CflError(`operator ${op} is not supported for list fields`);
  }
}

const NUMERIC_OPS: CflOperator[] = ['GT', 'GTE', 'LT', 'LTE', 'BETWEEN'];
const COUNTRY_FIELDS = new Set(['country', 'region', 'geo', 'customer_country']);
const CUSTOMER_SCALARS: Record<string, (c: Customer) => unknown> = {
  state: (c) => c.state,
  city: (c) => c.city,
  company: (c) => c.company,
  email: (c) => c.email,
  name: (c) => c.name,
  data_source_uuid: (c) => c.data_source_uuid,
};

/**
 * Builds the segment for a query. `currentMrr` gives a customer's current total MRR (cents) for `mrr` conditions,
 * whose values are in major units of the account currency. Throws CflError on a malformed or unsupported filter.
 */
export function buildSegment(state: EmulatorState, q: SegmentQuery, currentMrr: (uuid: string) => number): Segment {
  const pointTests: ((sub: SubTimeline, p: ChangePoint) => boolean)[] = [];
  const customerTests: ((c: Customer) => boolean)[] = [];

  if (q.plans && q.plans.trim()) {
    const set = resolvePlans(state.plans, splitList(q.plans));
    pointTests.push((_s, p) => p.planUuid !== null && set.has(p.planUuid));
  }
  if (q.geo && q.geo.trim()) {
    const geo = new Set(splitList(q.geo).map((g) => g.toUpperCase()));
    customerTests.push((c) => c.country !== null && geo.has(c.country.toUpperCase()));
  }

  const conditions: CflCondition[] = q.filters && q.filters.trim() ? parseCfl(q.filters) : [];
  const planOr: ((p: ChangePoint) => boolean)[] = [];
  for (const cond of conditions) {
    const { field, op, values } = cond;
    if (field === 'plan' || field === 'plans' || field === 'plan_uuid' || field === 'plan_external_id') {
      if (NUMERIC_OPS.includes(op)) throw new CflError(`operator ${op} is not supported for ${field}`);
      const set = resolvePlans(state.plans, values);
      const negate = op === 'NONE' || op === 'NOT_EQ';
      planOr.push((p) => (p.planUuid !== null && set.has(p.planUuid)) !== negate);
    } else if (field === 'currency') {
      pointTests.push((_s, p) => matchScalar(p.currency, op, values));
    } else if (COUNTRY_FIELDS.has(field)) {
      customerTests.push((c) => matchScalar(c.country, op, values));
    } else if (field === 'tag' || field === 'tags') {
      if (NUMERIC_OPS.includes(op)) throw new CflError(`operator ${op} is not supported for ${field}`);
      customerTests.push((c) => matchList(c.tags, op, values));
    } else if (field.startsWith('custom.') && field.length > 7) {
      const key = field.slice(7);
      customerTests.push((c) => {
        const attr = c.custom[key] ?? Object.entries(c.custom).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
        return matchScalar(attr ? attr.value : null, op, values);
      });
    } else if (field === 'mrr') {
      if (!values.every(isNum)) throw new CflError('mrr values must be numbers');
      const cents = values.map((v) => String(Number(v) * 100));
      customerTests.push((c) => matchScalar(currentMrr(c.uuid), op, cents));
    } else if (CUSTOMER_SCALARS[field]) {
      const get = CUSTOMER_SCALARS[field];
      customerTests.push((c) => matchScalar(get(c), op, values));
    } else {
      throw new CflError(`unknown filter field "${cond.field}"`);
    }
  }
  if (planOr.length) pointTests.push((_s, p) => planOr.some((f) => f(p)));

  let customerFilter: Segment['customerFilter'] = null;
  if (customerTests.length) {
    const byUuid = new Map(state.customers.map((c) => [c.uuid, c] as const));
    const memo = new Map<string, boolean>();
    customerFilter = (uuid) => {
      let ok = memo.get(uuid);
      if (ok === undefined) {
        const c = byUuid.get(uuid);
        ok = !!c && customerTests.every((t) => t(c));
        memo.set(uuid, ok);
      }
      return ok;
    };
  }
  const pointFilter: PointFilter = pointTests.length ? (s, p) => pointTests.every((t) => t(s, p)) : null;
  return { pointFilter, customerFilter };
}
