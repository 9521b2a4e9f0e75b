// Public entry of the pure Reports core: the operations, their types, the filter check and the log columns.
// src/gas/reportsApi.ts wraps these with Apps Script's services; import from here (`core/reports`).

export { createReport, listReports, refreshOne, refreshAll, setSchedule, deleteReport, listPlans, runDueReports } from './service';
export { checkFilter } from './cfl';
export type { FilterCheck } from './cfl';
export { LOG_HEADER, LOG_TAB } from './log';
export { HEADER_ROW, FIRST_DATA_ROW } from './ports';
export type { ChartPlan, LogCell, ReportDeps, ReportLayout, ReportsWorkbook, TabRef } from './ports';
export { columnFormat, isTextColumn, TEXT_FORMAT } from './formats';
export { DEFAULT_CHUNK_PAGES } from './listRun';
export type {
  Column, ColumnType, CreateResult, PlanOption, RangeSpec, RefreshResult, ReportKind, ReportSpecInput, ReportSummary, Schedule,
} from './types';
