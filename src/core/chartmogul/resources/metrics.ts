// Metrics API (the nine /v1/metrics/* endpoints) and activities (global and per customer), kebab-case as sent.
// Money values (mrr, arr, arpa, asp, ltv, activity amounts) are integer cents; rates are percent floats.

import { ApiRequest, CallOptions, ListOptions, listRequest, ListRequest, ListResponse, objectRequest, Requester } from '../request';
import { path, Query } from '../query';

export type MetricInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface MetricsQuery {
  'start-date': string; // YYYY-MM-DD
  'end-date': string;
  interval?: MetricInterval;
  /** ISO alpha-2 codes; arrays are sent comma-separated. */
  geo?: string | string[];
  /** Plan names (case-sensitive), UUIDs or external ids. */
  plans?: string | string[];
  /** CFL, e.g. `currency~ANY~'USD'~AND~mrr~GT~150`. */
  filters?: string;
}

export interface MetricSummary {
  current: number;
  previous: number;
  'percentage-change': number;
}

export interface MetricResponse<E, S = MetricSummary> {
  entries: E[];
  summary?: S;
}

type Single<K extends string> = { date: string; 'percentage-change'?: number } & { [P in K]: number };

export interface MrrEntry {
  date: string;
  mrr: number;
  'percentage-change'?: number;
  'mrr-new-business': number;
  'mrr-expansion': number;
  'mrr-contraction': number;
  'mrr-churn': number;
  'mrr-reactivation': number;
}

type AllKeys = 'mrr' | 'arr' | 'arpa' | 'asp' | 'ltv' | 'customers' | 'customer-churn-rate' | 'mrr-churn-rate';
export type AllMetricsEntry = { date: string } & { [P in AllKeys]: number } & { [P in `${AllKeys}-percentage-change`]?: number };
export type AllMetricsSummary = { [P in `current-${AllKeys}` | `previous-${AllKeys}` | `${AllKeys}-percentage-change`]?: number };

export type MetricName =
  | 'all' | 'mrr' | 'arr' | 'arpa' | 'asp' | 'customer-count' | 'customer-churn-rate' | 'mrr-churn-rate' | 'ltv';

export interface Activity {
  uuid?: string;
  id?: number;
  date: string;
  type: string; // new_biz | expansion | contraction | churn | reactivation
  description: string;
  'activity-mrr-movement': number;
  'activity-mrr': number;
  'activity-arr': number;
  currency: string;
  'currency-sign'?: string;
  'customer-name'?: string;
  'customer-uuid'?: string;
  'customer-external-id'?: string;
  'subscription-external-id'?: string;
  'subscription-set-external-id'?: string;
  'plan-external-id'?: string;
  'billing-connector-uuid'?: string;
}

export interface ActivitiesQuery {
  'start-date'?: string;
  'end-date'?: string;
  type?: 'new_biz' | 'expansion' | 'contraction' | 'churn' | 'reactivation';
  order?: 'date' | '-date';
  per_page?: number;
  cursor?: string;
}

export type ActivityList = ListResponse<'entries', Activity>;

function metricsQuery(q: MetricsQuery): Query {
  const join = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);
  return { 'start-date': q['start-date'], 'end-date': q['end-date'], interval: q.interval, geo: join(q.geo), plans: join(q.plans), filters: q.filters };
}

export const metricRequests = {
  metric: <R>(name: MetricName, q: MetricsQuery): ApiRequest<R> => objectRequest('get', path('/v1/metrics', name), metricsQuery(q)),
  activities: (q: ActivitiesQuery = {}): ListRequest<'entries', Activity> => listRequest('/v1/activities', 'entries', { ...q }),
  customerActivities: (customerUuid: string, page: { per_page?: number; cursor?: string } = {}): ListRequest<'entries', Activity> =>
    listRequest(path('/v1/customers', customerUuid, 'activities'), 'entries', { ...page }),
};

export class MetricsApi {
  constructor(private readonly r: Requester) {}

  private get<R>(name: MetricName, q: MetricsQuery, o?: CallOptions): R {
    return this.r.call(metricRequests.metric<R>(name, q), o);
  }

  all(q: MetricsQuery, o?: CallOptions): MetricResponse<AllMetricsEntry, AllMetricsSummary> { return this.get('all', q, o); }
  mrr(q: MetricsQuery, o?: CallOptions): MetricResponse<MrrEntry> { return this.get('mrr', q, o); }
  arr(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'arr'>> { return this.get('arr', q, o); }
  arpa(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'arpa'>> { return this.get('arpa', q, o); }
  asp(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'asp'>> { return this.get('asp', q, o); }
  customerCount(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'customers'>> { return this.get('customer-count', q, o); }
  customerChurnRate(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'customer-churn-rate'>> { return this.get('customer-churn-rate', q, o); }
  mrrChurnRate(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'mrr-churn-rate'>> { return this.get('mrr-churn-rate', q, o); }
  ltv(q: MetricsQuery, o?: CallOptions): MetricResponse<Single<'ltv'>> { return this.get('ltv', q, o); }

  /** Any metric by its path name, entries untyped beyond `date`. */
  retrieve(name: MetricName, q: MetricsQuery, o?: CallOptions): MetricResponse<{ date: string } & Record<string, number | string>, Record<string, number>> {
    return this.get(name, q, o);
  }

  /** One page of activities (ascending by date unless `order: '-date'`). */
  activities(q?: ActivitiesQuery, o?: CallOptions): ActivityList {
    return this.r.call(metricRequests.activities(q), o);
  }

  allActivities(q?: Omit<ActivitiesQuery, 'cursor' | 'per_page'>, o?: ListOptions): Activity[] {
    return this.r.listAll(metricRequests.activities(q), o);
  }

  customerActivities(customerUuid: string, page?: { per_page?: number; cursor?: string }, o?: CallOptions): ActivityList {
    return this.r.call(metricRequests.customerActivities(customerUuid, page), o);
  }
}
