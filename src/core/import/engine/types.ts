// Public shapes of the import engine (what the sidebar, the scheduler and the entry points exchange) and its options.
// Everything here is plain JSON: no Dates, no class instances, so google.script.run can carry it unchanged.

import type { ReceiptStatus, TabName } from '../types';

export type ImportMode = 'rows' | 'bulk';

export interface ImportOptions {
  /** 'auto' (default) picks bulk for large imports, rows otherwise. */
  mode?: 'auto' | ImportMode;
  /** Delete and re-import invoices whose rows changed since they were imported (default: flag them only). */
  replaceChangedInvoices?: boolean;
  /** How long one call may work before it checkpoints and returns (default 270 000 ms = 4.5 min). */
  timeBudgetMs?: number;
  /** Start a new run even when the last one is unfinished. */
  restart?: boolean;
}

export interface TabCounts {
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  exists: number;
  error: number;
  skipped: number;
  pending: number;
}

export interface RowProblem {
  tab: string;
  row: number;
  message: string;
}

export interface ImportSummary {
  runId: string;
  done: boolean;
  cancelled: boolean;
  mode: ImportMode;
  tabs: { [tab: string]: TabCounts };
  /** First 20 rows with errors. */
  errors: RowProblem[];
  rowsDone: number;
  rowsTotal: number;
  requests: number;
  ratePerMinute: number;
  etaSeconds: number | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  message: string;
}

export interface CheckTabResult {
  rows: number;
  errors: number;
  unknownColumns: string[];
  missingColumns: string[];
}

export interface CheckResult {
  ok: boolean;
  tabs: { [tab: string]: CheckTabResult };
  /** First 50 problems. */
  errors: RowProblem[];
}

export interface ImportEstimate {
  rows: number;
  estimatedRequests: number;
  dailyQuota: number;
  mode: ImportMode;
}

export interface UndoResult {
  runId: string;
  deleted: { customers: number; plans: number; invoices: number; subscriptionEvents: number };
  errors: RowProblem[];
}

/** Statuses that end a row's work in a run. */
export const FINAL_STATUSES: readonly ReceiptStatus[] = ['imported', 'updated', 'unchanged', 'exists', 'error', 'skipped'];

export const DEFAULT_TIME_BUDGET_MS = 270000;
/** UrlFetch calls per day of a consumer (gmail.com) account; Workspace accounts get 100,000. */
export const DAILY_URLFETCH_QUOTA = 20000;

export function emptyCounts(): TabCounts {
  return { total: 0, imported: 0, updated: 0, unchanged: 0, exists: 0, error: 0, skipped: 0, pending: 0 };
}

export type { TabName };
