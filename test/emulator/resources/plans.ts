// Plan routes: create (201), list (data_source_uuid/external_id/system filters, cursor pagination), retrieve,
// PATCH update (202, as recorded) and delete (204). Without external_id the API generates one and reuses it in the uuid.

import { missingParam, notFound, unprocessable } from '../errors';
import { bodyObject, q, type Answer, type Ctx } from '../http-types';
import { bareUuid } from '../ids';
import { isAnswer, paginate, rejectPageParam } from '../pagination';
import type { Router } from '../router';
import type { IntervalUnit, Plan } from '../state';
import { isBlank, isInt } from '../validate';
import { findDataSource, findPlan } from './lookup';

export const PLAN_EXISTS = 'A plan with this identifier already exists in our system.';
const UNITS: IntervalUnit[] = ['day', 'month', 'year'];

export function planJson(p: Plan): Record<string, unknown> {
  return {
    external_id: p.external_id,
    name: p.name,
    interval_count: p.interval_count,
    interval_unit: p.interval_unit,
    data_source_uuid: p.data_source_uuid,
    uuid: p.uuid,
  };
}

function fieldErrors(b: Record<string, unknown>, partial: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if ((!partial || 'name' in b) && isBlank(b.name)) errors.name = "can't be blank";
  if ((!partial || 'interval_count' in b) && !(isInt(b.interval_count) && b.interval_count > 0)) {
    errors.interval_count = 'must be an integer greater than 0';
  }
  if ((!partial || 'interval_unit' in b) && !UNITS.includes(b.interval_unit as IntervalUnit)) {
    errors.interval_unit = 'must be one of day, month, year';
  }
  return errors;
}

/** Creates a plan from an API body (also used by the bulk JSON import). */
export function createPlan(b: Record<string, unknown>, ctx: Ctx): { plan: Plan } | { answer: Answer } {
  if (!('data_source_uuid' in b)) return { answer: missingParam('data_source_uuid') };
  const ds = findDataSource(ctx.state, b.data_source_uuid);
  if (!ds) return { answer: notFound('Data source not found') };
  const errors = fieldErrors(b, false);
  const generated = bareUuid();
  const externalId = isBlank(b.external_id) ? generated : String(b.external_id);
  if (ctx.state.plans.some((p) => p.data_source_uuid === ds.uuid && p.external_id === externalId)) {
    errors.external_id = PLAN_EXISTS;
  }
  if (Object.keys(errors).length) return { answer: unprocessable(errors) };
  const plan: Plan = {
    uuid: `pl_${isBlank(b.external_id) ? generated : bareUuid()}`,
    data_source_uuid: ds.uuid,
    external_id: externalId,
    name: String(b.name),
    interval_count: b.interval_count as number,
    interval_unit: b.interval_unit as IntervalUnit,
  };
  ctx.state.plans.push(plan);
  return { plan };
}

export function registerPlans(r: Router): void {
  r.add('POST', '/v1/plans', (req, ctx) => {
    const made = createPlan(bodyObject(req), ctx);
    return 'answer' in made ? made.answer : { status: 201, body: planJson(made.plan) };
  });

  r.add('GET', '/v1/plans', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const ds = q(req.query, 'data_source_uuid');
    const ext = q(req.query, 'external_id');
    const system = q(req.query, 'system');
    const list = ctx.state.plans.filter(
      (p) =>
        (!ds || p.data_source_uuid === ds) &&
        (!ext || p.external_id === ext) &&
        (!system || findDataSource(ctx.state, p.data_source_uuid)?.system === system),
    );
    const page = paginate(list, req.query, (p) => p.uuid);
    if (isAnswer(page)) return page;
    return { status: 200, body: { plans: page.items.map(planJson), has_more: page.has_more, cursor: page.cursor } };
  });

  r.add('GET', '/v1/plans/:uuid', (req, ctx) => {
    const p = findPlan(ctx.state, req.params.uuid);
    return p ? { status: 200, body: planJson(p) } : notFound('Plan not found');
  });

  r.add('PATCH', '/v1/plans/:uuid', (req, ctx) => {
    const p = findPlan(ctx.state, req.params.uuid);
    if (!p) return notFound('Plan not found');
    const b = bodyObject(req);
    const errors = fieldErrors(b, true);
    if (Object.keys(errors).length) return unprocessable(errors);
    if ('name' in b) p.name = String(b.name);
    if ('interval_count' in b) p.interval_count = b.interval_count as number;
    if ('interval_unit' in b) p.interval_unit = b.interval_unit as IntervalUnit;
    return { status: 202, body: planJson(p) };
  });

  r.add('DELETE', '/v1/plans/:uuid', (req, ctx) => {
    if (!findPlan(ctx.state, req.params.uuid)) return notFound('Plan not found');
    ctx.state.plans = ctx.state.plans.filter((p) => p.uuid !== req.params.uuid);
    return { status: 204 };
  });
}
