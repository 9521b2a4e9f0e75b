// Contract between the emulator's HTTP layer and its metric engine (metric model: docs/emulator.md).
// The HTTP layer only calls these functions; everything about MRR, churn and movements lives behind them.

import type { EmulatorState } from '../state';

export type MetricEndpoint =
  | 'all'
  | 'mrr'
  | 'arr'
  | 'arpa'
  | 'asp'
  | 'customer-count'
  | 'customer-churn-rate'
  | 'mrr-churn-rate'
  | 'ltv';

export interface MetricQuery {
  'start-date': string; // YYYY-MM-DD (validated by the HTTP layer)
  'end-date': string;
  interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
  geo?: string; // comma list of ISO alpha-2
  plans?: string; // comma list of plan names, uuids or external ids
  filters?: string; // CFL
}

/** An API answer: status + JSON body, exactly as the endpoint would send it. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** GET /v1/metrics/{endpoint}: entries per interval + summary, or a 400/422 error body for a bad query/filter. */
export function metricsAnswer(_state: EmulatorState, _endpoint: MetricEndpoint, _query: MetricQuery, _now: Date): ApiAnswer {
  throw new Error('metric engine not implemented yet');
}

/** Derived per-customer figures for customer objects: mrr/arr in cents (account currency), status, customer-since. */
export interface CustomerFigures {
  mrr: number;
  arr: number;
  status: 'Lead' | 'Active' | 'Past Due' | 'Cancelled';
  'customer-since': string | null; // ISO 8601 with +00:00
  currency: string;
  'currency-sign': string;
}

export function customerFigures(_state: EmulatorState, _customerUuid: string, _now: Date): CustomerFigures {
  throw new Error('metric engine not implemented yet');
}

/** Entries of GET /v1/customers/{uuid}/subscriptions (Metrics API shape, kebab-case keys), oldest first. */
export function customerSubscriptionEntries(_state: EmulatorState, _customerUuid: string, _now: Date): Record<string, unknown>[] {
  throw new Error('metric engine not implemented yet');
}

export interface ActivityFilter {
  'start-date'?: string;
  'end-date'?: string;
  type?: 'new_biz' | 'expansion' | 'contraction' | 'churn' | 'reactivation';
  customerUuid?: string;
  order?: 'date' | '-date';
}

/** All activity entries matching the filter (GET /v1/activities and /v1/customers/{uuid}/activities shapes, with uuid). */
export function activityEntries(_state: EmulatorState, _filter: ActivityFilter, _now: Date): Record<string, unknown>[] {
  throw new Error('metric engine not implemented yet');
}
