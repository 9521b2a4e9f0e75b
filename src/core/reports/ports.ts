// The Reports core's view of the spreadsheet (ReportsWorkbook: report tabs, staging, chart, notes, the log tab) and
// of the platform (ReportDeps). src/gas/reports/ implements them over SpreadsheetApp; unit tests use memory.

import type { ChartMogulClient } from '../chartmogul';
import type { Services } from '../config';
import type { OutCell } from '../export/types';
import type { Column } from './types';

export interface TabRef {
  sheetId: number;
  name: string;
}

/** Everything one report tab shows: rows 1–2 title and fetched-at line, row 3 the header, data from row 4. */
export interface ReportLayout {
  title: string;
  subtitle: string;
  /** Note on the title cell (when fetched, or the last failure). */
  note: string;
  columns: Column[];
  rows: OutCell[][];
  /** Rows staged for this report id come first (a list fetched over several executions). */
  stagedFor?: string;
  currency: string;
}

export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

export interface ChartPlan {
  type: 'LINE' | 'COLUMN';
  title: string;
  /** 0-based column indexes: the first is the x axis (dates), the others the series. */
  columns: number[];
  rows: number;
  stacked?: boolean;
}

/** Log cells as the import engine's log writer takes them (the time as an ISO string). */
export type LogCell = string | number;

export interface ReportsWorkbook {
  tabNames(): string[];
  createTab(name: string): TabRef;
  findTab(sheetId: number): TabRef | null;
  writeReport(sheetId: number, layout: ReportLayout): void;
  /** Shows "fetching…" in a tab whose list is still being fetched (a new report's tab only). */
  writePlaceholder(sheetId: number, title: string, subtitle: string): void;
  setTitleNote(sheetId: number, note: string): void;
  /** Updates the chart with `chartId` (null = insert one); returns its id, or null when the user deleted it. */
  upsertChart(sheetId: number, chartId: number | null, plan: ChartPlan): number | null;
  stage(reportId: string, start: number, columns: Column[], rows: OutCell[][]): void;
  dropStaging(reportId: string): void;
  appendLog(header: string[], row: LogCell[]): void;
}

export interface ReportDeps {
  services: Services;
  workbook: ReportsWorkbook;
  /** Builds the client with the user's key and `deadline`. */
  client(apiKey: string): ChartMogulClient;
  /** Epoch ms when this execution must have checkpointed. */
  deadline: number;
  /** Today's date (YYYY-MM-DD) in an IANA time zone. */
  todayIn(timeZone: string): string;
  /** "2025-07-01 14:03 (Europe/Berlin)" in the spreadsheet's zone. */
  formatTime(ms: number): string;
  user: string;
  requestCount(): number;
  perPage: number;
  chunkPages: number;
  /** Pages of a list per call at most (Infinity: until the deadline). */
  pagesPerCall: number;
  /** Makes sure the hourly scheduler trigger exists (schedules, unfinished lists). */
  ensureTrigger(): void;
}
