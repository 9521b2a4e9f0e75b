// Shared types of the pure import core: cells as Sheets gives them, tab templates, parsed rows and payloads.
// Payload types are exactly the ChartMogul request bodies (snake_case, money in *_in_cents), see reference §7–§11.

/** A cell value as `Range.getValues()` returns it: `''` for empty, `Date` for date cells. */
export type Cell = string | number | boolean | Date;

/** Minutes east of UTC of `timeZone` at the instant `utcMs` (Apps Script: `Utilities.formatDate(d, tz, 'Z')`). */
export type ZoneOffset = (timeZone: string, utcMs: number) => number;

export interface DateContext {
  /** The spreadsheet's time zone (IANA name), used for ISO text without a zone and in messages. */
  timeZone: string;
  zoneOffset: ZoneOffset;
}

export interface ParseContext extends DateContext {
  /** Epoch milliseconds; dates after this are "in the future". */
  now: number;
}

/** An amount in currency units before its currency is known: a number cell, or the digits of a decimal text. */
export type Amount =
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string; negative: boolean; int: string; frac: string };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Tabs in dependency order: what a tab references is imported before it. */
export type TabName =
  | 'Customers'
  | 'Plans'
  | 'Invoices'
  | 'Transactions'
  | 'Subscription events'
  | 'Cancellations'
  | 'Attributes';

export type ColumnKind =
  | 'text' | 'id' | 'email' | 'date' | 'money' | 'cents' | 'integer' | 'boolean'
  | 'enum' | 'country' | 'currency' | 'tags' | 'url';

export interface ColumnTemplate {
  /** Header text, snake_case as in the API. */
  name: string;
  required: boolean;
  kind: ColumnKind;
  /** Allowed values for `enum` columns (also the dropdown list). */
  values?: string[];
  /** Header note shown in the sheet: what the column means, with an example. */
  note: string;
  /** Sheets number format for the column: `yyyy-mm-dd`, `0.00##`, `0`, `@` (plain text). */
  format?: string;
  example?: string | number | boolean;
  /** Dates: must not be after `now` (ChartMogul rejects future lead/trial/cancellation dates). */
  notFuture?: boolean;
  /** Integers / money: smallest allowed value. */
  min?: number;
  /** Integers: 0 is not allowed (quantity). */
  nonZero?: boolean;
  /** Extra spellings accepted for enum values (`months` → `month`). Keys are normalised (lower case, `_`). */
  aliases?: Record<string, string>;
  /**
   * Set on columns accepted *instead of* another one but not created by the template:
   * `amount_in_cents` is the alternative of `amount`.
   */
  alternativeTo?: string;
}

export interface TabTemplate {
  name: TabName;
  /** One line shown above the tab / in the sidebar. */
  description: string;
  /** Columns created by the template, in order. */
  columns: ColumnTemplate[];
  /** Columns accepted instead of a template column (`<money column>_in_cents`), never created. */
  alternatives: ColumnTemplate[];
  /** `custom.<Key>` columns (custom attributes) are allowed. */
  allowsCustom: boolean;
  /** Groups of columns of which at least one must be present and filled (Attributes: customer_external_id or email). */
  oneOf: string[][];
}

export type ReceiptColumn = 'chartmogul_status' | 'chartmogul_uuid' | 'chartmogul_message' | 'chartmogul_synced_at';
export type ReceiptStatus = 'imported' | 'updated' | 'unchanged' | 'exists' | 'error' | 'skipped';

export type CustomAttributeType = 'String' | 'Integer' | 'Decimal' | 'Timestamp' | 'Boolean';

export interface HeaderMatch {
  /** Template (and alternative) column name → 0-based index in the header row. */
  columns: Record<string, number>;
  /** `custom.<Key>` columns; `type` is set when the header forces it (`custom.Seats:Integer`). */
  custom: { key: string; index: number; header: string; type?: CustomAttributeType }[];
  receipt: Record<ReceiptColumn, number | undefined>;
  /** Header texts that are neither template, alternative, custom nor receipt columns (ignored). */
  unknown: string[];
  /** Required columns that are absent; a one-of group is reported as `customer_external_id or email`. */
  missing: string[];
  /** Other header problems (duplicate columns, unusable custom keys), as sentences. */
  problems: string[];
}

export interface RowError {
  /** Column the problem is about (template name or `custom.<Key>`); '' for the row as a whole. */
  column: string;
  message: string;
  /** Set on errors copied from another row (e.g. "invoice has errors on row 7"); recomputed by validation. */
  derived?: boolean;
}

export interface CustomAttribute {
  type: CustomAttributeType;
  key: string;
  value: string | number | boolean;
}

export interface CustomerAttributes {
  tags?: string[];
  custom?: CustomAttribute[];
}

/** POST /v1/customers body without data_source_uuid. */
export interface CustomerPayload {
  external_id: string;
  name: string;
  email?: string;
  company?: string;
  country?: string;
  state?: string;
  city?: string;
  zip?: string;
  website_url?: string;
  owner?: string;
  lead_created_at?: string;
  free_trial_started_at?: string;
  attributes?: CustomerAttributes;
}

/** POST /v1/plans body without data_source_uuid. */
export interface PlanPayload {
  external_id: string;
  name: string;
  interval_count: number;
  interval_unit: 'day' | 'month' | 'year';
}

/** One invoice line item; `plan_external_id` is kept here and mapped to `plan_uuid` by the caller. */
export interface LineItemPayload {
  type: 'subscription' | 'one_time' | 'trial';
  amount_in_cents: number;
  plan_external_id?: string;
  subscription_external_id?: string;
  subscription_set_external_id?: string;
  service_period_start?: string;
  service_period_end?: string;
  quantity?: number;
  prorated?: boolean;
  proration_type?: 'differential' | 'differential_mrr' | 'full';
  discount_amount_in_cents?: number;
  discount_code?: string;
  discount_description?: string;
  tax_amount_in_cents?: number;
  transaction_fees_in_cents?: number;
  description?: string;
  external_id?: string;
  cancelled_at?: string;
  event_order?: number;
}

/** One element of POST /v1/import/customers/{uuid}/invoices `invoices[]`. */
export interface InvoicePayload {
  external_id: string;
  date: string;
  currency: string;
  due_date?: string;
  collection_method?: 'automatic' | 'manual';
  line_items: LineItemPayload[];
}

/** POST /v1/import/invoices/{uuid}/transactions body. */
export interface TransactionPayload {
  type: 'payment' | 'refund';
  date: string;
  result: 'successful' | 'failed';
  external_id?: string;
  amount_in_cents?: number;
}

/** PATCH /v1/import/subscriptions/{uuid} body. */
export interface CancellationPayload {
  cancelled_at: string;
}

/** The `subscription_event` object of POST /v1/subscription_events, without data_source_uuid. */
export interface SubscriptionEventPayload {
  customer_external_id: string;
  subscription_external_id: string;
  event_type: string;
  event_date: string;
  effective_date: string;
  plan_external_id?: string;
  subscription_set_external_id?: string;
  currency?: string;
  amount_in_cents?: number;
  quantity?: number;
  tax_amount_in_cents?: number;
  external_id?: string;
}

/** PATCH /v1/customers/{uuid} body for a customer found by external id or email. */
export interface AttributesPayload {
  attributes: CustomerAttributes;
}

export interface PayloadByTab {
  Customers: CustomerPayload;
  Plans: PlanPayload;
  Invoices: LineItemPayload;
  Transactions: TransactionPayload;
  'Subscription events': SubscriptionEventPayload;
  Cancellations: CancellationPayload;
  Attributes: AttributesPayload;
}

/** External ids a row points at (also what the caller needs for URL paths and plan_uuid mapping). */
export interface RowRefs {
  customer?: string;
  /** Attributes tab: customers are found by email when no customer_external_id is given. */
  email?: string;
  plan?: string;
  invoice?: string;
  subscription?: string;
}

export interface ParsedRow<P = PayloadByTab[TabName]> {
  /** Sheet row number (1-based, as the user sees it). */
  rowNumber: number;
  /** The row's identity: external id (Invoices: invoice_external_id; Cancellations: subscription_external_id). */
  key: string;
  payload: P;
  refs: RowRefs;
  errors: RowError[];
  /** Hash of payload + refs; changes whenever what would be sent changes. */
  fingerprint: string;
  /** Entirely blank row (receipt and unknown columns ignored): skipped, no errors. */
  blank: boolean;
  /** What the receipt columns of this row currently say (written by an earlier import). */
  receipt: Partial<Record<ReceiptColumn, string>>;
  /** Transactions only: `amount` waiting for its invoice's currency (set by parseTab, converted by validateWorkbook). */
  pendingAmount?: Amount;
  /** Customers only: `lead` / `trial` when the row only carries CRM dates and nothing bills the customer. */
  stage?: 'lead' | 'trial' | 'customer';
}

export interface InvoiceError extends RowError {
  rowNumber: number;
}

export interface ParsedInvoice {
  externalId: string;
  customerExternalId: string;
  rowNumbers: number[];
  payload: InvoicePayload;
  /** Errors of all its rows (own errors only); non-empty → the invoice must not be sent. */
  errors: InvoiceError[];
  fingerprint: string;
}

export interface ParsedTab<T extends TabName = TabName> {
  tab: T;
  headers: HeaderMatch;
  /** Every data row, blank ones included (blank = true), in sheet order. */
  rows: ParsedRow<PayloadByTab[T]>[];
  /** Invoices tab only: rows grouped by invoice_external_id, in order of first appearance. */
  invoices?: ParsedInvoice[];
  /** Custom attribute types inferred (or forced by the header) per `custom.<Key>` column. */
  customTypes?: Record<string, CustomAttributeType>;
}

export interface Table {
  headers: Cell[];
  rows: Cell[][];
  /** Sheet row number of rows[0]. */
  firstRow: number;
}

/** What already exists in ChartMogul (external ids), filled by the caller from the API. */
export interface Known {
  customers: ReadonlySet<string>;
  plans: ReadonlySet<string>;
  invoices: ReadonlySet<string>;
  subscriptions: ReadonlySet<string>;
  /** Currency of existing invoices, to convert Transactions `amount` when the invoice is not in the Invoices tab. */
  invoiceCurrencies?: ReadonlyMap<string, string>;
}
