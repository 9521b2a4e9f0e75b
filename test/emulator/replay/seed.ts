// Seeds objects that recorded requests reference but the cassette never created (they pre-existed in the recording
// account): data sources, customers, plans, invoices and subscriptions are rebuilt from the recorded JSON of them.

import { parseApiDate } from '../dates';
import type { CustomAttribute, Customer, EmulatorState, Invoice, LineItem, Plan, Subscription } from '../state';
import type { Exchange } from './cassettes';
import { looksLikeId } from './idmap';

type Obj = Record<string, unknown>;

export interface Indexed {
  obj: Obj;
  /** customer_uuid from the enclosing response (import lists put it at the top level). */
  customerUuid?: string;
}

/** Every recorded object with a prefixed `uuid`, first occurrence wins (requests' own objects excluded). */
export function indexObjects(exchanges: Exchange[]): Map<string, Indexed> {
  const index = new Map<string, Indexed>();
  const visit = (v: unknown, customerUuid: string | undefined) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, customerUuid));
    if (!v || typeof v !== 'object') return;
    const o = v as Obj;
    const cu = typeof o.customer_uuid === 'string' ? o.customer_uuid : customerUuid;
    if (typeof o.uuid === 'string' && /^(ds|cus|pl|inv|sub)_/.test(o.uuid)) {
      const known = index.get(o.uuid);
      if (!known) index.set(o.uuid, { obj: o, customerUuid: cu });
      else if (!known.customerUuid && cu) known.customerUuid = cu;
    }
    for (const x of Object.values(o)) visit(x, cu);
  };
  for (const ex of exchanges) if (ex.status < 300) visit(ex.response_body, undefined);
  return index;
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const iso = (v: unknown): string | null => {
  const d = parseApiDate(v);
  return d ? d.toISOString() : null;
};

export class Seeder {
  seeded = new Set<string>();

  constructor(
    private readonly index: Map<string, Indexed>,
    private readonly state: () => EmulatorState,
  ) {}

  /** Seeds `uuid` (and what it depends on) unless the state already has it; false when nothing is known about it. */
  ensure(uuid: string): boolean {
    const st = this.state();
    const exists =
      st.dataSources.some((x) => x.uuid === uuid) ||
      st.customers.some((x) => x.uuid === uuid) ||
      st.plans.some((x) => x.uuid === uuid) ||
      st.invoices.some((x) => x.uuid === uuid) ||
      st.subscriptions.some((x) => x.uuid === uuid);
    if (exists) return true;
    const found = this.index.get(uuid);
    const prefix = uuid.split('_')[0];
    if (!found && prefix !== 'ds') return false;
    this.seeded.add(uuid);
    const o = found?.obj ?? {};
    switch (prefix) {
      case 'ds':
        st.dataSources.push({ uuid, name: s(o.name) ?? `seeded ${uuid}`, system: s(o.system) ?? 'Import API', created_at: s(o.created_at) ?? '2020-01-01T00:00:00.000Z', status: s(o.status) ?? 'idle' });
        return true;
      case 'cus':
        return this.customer(uuid, o);
      case 'pl':
        this.ensure(String(o.data_source_uuid));
        st.plans.push({ uuid, data_source_uuid: String(o.data_source_uuid), external_id: String(o.external_id), name: String(o.name), interval_count: Number(o.interval_count), interval_unit: o.interval_unit as Plan['interval_unit'] });
        return true;
      case 'sub':
        return this.subscription(uuid, o, found?.customerUuid);
      case 'inv':
        return this.invoice(uuid, o, found?.customerUuid);
      default:
        return false;
    }
  }

  private customer(uuid: string, o: Obj): boolean {
    const st = this.state();
    const ds = String(o.data_source_uuid);
    this.ensure(ds);
    const attrs = (o.attributes ?? {}) as Obj;
    const custom: Record<string, CustomAttribute> = {};
    for (const [k, v] of Object.entries((attrs.custom ?? {}) as Obj)) {
      const type = typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? 'Integer' : 'String';
      custom[k] = { type, value: v as CustomAttribute['value'], source: 'API' };
    }
    const c: Customer = {
      id: typeof o.id === 'number' ? o.id : st.nextCustomerId++,
      uuid,
      data_source_uuid: ds,
      external_id: String(o.external_id),
      name: s(o.name), email: s(o.email), company: s(o.company), country: s(o.country), state: s(o.state), city: s(o.city), zip: s(o.zip),
      website_url: s(o.website_url), owner: s(o.owner),
      lead_created_at: iso(o.lead_created_at), free_trial_started_at: iso(o.free_trial_started_at),
      tags: Array.isArray(attrs.tags) ? attrs.tags.map(String) : [],
      custom,
      created_at: '2020-01-01T00:00:00.000Z',
    };
    st.customers.push(c);
    st.nextCustomerId = Math.max(st.nextCustomerId, c.id + 1);
    return true;
  }

  /** A customer only known by uuid: attached to a synthetic seeded data source. */
  private ensureCustomer(cu: string | undefined, dsUuid: unknown): boolean {
    if (!cu) return false;
    if (this.ensure(cu)) return true;
    const ds = looksLikeId(dsUuid) ? dsUuid : 'ds_00000000-0000-4000-8000-000000000000';
    this.ensure(ds);
    this.seeded.add(cu);
    return this.customer(cu, { external_id: cu, data_source_uuid: ds });
  }

  private subscription(uuid: string, o: Obj, customerUuid: string | undefined): boolean {
    const cu = s(o.customer_uuid) ?? customerUuid;
    if (!cu || !this.ensureCustomer(cu, o.data_source_uuid)) return false;
    if (looksLikeId(o.plan_uuid)) this.ensure(o.plan_uuid);
    const sub: Subscription = {
      uuid,
      external_id: String(o.external_id),
      subscription_set_external_id: s(o.subscription_set_external_id),
      data_source_uuid: String(o.data_source_uuid),
      customer_uuid: cu,
      plan_uuid: s(o.plan_uuid),
      cancellation_dates: Array.isArray(o.cancellation_dates) ? o.cancellation_dates.map(String) : [],
    };
    this.state().subscriptions.push(sub);
    return true;
  }

  private invoice(uuid: string, o: Obj, customerUuid: string | undefined): boolean {
    const st = this.state();
    const cu = s(o.customer_uuid) ?? customerUuid;
    if (!cu || !this.ensureCustomer(cu, o.data_source_uuid)) return false;
    const customer = st.customers.find((c) => c.uuid === cu) as Customer;
    const lines: LineItem[] = ((o.line_items ?? []) as Obj[]).map((li) => {
      if (looksLikeId(li.plan_uuid)) this.ensure(li.plan_uuid);
      if (typeof li.subscription_uuid === 'string' && !st.subscriptions.some((x) => x.uuid === li.subscription_uuid)) {
        st.subscriptions.push({ uuid: li.subscription_uuid, external_id: String(li.subscription_external_id), subscription_set_external_id: s(li.subscription_set_external_id), data_source_uuid: customer.data_source_uuid, customer_uuid: cu, plan_uuid: s(li.plan_uuid), cancellation_dates: [] });
      }
      return {
        uuid: String(li.uuid), external_id: s(li.external_id), type: li.type as LineItem['type'],
        subscription_uuid: s(li.subscription_uuid), subscription_external_id: s(li.subscription_external_id), subscription_set_external_id: s(li.subscription_set_external_id),
        plan_uuid: s(li.plan_uuid), service_period_start: s(li.service_period_start), service_period_end: s(li.service_period_end),
        amount_in_cents: Number(li.amount_in_cents ?? 0), quantity: Number(li.quantity ?? 1), prorated: li.prorated === true, proration_type: s(li.proration_type),
        cancelled_at: null, discount_amount_in_cents: Number(li.discount_amount_in_cents ?? 0), discount_code: s(li.discount_code), discount_description: s(li.discount_description),
        tax_amount_in_cents: Number(li.tax_amount_in_cents ?? 0), transaction_fees_in_cents: Number(li.transaction_fees_in_cents ?? 0), transaction_fees_currency: s(li.transaction_fees_currency),
        description: s(li.description), event_order: typeof li.event_order === 'number' ? li.event_order : null, account_code: s(li.account_code),
      };
    });
    const inv: Invoice = {
      uuid, external_id: String(o.external_id), data_source_uuid: customer.data_source_uuid, customer_uuid: cu,
      date: String(o.date), due_date: s(o.due_date), currency: String(o.currency), collection_method: null,
      line_items: lines,
      transactions: ((o.transactions ?? []) as Obj[]).map((t) => ({
        uuid: String(t.uuid), external_id: s(t.external_id), type: t.type as 'payment', date: String(t.date), result: t.result as 'successful',
        amount_in_cents: typeof t.amount_in_cents === 'number' ? t.amount_in_cents : null,
        transaction_fees_in_cents: typeof t.transaction_fees_in_cents === 'number' ? t.transaction_fees_in_cents : null,
        transaction_fees_currency: s(t.transaction_fees_currency),
      })),
      disabled: false,
    };
    st.invoices.push(inv);
    return true;
  }
}
