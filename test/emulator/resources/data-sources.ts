// Data source routes: create/list/retrieve/delete and "empty" (DELETE …/all), plus the optional
// with_processing_status / with_auto_churn_subscription_setting / with_invoice_handling_setting flags.

import { missingParam, notFound, unprocessable } from '../errors';
import { bodyObject, q, type Ctx, type Query } from '../http-types';
import { newId } from '../ids';
import type { Router } from '../router';
import type { DataSource } from '../state';
import { rejectPageParam } from '../pagination';
import { isBlank } from '../validate';
import { deleteDataSourceData, findDataSource } from './lookup';

const INVOICE_HANDLING = {
  create_subscription_when_invoice_is: 'open',
  update_subscription_when_invoice_is: 'open',
  prevent_subscription_for_invoice_voided: true,
  prevent_subscription_for_invoice_refunded: false,
  prevent_subscription_for_invoice_written_off: true,
};

export function dataSourceJson(ds: DataSource, query: Query, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {
    uuid: ds.uuid,
    name: ds.name,
    system: ds.system,
    created_at: ds.created_at,
    status: ds.status,
  };
  if (q(query, 'with_processing_status') === 'true') {
    const processed = ctx.state.invoices.filter((i) => i.data_source_uuid === ds.uuid).length;
    const pending = ctx.state.jsonImports.filter((j) => j.data_source_uuid === ds.uuid && j.status !== 'completed').length;
    out.processing_status = { processed, failed: 0, pending };
  }
  if (q(query, 'with_auto_churn_subscription_setting') === 'true') {
    out.auto_churn_subscription_setting = { enabled: false, interval: 0 };
  }
  if (q(query, 'with_invoice_handling_setting') === 'true') {
    out.invoice_handling_setting = { manual: { ...INVOICE_HANDLING }, automatic: { ...INVOICE_HANDLING } };
  }
  return out;
}

export function registerDataSources(r: Router): void {
  r.add('POST', '/v1/data_sources', (req, ctx) => {
    const b = bodyObject(req);
    if (!('name' in b)) return missingParam('name');
    if (isBlank(b.name)) return unprocessable({ name: 'A name is required for each data source.' });
    const name = String(b.name);
    if (ctx.state.dataSources.some((d) => d.name === name)) return unprocessable({ name: 'Has already been taken.' });
    const ds: DataSource = {
      uuid: newId('ds'),
      name,
      system: 'Custom',
      created_at: ctx.now.toISOString(),
      status: 'idle',
    };
    ctx.state.dataSources.push(ds);
    return { status: 201, body: dataSourceJson(ds, {}, ctx) };
  });

  r.add('GET', '/v1/data_sources', (req, ctx) => {
    const bad = rejectPageParam(req.query);
    if (bad) return bad;
    const name = q(req.query, 'name');
    const system = q(req.query, 'system');
    const list = ctx.state.dataSources.filter((d) => (!name || d.name === name) && (!system || d.system === system));
    return { status: 200, body: { data_sources: list.map((d) => dataSourceJson(d, req.query, ctx)) } };
  });

  r.add('GET', '/v1/data_sources/:uuid', (req, ctx) => {
    const ds = findDataSource(ctx.state, req.params.uuid);
    return ds ? { status: 200, body: dataSourceJson(ds, req.query, ctx) } : notFound('Data source not found');
  });

  r.add('DELETE', '/v1/data_sources/:uuid', (req, ctx) => {
    if (!findDataSource(ctx.state, req.params.uuid)) return notFound('Data source not found');
    deleteDataSourceData(ctx.state, req.params.uuid);
    return { status: 204 };
  });

  r.add('DELETE', '/v1/data_sources/:uuid/all', (req, ctx) => {
    if (!findDataSource(ctx.state, req.params.uuid)) return notFound('Data source not found');
    deleteDataSourceData(ctx.state, req.params.uuid, true);
    return { status: 204 };
  });
}
