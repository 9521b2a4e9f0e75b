// Serialises customers as the API returns them: the full object (snake_case mixed with kebab-case keys) and
// the short form used by the attributes-by-email endpoints. Figures (mrr, arr, status, …) come from the metric engine.

import { withOffset } from '../dates';
import { EngineError } from '../engine';
import type { Ctx } from '../http-types';
import type { CustomAttribute, Customer } from '../state';
import type { CustomerFigures } from '../metrics';
import { countryName } from '../validate';
import { findDataSource } from './lookup';

export function figuresOf(ctx: Ctx, customerUuid: string): CustomerFigures {
  try {
    return ctx.engine.customerFigures(ctx.state, customerUuid, ctx.now);
  } catch (e) {
    throw new EngineError(`customerFigures failed: ${(e as Error).message}`);
  }
}

export function customValues(custom: Record<string, CustomAttribute>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, a] of Object.entries(custom)) out[k] = a.value;
  return out;
}

function customerSince(f: CustomerFigures): string | null {
  const v = f['customer-since'];
  return v && v.endsWith('Z') ? withOffset(v) : v;
}

/** `inList`: list/search entries omit website_url — no recorded list entry carries it (single objects do since 2025). */
export function customerJson(c: Customer, ctx: Ctx, inList = false): Record<string, unknown> {
  const f = figuresOf(ctx, c.uuid);
  const ds = findDataSource(ctx.state, c.data_source_uuid);
  const urlName = (c.company || c.name || '').replace(/\s+/g, '_');
  return {
    id: c.id,
    uuid: c.uuid,
    external_id: c.external_id,
    name: c.name ?? '',
    email: c.email ?? '',
    status: f.status,
    'customer-since': customerSince(f),
    attributes: { custom: customValues(c.custom), clearbit: {}, stripe: {}, tags: [...c.tags] },
    data_source_uuid: c.data_source_uuid,
    data_source_uuids: [c.data_source_uuid],
    external_ids: [c.external_id],
    company: c.company ?? '',
    country: c.country,
    state: c.state,
    city: c.city ?? '',
    zip: c.zip,
    lead_created_at: c.lead_created_at,
    free_trial_started_at: c.free_trial_started_at,
    address: { country: countryName(c.country), state: c.state, city: c.city ?? '', address_zip: c.zip },
    mrr: f.mrr,
    arr: f.arr,
    'billing-system-url': null,
    'chartmogul-url': `https://app.chartmogul.com/#/customers/${c.id}-${urlName}`,
    'billing-system-type': ds ? ds.system : 'Custom',
    currency: f.currency,
    'currency-sign': f['currency-sign'],
    owner: c.owner,
    ...(inList ? {} : { website_url: c.website_url }),
  };
}

/** Short form returned by POST /v1/customers/attributes/{tags,custom} (recorded). */
export function customerShortJson(c: Customer, ctx: Ctx): Record<string, unknown> {
  const f = figuresOf(ctx, c.uuid);
  return {
    id: c.id,
    uuid: c.uuid,
    external_id: c.external_id,
    name: c.name ?? '',
    email: c.email ?? '',
    status: f.status,
    'customer-since': customerSince(f),
    attributes: { tags: [...c.tags], stripe: {}, custom: customValues(c.custom) },
  };
}
