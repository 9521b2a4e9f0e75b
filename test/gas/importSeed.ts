// The e2e import workbook: every tab, leads, trials, multi-line invoices, refunds, JPY, custom attributes, tags and
// bad rows — written into the fakes as a user would type it (strings interpreted like typed input, Berlin time zone).

import type { GasEnvironment } from '../fakes';

export type Rows = (string | number | boolean)[][];

export const CUSTOMERS: Rows = [
  ['external_id', 'name', 'email', 'country', 'state', 'lead_created_at', 'free_trial_started_at', 'tags', 'custom.Channel', 'custom.Seats'],
  ['C-1', 'Acme Corp', 'billing@acme.com', 'US', 'NY', '', '', 'enterprise, eu', 'Referral', 10],
  ['C-2', 'Beta GmbH', 'billing@beta.de', 'DE', '', '', '', '', '', ''],
  ['C-3', 'Gamma KK', 'ap@gamma.jp', 'JP', '', '', '', '', '', ''],
  ['C-4', 'Delta Ltd', '', 'GB', '', '', '', '', '', ''],
  ['L-1', 'Lead Only', '', '', '', '2024-01-10', '', '', '', ''],
  ['T-1', 'Trial Co', '', '', '', '2024-01-10', '2024-02-01', '', '', ''],
  ['C-BAD', 'Bad Country', '', 'UK', '', '', '', '', '', ''],
];

export const PLANS: Rows = [
  ['external_id', 'name', 'interval_count', 'interval_unit'],
  ['pro-monthly', 'Pro (monthly)', 1, 'month'],
  ['pro-annual', 'Pro (annual)', 1, 'year'],
  ['jp-monthly', 'JP (monthly)', 1, 'month'],
];

const INV_HEAD = ['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount', 'description'];

export const INVOICES: Rows = [
  INV_HEAD,
  ['INV-1', 'C-1', '2024-03-01', 'USD', 'subscription', 'pro-monthly', 'SUB-1', '2024-03-01', '2024-04-01', '100.00', 'Pro'],
  ['INV-1', 'C-1', '2024-03-01', 'USD', 'one_time', '', '', '', '', '50.00', 'Setup fee'],
  ['INV-2', 'C-1', '2024-04-01', 'USD', 'subscription', 'pro-monthly', 'SUB-1', '2024-04-01', '2024-05-01', '100.00', 'Pro'],
  ['INV-3', 'C-2', '2024-03-15', 'EUR', 'subscription', 'pro-annual', 'SUB-2', '2024-03-15', '2025-03-15', '1200.00', 'Pro annual'],
  ['INV-4', 'C-3', '2024-03-01', 'JPY', 'subscription', 'jp-monthly', 'SUB-3', '2024-03-01', '2024-04-01', 5000, 'JP'],
  ['INV-BAD', 'C-2', '2024-05-01', 'EUR', 'subscription', 'pro-annual', 'SUB-2', '2024-05-01', '2025-05-01', '10.00', 'ok line'],
  ['INV-BAD', 'C-2', '2024-05-01', 'EUR', 'subscription', 'nope', 'SUB-9', '2024-05-01', '2024-06-01', '5.00', 'bad plan'],
  ['INV-X', 'C-BAD', '2024-03-01', 'USD', 'one_time', '', '', '', '', '10.00', 'customer has errors'],
];

export const TRANSACTIONS: Rows = [
  ['invoice_external_id', 'type', 'date', 'result', 'external_id', 'amount'],
  ['INV-1', 'payment', '2024-03-02', 'successful', 'TX-1', ''],
  ['INV-1', 'refund', '2024-03-10', 'successful', 'TX-2', '50.00'],
  ['INV-3', 'payment', '2024-03-16', 'successful', '', ''],
  ['INV-BAD', 'payment', '2024-05-02', 'successful', 'TX-BAD', ''],
];

export const EVENTS: Rows = [
  ['customer_external_id', 'subscription_external_id', 'event_type', 'event_date', 'effective_date', 'plan_external_id', 'currency', 'amount', 'external_id'],
  ['C-4', 'SUB-EV1', 'subscription_start', '2024-03-01', '2024-03-01', 'pro-monthly', 'USD', '30.00', 'EV-1'],
];

export const CANCELLATIONS: Rows = [
  ['customer_external_id', 'subscription_external_id', 'cancelled_at'],
  ['C-2', 'SUB-2', '2024-09-15'],
];

export const ATTRIBUTES: Rows = [
  ['customer_external_id', 'email', 'tags', 'custom.Segment'],
  ['C-3', '', 'vip', 'SMB'],
  ['', 'billing@beta.de', 'dach', ''],
];

export const WORKBOOK: Record<string, Rows> = {
  Customers: CUSTOMERS,
  Plans: PLANS,
  Invoices: INVOICES,
  Transactions: TRANSACTIONS,
  'Subscription events': EVENTS,
  Cancellations: CANCELLATIONS,
  Attributes: ATTRIBUTES,
};

/** Writes the tabs (untracked: the test harness, not the add-on). */
export function seedWorkbook(env: GasEnvironment, tabs: Record<string, Rows> = WORKBOOK): void {
  env.untracked(() => {
    for (const [name, rows] of Object.entries(tabs)) {
      const sheet = env.spreadsheet.getSheetByName(name) || env.spreadsheet.insertSheet(name);
      const width = Math.max(...rows.map((r) => r.length));
      if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
      const padded = rows.map((r) => r.concat(new Array(width - r.length).fill('')));
      sheet.getRange(1, 1, padded.length, width).setValues(padded);
    }
  });
}

/** A tab's values (header + rows) as the add-on left them. */
export function readTab(env: GasEnvironment, name: string): unknown[][] {
  return env.untracked(() => {
    const sheet = env.spreadsheet.getSheetByName(name);
    return sheet ? sheet.getDataRange().getValues() : [];
  });
}

export function readNotes(env: GasEnvironment, name: string, column: number): string[] {
  return env.untracked(() => {
    const sheet = env.spreadsheet.getSheetByName(name);
    if (!sheet || sheet.getLastRow() < 2) return [];
    return sheet.getRange(2, column, sheet.getLastRow() - 1, 1).getNotes().map((r) => r[0]);
  });
}

/** Receipts of a tab keyed by sheet row number: {status, uuid, message}. */
export function receipts(env: GasEnvironment, name: string): Record<number, { status: string; uuid: string; message: string; synced: unknown }> {
  const values = readTab(env, name);
  const head = (values[0] || []).map(String);
  const col = (n: string) => head.indexOf(n);
  const out: Record<number, { status: string; uuid: string; message: string; synced: unknown }> = {};
  values.slice(1).forEach((row, i) => {
    out[i + 2] = {
      status: String(row[col('chartmogul_status')] ?? ''),
      uuid: String(row[col('chartmogul_uuid')] ?? ''),
      message: String(row[col('chartmogul_message')] ?? ''),
      synced: row[col('chartmogul_synced_at')],
    };
  });
  return out;
}
