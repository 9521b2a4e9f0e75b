// Customers (create/list/search/retrieve/update/delete) plus their attributes, tags and custom attributes.
// Search by e-mail answers 404 when nothing matches; here that is an empty list, not an error.

import { ApiRequest, CallOptions, ListOptions, listRequest, ListRequest, ListResponse, objectRequest, Requester, voidRequest } from '../request';
import { path } from '../query';

export type CustomAttributeType = 'String' | 'Integer' | 'Decimal' | 'Timestamp' | 'Boolean';
export type CustomAttributeValue = string | number | boolean | null;

export interface NewCustomAttribute {
  type: CustomAttributeType;
  key: string;
  value: CustomAttributeValue;
  source?: string;
}

export interface PrimaryContact {
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  title?: string | null;
  phone?: string | null;
  linked_in?: string | null;
  twitter?: string | null;
  notes?: string | null;
}

export interface CustomerFields {
  name?: string | null;
  email?: string | null;
  company?: string | null;
  country?: string | null; // ISO 3166-1 alpha-2
  state?: string | null; // ISO 3166-2 for US (US-NY)
  city?: string | null;
  zip?: string | null;
  lead_created_at?: string | null; // ISO 8601, in the past
  free_trial_started_at?: string | null;
  owner?: string | null; // e-mail of a ChartMogul user
  website_url?: string | null;
  primary_contact?: PrimaryContact;
}

export interface NewCustomer extends CustomerFields {
  data_source_uuid: string;
  external_id: string;
  name: string;
  attributes?: { tags?: string[]; custom?: NewCustomAttribute[] };
}

export interface CustomerUpdate extends CustomerFields {
  attributes?: { tags?: string[]; custom?: Record<string, CustomAttributeValue> };
}

export interface CustomerAttributes {
  tags: string[];
  custom: Record<string, CustomAttributeValue>;
  stripe?: Record<string, unknown>;
  clearbit?: Record<string, unknown>;
}

export interface Customer {
  id: number;
  uuid: string;
  external_id: string;
  external_ids?: string[];
  data_source_uuid?: string;
  data_source_uuids?: string[];
  name: string | null;
  email: string | null;
  company?: string | null;
  country?: string | null;
  state?: string | null;
  city?: string | null;
  zip?: string | null;
  address?: { country: string | null; state: string | null; city: string | null; address_zip: string | null };
  status: string; // "New Lead", "Active", "Past Due", "Cancelled", …
  'customer-since': string | null;
  lead_created_at?: string | null;
  free_trial_started_at?: string | null;
  attributes?: CustomerAttributes;
  mrr?: number; // cents
  arr?: number; // cents
  currency?: string;
  'currency-sign'?: string;
  'billing-system-type'?: string;
  'billing-system-url'?: string | null;
  'chartmogul-url'?: string;
  owner?: string | null;
  website_url?: string | null;
}

/** List filter; status values use underscores (`New_Lead`, `Past_Due`). */
export interface CustomerListParams {
  data_source_uuid?: string;
  external_id?: string;
  status?: string;
  system?: string;
  per_page?: number;
  cursor?: string;
}

export type CustomerList = ListResponse<'entries', Customer>;

const C = '/v1/customers';

export const customerRequests = {
  create: (input: NewCustomer): ApiRequest<Customer> => objectRequest('post', C, undefined, input),
  list: (params: CustomerListParams = {}): ListRequest<'entries', Customer> => listRequest(C, 'entries', { ...params }),
  search: (email: string, page: { per_page?: number; cursor?: string } = {}): ListRequest<'entries', Customer> => ({
    ...listRequest<'entries', Customer>(`${C}/search`, 'entries', { email, ...page }),
    notFound: (): CustomerList => ({ entries: [], has_more: false, cursor: null }),
  }),
  retrieve: (uuid: string): ApiRequest<Customer> => objectRequest('get', path(C, uuid)),
  update: (uuid: string, changes: CustomerUpdate): ApiRequest<Customer> => objectRequest('patch', path(C, uuid), undefined, changes),
  delete: (uuid: string): ApiRequest<void> => voidRequest('delete', path(C, uuid)),
  attributes: (uuid: string): ApiRequest<CustomerAttributes> => objectRequest('get', path(C, uuid, 'attributes')),
  addTags: (uuid: string, tags: string[]): ApiRequest<{ tags: string[] }> =>
    objectRequest('post', path(C, uuid, 'attributes', 'tags'), undefined, { tags }),
  removeTags: (uuid: string, tags: string[]): ApiRequest<{ tags: string[] }> =>
    objectRequest('delete', path(C, uuid, 'attributes', 'tags'), undefined, { tags }),
  addTagsByEmail: (email: string, tags: string[]): ApiRequest<{ entries: Customer[] }> =>
    objectRequest('post', `${C}/attributes/tags`, undefined, { email, tags }),
  addCustomAttributes: (uuid: string, custom: NewCustomAttribute[]): ApiRequest<{ custom: Record<string, CustomAttributeValue> }> =>
    objectRequest('post', path(C, uuid, 'attributes', 'custom'), undefined, { custom }),
  updateCustomAttributes: (uuid: string, custom: Record<string, CustomAttributeValue>): ApiRequest<{ custom: Record<string, CustomAttributeValue> }> =>
    objectRequest('put', path(C, uuid, 'attributes', 'custom'), undefined, { custom }),
  removeCustomAttributes: (uuid: string, keys: string[]): ApiRequest<void> =>
    voidRequest('delete', path(C, uuid, 'attributes', 'custom'), undefined, { custom: keys }),
  addCustomAttributesByEmail: (email: string, custom: NewCustomAttribute[]): ApiRequest<{ entries: Customer[] }> =>
    objectRequest('post', `${C}/attributes/custom`, undefined, { email, custom }),
};

export class CustomersApi {
  constructor(private readonly r: Requester) {}

  /** 422 "The external ID for this customer already exists…" sets `alreadyExists`. */
  create(input: NewCustomer, o?: CallOptions): Customer {
    return this.r.call(customerRequests.create(input), o);
  }

  /** One page (send `cursor` from the previous page); see `listAll` for everything. */
  list(params?: CustomerListParams, o?: CallOptions): CustomerList {
    return this.r.call(customerRequests.list(params), o);
  }

  listAll(params?: Omit<CustomerListParams, 'cursor' | 'per_page'>, o?: ListOptions): Customer[] {
    return this.r.listAll(customerRequests.list(params), o);
  }

  /** First customer with this external id (optionally within one data source), or null. */
  findByExternalId(externalId: string, dataSourceUuid?: string, o?: CallOptions): Customer | null {
    const page = this.list({ external_id: externalId, data_source_uuid: dataSourceUuid }, o);
    return page.entries.length > 0 ? page.entries[0] : null;
  }

  /** Customers with this e-mail; an empty page when there are none (the API's 404). */
  search(email: string, page?: { per_page?: number; cursor?: string }, o?: CallOptions): CustomerList {
    return this.r.call(customerRequests.search(email, page), o);
  }

  retrieve(uuid: string, o?: CallOptions): Customer {
    return this.r.call(customerRequests.retrieve(uuid), o);
  }

  update(uuid: string, changes: CustomerUpdate, o?: CallOptions): Customer {
    return this.r.call(customerRequests.update(uuid, changes), o);
  }

  delete(uuid: string, o?: CallOptions): void {
    this.r.call(customerRequests.delete(uuid), o);
  }

  attributes(uuid: string, o?: CallOptions): CustomerAttributes {
    return this.r.call(customerRequests.attributes(uuid), o);
  }

  /** Returns all tags of the customer afterwards. */
  addTags(uuid: string, tags: string[], o?: CallOptions): string[] {
    return this.r.call(customerRequests.addTags(uuid, tags), o).tags;
  }

  /** Returns the remaining tags. */
  removeTags(uuid: string, tags: string[], o?: CallOptions): string[] {
    return this.r.call(customerRequests.removeTags(uuid, tags), o).tags;
  }

  /** Tags every customer with this e-mail; returns those customers. */
  addTagsByEmail(email: string, tags: string[], o?: CallOptions): Customer[] {
    return this.r.call(customerRequests.addTagsByEmail(email, tags), o).entries;
  }

  addCustomAttributes(uuid: string, custom: NewCustomAttribute[], o?: CallOptions): Record<string, CustomAttributeValue> {
    return this.r.call(customerRequests.addCustomAttributes(uuid, custom), o).custom;
  }

  /** Sets values of already-defined keys; returns all custom attributes. */
  updateCustomAttributes(uuid: string, custom: Record<string, CustomAttributeValue>, o?: CallOptions): Record<string, CustomAttributeValue> {
    return this.r.call(customerRequests.updateCustomAttributes(uuid, custom), o).custom;
  }

  removeCustomAttributes(uuid: string, keys: string[], o?: CallOptions): void {
    this.r.call(customerRequests.removeCustomAttributes(uuid, keys), o);
  }

  addCustomAttributesByEmail(email: string, custom: NewCustomAttribute[], o?: CallOptions): Customer[] {
    return this.r.call(customerRequests.addCustomAttributesByEmail(email, custom), o).entries;
  }
}
