// Data sources: create, list (unpaginated `data_sources`), retrieve with optional setting flags, delete.
// Request builders are exported for batching; DataSourcesApi sends them.

import { ApiRequest, CallOptions, listRequest, ListRequest, objectRequest, Requester, voidRequest } from '../request';
import { path } from '../query';

export interface InvoiceHandling {
  create_subscription_when_invoice_is: string;
  update_subscription_when_invoice_is: string;
  prevent_subscription_for_invoice_voided: boolean;
  prevent_subscription_for_invoice_refunded: boolean;
  prevent_subscription_for_invoice_written_off: boolean;
}

export interface DataSource {
  uuid: string;
  name: string;
  system?: string; // "Import API" (≤ 2023), "Custom"
  created_at: string;
  status: string; // never_imported | idle | import_complete | …
  processing_status?: { processed: number; pending: number; failed: number };
  auto_churn_subscription_setting?: { enabled: boolean; interval: number };
  invoice_handling_setting?: { manual: InvoiceHandling; automatic: InvoiceHandling };
}

export interface DataSourceFlags {
  with_processing_status?: boolean;
  with_auto_churn_subscription_setting?: boolean;
  with_invoice_handling_setting?: boolean;
}

export interface DataSourceListParams extends DataSourceFlags {
  name?: string;
  system?: string;
}

export const dataSourceRequests = {
  create: (input: { name: string }): ApiRequest<DataSource> => objectRequest('post', '/v1/data_sources', undefined, input),
  list: (params: DataSourceListParams = {}): ListRequest<'data_sources', DataSource> =>
    listRequest('/v1/data_sources', 'data_sources', { ...params }, false),
  retrieve: (uuid: string, flags: DataSourceFlags = {}): ApiRequest<DataSource> =>
    objectRequest('get', path('/v1/data_sources', uuid), { ...flags }),
  delete: (uuid: string): ApiRequest<void> => voidRequest('delete', path('/v1/data_sources', uuid)),
};

export class DataSourcesApi {
  constructor(private readonly r: Requester) {}

  /** 422 `name: Has already been taken.` sets `alreadyExists`. */
  create(input: { name: string }, o?: CallOptions): DataSource {
    return this.r.call(dataSourceRequests.create(input), o);
  }

  /** Every data source (the endpoint is not paginated). */
  list(params?: DataSourceListParams, o?: CallOptions): DataSource[] {
    return this.r.call(dataSourceRequests.list(params), o).data_sources;
  }

  retrieve(uuid: string, flags?: DataSourceFlags, o?: CallOptions): DataSource {
    return this.r.call(dataSourceRequests.retrieve(uuid, flags), o);
  }

  /** Deletes the source and all its data. */
  delete(uuid: string, o?: CallOptions): void {
    this.r.call(dataSourceRequests.delete(uuid), o);
  }
}
