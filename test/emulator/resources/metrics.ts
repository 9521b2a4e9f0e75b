// Metrics API routes: GET /v1/metrics/{all,mrr,…} (params validated here, figures from the metric engine) and the
// activity lists GET /v1/activities and GET /v1/customers/{uuid}/activities (cursor-paginated engine entries).

import { isPlainDate } from '../dates';
import { EngineError } from '../engine';
import { codeError, missingParam, notFound } from '../errors';
import { q, type Answer, type ApiRequest, type Ctx } from '../http-types';
import type { ActivityFilter, MetricEndpoint, MetricQuery } from '../metrics';
import { isAnswer, paginate, rejectPageParam } from '../pagination';
import type { Router } from '../router';
import { findCustomer } from './lookup';

export const METRIC_ENDPOINTS: MetricEndpoint[] = [
  'all',
  'mrr',
  'arr',
  'arpa',
  'asp',
  'customer-count',
  'customer-churn-rate',
  'mrr-churn-rate',
  'ltv',
];
const INTERVALS = ['day', 'week', 'month', 'quarter', 'year'] as const;
const ACTIVITY_TYPES = ['new_biz', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

function invalid(name: string): Answer {
  return codeError(400, `Parameter "${name}" is invalid`, name);
}

function engineCall<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new EngineError(`${what} failed: ${(e as Error).message}`);
  }
}

function metricQuery(req: ApiRequest): MetricQuery | Answer {
  const start = q(req.query, 'start-date');
  const end = q(req.query, 'end-date');
  if (start === undefined) return missingParam('start-date');
  if (end === undefined) return missingParam('end-date');
  if (!isPlainDate(start)) return invalid('start-date');
  if (!isPlainDate(end)) return invalid('end-date');
  if (end < start) return codeError(400, 'Parameter "end-date" must not be before "start-date"', 'end-date');
  const interval = q(req.query, 'interval') ?? 'day';
  if (!(INTERVALS as readonly string[]).includes(interval)) return invalid('interval');
  const mq: MetricQuery = { 'start-date': start, 'end-date': end, interval: interval as MetricQuery['interval'] };
  for (const k of ['geo', 'plans', 'filters'] as const) {
    const v = q(req.query, k);
    if (v !== undefined) mq[k] = v;
  }
  return mq;
}

function activityFilter(req: ApiRequest): ActivityFilter | Answer {
  const f: ActivityFilter = {};
  for (const k of ['start-date', 'end-date'] as const) {
    const v = q(req.query, k);
    if (v === undefined) continue;
    if (!isPlainDate(v.slice(0, 10))) return invalid(k);
    f[k] = v;
  }
  const type = q(req.query, 'type');
  if (type !== undefined) {
    if (!(ACTIVITY_TYPES as readonly string[]).includes(type)) return invalid('type');
    f.type = type as ActivityFilter['type'];
  }
  const order = q(req.query, 'order');
  if (order !== undefined) {
    if (order !== 'date' && order !== '-date') return invalid('order');
    f.order = order;
  }
  return f;
}

function activitiesAnswer(req: ApiRequest, ctx: Ctx, customerUuid?: string): Answer {
  const bad = rejectPageParam(req.query);
  if (bad) return bad;
  const filter = activityFilter(req);
  if ('status' in filter) return filter as Answer;
  if (customerUuid) filter.customerUuid = customerUuid;
  const entries = engineCall('activityEntries', () => ctx.engine.activityEntries(ctx.state, filter, ctx.now));
  const page = paginate(entries, req.query, (e) => String(e.uuid ?? e.id));
  if (isAnswer(page)) return page;
  return { status: 200, body: { entries: page.items, has_more: page.has_more, cursor: page.cursor } };
}

export function registerMetrics(r: Router): void {
  for (const endpoint of METRIC_ENDPOINTS) {
    r.add('GET', `/v1/metrics/${endpoint}`, (req, ctx) => {
      const mq = metricQuery(req);
      if ('status' in mq) return mq as Answer;
      const answer = engineCall('metricsAnswer', () => ctx.engine.metricsAnswer(ctx.state, endpoint, mq, ctx.now));
      return { status: answer.status, body: answer.body };
    });
  }

  r.add('GET', '/v1/activities', (req, ctx) => activitiesAnswer(req, ctx));

  r.add('GET', '/v1/customers/:uuid/activities', (req, ctx) => {
    if (!findCustomer(ctx.state, req.params.uuid)) return notFound('Customer not found');
    return activitiesAnswer(req, ctx, req.params.uuid);
  });
}
