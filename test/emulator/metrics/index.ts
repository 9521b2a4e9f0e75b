// Contract between the emulator's HTTP layer and its metric engine (metric model: docs/emulator.md (Metric model)).
// The HTTP layer only calls these functions; everything about MRR, churn and movements lives behind them.

import type { EmulatorState } from '../state';
import { activitiesOf } from './activities';
import { answerMetrics } from './answer';
import { figuresOf, subscriptionEntriesOf } from './customers';

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

/** GET /v1/metrics/{endpoint}: entries per interval + summary, or a 400 `{code,message,param}` body for a bad query/filter. */
export function metricsAnswer(state: EmulatorState, endpoint: MetricEndpoint, query: MetricQuery, now: Date): ApiAnswer {
  return answerMetrics(state, endpoint, query, now);
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

export function customerFigures(state: EmulatorState, customerUuid: string, now: Date): CustomerFigures {
  return figuresOf(state, customerUuid, now);
}

/** Entries of GET /v1/customers/{uuid}/subscriptions (Metrics API shape, kebab-case keys), oldest first. */
export function customerSubscriptionEntries(state: EmulatorState, customerUuid: string, now: Date): Record<string, unknown>[] {
  return subscriptionEntriesOf(state, customerUuid, now);
}

export interface ActivityFilter {
  'start-date'?: string;
  'end-date'?: string;
  type?: 'new_biz' | 'expansion' | 'contraction' | 'churn' | 'reactivation';
  customerUuid?: string;
  order?: 'date' | '-date';
}

/** All activity entries matching the filter (GET /v1/activities and /v1/customers/{uuid}/activities shapes, with uuid). */
export function activityEntries(state: EmulatorState, filter: ActivityFilter, now: Date): Record<string, unknown>[] {
  return activitiesOf(state, filter, now);
}

export { withRequestScope } from './model';
