// Entry points of the Reports feature (sidebar, menu, scripts): plain JSON in and out, errors as plain Errors.
// Refreshes hold the document lock so the sidebar and the hourly trigger never write one report at the same time.

import * as core from '../core/reports';
import type { CreateResult, FilterCheck, PlanOption, RefreshResult, ReportSummary } from '../core/reports';
import { reportDeps, INTERACTIVE_BUDGET_MS } from './reports/deps';
import { ensureScheduler } from './scheduler';

export type { CreateResult, FilterCheck, PlanOption, RefreshResult, ReportSpecInput, ReportSummary, Schedule } from '../core/reports';

const LOCK_WAIT_MS = 20000;

function deps(): core.ReportDeps {
  return reportDeps(Date.now() + INTERACTIVE_BUDGET_MS, () => {
    ensureScheduler();
  });
}

function plain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}

function locked<T>(fn: () => T): T {
  return plain(() => {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error('Another ChartMogul refresh is running in this spreadsheet: try again in a minute.');
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  });
}

/** The account's plans for the plan picker: [{uuid, name, externalId, interval}]. */
export function listPlans(): PlanOption[] {
  return plain(() => core.listPlans(deps()));
}

/** CFL syntax check without any request: {ok, message}. */
export function checkFilter(filters: string): FilterCheck {
  return core.checkFilter(filters);
}

/** Builds a report into a new tab and saves it: {id, tab, rows, fetchedAt, done}. */
export function createReport(spec: core.ReportSpecInput): CreateResult {
  return locked(() => core.createReport(deps(), spec));
}

export function listReports(): ReportSummary[] {
  return plain(() => core.listReports(deps()));
}

/** Refreshes one saved report (a big list continues where it stopped): {id, rows, fetchedAt, done}. */
export function refreshReport(id: string): RefreshResult {
  return locked(() => core.refreshOne(deps(), id));
}

/** Refreshes every saved report; failures are in each result's `error`. */
export function refreshReports(): RefreshResult[] {
  return locked(() => core.refreshAll(deps()));
}

export function setReportSchedule(id: string, schedule: string): ReportSummary {
  return plain(() => core.setSchedule(deps(), id, schedule));
}

/** Forgets a saved report; its tab stays. */
export function deleteReport(id: string): { id: string; deleted: boolean } {
  return plain(() => core.deleteReport(deps(), id));
}

/** Menu item "Refresh reports": refreshes all and says how it went in a toast. */
export function refreshReportsFromMenu(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let text: string;
  try {
    const results = refreshReports();
    const failed = results.filter((r) => r.error);
    const pending = results.filter((r) => !r.error && !r.done);
    text = results.length === 0
      ? 'No saved reports yet: create one in the sidebar (Reports).'
      : `${results.length - failed.length - pending.length} of ${results.length} report(s) refreshed` +
        (pending.length ? `, ${pending.length} still fetching (continues within the hour)` : '') +
        (failed.length ? `; failed: ${failed.map((f) => f.error).join(' | ')}` : '.');
  } catch (e) {
    text = e instanceof Error ? e.message : String(e);
  }
  ss.toast(text, 'ChartMogul reports', 10);
}
