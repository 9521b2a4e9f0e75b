// The three list reports (customers with custom attributes as columns, subscriptions per customer, activities):
// their columns, how one API item becomes a row, and how one page is fetched (cursor in, cursor out).

import type { Activity, ChartMogulClient, Customer, CustomerSubscription } from '../chartmogul';
import { parseInstant } from '../export/days';
import { toUnit } from '../export/metricCatalog';
import type { OutCell } from '../export/types';
import type { DayRange } from './range';
import type { Column, ReportKind } from './types';

export type ListKind = Extract<ReportKind, 'customers' | 'subscriptions' | 'activities'>;

/** One list item as a row of the fixed columns plus (customers) its custom attribute values by key. */
export interface ListItem {
  cells: OutCell[];
  custom?: Record<string, unknown>;
}

export interface ListPage {
  items: ListItem[];
  /** Cursor of the next page, null when this was the last one. */
  next: string | null;
}

const T = (title: string): Column => ({ title, type: 'text' });
const M = (title: string): Column => ({ title, type: 'money' });

export const LIST_COLUMNS: Record<ListKind, Column[]> = {
  customers: [
    T('UUID'), T('External ID'), T('Name'), T('Email'), T('Company'), T('Country'), T('State'), T('City'), T('Status'),
    { title: 'Customer since', type: 'instant' }, M('MRR'), M('ARR'), T('Currency'), T('Tags'),
  ],
  subscriptions: [
    T('Customer name'), T('Customer UUID'), T('Customer external ID'), T('Subscription UUID'), T('External ID'), T('Plan'),
    { title: 'Quantity', type: 'count' }, M('MRR'), M('ARR'), T('Currency'), T('Status'), T('Billing cycle'),
    { title: 'Billing cycle count', type: 'count' }, { title: 'Start date', type: 'instant' }, { title: 'End date', type: 'instant' },
  ],
  activities: [
    { title: 'Date', type: 'instant' }, T('Type'), T('Description'), T('Customer name'), T('Customer UUID'),
    T('Customer external ID'), M('MRR movement'), M('MRR after'), M('ARR after'), T('Currency'),
    T('Subscription external ID'), T('Plan external ID'), T('UUID'),
  ],
};

/** Custom attribute columns: any value type, so plain text format (numbers and booleans still land as such). */
export function customColumn(key: string): Column {
  return { title: key, type: 'mixed' };
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function instant(v: unknown): OutCell {
  if (typeof v !== 'string' || !v) return '';
  const ms = parseInstant(v);
  return isNaN(ms) ? v : { instant: ms };
}

/** Minor units → currency units by the item's currency (JPY/KRW have none). */
function money(v: unknown, currency: unknown): OutCell {
  return typeof v === 'number' && isFinite(v) ? toUnit('money', v, typeof currency === 'string' ? currency : null) : '';
}

export function customerRow(c: Customer): ListItem {
  const attrs = c.attributes;
  return {
    cells: [
      text(c.uuid), text(c.external_id), text(c.name), text(c.email), text(c.company), text(c.country), text(c.state), text(c.city),
      text(c.status), instant(c['customer-since']), money(c.mrr, c.currency), money(c.arr, c.currency), text(c.currency),
      attrs && Array.isArray(attrs.tags) ? attrs.tags.join(', ') : '',
    ],
    custom: attrs && attrs.custom ? attrs.custom : {},
  };
}

export function subscriptionRow(c: Customer, s: CustomerSubscription): ListItem {
  return {
    cells: [
      text(c.name), text(c.uuid), text(c.external_id), text(s.uuid), text(s.external_id), text(s.plan),
      typeof s.quantity === 'number' ? s.quantity : '', money(s.mrr, s.currency), money(s.arr, s.currency), text(s.currency), text(s.status),
      text(s['billing-cycle']), typeof s['billing-cycle-count'] === 'number' ? s['billing-cycle-count'] : '',
      instant(s['start-date']), instant(s['end-date']),
    ],
  };
}

export function activityRow(a: Activity): ListItem {
  return {
    cells: [
      instant(a.date), text(a.type), text(a.description), text(a['customer-name']), text(a['customer-uuid']),
      text(a['customer-external-id']), money(a['activity-mrr-movement'], a.currency), money(a['activity-mrr'], a.currency), money(a['activity-arr'], a.currency),
      text(a.currency), text(a['subscription-external-id']), text(a['plan-external-id']), text(a.uuid),
    ],
  };
}

export interface PageRequest {
  client: ChartMogulClient;
  range: DayRange;
  cursor: string | null;
  perPage: number;
  deadline: number;
}

function nextCursor(page: { has_more?: boolean; cursor?: string | null }): string | null {
  return page.has_more && page.cursor ? page.cursor : null;
}

/** One page of customers or activities. Subscriptions are fetched per customer by the list runner. */
export function fetchPage(kind: Exclude<ListKind, 'subscriptions'>, r: PageRequest): ListPage {
  const o = { deadline: r.deadline };
  const cursor = r.cursor || undefined;
  if (kind === 'customers') {
    const page = r.client.customers.list({ per_page: r.perPage, cursor }, o);
    return { items: page.entries.map(customerRow), next: nextCursor(page) };
  }
  const page = r.client.metrics.activities({ 'start-date': r.range.start, 'end-date': r.range.end, per_page: r.perPage, cursor }, o);
  return { items: page.entries.map(activityRow), next: nextCursor(page) };
}
