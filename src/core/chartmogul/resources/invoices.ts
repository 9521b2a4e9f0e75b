// Invoices (import many per customer, list, retrieve, delete, delete by external id) and transactions.
// Imported objects carry an `errors` map even on 2xx; use embeddedFieldErrors() from errorBody.ts to read it.

import { ApiRequest, CallOptions, ListOptions, listRequest, ListRequest, ListResponse, objectRequest, Requester, voidRequest } from '../request';
import { path } from '../query';

export type ErrorMap = Record<string, string | string[]>;

interface NewLineItemBase {
  amount_in_cents: number;
  quantity?: number;
  discount_amount_in_cents?: number;
  discount_code?: string;
  discount_description?: string;
  tax_amount_in_cents?: number;
  transaction_fees_in_cents?: number;
  transaction_fees_currency?: string;
  external_id?: string;
  event_order?: number;
  account_code?: string;
  description?: string;
  plan_uuid?: string;
}

export interface NewSubscriptionLineItem extends NewLineItemBase {
  type: 'subscription' | 'trial';
  plan_uuid: string;
  subscription_external_id: string;
  subscription_set_external_id?: string;
  service_period_start: string;
  service_period_end: string;
  prorated?: boolean;
  proration_type?: 'differential' | 'differential_mrr' | 'full';
  cancelled_at?: string;
}

export interface NewOneTimeLineItem extends NewLineItemBase {
  type: 'one_time';
}

export type NewLineItem = NewSubscriptionLineItem | NewOneTimeLineItem;

export interface NewTransaction {
  type: 'payment' | 'refund';
  date: string;
  result: 'successful' | 'failed';
  external_id?: string;
  amount_in_cents?: number;
  transaction_fees_in_cents?: number;
  transaction_fees_currency?: string;
}

export interface NewInvoice {
  external_id: string;
  date: string;
  currency: string;
  line_items: NewLineItem[];
  due_date?: string;
  customer_external_id?: string;
  data_source_uuid?: string;
  collection_method?: 'automatic' | 'manual';
  transactions?: NewTransaction[];
}

export interface LineItem {
  uuid: string;
  external_id: string | null;
  type: string;
  amount_in_cents: number;
  quantity?: number;
  description?: string | null;
  subscription_uuid?: string;
  subscription_external_id?: string;
  subscription_set_external_id?: string | null;
  plan_uuid?: string | null;
  prorated?: boolean;
  proration_type?: string | null;
  service_period_start?: string;
  service_period_end?: string;
  discount_code?: string | null;
  discount_amount_in_cents?: number | null;
  discount_description?: string | null;
  tax_amount_in_cents?: number | null;
  transaction_fees_in_cents?: number | null;
  transaction_fees_currency?: string | null;
  account_code?: string | null;
  event_order?: number | null;
  errors?: ErrorMap | null;
}

export interface Transaction {
  uuid: string;
  external_id: string | null;
  type: string;
  date: string;
  result: string;
  amount_in_cents?: number | null;
  transaction_fees_in_cents?: number | null;
  transaction_fees_currency?: string | null;
  disabled?: boolean;
  errors?: ErrorMap | null;
}

export interface Invoice {
  uuid: string;
  external_id: string;
  date: string;
  due_date: string | null;
  currency: string;
  customer_uuid?: string;
  status?: string;
  collection_method?: string;
  disabled?: boolean;
  disabled_at?: string | null;
  disabled_by?: string | null;
  edit_history_summary?: {
    values_changed: Record<string, { original_value: unknown; edited_value: unknown }>;
    latest_edit_author: string | null;
    latest_edit_performed_at: string | null;
  } | null;
  /** `{}` when valid; field → messages for invalid invoices (list with validation_type=invalid). */
  errors?: ErrorMap | null;
  line_items: LineItem[];
  transactions: Transaction[];
}

export interface InvoiceListParams {
  customer_uuid?: string;
  data_source_uuid?: string;
  external_id?: string;
  validation_type?: 'valid' | 'invalid' | 'all';
  include_edit_histories?: boolean;
  with_disabled?: boolean;
  per_page?: number;
  cursor?: string;
}

export type InvoiceRetrieveParams = Pick<InvoiceListParams, 'validation_type' | 'include_edit_histories' | 'with_disabled'>;
export type InvoiceList = ListResponse<'invoices', Invoice>;

export const invoiceRequests = {
  /** POST /v1/import/customers/{uuid}/invoices — the path needs the ChartMogul customer UUID, not the external id. */
  importMany: (customerUuid: string, invoices: NewInvoice[], handleAsUserEdit?: boolean): ApiRequest<{ invoices: Invoice[] }> =>
    objectRequest('post', path('/v1/import/customers', customerUuid, 'invoices'),
      handleAsUserEdit === undefined ? undefined : { handle_as_user_edit: handleAsUserEdit }, { invoices }),
  list: (params: InvoiceListParams = {}): ListRequest<'invoices', Invoice> => listRequest('/v1/invoices', 'invoices', { ...params }),
  listForCustomer: (customerUuid: string, page: { per_page?: number; cursor?: string } = {}): ListRequest<'invoices', Invoice> =>
    listRequest(path('/v1/import/customers', customerUuid, 'invoices'), 'invoices', { ...page }),
  retrieve: (uuid: string, params: InvoiceRetrieveParams = {}): ApiRequest<Invoice> => objectRequest('get', path('/v1/invoices', uuid), { ...params }),
  delete: (uuid: string): ApiRequest<void> => voidRequest('delete', path('/v1/invoices', uuid)),
  deleteByExternalId: (dataSourceUuid: string, externalId: string): ApiRequest<void> =>
    voidRequest('delete', '/v1/invoices', { data_source_uuid: dataSourceUuid, external_id: externalId }),
  createTransaction: (invoiceUuid: string, tx: NewTransaction): ApiRequest<Transaction> =>
    objectRequest('post', path('/v1/import/invoices', invoiceUuid, 'transactions'), undefined, tx),
};

export class InvoicesApi {
  constructor(private readonly r: Requester) {}

  /** Imports invoices of one customer; a 422 naming only duplicate external ids sets `alreadyExists`. */
  importMany(customerUuid: string, invoices: NewInvoice[], options: CallOptions & { handleAsUserEdit?: boolean } = {}): Invoice[] {
    return this.r.call(invoiceRequests.importMany(customerUuid, invoices, options.handleAsUserEdit), options).invoices;
  }

  list(params?: InvoiceListParams, o?: CallOptions): InvoiceList {
    return this.r.call(invoiceRequests.list(params), o);
  }

  listAll(params?: Omit<InvoiceListParams, 'cursor' | 'per_page'>, o?: ListOptions): Invoice[] {
    return this.r.listAll(invoiceRequests.list(params), o);
  }

  /** The invoice with this external id in a data source, or null. */
  findByExternalId(dataSourceUuid: string, externalId: string, o?: CallOptions): Invoice | null {
    const page = this.list({ data_source_uuid: dataSourceUuid, external_id: externalId }, o);
    return page.invoices.length > 0 ? page.invoices[0] : null;
  }

  listForCustomer(customerUuid: string, page?: { per_page?: number; cursor?: string }, o?: CallOptions): InvoiceList & { customer_uuid?: string } {
    return this.r.call(invoiceRequests.listForCustomer(customerUuid, page), o);
  }

  retrieve(uuid: string, params?: InvoiceRetrieveParams, o?: CallOptions): Invoice {
    return this.r.call(invoiceRequests.retrieve(uuid, params), o);
  }

  delete(uuid: string, o?: CallOptions): void {
    this.r.call(invoiceRequests.delete(uuid), o);
  }

  deleteByExternalId(dataSourceUuid: string, externalId: string, o?: CallOptions): void {
    this.r.call(invoiceRequests.deleteByExternalId(dataSourceUuid, externalId), o);
  }

  /** POST /v1/import/invoices/{uuid}/transactions (payment or refund of an imported invoice). */
  createTransaction(invoiceUuid: string, tx: NewTransaction, o?: CallOptions): Transaction {
    return this.r.call(invoiceRequests.createTransaction(invoiceUuid, tx), o);
  }
}
