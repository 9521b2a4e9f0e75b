// Shapes of the Reports feature: the spec a user gives, the saved report, what the entry points return, the table.
// All plain JSON (google.script.run refuses Dates and class instances); times are ISO strings.

import type { Interval, OutCell } from '../export/types';

export type ReportKind = 'metrics' | 'mrr-movements' | 'customers' | 'subscriptions' | 'activities';
export type Schedule = 'none' | 'hourly' | 'daily' | 'weekly';

export type RangeSpec = { type: 'fixed'; start: string; end: string } | { type: 'rolling'; months: number };

/** What createReport accepts (from the sidebar or a script). */
export interface ReportSpecInput {
  kind: ReportKind;
  name?: string;
  metrics?: string[];
  range?: RangeSpec;
  interval?: Interval;
  plans?: string[];
  geo?: string[];
  filters?: string;
  schedule?: Schedule;
  chart?: boolean;
}

/** A checked spec: every field present and valid. */
export interface ReportSpec {
  kind: ReportKind;
  name: string;
  metrics: string[];
  range: RangeSpec;
  interval: Interval;
  plans: string[];
  geo: string[];
  filters: string;
  schedule: Schedule;
  chart: boolean;
}

/** A saved report (document properties, one small JSON per report). */
export interface SavedReport {
  id: string;
  spec: ReportSpec;
  sheetId: number;
  tab: string;
  createdAt: string;
  lastRefreshAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  lastRows: number;
  chartId: number | null;
}

export interface ReportSummary {
  id: string;
  name: string;
  tab: string;
  kind: ReportKind;
  schedule: Schedule;
  lastRefreshAt: string | null;
  lastError: string | null;
  nextDueAt: string | null;
  /** True while a big list is being fetched across executions. */
  running: boolean;
}

export interface CreateResult {
  id: string;
  tab: string;
  rows: number;
  fetchedAt: string | null;
  done: boolean;
}

export interface RefreshResult {
  id: string;
  rows: number;
  fetchedAt: string | null;
  done: boolean;
  error?: string;
}

export interface PlanOption {
  uuid: string;
  name: string;
  externalId: string;
  interval: string;
}

export type ColumnType = 'text' | 'money' | 'rate' | 'count' | 'number' | 'day' | 'instant' | 'mixed';

export interface Column {
  title: string;
  type: ColumnType;
}

/** A report's data: columns and rows (cells as the export core defines them: days and instants tagged). */
export interface ReportTable {
  columns: Column[];
  rows: OutCell[][];
}

export type RefreshMode = 'create' | 'manual' | 'scheduled';
