// Bulk JSON import: POST /v1/data_sources/{uuid}/json_imports (≤ 5 MB, external-id references) and status polling.
// Status goes queued → processing → completed; per-customer outcomes live in `status_details`.

import { ApiRequest, CallOptions, objectRequest, Requester } from '../request';
import { path } from '../query';

type Row = Record<string, unknown>;

export interface JsonImportCustomer extends Row { external_id: string }
export interface JsonImportPlan extends Row { name: string; interval_count: number; interval_unit: string; external_id?: string }
export interface JsonImportInvoice extends Row { external_id: string; customer_external_id: string; date: string; currency?: string }
export interface JsonImportLineItem extends Row { invoice_external_id: string; type: string; amount_in_cents: number }
export interface JsonImportTransaction extends Row { invoice_external_id: string; type: string; result: string; date: string }
export interface JsonImportSubscriptionEvent extends Row {
  customer_external_id: string; event_type: string; event_date: string; effective_date: string;
}

export interface NewJsonImport {
  /** Your batch id. */
  external_id: string;
  customers?: JsonImportCustomer[];
  plans?: JsonImportPlan[];
  invoices?: JsonImportInvoice[];
  line_items?: JsonImportLineItem[];
  transactions?: JsonImportTransaction[];
  subscription_events?: JsonImportSubscriptionEvent[];
}

export interface JsonImportStatusDetail {
  status?: string;
  [type: string]: unknown;
}

export interface JsonImport {
  id: string;
  data_source_uuid: string;
  status: string; // queued | processing | completed
  external_id: string;
  status_details: Record<string, JsonImportStatusDetail>;
  created_at: string;
  updated_at: string;
}

export const jsonImportRequests = {
  create: (dataSourceUuid: string, body: NewJsonImport): ApiRequest<JsonImport> =>
    objectRequest('post', path('/v1/data_sources', dataSourceUuid, 'json_imports'), undefined, body),
  /** `importId` may be the returned `id` or your batch `external_id` (the docs and clients disagree). */
  retrieve: (dataSourceUuid: string, importId: string): ApiRequest<JsonImport> =>
    objectRequest('get', path('/v1/data_sources', dataSourceUuid, 'json_imports', importId)),
};

export class JsonImportsApi {
  constructor(private readonly r: Requester) {}

  create(dataSourceUuid: string, body: NewJsonImport, o?: CallOptions): JsonImport {
    return this.r.call(jsonImportRequests.create(dataSourceUuid, body), o);
  }

  retrieve(dataSourceUuid: string, importId: string, o?: CallOptions): JsonImport {
    return this.r.call(jsonImportRequests.retrieve(dataSourceUuid, importId), o);
  }
}
