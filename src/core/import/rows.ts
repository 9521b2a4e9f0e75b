// Parses a whole tab (header row + data rows) into ParsedRows: cell values checked per column kind, each row
// mapped to its exact ChartMogul request payload, with errors naming the column; Invoices rows grouped into invoices.

import { fingerprint } from './fingerprint';
import { matchHeaders } from './headers';
import { findColumn, PRICED_EVENT_TYPES, TEMPLATES } from './templates';
import {
  AttributesPayload, CancellationPayload, Cell, ColumnTemplate, CustomAttribute, CustomAttributeType, CustomerPayload,
  HeaderMatch, InvoicePayload, LineItemPayload, ParseContext, ParsedInvoice, ParsedRow, ParsedTab, ParseResult, PayloadByTab, PlanPayload,
  ReceiptColumn, RowError, RowRefs, SubscriptionEventPayload, TabName, TabTemplate, Table, TransactionPayload,
} from './types';
import {
  describeCell, inferCustomType, isBlank, parseAmount, parseBoolean, parseCents, parseCountry, parseCurrency,
  parseCustomValue, parseDate, ParsedDate, parseEmail, parseEnum, parseId, parseInteger, parseMoney, parseTags,
  parseText, parseUrl, parseUsState,
} from './values';
import { rowList } from './messages';
import { invoiceFingerprint, sortErrors, validateTab } from './validate';

/**
 * Blank for "is anything in this cell": empty text, or an unticked checkbox in a yes/no column or a custom column
 * (`col` undefined) — a checkbox column is FALSE on every row, so it cannot make a row non-blank.
 */
function isEmptyFor(col: ColumnTemplate | undefined, cell: Cell): boolean {
  return isBlank(cell) || (cell === false && (col === undefined || col.kind === 'boolean'));
}

/** Reads and parses the cells of one row, collecting errors that name the column. */
class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    private readonly tab: TabName,
    private readonly match: HeaderMatch,
    private readonly cells: Cell[],
    readonly ctx: ParseContext,
  ) {}

  present(name: string): boolean {
    return this.match.columns[name] !== undefined;
  }

  cell(name: string): Cell {
    const i = this.match.columns[name];
    if (i === undefined) return '';
    const c = this.cells[i];
    return c === undefined || c === null ? '' : c;
  }

  /** Something is in the cell (an unticked checkbox counts as nothing). */
  filled(name: string): boolean {
    return !isEmptyFor(findColumn(this.tab, name), this.cell(name));
  }

  error(column: string, message: string): void {
    this.errors.push({ column, message });
  }

  hasError(column: string): boolean {
    return this.errors.some((e) => e.column === column);
  }

  private requiredError(name: string, why?: string): void {
    if (!this.present(name)) {
      const alt = TEMPLATES[this.tab].alternatives.find((a) => a.alternativeTo === name);
      const hint = alt ? ` (or ${alt.name})` : '';
      this.error(name, `column is missing; add a "${name}" column${hint} to the header row` + (why ? ` (needed ${why})` : ''));
    } else {
      this.error(name, why ? `is required ${why}` : 'is required');
    }
  }

  /**
   * The parsed value of a column (kind from the template), or undefined when empty or invalid.
   * `required`: true for template-required columns, or a reason ("for subscription lines").
   */
  get(name: string, required: boolean | string = false): unknown {
    const col = findColumn(this.tab, name) as ColumnTemplate;
    const cell = this.cell(name);
    if (isBlank(cell)) {
      if (required) this.requiredError(name, typeof required === 'string' ? required : undefined);
      return undefined;
    }
    const r = parseKind(col, cell, this.ctx);
    if (!r.ok) {
      this.error(name, r.message);
      return undefined;
    }
    return r.value;
  }

  str(name: string, required: boolean | string = false): string | undefined {
    return this.get(name, required) as string | undefined;
  }

  date(name: string, required: boolean | string = false): ParsedDate | undefined {
    return this.get(name, required) as ParsedDate | undefined;
  }

  /**
   * A money column in minor units, or its `<name>_in_cents` alternative. `currency` undefined means the currency is
   * not known (yet): returns undefined without an error (the currency column carries it).
   */
  money(name: string, currency: string | undefined, required: boolean | string = false): number | undefined {
    const col = findColumn(this.tab, name) as ColumnTemplate;
    const altName = name + '_in_cents';
    const rules = col.min !== undefined ? { min: col.min } : {};
    const mainFilled = !isBlank(this.cell(name));
    const altFilled = !isBlank(this.cell(altName));
    if (!mainFilled && !altFilled) {
      if (required) this.requiredError(name, typeof required === 'string' ? required : undefined);
      return undefined;
    }
    let cents: number | undefined;
    if (altFilled) {
      const r = parseCents(this.cell(altName), rules, this.ctx);
      if (!r.ok) {
        this.error(altName, r.message);
        return undefined;
      }
      cents = r.value;
    }
    if (mainFilled) {
      if (currency === undefined) {
        const syntax = parseAmount(this.cell(name), this.ctx);
        if (!syntax.ok) this.error(name, syntax.message);
        return cents;
      }
      const r = parseMoney(this.cell(name), currency, rules, this.ctx);
      if (!r.ok) {
        this.error(name, r.message);
        return undefined;
      }
      if (cents !== undefined && cents !== r.value) {
        this.error(name, `${describeCell(this.cell(name))} and ${altName} ${cents} disagree; fill only one of them`);
        return undefined;
      }
      cents = r.value;
    }
    return cents;
  }

  receipt(): Partial<Record<ReceiptColumn, string>> {
    const out: Partial<Record<ReceiptColumn, string>> = {};
    const receipt = this.match.receipt;
    for (const k of Object.keys(receipt) as ReceiptColumn[]) {
      const i = receipt[k];
      if (i === undefined) continue;
      const c = this.cells[i];
      if (c === undefined || isBlank(c)) continue;
      out[k] = c instanceof Date ? c.toISOString() : String(c).trim();
    }
    return out;
  }
}

function parseKind(col: ColumnTemplate, cell: Cell, ctx: ParseContext): ParseResult<unknown> {
  switch (col.kind) {
    case 'text':
      return parseText(cell, ctx);
    case 'id':
      return parseId(cell, ctx);
    case 'email':
      return parseEmail(cell);
    case 'url':
      return parseUrl(cell);
    case 'tags':
      return parseTags(cell, ctx);
    case 'boolean':
      return parseBoolean(cell);
    case 'integer':
      return parseInteger(cell, { min: col.min, nonZero: col.nonZero }, ctx);
    case 'enum':
      return parseEnum(cell, col.values || [], col.aliases);
    case 'country':
      return parseCountry(cell);
    case 'currency':
      return parseCurrency(cell);
    case 'cents':
      return parseCents(cell, col.min !== undefined ? { min: col.min } : {}, ctx);
    case 'money':
      return parseAmount(cell, ctx); // converted with the currency by RowReader.money
    case 'date': {
      const d = parseDate(cell, ctx);
      if (d.ok && col.notFuture && d.value.ms > ctx.now) {
        return { ok: false, message: `${describeCell(cell, ctx)} is in the future; ChartMogul only accepts past dates here` };
      }
      return d;
    }
  }
}

/** Copies defined values onto a payload, in order (undefined = leave the field out). */
function assign<T>(target: T, values: Partial<T>): T {
  for (const k of Object.keys(values) as (keyof T)[]) {
    if (values[k] !== undefined) target[k] = values[k] as T[keyof T];
  }
  return target;
}

function customAttributes(r: RowReader, match: HeaderMatch, types: Record<string, CustomAttributeType>, cells: Cell[]): CustomAttribute[] {
  const out: CustomAttribute[] = [];
  for (const c of match.custom) {
    const cell = cells[c.index];
    if (cell === undefined || isBlank(cell)) continue;
    const type = types[c.key];
    const v = parseCustomValue(cell, type, r.ctx);
    if (!v.ok) r.error('custom.' + c.key, v.message);
    else out.push({ type, key: c.key, value: v.value });
  }
  return out;
}

interface Built<P> {
  key: string;
  payload: P;
  refs: RowRefs;
  stage?: ParsedRow['stage'];
  pendingAmount?: ParsedRow['pendingAmount'];
}

/** Per-row invoice header values (Invoices tab), kept for grouping. */
interface InvoiceHead {
  /** How each value looked in the sheet, for disagreement messages. */
  shown?: Record<string, string>;
  external_id?: string;
  customer_external_id?: string;
  date?: string;
  currency?: string;
  due_date?: string;
  collection_method?: string;
}

type Builder<P> = (r: RowReader, extra: BuildExtra) => Built<P>;

interface BuildExtra {
  match: HeaderMatch;
  customTypes: Record<string, CustomAttributeType>;
  cells: Cell[];
  heads: InvoiceHead[];
}

const buildCustomer: Builder<CustomerPayload> = (r, x) => {
  const external_id = r.str('external_id', true) || '';
  const payload: CustomerPayload = { external_id, name: r.str('name', true) || '' };
  const country = r.str('country');
  let state: string | undefined;
  if (r.filled('state')) {
    const raw = r.cell('state');
    const looksUs = typeof raw === 'string' && /^\s*US-/i.test(raw);
    const s = country === 'US' || (looksUs && country === undefined && !r.hasError('country')) ? parseUsState(raw) : parseText(raw, r.ctx);
    if (s.ok) state = s.value;
    else r.error('state', s.message);
  }
  const lead = r.date('lead_created_at');
  const trial = r.date('free_trial_started_at');
  if (lead && trial && trial.ms < lead.ms) {
    r.error('free_trial_started_at', `${trial.iso.slice(0, 10)} is before lead_created_at (${lead.iso.slice(0, 10)}); a trial cannot start before the lead exists`);
  }
  assign(payload, {
    email: r.str('email'),
    company: r.str('company'),
    country,
    state,
    city: r.str('city'),
    zip: r.str('zip'),
    website_url: r.str('website_url'),
    owner: r.str('owner'),
    lead_created_at: lead && lead.iso,
    free_trial_started_at: trial && trial.iso,
  });
  const tags = r.get('tags') as string[] | undefined;
  const custom = customAttributes(r, x.match, x.customTypes, x.cells);
  if ((tags && tags.length) || custom.length) {
    payload.attributes = {};
    if (tags && tags.length) payload.attributes.tags = tags;
    if (custom.length) payload.attributes.custom = custom;
  }
  const stage = trial ? 'trial' : lead ? 'lead' : undefined;
  return { key: external_id, payload, refs: {}, stage };
};

const buildPlan: Builder<PlanPayload> = (r) => {
  const external_id = r.str('external_id', true) || '';
  const payload = {
    external_id,
    name: r.str('name', true) || '',
    interval_count: (r.get('interval_count', true) as number | undefined) ?? 0,
    interval_unit: (r.str('interval_unit', true) || '') as PlanPayload['interval_unit'],
  };
  return { key: external_id, payload, refs: {} };
};

/** Columns that only mean something on subscription and trial lines. */
const SUBSCRIPTION_ONLY = [
  'subscription_external_id', 'subscription_set_external_id', 'service_period_start', 'service_period_end',
  'prorated', 'proration_type', 'cancelled_at',
];

const buildLineItem: Builder<LineItemPayload> = (r, x) => {
  const head: InvoiceHead = {
    external_id: r.str('invoice_external_id', true),
    customer_external_id: r.str('customer_external_id', true),
    currency: r.str('currency', true),
    collection_method: r.str('collection_method'),
  };
  const date = r.date('date', true);
  const due = r.date('due_date');
  head.date = date && date.iso;
  head.due_date = due && due.iso;
  head.shown = {};
  for (const f of HEAD_FIELDS) head.shown[f] = describeCell(r.cell(f), r.ctx);
  x.heads.push(head);

  const type = r.str('type', true) as LineItemPayload['type'] | undefined;
  const recurring = type === 'subscription' || type === 'trial';
  const why = recurring ? `for ${type} lines` : false;
  const plan = r.str('plan_external_id', why);
  const subscription = r.str('subscription_external_id', why);
  const start = r.date('service_period_start', why);
  const end = r.date('service_period_end', why);
  if (start && end && end.ms <= start.ms) {
    r.error('service_period_end', `${describeCell(r.cell('service_period_end'), r.ctx)} must be after service_period_start (${describeCell(r.cell('service_period_start'), r.ctx)})`);
  }
  if (type === 'one_time') {
    for (const name of SUBSCRIPTION_ONLY) {
      if (r.filled(name) && !r.hasError(name)) r.error(name, 'only used on subscription and trial lines; leave it empty on one_time lines');
    }
  }
  const currency = head.currency;
  const payload = { type: type || 'one_time', amount_in_cents: 0 } as LineItemPayload;
  const prorated = r.get('prorated') as boolean | undefined;
  assign(payload, {
    amount_in_cents: r.money('amount', currency, true),
    plan_external_id: plan,
    subscription_external_id: subscription,
    subscription_set_external_id: r.str('subscription_set_external_id'),
    service_period_start: start && start.iso,
    service_period_end: end && end.iso,
    quantity: r.get('quantity') as number | undefined,
    prorated: prorated ? true : undefined,
    proration_type: r.str('proration_type') as LineItemPayload['proration_type'],
    discount_amount_in_cents: r.money('discount_amount', currency),
    discount_code: r.str('discount_code'),
    discount_description: r.str('discount_description'),
    tax_amount_in_cents: r.money('tax_amount', currency),
    transaction_fees_in_cents: r.money('transaction_fees', currency),
    description: r.str('description'),
    external_id: r.str('line_item_external_id'),
    cancelled_at: (r.date('cancelled_at') || { iso: undefined }).iso,
    event_order: r.get('event_order') as number | undefined,
  });
  const refs: RowRefs = { invoice: head.external_id, customer: head.customer_external_id };
  if (plan) refs.plan = plan;
  if (subscription) refs.subscription = subscription;
  return { key: head.external_id || '', payload, refs };
};

const buildTransaction: Builder<TransactionPayload> = (r) => {
  const invoice = r.str('invoice_external_id', true);
  const date = r.date('date', true);
  const payload = {
    type: r.str('type', true),
    date: date ? date.iso : '',
    result: r.str('result', true),
  } as TransactionPayload;
  const external_id = r.str('external_id');
  if (external_id) payload.external_id = external_id;
  let pendingAmount: ParsedRow['pendingAmount'];
  if (!isBlank(r.cell('amount_in_cents'))) {
    const cents = r.money('amount', undefined); // only the cents column is converted without a currency
    if (cents !== undefined) payload.amount_in_cents = cents;
    if (!isBlank(r.cell('amount'))) r.error('amount', 'fill either amount or amount_in_cents, not both');
  } else if (!isBlank(r.cell('amount'))) {
    const a = parseAmount(r.cell('amount'), r.ctx);
    if (!a.ok) r.error('amount', a.message);
    else if (a.value.kind === 'number' ? a.value.value < 0 : a.value.negative) r.error('amount', `${describeCell(r.cell('amount'))} must not be negative`);
    else pendingAmount = a.value; // converted by validateWorkbook once the invoice's currency is known
  }
  return { key: external_id || invoice || '', payload, refs: invoice ? { invoice } : {}, pendingAmount };
};

const buildCancellation: Builder<CancellationPayload> = (r) => {
  const customer = r.str('customer_external_id', true);
  const subscription = r.str('subscription_external_id', true);
  const at = r.date('cancelled_at', true);
  const refs: RowRefs = {};
  if (customer) refs.customer = customer;
  if (subscription) refs.subscription = subscription;
  return { key: subscription || '', payload: { cancelled_at: at ? at.iso : '' }, refs };
};

const buildSubscriptionEvent: Builder<SubscriptionEventPayload> = (r) => {
  const customer = r.str('customer_external_id', true) || '';
  const subscription = r.str('subscription_external_id', true) || '';
  const type = r.str('event_type', true) || '';
  const eventDate = r.date('event_date', true);
  const effective = r.date('effective_date', true);
  const priced = PRICED_EVENT_TYPES.indexOf(type) >= 0;
  const why = priced ? `for ${type} events` : false;
  const plan = r.str('plan_external_id', why);
  const currency = r.str('currency', why);
  const needsCurrency = !isBlank(r.cell('amount')) || !isBlank(r.cell('tax_amount'));
  if (!priced && currency === undefined && needsCurrency && !r.hasError('currency')) r.error('currency', 'is required when an amount is given');
  const payload: SubscriptionEventPayload = {
    customer_external_id: customer,
    subscription_external_id: subscription,
    event_type: type,
    event_date: eventDate ? eventDate.iso : '',
    effective_date: effective ? effective.iso : '',
  };
  assign(payload, {
    plan_external_id: plan,
    subscription_set_external_id: r.str('subscription_set_external_id'),
    currency,
    amount_in_cents: r.money('amount', currency, why),
    quantity: r.get('quantity') as number | undefined,
    tax_amount_in_cents: r.money('tax_amount', currency),
    external_id: r.str('external_id'),
  });
  const refs: RowRefs = { customer, subscription };
  if (plan) refs.plan = plan;
  return { key: payload.external_id || subscription, payload, refs };
};

const buildAttributes: Builder<AttributesPayload> = (r, x) => {
  const customer = r.str('customer_external_id');
  const email = r.str('email');
  if (!customer && !email && !r.hasError('customer_external_id') && !r.hasError('email')) {
    r.error('customer_external_id', 'fill customer_external_id or email to say which customer to update');
  }
  const payload: AttributesPayload = { attributes: {} };
  const tags = r.get('tags') as string[] | undefined;
  const custom = customAttributes(r, x.match, x.customTypes, x.cells);
  if (tags && tags.length) payload.attributes.tags = tags;
  if (custom.length) payload.attributes.custom = custom;
  if (!payload.attributes.tags && !payload.attributes.custom && r.errors.length === 0) {
    r.error('', 'nothing to update; fill tags or a custom.<Key> column');
  }
  const refs: RowRefs = {};
  if (customer) refs.customer = customer;
  if (email) refs.email = email;
  return { key: customer || email || '', payload, refs };
};

const BUILDERS: { [T in TabName]: Builder<PayloadByTab[T]> } = {
  Customers: buildCustomer,
  Plans: buildPlan,
  Invoices: buildLineItem,
  Transactions: buildTransaction,
  'Subscription events': buildSubscriptionEvent,
  Cancellations: buildCancellation,
  Attributes: buildAttributes,
};

function dataColumns(tpl: TabTemplate, match: HeaderMatch): { col: ColumnTemplate | undefined; index: number }[] {
  const out: { col: ColumnTemplate | undefined; index: number }[] = [];
  for (const c of tpl.columns.concat(tpl.alternatives)) {
    const i = match.columns[c.name];
    if (i !== undefined) out.push({ col: c, index: i });
  }
  for (const c of match.custom) out.push({ col: undefined, index: c.index });
  return out;
}

/** Row fingerprint: what would be sent (payload) and where it points (refs). */
export function rowFingerprint(row: Pick<ParsedRow, 'payload' | 'refs'>): string {
  return fingerprint({ payload: row.payload, refs: row.refs });
}

/**
 * Parse one tab. Blank rows (nothing in any template or custom column; receipt and unknown columns ignored,
 * unticked checkboxes count as empty) are kept with `blank: true` and no errors. Within-tab checks (duplicate ids,
 * invoice grouping) run here; cross-tab references are checked by validateWorkbook.
 */
export function parseTab<T extends TabName>(tab: T, table: Table, ctx: ParseContext): ParsedTab<T> {
  const tpl = TEMPLATES[tab];
  const match = matchHeaders(tab, table.headers);
  const columns = dataColumns(tpl, match);

  const customTypes: Record<string, CustomAttributeType> = {};
  for (const c of match.custom) {
    customTypes[c.key] = c.type || inferCustomType(table.rows.map((row) => (row[c.index] === undefined ? '' : row[c.index])), ctx);
  }

  const heads: InvoiceHead[] = [];
  const rows: ParsedRow<PayloadByTab[T]>[] = [];
  const builder = BUILDERS[tab] as Builder<PayloadByTab[T]>;
  const input = tab === 'Invoices' ? inheritInvoiceHeads(match, table.rows) : table.rows;
  input.forEach((cells, i) => {
    const rowNumber = table.firstRow + i;
    const reader = new RowReader(tab, match, cells, ctx);
    const blank = columns.every(({ col, index }) => isEmptyFor(col, cells[index] === undefined ? '' : cells[index]));
    if (blank) {
      heads.push({});
      rows.push({ rowNumber, key: '', payload: {} as PayloadByTab[T], refs: {}, errors: [], fingerprint: '', blank: true, receipt: reader.receipt() });
      return;
    }
    const built = builder(reader, { match, customTypes, cells, heads });
    sortErrors(tab, reader.errors);
    const row: ParsedRow<PayloadByTab[T]> = {
      rowNumber,
      key: built.key,
      payload: built.payload,
      refs: built.refs,
      errors: reader.errors,
      fingerprint: '',
      blank: false,
      receipt: reader.receipt(),
    };
    if (built.stage) row.stage = built.stage;
    if (built.pendingAmount) row.pendingAmount = built.pendingAmount;
    row.fingerprint = rowFingerprint(row);
    rows.push(row);
  });

  const parsed: ParsedTab<T> = { tab, headers: match, rows };
  if (match.custom.length) parsed.customTypes = customTypes;
  if (tab === 'Invoices') parsed.invoices = groupInvoices(rows as ParsedRow<LineItemPayload>[], heads);
  validateTab(parsed as ParsedTab);
  return parsed;
}

const HEAD_FIELDS: (keyof InvoiceHead & string)[] = ['customer_external_id', 'date', 'currency', 'due_date', 'collection_method'];

/**
 * Invoice header cells left empty on a later line of an invoice take the value of the first line of that invoice
 * that has one, so every line is read (and its amounts converted) with the invoice's customer, date and currency.
 */
function inheritInvoiceHeads(match: HeaderMatch, rows: Cell[][]): Cell[][] {
  const idCol = match.columns.invoice_external_id;
  const cols = HEAD_FIELDS.map((f) => match.columns[f]).filter((c): c is number => c !== undefined);
  if (idCol === undefined || !cols.length) return rows;
  const idOf = (row: Cell[]): string => {
    const c = row[idCol];
    return typeof c === 'string' ? c.trim() : typeof c === 'number' ? String(c) : '';
  };
  const first: Record<string, Record<number, Cell>> = {};
  for (const row of rows) {
    const id = idOf(row);
    if (!id) continue;
    const f = (first[id] = first[id] || {});
    for (const c of cols) if (f[c] === undefined && !isBlank(row[c])) f[c] = row[c];
  }
  return rows.map((row) => {
    const f = first[idOf(row)];
    if (!f || !cols.some((c) => isBlank(row[c]) && f[c] !== undefined)) return row;
    const copy = row.slice();
    for (const c of cols) if (isBlank(copy[c]) && f[c] !== undefined) copy[c] = f[c];
    return copy;
  });
}

/**
 * Rows sharing invoice_external_id → invoices (first appearance order); header values come from the first row that
 * has them. Rows of one invoice must agree on customer, date, currency, due date and collection method (empty cells
 * on later rows inherit); when they don't, every row of the invoice gets the error.
 */
function groupInvoices(rows: ParsedRow<LineItemPayload>[], heads: InvoiceHead[]): ParsedInvoice[] {
  const order: string[] = [];
  const groups: Record<string, number[]> = {};
  rows.forEach((row, i) => {
    const id = heads[i].external_id;
    if (row.blank || !id) return;
    if (!groups[id]) {
      groups[id] = [];
      order.push(id);
    }
    groups[id].push(i);
  });
  return order.map((id): ParsedInvoice => {
    const idx = groups[id];
    const first = (field: keyof InvoiceHead): string | undefined => {
      for (const i of idx) if (heads[i][field] !== undefined) return heads[i][field] as string;
      return undefined;
    };
    for (const field of HEAD_FIELDS) {
      const seen: { value: string; shown: string; rows: number[] }[] = [];
      for (const i of idx) {
        const v = heads[i][field];
        if (v === undefined) continue;
        const s = seen.find((x) => x.value === v);
        if (s) s.rows.push(rows[i].rowNumber);
        else seen.push({ value: v as string, shown: (heads[i].shown || {})[field] || String(v), rows: [rows[i].rowNumber] });
      }
      if (seen.length > 1) {
        const what = seen.map((x) => `${x.shown} (${rowList(x.rows)})`).join(', ');
        for (const i of idx) rows[i].errors.push({ column: field, message: `the rows of invoice ${JSON.stringify(id)} disagree: ${what}` });
      }
    }
    const payload: InvoicePayload = { external_id: id, date: first('date') || '', currency: first('currency') || '', line_items: [] };
    assign(payload, {
      due_date: first('due_date'),
      collection_method: first('collection_method') as InvoicePayload['collection_method'],
    });
    payload.line_items = idx.map((i) => rows[i].payload);
    const customerExternalId = first('customer_external_id') || '';
    return {
      externalId: id,
      customerExternalId,
      rowNumbers: idx.map((i) => rows[i].rowNumber),
      payload,
      errors: [],
      fingerprint: invoiceFingerprint({ customerExternalId, payload }),
    };
  });
}
