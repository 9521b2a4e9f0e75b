// Tab templates of the import workbook: ordered columns with kind, header note, dropdown values and number format.
// Also the receipt columns the add-on writes, the tab order (dependencies first) and the Attributes "one of" rule.

import { ColumnTemplate, ReceiptColumn, ReceiptStatus, TabName, TabTemplate } from './types';

/** Tabs in import order: plans and customers before invoices, invoices before transactions, and so on. */
export const TAB_NAMES: readonly TabName[] = [
  'Customers', 'Plans', 'Invoices', 'Transactions', 'Subscription events', 'Cancellations', 'Attributes',
];

export const RECEIPT_COLUMNS: readonly ReceiptColumn[] = [
  'chartmogul_status', 'chartmogul_uuid', 'chartmogul_message', 'chartmogul_synced_at',
];

export const RECEIPT_STATUSES: readonly ReceiptStatus[] = ['imported', 'updated', 'unchanged', 'exists', 'error', 'skipped'];

/** Notes of the receipt columns (written by the add-on only). */
export const RECEIPT_NOTES: Readonly<Record<ReceiptColumn, string>> = {
  chartmogul_status: 'Written by the add-on: imported, updated, unchanged, exists, error or skipped. Do not edit.',
  chartmogul_uuid: 'Written by the add-on: the ChartMogul id of what this row created (cus_…, pl_…, inv_…). Do not edit.',
  chartmogul_message: 'Written by the add-on: what went wrong, naming the column. Fix the cell and import again.',
  chartmogul_synced_at: 'Written by the add-on: when this row was last sent to ChartMogul.',
};

export const SUBSCRIPTION_EVENT_TYPES: readonly string[] = [
  'subscription_start', 'subscription_start_scheduled', 'scheduled_subscription_start_retracted',
  'subscription_updated', 'subscription_update_scheduled', 'scheduled_subscription_update_retracted',
  'subscription_cancelled', 'subscription_cancellation_scheduled', 'scheduled_subscription_cancellation_retracted',
  'subscription_event_retracted',
];

/** Event types that describe what is being sold and so need plan_external_id, currency and amount. */
export const PRICED_EVENT_TYPES: readonly string[] = [
  'subscription_start', 'subscription_start_scheduled', 'subscription_updated', 'subscription_update_scheduled',
];

const DATE = 'yyyy-mm-dd';
/** Two decimals at least, up to four shown (KWD/BHD have 3, CLF 4); JPY amounts simply show .00. */
const MONEY = '0.00##';
const INT = '0';
const TEXT = '@';

type Opts = Partial<Omit<ColumnTemplate, 'name' | 'kind' | 'note'>>;

function col(name: string, kind: ColumnTemplate['kind'], note: string, opts: Opts = {}): ColumnTemplate {
  const format =
    opts.format ??
    (kind === 'date' ? DATE : kind === 'money' ? MONEY : kind === 'integer' || kind === 'cents' ? INT
      : kind === 'boolean' ? undefined : TEXT);
  const c: ColumnTemplate = { name, required: opts.required ?? false, kind, note };
  if (opts.values) c.values = opts.values;
  if (format) c.format = format;
  if (opts.example !== undefined) c.example = opts.example;
  if (opts.notFuture) c.notFuture = true;
  if (opts.min !== undefined) c.min = opts.min;
  if (opts.nonZero) c.nonZero = true;
  if (opts.aliases) c.aliases = opts.aliases;
  return c;
}

const req = { required: true };

function tab(name: TabName, description: string, columns: ColumnTemplate[], allowsCustom = false, oneOf: string[][] = []): TabTemplate {
  // Every money column `x` may be given as `x_in_cents` instead (integer minor units), never created by the template.
  const alternatives = columns
    .filter((c) => c.kind === 'money')
    .map((c): ColumnTemplate => ({
      name: c.name + '_in_cents',
      required: false,
      kind: 'cents',
      note: `Instead of ${c.name}: the same amount as a whole number of minor units (cents), e.g. 4990 for 49.90 USD.`,
      format: INT,
      alternativeTo: c.name,
      ...(c.min !== undefined ? { min: c.min } : {}),
    }));
  return { name, description, columns, alternatives, allowsCustom, oneOf };
}

const CUSTOM_NOTE =
  'Add any number of custom.<Key> columns (e.g. custom.Channel) for custom attributes. The type is inferred from the ' +
  'whole column: numbers → Integer/Decimal, checkboxes or TRUE/FALSE → Boolean, dates → Timestamp, anything else → String. ' +
  'Force a type with custom.<Key>:String.';

export const TEMPLATES: Readonly<Record<TabName, TabTemplate>> = {
  Customers: tab('Customers', 'One row per customer (or lead / free trial). ' + CUSTOM_NOTE, [
    col('external_id', 'id', 'Required. Your permanent, unique id for this customer, e.g. C-1001. Never change it once imported.', { ...req, example: 'C-1001' }),
    col('name', 'text', 'Required. Customer or company name, e.g. Acme Corp.', { ...req, example: 'Acme Corp' }),
    col('email', 'email', 'Billing contact email, e.g. billing@acme.com.', { example: 'billing@acme.com' }),
    col('company', 'text', 'Company name if different from name, e.g. Acme Corporation Ltd.', { example: 'Acme Corporation Ltd' }),
    col('country', 'country', 'Two-letter ISO 3166-1 country code, e.g. US, DE, GB (not "UK").', { example: 'US' }),
    col('state', 'text', 'State or region. For US customers a state code: NY or US-NY (sent as US-NY).', { example: 'US-NY' }),
    col('city', 'text', 'City, e.g. New York.', { example: 'New York' }),
    col('zip', 'text', 'Postal code, kept as text so leading zeros stay, e.g. 02110.', { example: '10001' }),
    col('website_url', 'url', 'Company website, e.g. https://acme.com.', { example: 'https://acme.com' }),
    col('owner', 'email', 'Email of the ChartMogul user who owns this customer, e.g. sam@yourcompany.com.', { example: 'sam@yourcompany.com' }),
    col('lead_created_at', 'date', 'When the lead was created (past date), e.g. 2024-01-15. Without invoices the row is imported as a lead.', { notFuture: true, example: '2024-01-15' }),
    col('free_trial_started_at', 'date', 'When the free trial started (past date, not before lead_created_at), e.g. 2024-02-01. Without invoices the row is a free trial.', { notFuture: true, example: '2024-02-01' }),
    col('tags', 'tags', 'Comma-separated tags, e.g. enterprise, eu.', { example: 'enterprise, eu' }),
  ], true),

  Plans: tab('Plans', 'One row per plan. Quarterly = 3 month, weekly = 7 day.', [
    col('external_id', 'id', 'Required. Your unique plan id, e.g. pro-monthly. Invoices and events refer to it.', { ...req, example: 'pro-monthly' }),
    col('name', 'text', 'Required. Plan name shown in ChartMogul, e.g. Pro (monthly).', { ...req, example: 'Pro (monthly)' }),
    col('interval_count', 'integer', 'Required. Billing interval length, a whole number > 0: 1 for monthly, 3 for quarterly.', { ...req, min: 1, example: 1 }),
    col('interval_unit', 'enum', 'Required. day, month or year. Weekly: day with interval_count 7.', {
      ...req, values: ['day', 'month', 'year'], example: 'month',
      aliases: { days: 'day', daily: 'day', months: 'month', monthly: 'month', years: 'year', yearly: 'year', annual: 'year', annually: 'year' },
    }),
  ]),

  Invoices: tab('Invoices', 'One row per line item; rows with the same invoice_external_id form one invoice (customer, date and currency must agree).', [
    col('invoice_external_id', 'id', 'Required. Your unique invoice number, repeated on every line of the invoice, e.g. INV-2024-001.', { ...req, example: 'INV-2024-001' }),
    col('customer_external_id', 'id', 'Required. external_id of the customer (Customers tab or already in ChartMogul), e.g. C-1001.', { ...req, example: 'C-1001' }),
    col('date', 'date', 'Required. Invoice issue date, e.g. 2024-03-01.', { ...req, example: '2024-03-01' }),
    col('currency', 'currency', 'Required. ISO 4217 code, e.g. USD, EUR, JPY.', { ...req, example: 'USD' }),
    col('due_date', 'date', 'Payment due date, e.g. 2024-03-15.', { example: '2024-03-15' }),
    col('collection_method', 'enum', 'automatic (card on file) or manual (invoice paid by transfer).', { values: ['automatic', 'manual'], example: 'automatic' }),
    col('type', 'enum', 'Required. subscription, one_time or trial.', {
      ...req, values: ['subscription', 'one_time', 'trial'], example: 'subscription', aliases: { onetime: 'one_time', one_off: 'one_time' },
    }),
    col('plan_external_id', 'id', 'Plan external_id (Plans tab or ChartMogul), e.g. pro-monthly. Required for subscription and trial lines.', { example: 'pro-monthly' }),
    col('subscription_external_id', 'id', 'Your subscription id; the same id on later invoices continues the subscription, e.g. SUB-1. Required for subscription and trial lines.', { example: 'SUB-1' }),
    col('subscription_set_external_id', 'id', 'Optional id grouping several subscriptions of one customer, e.g. SET-1.', { example: 'SET-1' }),
    col('service_period_start', 'date', 'Start of the period this line pays for, e.g. 2024-03-01. Required for subscription and trial lines.', { example: '2024-03-01' }),
    col('service_period_end', 'date', 'End of the period (after the start; monthly: 2024-03-01 → 2024-04-01). Required for subscription and trial lines.', { example: '2024-04-01' }),
    col('amount', 'money', 'Required. Amount charged for this line in currency units, after discounts, e.g. 49.90. Or use an amount_in_cents column (4990).', { ...req, example: 49.9 }),
    col('quantity', 'integer', 'Seats or units, a whole number other than 0; default 1.', { nonZero: true, example: 1 }),
    col('prorated', 'boolean', 'Tick (TRUE) when this line is a proration.', { example: false }),
    col('proration_type', 'enum', 'How a prorated line counts: differential, differential_mrr or full.', { values: ['differential', 'differential_mrr', 'full'] }),
    col('discount_amount', 'money', 'Discount already deducted from amount, in currency units, e.g. 10.00.', { min: 0, example: 0 }),
    col('discount_code', 'text', 'Discount or coupon code, e.g. SPRING20.'),
    col('discount_description', 'text', 'Discount description, e.g. 20% off for 3 months.'),
    col('tax_amount', 'money', 'Tax included in amount, in currency units, e.g. 8.30.', { min: 0, example: 0 }),
    col('transaction_fees', 'money', 'Payment processor fees, in the invoice currency, e.g. 1.75.', { min: 0 }),
    col('description', 'text', 'Line description, e.g. Pro plan, 5 seats.'),
    col('line_item_external_id', 'id', 'Your unique id for this line, e.g. INV-2024-001-1.'),
    col('cancelled_at', 'date', 'Past date when the subscription was cancelled, e.g. 2024-03-20.', { notFuture: true }),
    col('event_order', 'integer', 'Whole number ordering events that happen at the same time, e.g. 1.'),
  ]),

  Transactions: tab('Transactions', 'Payments and refunds of invoices (Invoices tab or already in ChartMogul).', [
    col('invoice_external_id', 'id', 'Required. The invoice this payment or refund belongs to, e.g. INV-2024-001.', { ...req, example: 'INV-2024-001' }),
    col('type', 'enum', 'Required. payment or refund.', { ...req, values: ['payment', 'refund'], example: 'payment' }),
    col('date', 'date', 'Required. When the payment or refund happened (past date), e.g. 2024-03-02.', { ...req, notFuture: true, example: '2024-03-02' }),
    col('result', 'enum', 'Required. successful or failed.', { ...req, values: ['successful', 'failed'], example: 'successful', aliases: { success: 'successful', succeeded: 'successful', fail: 'failed' } }),
    col('external_id', 'id', 'Your unique transaction id, e.g. TX-1.', { example: 'TX-1' }),
    col('amount', 'money', 'Only for partial payments or refunds, in the invoice currency, e.g. 20.00. Empty = the whole invoice.', { min: 0 }),
  ]),

  'Subscription events': tab('Subscription events', 'Subscription changes without invoices (alternative to the Invoices tab).', [
    col('customer_external_id', 'id', 'Required. external_id of the customer, e.g. C-1001.', { ...req, example: 'C-1001' }),
    col('subscription_external_id', 'id', 'Required. Your subscription id, e.g. SUB-1.', { ...req, example: 'SUB-1' }),
    col('event_type', 'enum', 'Required. subscription_start, subscription_updated, subscription_cancelled, their _scheduled / retracted variants, or subscription_event_retracted.', { ...req, values: SUBSCRIPTION_EVENT_TYPES.slice(), example: 'subscription_start' }),
    col('event_date', 'date', 'Required. When the event was recorded, e.g. 2024-03-01.', { ...req, example: '2024-03-01' }),
    col('effective_date', 'date', 'Required. When the change takes effect, e.g. 2024-03-01.', { ...req, example: '2024-03-01' }),
    col('plan_external_id', 'id', 'Plan external_id, e.g. pro-monthly. Required for start and update events.', { example: 'pro-monthly' }),
    col('subscription_set_external_id', 'id', 'Optional id grouping subscriptions, e.g. SET-1.'),
    col('currency', 'currency', 'ISO 4217 code, e.g. USD. Required for start and update events.', { example: 'USD' }),
    col('amount', 'money', 'Price per billing interval in currency units, e.g. 49.90. Required for start and update events.', { example: 49.9 }),
    col('quantity', 'integer', 'Seats or units, a whole number other than 0; default 1.', { nonZero: true, example: 1 }),
    col('tax_amount', 'money', 'Tax included in amount, in currency units, e.g. 8.30.', { min: 0 }),
    col('external_id', 'id', 'Your unique event id, e.g. EV-1.', { example: 'EV-1' }),
  ]),

  Cancellations: tab('Cancellations', 'Cancel subscriptions created by invoices or events.', [
    col('customer_external_id', 'id', 'Required. external_id of the customer, e.g. C-1001.', { ...req, example: 'C-1001' }),
    col('subscription_external_id', 'id', 'Required. The subscription to cancel, e.g. SUB-1.', { ...req, example: 'SUB-1' }),
    col('cancelled_at', 'date', 'Required. Past date of the cancellation, e.g. 2024-06-30.', { ...req, notFuture: true, example: '2024-06-30' }),
  ]),

  Attributes: tab('Attributes', 'Add tags and custom attributes to customers already in ChartMogul. ' + CUSTOM_NOTE, [
    col('customer_external_id', 'id', 'The customer external_id, e.g. C-1001. Fill this or email.', { example: 'C-1001' }),
    col('email', 'email', 'Or: the customer email; every customer with this email is updated.', { example: 'billing@acme.com' }),
    col('tags', 'tags', 'Comma-separated tags to add, e.g. vip, churn-risk.', { example: 'vip' }),
  ], true, [['customer_external_id', 'email']]),
};

/** Header row of a new tab: template columns then receipt columns. */
export function templateHeaders(tabName: TabName): string[] {
  return TEMPLATES[tabName].columns.map((c) => c.name).concat(RECEIPT_COLUMNS);
}

/** Template column or accepted alternative by name. */
export function findColumn(tabName: TabName, name: string): ColumnTemplate | undefined {
  const t = TEMPLATES[tabName];
  for (const c of t.columns) if (c.name === name) return c;
  for (const c of t.alternatives) if (c.name === name) return c;
  return undefined;
}

/** Sheet name → tab, case-insensitively, `_` / `-` accepted for spaces ("subscription_events"). */
export function tabNameOf(sheetName: string): TabName | undefined {
  const n = sheetName.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  for (const t of TAB_NAMES) if (t.toLowerCase() === n) return t;
  return undefined;
}
