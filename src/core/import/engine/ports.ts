// The engine's view of the spreadsheet (WorkbookPort: one block read per tab, receipt blocks, the log tab) and of
// the platform (EngineDeps). src/gas/adapters/workbook.ts implements WorkbookPort over SpreadsheetApp; tests use memory.

import type { ChartMogulClient } from '../../chartmogul';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { Cell, ReceiptColumn, TabName, ZoneOffset } from '../types';

/** One template tab read in one block. */
export interface TabData {
  tab: TabName;
  /** Header row (row 1). */
  headers: Cell[];
  /** Data rows (from row 2), every column of the header. */
  rows: Cell[][];
  /** Note of each row's chartmogul_status cell ('' when none or the column is absent), parallel to rows. */
  notes: string[];
}

/** What the add-on writes into one row's four receipt columns (+ the status cell's note). */
export interface ReceiptCells {
  status: string;
  uuid: string;
  message: string;
  /** ISO instant, or '' for none. */
  syncedAt: string;
  note: string;
}

/** 0-based column index of each receipt column. */
export type ReceiptIndex = Record<ReceiptColumn, number>;

export interface WorkbookPort {
  /** The spreadsheet's time zone (IANA). */
  timeZone(): string;
  /** Template tabs present in the spreadsheet. */
  tabs(): TabName[];
  /** The whole tab in one block, or null when absent. */
  read(tab: TabName): TabData | null;
  /** Appends the missing receipt columns at the right of the header; returns where all four are. */
  ensureReceiptColumns(tab: TabName, headers: Cell[]): ReceiptIndex;
  /** Writes the receipts of rows firstRow … firstRow + cells.length − 1 as one block (values and status notes). */
  writeReceipts(tab: TabName, columns: ReceiptIndex, firstRow: number, cells: ReceiptCells[]): void;
  /** Appends one row to the `ChartMogul log` tab (created with `header` when missing). */
  appendLog(header: string[], row: (string | number)[]): void;
}

/** Everything the engine needs; built by src/gas/importApi.ts (or by tests). */
export interface EngineDeps {
  workbook: WorkbookPort;
  /** Built with the time budget's deadline; undefined when no key or data source is configured. */
  client: ChartMogulClient;
  dataSourceUuid: string;
  clock: Clock;
  /** Document properties: the run state. */
  store: KeyValueStore;
  zoneOffset: ZoneOffset;
  /** Who runs the import (log tab); '' when unknown (triggers). */
  user: string;
  /** HTTP requests sent so far by `client` (a counting transport). */
  requestCount: () => number;
  logger?: Logger;
}
