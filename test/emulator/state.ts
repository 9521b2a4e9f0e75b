// The emulator's in-memory model of one ChartMogul account: what the HTTP layer stores and the metric engine reads.
// Field names follow the API's request/response fields so serialisation stays a thin mapping.

export type IntervalUnit = 'day' | 'month' | 'year';
export type LineItemType = 'subscription' | 'one_time' | 'trial';

export interface Account {
  name: string;
  currency: string; // ISO 4217, the account's reporting currency
  time_zone: string; // IANA, e.g. "Europe/Berlin"
  week_start_on: 'monday' | 'sunday';
}

export interface DataSource {
  uuid: string; // ds_…
  name: string;
  system: string; // "Custom" for sources made through the API
  created_at: string; // ISO 8601 UTC
  status: string; // never_imported | idle | import_complete
}

export interface CustomAttribute {
  type: 'String' | 'Integer' | 'Decimal' | 'Timestamp' | 'Boolean';
  value: string | number | boolean | null;
  source: string; // "API" unless given
}

export interface Customer {
  id: number;
  uuid: string; // cus_…
  data_source_uuid: string;
  external_id: string;
  name: string | null;
  email: string | null;
  company: string | null;
  country: string | null; // ISO alpha-2
  state: string | null;
  city: string | null;
  zip: string | null;
  website_url: string | null;
  owner: string | null;
  lead_created_at: string | null; // ISO 8601 UTC
  free_trial_started_at: string | null;
  tags: string[];
  custom: Record<string, CustomAttribute>;
  created_at: string;
}

export interface Plan {
  uuid: string; // pl_…
  data_source_uuid: string;
  external_id: string;
  name: string;
  interval_count: number;
  interval_unit: IntervalUnit;
}

export interface LineItem {
  uuid: string; // li_…
  external_id: string | null;
  type: LineItemType;
  subscription_uuid: string | null; // sub_… (subscription and trial lines)
  subscription_external_id: string | null;
  subscription_set_external_id: string | null;
  plan_uuid: string | null;
  service_period_start: string | null;
  service_period_end: string | null;
  amount_in_cents: number;
  quantity: number;
  prorated: boolean;
  proration_type: string | null;
  cancelled_at: string | null;
  discount_amount_in_cents: number;
  discount_code: string | null;
  discount_description: string | null;
  tax_amount_in_cents: number;
  transaction_fees_in_cents: number;
  transaction_fees_currency: string | null;
  description: string | null;
  event_order: number | null;
  account_code: string | null;
}

export interface Transaction {
  uuid: string; // tr_…
  external_id: string | null;
  type: 'payment' | 'refund';
  date: string;
  result: 'successful' | 'failed';
  amount_in_cents: number | null; // null = the full invoice amount
  transaction_fees_in_cents: number | null;
  transaction_fees_currency: string | null;
}

export interface Invoice {
  uuid: string; // inv_…
  external_id: string;
  data_source_uuid: string;
  customer_uuid: string;
  date: string;
  due_date: string | null;
  currency: string;
  collection_method: 'automatic' | 'manual' | null;
  line_items: LineItem[];
  transactions: Transaction[];
  disabled: boolean;
}

export interface Subscription {
  uuid: string; // sub_…
  external_id: string;
  subscription_set_external_id: string | null;
  data_source_uuid: string;
  customer_uuid: string;
  plan_uuid: string | null; // the plan of its latest line item
  cancellation_dates: string[]; // ISO 8601 UTC, ascending
}

export type SubscriptionEventType =
  | 'subscription_start'
  | 'subscription_start_scheduled'
  | 'scheduled_subscription_start_retracted'
  | 'subscription_updated'
  | 'subscription_update_scheduled'
  | 'scheduled_subscription_update_retracted'
  | 'subscription_cancelled'
  | 'subscription_cancellation_scheduled'
  | 'scheduled_subscription_cancellation_retracted'
  | 'subscription_event_retracted';

export interface SubscriptionEvent {
  id: number;
  data_source_uuid: string;
  customer_external_id: string;
  subscription_external_id: string | null;
  subscription_set_external_id: string | null;
  event_type: SubscriptionEventType;
  event_date: string;
  effective_date: string;
  plan_external_id: string | null;
  currency: string | null;
  amount_in_cents: number | null;
  quantity: number | null;
  tax_amount_in_cents: number | null;
  external_id: string | null;
  event_order: number | null;
  retracted_event_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface JsonImport {
  id: string; // bare UUID
  external_id: string | null;
  data_source_uuid: string;
  status: 'queued' | 'processing' | 'completed';
  status_details: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  /** The request body, processed when the import advances past "processing". */
  payload: Record<string, unknown>;
  /** Number of status polls seen; the import advances one step per poll (see docs/emulator.md). */
  polls: number;
}

/** Everything the emulator knows. Arrays keep insertion order (the API lists oldest first). */
export interface EmulatorState {
  account: Account;
  dataSources: DataSource[];
  customers: Customer[];
  plans: Plan[];
  invoices: Invoice[];
  subscriptions: Subscription[];
  subscriptionEvents: SubscriptionEvent[];
  jsonImports: JsonImport[];
  /** Monotonic counters for integer ids. */
  nextCustomerId: number;
  nextSubscriptionEventId: number;
}

export function emptyState(account?: Partial<Account>): EmulatorState {
  return {
    account: {
      name: 'Example Company',
      currency: 'USD',
      time_zone: 'Etc/UTC',
      week_start_on: 'monday',
      ...account,
    },
    dataSources: [],
    customers: [],
    plans: [],
    invoices: [],
    subscriptions: [],
    subscriptionEvents: [],
    jsonImports: [],
    nextCustomerId: 1,
    nextSubscriptionEventId: 1,
  };
}
