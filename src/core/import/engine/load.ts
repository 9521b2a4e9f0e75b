// Reads the template tabs (one block each), attaches their receipts and parses them with the import core.
// Also the id maps (external id → ChartMogul uuid) that receipts of earlier runs already tell us.

import { matchHeaders } from '../headers';
import { parseTab } from '../rows';
import { tabNameOf, TAB_NAMES } from '../templates';
import type { ParseContext, ParsedInvoice, ParsedRow, ParsedTab, ReceiptColumn, TabName } from '../types';
import type { EngineDeps, ReceiptIndex, TabData } from './ports';
import { TabReceipts } from './receipts';

export interface LoadedTab {
  tab: TabName;
  data: TabData;
  parsed: ParsedTab;
  receipts: TabReceipts;
  /** Selected for this import / check (other tabs are read for their references only). */
  selected: boolean;
}

export interface Workbook {
  tabs: Partial<Record<TabName, LoadedTab>>;
  /** Selected tabs present, in dependency order. */
  selected: TabName[];
  ctx: ParseContext;
}

/** Tab names as the user gave them → template tabs (all present ones when empty). Unknown names throw. */
export function resolveTabs(requested: string[] | undefined, present: TabName[]): TabName[] {
  if (!requested || requested.length === 0) return TAB_NAMES.filter((t) => present.indexOf(t) >= 0);
  const out: TabName[] = [];
  for (const name of requested) {
    const t = tabNameOf(String(name));
    if (!t) throw new Error(`"${name}" is not an import tab (use ${TAB_NAMES.join(', ')})`);
    if (present.indexOf(t) < 0) throw new Error(`The spreadsheet has no "${t}" tab`);
    if (out.indexOf(t) < 0) out.push(t);
  }
  return TAB_NAMES.filter((t) => out.indexOf(t) >= 0);
}

/**
 * Reads every template tab present (selected ones are acted on; the others only lend their receipts as references).
 * `writable`: add missing receipt columns (import, check); otherwise absent columns read as empty (estimate).
 */
export function loadWorkbook(deps: Pick<EngineDeps, 'workbook' | 'clock' | 'zoneOffset'>, requested: string[] | undefined, writable: boolean): Workbook {
  const present = deps.workbook.tabs();
  const selected = resolveTabs(requested, present);
  const ctx: ParseContext = { timeZone: deps.workbook.timeZone(), zoneOffset: deps.zoneOffset, now: deps.clock.now() };
  const tabs: Partial<Record<TabName, LoadedTab>> = {};
  for (const tab of TAB_NAMES) {
    if (present.indexOf(tab) < 0) continue;
    const isSelected = selected.indexOf(tab) >= 0;
    const data = deps.workbook.read(tab);
    if (!data) continue;
    let columns: ReceiptIndex;
    if (writable && isSelected) {
      columns = deps.workbook.ensureReceiptColumns(tab, data.headers);
      const width = Math.max(...Object.keys(columns).map((k) => columns[k as ReceiptColumn])) + 1;
      if (data.headers.length < width) {
        const headers = data.headers.slice();
        for (const k of Object.keys(columns) as ReceiptColumn[]) headers[columns[k]] = k;
        for (let i = 0; i < width; i++) if (headers[i] === undefined) headers[i] = '';
        data.headers = headers;
      }
    } else {
      const m = matchHeaders(tab, data.headers);
      columns = {} as ReceiptIndex;
      for (const k of Object.keys(m.receipt) as ReceiptColumn[]) columns[k] = m.receipt[k] === undefined ? -1 : (m.receipt[k] as number);
    }
    const parsed = parseTab(tab, { headers: data.headers, rows: data.rows, firstRow: 2 }, ctx) as ParsedTab;
    tabs[tab] = { tab, data, parsed, receipts: new TabReceipts(tab, columns, data), selected: isSelected };
  }
  return { tabs, selected, ctx };
}

/** 0-based index into the tab's rows of a sheet row number. */
export function rowIndex(rowNumber: number): number {
  return rowNumber - 2;
}

export function liveRows<T extends ParsedRow>(rows: T[]): T[] {
  return rows.filter((r) => !r.blank);
}

export interface InvoiceRef {
  uuid: string;
  currency?: string;
}

export interface SubscriptionRef {
  uuid: string;
  dates: string[];
}

/** External id → ChartMogul ids known in this execution (from receipts, lookups and what this run creates). */
export interface IdMaps {
  customers: Map<string, string>;
  plans: Map<string, string>;
  invoices: Map<string, InvoiceRef>;
}

export function emptyMaps(): IdMaps {
  return { customers: new Map(), plans: new Map(), invoices: new Map() };
}

/** Rows whose receipt says the object is in ChartMogul (a uuid and a fingerprint were written). */
function sentUuid(t: LoadedTab, rowNumber: number): string {
  const r = t.receipts.get(rowIndex(rowNumber));
  return r && r.uuid && r.note.fp ? r.uuid : '';
}

export function mapsFromReceipts(wb: Workbook): IdMaps {
  const maps = emptyMaps();
  const c = wb.tabs.Customers;
  if (c) for (const row of liveRows(c.parsed.rows)) if (row.key && sentUuid(c, row.rowNumber)) maps.customers.set(row.key, sentUuid(c, row.rowNumber));
  const p = wb.tabs.Plans;
  if (p) for (const row of liveRows(p.parsed.rows)) if (row.key && sentUuid(p, row.rowNumber)) maps.plans.set(row.key, sentUuid(p, row.rowNumber));
  const inv = wb.tabs.Invoices;
  if (inv) {
    for (const invoice of inv.parsed.invoices || []) {
      const uuid = invoiceUuid(inv, invoice);
      if (uuid) maps.invoices.set(invoice.externalId, { uuid, currency: invoice.payload.currency });
    }
  }
  return maps;
}

/** The uuid an invoice's rows carry (the first row that has one). */
export function invoiceUuid(t: LoadedTab, inv: ParsedInvoice): string {
  for (const n of inv.rowNumbers) {
    const u = sentUuid(t, n);
    if (u) return u;
  }
  return '';
}
