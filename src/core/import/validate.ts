// Cross-row and cross-tab checks that add errors to parsed rows: duplicate ids within a tab, one bad line item
// stops its whole invoice, and references (customer, plan, invoice, subscription) resolved across tabs or via Known.

import { currencyExponent } from '../iso/currencies';
import { fingerprint } from './fingerprint';
import { rowList } from './messages';
import { TEMPLATES } from './templates';
import {
  Known, LineItemPayload, ParsedInvoice, ParsedRow, ParsedTab, RowError, SubscriptionEventPayload, TabName,
  TransactionPayload,
} from './types';
import { toMinorUnits } from './values';

export function emptyKnown(): Known {
  return { customers: new Set(), plans: new Set(), invoices: new Set(), subscriptions: new Set() };
}

/** Adds an error unless the row already has the same one (validation may run more than once). */
export function addError(row: { errors: RowError[] }, e: RowError): void {
  if (!row.errors.some((x) => x.column === e.column && x.message === e.message)) row.errors.push(e);
}

/** Errors in the order of the tab's columns (row-level first, custom columns last); stable otherwise. */
export function sortErrors(tab: TabName, errors: RowError[]): void {
  const tpl = TEMPLATES[tab];
  const rank = (column: string): number => {
    if (column === '') return -1;
    const alt = tpl.alternatives.find((a) => a.name === column);
    const i = tpl.columns.findIndex((c) => c.name === (alt ? alt.alternativeTo : column));
    return i >= 0 ? i : tpl.columns.length;
  };
  const indexed = errors.map((e, i) => ({ e, i, r: rank(e.column) }));
  indexed.sort((a, b) => a.r - b.r || a.i - b.i);
  indexed.forEach((x, i) => (errors[i] = x.e));
}

function liveRows<P>(rows: ParsedRow<P>[]): ParsedRow<P>[] {
  return rows.filter((r) => !r.blank);
}

/** Rows sharing a non-empty identity: each gets `column: "X" is also on row N`. */
function flagDuplicates<P>(rows: ParsedRow<P>[], identity: (r: ParsedRow<P>) => { column: string; value: string } | undefined, what?: string): void {
  const byValue: Record<string, { row: ParsedRow<P>; column: string; value: string }[]> = {};
  for (const row of liveRows(rows)) {
    const id = identity(row);
    if (!id || id.value === '') continue;
    const k = id.column + '\u0000' + id.value;
    (byValue[k] = byValue[k] || []).push({ row, column: id.column, value: id.value });
  }
  for (const k of Object.keys(byValue)) {
    const group = byValue[k];
    if (group.length < 2) continue;
    for (const g of group) {
      const others = group.filter((o) => o !== g).map((o) => o.row.rowNumber);
      addError(g.row, { column: g.column, message: `${what || JSON.stringify(g.value)} is also on ${rowList(others)}` });
    }
  }
}

/** Invoice errors: each invoice collects its rows' own errors; the rows without any are told which rows have them. */
export function propagateInvoiceErrors(parsed: ParsedTab): void {
  if (!parsed.invoices) return;
  const byNumber: Record<number, ParsedRow> = {};
  for (const row of parsed.rows) byNumber[row.rowNumber] = row;
  for (const inv of parsed.invoices) {
    const rows = inv.rowNumbers.map((n) => byNumber[n]);
    for (const row of rows) row.errors = row.errors.filter((e) => !e.derived);
    inv.errors = [];
    for (const row of rows) for (const e of row.errors) inv.errors.push({ rowNumber: row.rowNumber, column: e.column, message: e.message });
    const bad = rows.filter((r) => r.errors.length > 0).map((r) => r.rowNumber);
    if (bad.length) {
      for (const row of rows) {
        if (row.errors.length === 0) row.errors.push({ column: 'invoice_external_id', message: `invoice has errors on ${rowList(bad)}`, derived: true });
      }
    }
  }
}

export function invoiceFingerprint(inv: Pick<ParsedInvoice, 'customerExternalId' | 'payload'>): string {
  return fingerprint({ customer: inv.customerExternalId, payload: inv.payload });
}

/** Checks within one tab (run by parseTab): duplicate external ids, and invoice error propagation. */
export function validateTab(parsed: ParsedTab): void {
  const rows = parsed.rows as unknown as ParsedRow<Record<string, unknown>>[];
  const field = (column: string, name: string) => (r: ParsedRow<Record<string, unknown>>) =>
    typeof r.payload[name] === 'string' ? { column, value: r.payload[name] as string } : undefined;
  switch (parsed.tab) {
    case 'Customers':
    case 'Plans':
      flagDuplicates(rows, field('external_id', 'external_id'));
      break;
    case 'Invoices':
      flagDuplicates(rows, field('line_item_external_id', 'external_id'));
      propagateInvoiceErrors(parsed);
      break;
    case 'Transactions':
    case 'Subscription events':
      flagDuplicates(rows, field('external_id', 'external_id'));
      break;
    case 'Cancellations':
      flagDuplicates(
        rows,
        (r) => (r.refs.subscription && r.payload.cancelled_at ? { column: 'subscription_external_id', value: r.refs.subscription + ' @ ' + r.payload.cancelled_at } : undefined),
        'the same cancellation',
      );
      break;
    case 'Attributes':
      flagDuplicates(rows, (r) => (r.refs.customer ? { column: 'customer_external_id', value: r.refs.customer } : r.refs.email ? { column: 'email', value: r.refs.email } : undefined));
      break;
  }
}

// ------------------------------------------------------------------------------------------ cross-tab

interface Source {
  /** Rows in the source tab carrying this id. */
  rows: number[];
  /** All of them have errors: the object will not be created by this import. */
  broken: boolean;
  /** Owning customer (subscriptions). */
  customer?: string;
  tab: TabName;
}

type Index = Record<string, Source>;

function put(index: Index, id: string | undefined, tab: TabName, rowNumber: number, broken: boolean, customer?: string): void {
  if (!id) return;
  const s = index[id];
  if (!s) {
    index[id] = { rows: [rowNumber], broken, tab, customer };
  } else {
    s.rows.push(rowNumber);
    s.broken = s.broken && broken;
    if (!s.customer) s.customer = customer;
  }
}

const NOUN = { customer: 'customer', plan: 'plan', invoice: 'invoice', subscription: 'subscription' };
type RefKind = keyof typeof NOUN;

/** Error message for an unresolved reference, or undefined when it resolves. */
function resolve(kind: RefKind, id: string, index: Index, known: ReadonlySet<string>, where: string): string | undefined {
  const s = index[id];
  if (known.has(id)) return undefined;
  if (s && !s.broken) return undefined;
  if (s) return `${NOUN[kind]} ${JSON.stringify(id)} has errors on the ${s.tab} tab (${rowList(s.rows)})`;
  return `no ${NOUN[kind]} ${JSON.stringify(id)} in ${where} or in ChartMogul`;
}

function formatMinor(minor: number, currency: string): string {
  const exp = currencyExponent(currency) || 0;
  if (exp === 0) return `${minor} ${currency}`;
  const neg = minor < 0;
  let digits = String(Math.abs(minor));
  while (digits.length <= exp) digits = '0' + digits;
  return `${neg ? '-' : ''}${digits.slice(0, -exp)}.${digits.slice(-exp)} ${currency}`;
}

/**
 * Cross-tab checks over everything parsed for one import; adds errors to rows and refreshes fingerprints.
 * `known` holds the external ids that already exist in ChartMogul (the caller fills it from the API).
 */
export function validateWorkbook(parsed: Partial<Record<TabName, ParsedTab>>, known: Known = emptyKnown()): void {
  const customers: Index = {};
  const plans: Index = {};
  const invoices: Index = {};
  const subscriptions: Index = {};

  for (const r of liveRows(parsed.Customers ? parsed.Customers.rows : [])) put(customers, r.key, 'Customers', r.rowNumber, r.errors.length > 0);
  for (const r of liveRows(parsed.Plans ? parsed.Plans.rows : [])) put(plans, r.key, 'Plans', r.rowNumber, r.errors.length > 0);

  // Invoices: customer and plan of every line.
  const invTab = parsed.Invoices as ParsedTab<'Invoices'> | undefined;
  if (invTab) {
    for (const row of liveRows(invTab.rows)) {
      if (row.refs.customer) {
        const m = resolve('customer', row.refs.customer, customers, known.customers, 'the Customers tab');
        if (m) addError(row, { column: 'customer_external_id', message: m });
      }
      if (row.refs.plan) {
        const m = resolve('plan', row.refs.plan, plans, known.plans, 'the Plans tab');
        if (m) addError(row, { column: 'plan_external_id', message: m });
      }
    }
    // A subscription belongs to one customer.
    const owner: Record<string, { customer: string; row: number }> = {};
    for (const row of liveRows(invTab.rows)) {
      const sub = row.refs.subscription;
      const cus = row.refs.customer;
      if (!sub || !cus) continue;
      const o = owner[sub];
      if (!o) owner[sub] = { customer: cus, row: row.rowNumber };
      else if (o.customer !== cus) {
        addError(row, { column: 'subscription_external_id', message: `subscription ${JSON.stringify(sub)} belongs to customer ${JSON.stringify(o.customer)} on row ${o.row}` });
      }
    }
    propagateInvoiceErrors(invTab);
    for (const inv of invTab.invoices || []) {
      for (const n of inv.rowNumbers) put(invoices, inv.externalId, 'Invoices', n, inv.errors.length > 0);
    }
    for (const row of liveRows(invTab.rows)) {
      const line = row.payload as LineItemPayload;
      if (line.type !== 'one_time') put(subscriptions, row.refs.subscription, 'Invoices', row.rowNumber, row.errors.length > 0, row.refs.customer);
    }
  }

  const evTab = parsed['Subscription events'];
  if (evTab) {
    for (const row of liveRows(evTab.rows)) {
      if (row.refs.customer) {
        const m = resolve('customer', row.refs.customer, customers, known.customers, 'the Customers tab');
        if (m) addError(row, { column: 'customer_external_id', message: m });
      }
      if (row.refs.plan) {
        const m = resolve('plan', row.refs.plan, plans, known.plans, 'the Plans tab');
        if (m) addError(row, { column: 'plan_external_id', message: m });
      }
      put(subscriptions, row.refs.subscription, 'Subscription events', row.rowNumber, row.errors.length > 0, row.refs.customer);
    }
  }

  const txTab = parsed.Transactions as ParsedTab<'Transactions'> | undefined;
  if (txTab) {
    const byId: Record<string, ParsedInvoice> = {};
    for (const inv of (invTab && invTab.invoices) || []) byId[inv.externalId] = inv;
    for (const row of liveRows(txTab.rows)) {
      const id = row.refs.invoice;
      if (!id) continue;
      const m = resolve('invoice', id, invoices, known.invoices, 'the Invoices tab');
      if (m) addError(row, { column: 'invoice_external_id', message: m });
      if (row.pendingAmount) {
        const inv = byId[id];
        const currency = inv && inv.payload.currency ? inv.payload.currency : known.invoiceCurrencies && known.invoiceCurrencies.get(id);
        if (!currency) {
          if (!m) addError(row, { column: 'amount', message: `the currency of invoice ${JSON.stringify(id)} is unknown, so the amount cannot be converted; use an amount_in_cents column instead` });
        } else {
          const r = toMinorUnits(row.pendingAmount, currency, { min: 0 });
          if (r.ok) {
            row.payload.amount_in_cents = r.value;
            row.fingerprint = fingerprint({ payload: row.payload, refs: row.refs });
          } else addError(row, { column: 'amount', message: r.message });
        }
      }
    }
    // Partial payments (or refunds) of an invoice in the Invoices tab must not add up to more than its total.
    const partial: Record<string, ParsedRow<TransactionPayload>[]> = {};
    for (const r of liveRows(txTab.rows)) {
      const p = r.payload;
      if (!r.refs.invoice || p.result !== 'successful' || p.amount_in_cents === undefined) continue;
      const k = r.refs.invoice + '\u0000' + p.type;
      (partial[k] = partial[k] || []).push(r);
    }
    for (const inv of (invTab && invTab.invoices) || []) {
      if (inv.errors.length) continue;
      const total = inv.payload.line_items.reduce((s, l) => s + l.amount_in_cents, 0);
      for (const type of ['payment', 'refund']) {
        const rows = partial[inv.externalId + '\u0000' + type] || [];
        const sum = rows.reduce((s, r) => s + (r.payload.amount_in_cents || 0), 0);
        if (rows.length && sum > total) {
          const cur = inv.payload.currency;
          const msg = rows.length > 1
            ? `successful ${type}s of invoice ${JSON.stringify(inv.externalId)} add up to ${formatMinor(sum, cur)}, more than its total ${formatMinor(total, cur)}`
            : `${formatMinor(sum, cur)} is more than the total of invoice ${JSON.stringify(inv.externalId)} (${formatMinor(total, cur)})`;
          for (const r of rows) addError(r, { column: 'amount', message: msg });
        }
      }
    }
  }

  const cancelTab = parsed.Cancellations;
  if (cancelTab) {
    for (const row of liveRows(cancelTab.rows)) {
      const cus = row.refs.customer;
      const sub = row.refs.subscription;
      if (cus) {
        const m = resolve('customer', cus, customers, known.customers, 'the Customers tab');
        if (m) addError(row, { column: 'customer_external_id', message: m });
      }
      if (sub) {
        const m = resolve('subscription', sub, subscriptions, known.subscriptions, 'the Invoices or Subscription events tab');
        if (m) addError(row, { column: 'subscription_external_id', message: m });
        const s = subscriptions[sub];
        if (!m && s && cus && s.customer && s.customer !== cus && !known.subscriptions.has(sub)) {
          addError(row, { column: 'subscription_external_id', message: `subscription ${JSON.stringify(sub)} belongs to customer ${JSON.stringify(s.customer)} on the ${s.tab} tab (${rowList(s.rows)})` });
        }
      }
    }
  }

  const attrTab = parsed.Attributes;
  if (attrTab) {
    for (const row of liveRows(attrTab.rows)) {
      if (!row.refs.customer) continue;
      const m = resolve('customer', row.refs.customer, customers, known.customers, 'the Customers tab');
      if (m) addError(row, { column: 'customer_external_id', message: m });
    }
  }

  // Customers billed by an invoice or a subscription event in this import are customers, not leads or trials.
  if (parsed.Customers) {
    const billed: Record<string, true> = {};
    for (const row of liveRows(invTab ? invTab.rows : [])) if (row.refs.customer) billed[row.refs.customer] = true;
    for (const row of liveRows(evTab ? evTab.rows : [])) billed[(row.payload as SubscriptionEventPayload).customer_external_id] = true;
    for (const row of liveRows(parsed.Customers.rows)) if (billed[row.key]) row.stage = 'customer';
  }

  for (const tab of Object.keys(parsed) as TabName[]) {
    const t = parsed[tab] as ParsedTab;
    for (const row of t.rows) sortErrors(tab, row.errors);
    for (const inv of t.invoices || []) inv.errors.sort((a, b) => a.rowNumber - b.rowNumber);
  }
}
