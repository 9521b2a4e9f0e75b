// CHARTMOGUL_CUSTOMERS, CHARTMOGUL_CUSTOMER and CHARTMOGUL_SUBSCRIPTIONS: customer lists, one customer, its
// subscriptions. Lists follow every page (within the time budget); lookups by external id, e-mail or UUID are cached.

import { customerRequests, CustomerSubscription } from '../chartmogul';
import { isBlank, optionalText, requiredText, textList } from './args';
import { compactCustomer, CustomerRecord, DEFAULT_CUSTOMER_FIELDS, fieldCell, findField } from './customerFields';
import { parseInstant } from './days';
import { moneyUnits } from './metricCatalog';
import { ArgumentError, FormulaError, quote } from './errors';
import { canonicalQuery, FormulaSession } from './session';
import { LIST_TTL_SECONDS } from './ttl';
import { Arg, OutCell, Table } from './types';

const STATUSES: Record<string, string> = {
  lead: 'Lead', new_lead: 'New_Lead', working_lead: 'Working_Lead', qualified_lead: 'Qualified_Lead',
  unqualified_lead: 'Unqualified_Lead', active: 'Active', past_due: 'Past_Due', cancelled: 'Cancelled', canceled: 'Cancelled',
};

export function parseStatus(v: Arg): string | undefined {
  const t = optionalText('status', v);
  if (t === undefined || t.toLowerCase() === 'all') return undefined;
  const s = STATUSES[t.toLowerCase().replace(/[\s-]+/g, '_')];
  if (!s) throw new ArgumentError('status', `${quote(t)} is not a status (use Active, Cancelled, Past Due, Lead, New Lead, … or all)`);
  return s;
}

export function parseFields(argument: string, v: Arg): string[] {
  if (isBlank(v)) return DEFAULT_CUSTOMER_FIELDS.slice();
  return textList(argument, v).map((f) => findField(argument, f)).filter((f, i, all) => all.indexOf(f) === i);
}

export interface CustomersPlan { status?: string; fields: string[]; dataSource?: string }

export function planCustomers(a: { status?: Arg; fields?: Arg; data_source?: Arg }): CustomersPlan {
  return { status: parseStatus(a.status), fields: parseFields('fields', a.fields), dataSource: optionalText('data_source', a.data_source) };
}

function resolveDataSource(s: FormulaSession, nameOrUuid: string): string {
  if (/^ds_[0-9a-f-]{8,}$/i.test(nameOrUuid)) return nameOrUuid;
  const sources = s.cached({ canonical: 'data_sources', ttl: LIST_TTL_SECONDS }, (client, deadline) =>
    client.dataSources.list({}, { deadline }).map((d) => ({ uuid: d.uuid, name: d.name })),
  );
  const found = sources.filter((d) => d.name === nameOrUuid)[0] ||
    sources.filter((d) => d.name.toLowerCase() === nameOrUuid.toLowerCase())[0];
  if (!found) throw new FormulaError(`data_source: no data source named ${quote(nameOrUuid)}`);
  return found.uuid;
}

export function customersFormula(s: FormulaSession, p: CustomersPlan): Table {
  const ds = p.dataSource ? resolveDataSource(s, p.dataSource) : undefined;
  const params = { status: p.status, data_source_uuid: ds };
  const rows = s.cached({ canonical: canonicalQuery('customers', params), ttl: LIST_TTL_SECONDS }, (client, deadline) => {
    const out: CustomerRecord[] = [];
    client.eachPage(customerRequests.list(params), (items, page) => {
      for (const c of items) out.push(compactCustomer(c));
      if (page.has_more) s.checkTime('customers');
    }, { deadline });
    return out;
  });
  return [p.fields.slice(), ...rows.map((c) => p.fields.map((f) => fieldCell(c, f)))];
}

/** Customers matching a ChartMogul UUID (cus_…), an e-mail (contains @) or an external id. */
export function findCustomers(s: FormulaSession, argument: string, ref: string): CustomerRecord[] {
  const kind = /^cus_[0-9a-f-]{8,}$/i.test(ref) ? 'uuid' : ref.indexOf('@') > 0 ? 'email' : 'external_id';
  const found = s.cached({ canonical: canonicalQuery('customer', { [kind]: ref }), ttl: LIST_TTL_SECONDS }, (client, deadline) => {
    if (kind === 'uuid') {
      try {
        return [compactCustomer(client.customers.retrieve(ref, { deadline }))];
      } catch (e) {
        if ((e as { kind?: string }).kind === 'not_found') return [];
        throw e;
      }
    }
    const byExternalId = () => client.customers.list({ external_id: ref }, { deadline }).entries.map(compactCustomer);
    if (kind === 'external_id') return byExternalId();
    let byEmail: CustomerRecord[] = [];
    try {
      byEmail = client.customers.search(ref, {}, { deadline }).entries.map(compactCustomer);
    } catch (e) {
      if ((e as { kind?: string }).kind !== 'not_found') throw e; // the search answers 404 when no e-mail matches
    }
    return byEmail.length ? byEmail : byExternalId(); // an external id may contain "@" too
  });
  if (found.length === 0) throw new FormulaError(`${argument}: no customer ${quote(ref)}`);
  return found;
}

export interface CustomerPlan { ref: string; field?: string }

export function planCustomer(a: { external_id_or_email: Arg; field?: Arg }): CustomerPlan {
  const ref = requiredText('external_id_or_email', a.external_id_or_email);
  const field = isBlank(a.field) ? undefined : findField('field', requiredText('field', a.field));
  return { ref, field };
}

/** With `field`: that value of the first match; without: a table of the default fields, one row per match. */
export function customerFormula(s: FormulaSession, p: CustomerPlan): OutCell | Table {
  const found = findCustomers(s, 'external_id_or_email', p.ref);
  if (p.field) return fieldCell(found[0], p.field);
  return [DEFAULT_CUSTOMER_FIELDS.slice(), ...found.map((c) => DEFAULT_CUSTOMER_FIELDS.map((f) => fieldCell(c, f)))];
}

export const SUBSCRIPTION_HEADERS = ['External ID', 'Plan', 'Quantity', 'MRR', 'ARR', 'Currency', 'Status', 'Billing cycle', 'Billing cycle count', 'Start date', 'End date', 'UUID'];

function when(v: string | null | undefined): OutCell {
  if (!v) return '';
  const ms = parseInstant(v);
  return isNaN(ms) ? v : { instant: ms };
}

export function subscriptionRow(x: CustomerSubscription): OutCell[] {
  return [
    x.external_id || '', x.plan || '', x.quantity === null || x.quantity === undefined ? '' : x.quantity,
    moneyUnits(x.mrr || 0, x.currency), moneyUnits(x.arr || 0, x.currency), x.currency || '', x.status || '', x['billing-cycle'] || '',
    x['billing-cycle-count'] === null || x['billing-cycle-count'] === undefined ? '' : x['billing-cycle-count'],
    when(x['start-date']), when(x['end-date']), x.uuid || '',
  ];
}

export function planSubscriptions(a: { customer: Arg }): string {
  return requiredText('customer', a.customer);
}

/** Subscriptions of the first customer matching `ref` (UUID, e-mail or external id), oldest first. */
export function subscriptionsFormula(s: FormulaSession, ref: string): Table {
  const uuid = String(findCustomers(s, 'customer', ref)[0].uuid);
  const subs = s.cached({ canonical: canonicalQuery('subscriptions', { customer: uuid }), ttl: LIST_TTL_SECONDS }, (client, deadline) =>
    client.subscriptions.listAllForCustomer(uuid, { deadline }),
  );
  return [SUBSCRIPTION_HEADERS.slice(), ...subs.map(subscriptionRow)];
}
