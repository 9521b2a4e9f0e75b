// Subscriptions: a customer's subscriptions (Metrics API, kebab keys), the deprecated import list, cancellation,
// and subscription events (create/list/delete; delete sends `subscription_event[id]` as the query, as recorded).

import { ApiRequest, CallOptions, ListOptions, listRequest, ListRequest, ListResponse, objectRequest, Requester, voidRequest } from '../request';
import { path, Query } from '../query';
import { ErrorMap } from './invoices';

export interface CustomerSubscription {
  id: number;
  uuid: string;
  external_id: string;
  subscription_set_external_id?: string | null;
  plan: string;
  quantity: number;
  mrr: number; // cents
  arr: number; // cents
  status: string; // active | inactive
  'billing-cycle': string;
  'billing-cycle-count': number;
  'start-date': string;
  'end-date': string;
  currency: string;
  'currency-sign': string;
}

export interface ImportedSubscription {
  uuid: string;
  external_id: string;
  subscription_set_external_id?: string | null;
  plan_uuid: string;
  customer_uuid?: string;
  data_source_uuid: string;
  cancellation_dates: string[];
}

/** Either append one cancellation or replace the whole history (`[]` removes all). */
export type Cancellation = { cancelled_at: string } | { cancellation_dates: string[] };

export type SubscriptionEventType =
  | 'subscription_start' | 'subscription_start_scheduled' | 'scheduled_subscription_start_retracted'
  | 'subscription_updated' | 'subscription_update_scheduled' | 'scheduled_subscription_update_retracted'
  | 'subscription_cancelled' | 'subscription_cancellation_scheduled' | 'scheduled_subscription_cancellation_retracted'
  | 'subscription_event_retracted';

export interface NewSubscriptionEvent {
  data_source_uuid: string;
  customer_external_id: string;
  event_type: SubscriptionEventType;
  event_date: string;
  effective_date: string;
  subscription_external_id?: string;
  subscription_set_external_id?: string;
  plan_external_id?: string;
  currency?: string;
  amount_in_cents?: number;
  quantity?: number;
  tax_amount_in_cents?: number;
  external_id?: string;
  event_order?: number;
  retracted_event_id?: number;
}

export interface SubscriptionEvent {
  id: number;
  data_source_uuid: string;
  customer_external_id: string;
  event_type: string;
  event_date: string;
  effective_date: string;
  external_id: string | null;
  subscription_external_id?: string | null;
  subscription_set_external_id?: string | null;
  plan_external_id?: string | null;
  currency?: string | null;
  amount_in_cents?: number | null; // cents (an old recording shows "")
  quantity?: number | null;
  tax_amount_in_cents?: number | null;
  retracted_event_id?: number | null;
  event_order?: number | null;
  disabled?: boolean;
  errors?: ErrorMap | null;
  created_at?: string;
  updated_at?: string;
}

export interface SubscriptionEventListParams {
  data_source_uuid?: string;
  external_id?: string;
  customer_external_id?: string;
  customer_uuid?: string;
  subscription_external_id?: string;
  event_type?: string;
  event_date?: string;
  effective_date?: string;
  plan_external_id?: string;
  per_page?: number;
  cursor?: string;
}

/** By id, or by (data_source_uuid, external_id). */
export type SubscriptionEventRef = { id: number } | { data_source_uuid: string; external_id: string };

type Page = { per_page?: number; cursor?: string };
export type CustomerSubscriptionList = ListResponse<'entries', CustomerSubscription>;
export type ImportedSubscriptionList = ListResponse<'subscriptions', ImportedSubscription> & { customer_uuid?: string };
export type SubscriptionEventList = ListResponse<'subscription_events', SubscriptionEvent>;

function eventRefQuery(ref: SubscriptionEventRef): Query {
  return 'id' in ref
    ? { 'subscription_event[id]': ref.id }
    : { 'subscription_event[data_source_uuid]': ref.data_source_uuid, 'subscription_event[external_id]': ref.external_id };
}

const E = '/v1/subscription_events';

export const subscriptionRequests = {
  listForCustomer: (customerUuid: string, page: Page = {}): ListRequest<'entries', CustomerSubscription> =>
    listRequest(path('/v1/customers', customerUuid, 'subscriptions'), 'entries', { ...page }),
  /** Deprecated by the 2026 clients; still the only list with subscription UUIDs for cancellation. */
  listImported: (customerUuid: string, page: Page = {}): ListRequest<'subscriptions', ImportedSubscription> =>
    listRequest(path('/v1/import/customers', customerUuid, 'subscriptions'), 'subscriptions', { ...page }),
  cancel: (subscriptionUuid: string, cancellation: Cancellation): ApiRequest<ImportedSubscription> =>
    objectRequest('patch', path('/v1/import/subscriptions', subscriptionUuid), undefined, cancellation),
  createEvent: (event: NewSubscriptionEvent): ApiRequest<SubscriptionEvent> =>
    objectRequest('post', E, undefined, { subscription_event: event }),
  listEvents: (params: SubscriptionEventListParams = {}): ListRequest<'subscription_events', SubscriptionEvent> =>
    listRequest(E, 'subscription_events', { ...params }),
  deleteEvent: (ref: SubscriptionEventRef): ApiRequest<void> => voidRequest('delete', E, eventRefQuery(ref)),
};

export class SubscriptionsApi {
  constructor(private readonly r: Requester) {}

  listForCustomer(customerUuid: string, page?: Page, o?: CallOptions): CustomerSubscriptionList {
    return this.r.call(subscriptionRequests.listForCustomer(customerUuid, page), o);
  }

  listAllForCustomer(customerUuid: string, o?: ListOptions): CustomerSubscription[] {
    return this.r.listAll(subscriptionRequests.listForCustomer(customerUuid), o);
  }

  listImported(customerUuid: string, page?: Page, o?: CallOptions): ImportedSubscriptionList {
    return this.r.call(subscriptionRequests.listImported(customerUuid, page), o);
  }

  /** PATCH /v1/import/subscriptions/{uuid} (202 with the subscription). */
  cancel(subscriptionUuid: string, cancellation: Cancellation, o?: CallOptions): ImportedSubscription {
    return this.r.call(subscriptionRequests.cancel(subscriptionUuid, cancellation), o);
  }

  createEvent(event: NewSubscriptionEvent, o?: CallOptions): SubscriptionEvent {
    return this.r.call(subscriptionRequests.createEvent(event), o);
  }

  listEvents(params?: SubscriptionEventListParams, o?: CallOptions): SubscriptionEventList {
    return this.r.call(subscriptionRequests.listEvents(params), o);
  }

  listAllEvents(params?: Omit<SubscriptionEventListParams, 'cursor' | 'per_page'>, o?: ListOptions): SubscriptionEvent[] {
    return this.r.listAll(subscriptionRequests.listEvents(params), o);
  }

  deleteEvent(ref: SubscriptionEventRef, o?: CallOptions): void {
    this.r.call(subscriptionRequests.deleteEvent(ref), o);
  }
}
