// The Reports operations behind the entry points: create, list, refresh one/all, schedule, delete, the plan picker,
// and the scheduler job's "refresh whatever is due". Pure: the spreadsheet and platform come in as ReportDeps.

import { readApiKey } from '../settings';
import { NOT_CONNECTED } from '../settings/messages';
import type { ReportDeps } from './ports';
import { refreshReport, reportMessage } from './refresh';
import { isDue, nextDueAt, parseSchedule } from './schedule';
import { freeTabName, normaliseSpec } from './spec';
import { newReportId, ReportStore } from './store';
import type { CreateResult, PlanOption, RefreshResult, ReportSummary, SavedReport, Schedule } from './types';

/** A scheduled run does not start another report with less than this left. */
export const MIN_REPORT_SLICE_MS = 30000;

function store(deps: Pick<ReportDeps, 'services'>): ReportStore {
  return new ReportStore(deps.services.documentProps);
}

function find(deps: Pick<ReportDeps, 'services'>, id: string): SavedReport {
  const r = typeof id === 'string' ? store(deps).get(id) : null;
  if (!r) throw new Error(`No saved report with id "${String(id)}" (it may have been deleted).`);
  return r;
}

export function createReport(deps: ReportDeps, input: unknown): CreateResult {
  const spec = normaliseSpec(input);
  const explicit = !!(input as { name?: unknown }).name;
  const taken = deps.workbook.tabNames();
  if (explicit && taken.some((t) => t.toLowerCase() === spec.name.toLowerCase())) {
    throw new Error(`A tab named "${spec.name}" already exists: choose another name (reports never overwrite a tab).`);
  }
  const now = deps.services.clock.now();
  const report: SavedReport = {
    id: newReportId(now), spec, sheetId: 0, tab: explicit ? spec.name : freeTabName(spec.name, taken),
    createdAt: new Date(now).toISOString(), lastRefreshAt: null, lastAttemptAt: null, lastError: null, lastRows: 0, chartId: null,
  };
  const r = refreshReport(deps, report, 'create');
  if (r.error) {
    if (!report.sheetId) throw new Error(r.error); // nothing was created: nothing to keep
  }
  if (spec.schedule !== 'none' || !r.done) deps.ensureTrigger();
  return { id: report.id, tab: report.tab, rows: r.rows, fetchedAt: r.fetchedAt, done: r.done };
}

export function listReports(deps: Pick<ReportDeps, 'services'>): ReportSummary[] {
  const s = store(deps);
  const now = deps.services.clock.now();
  return s.list().map((r) => ({
    id: r.id, name: r.spec.name, tab: r.tab, kind: r.spec.kind, schedule: r.spec.schedule, lastRefreshAt: r.lastRefreshAt,
    lastError: r.lastError, nextDueAt: nextDueAt(r, now), running: s.getRun(r.id) !== null,
  }));
}

/** Refreshes one report (or continues its list); throws the message when it failed (the old data stays). */
export function refreshOne(deps: ReportDeps, id: string): RefreshResult {
  const r = refreshReport(deps, find(deps, id), 'manual');
  if (r.error) throw new Error(r.error);
  return r;
}

/** Refreshes every saved report in turn within the deadline; failures are returned, not thrown. */
export function refreshAll(deps: ReportDeps): RefreshResult[] {
  const out: RefreshResult[] = [];
  for (const report of store(deps).list()) {
    if (deps.services.clock.now() > deps.deadline - MIN_REPORT_SLICE_MS) {
      out.push({ id: report.id, rows: report.lastRows, fetchedAt: report.lastRefreshAt, done: false, error: 'Not started: out of time (run Refresh reports again).' });
      continue;
    }
    out.push(refreshReport(deps, report, 'manual'));
  }
  return out;
}

export function setSchedule(deps: ReportDeps, id: string, schedule: unknown): ReportSummary {
  const report = find(deps, id);
  report.spec.schedule = parseSchedule(schedule) as Schedule;
  store(deps).save(report);
  if (report.spec.schedule !== 'none') deps.ensureTrigger();
  return listReports(deps).filter((r) => r.id === id)[0];
}

/** Forgets the report (and any unfinished list run); the tab and its data stay. */
export function deleteReport(deps: ReportDeps, id: string): { id: string; deleted: boolean } {
  const report = find(deps, id);
  if (store(deps).getRun(id)) deps.workbook.dropStaging(id);
  store(deps).remove(report.id);
  return { id, deleted: true };
}

export function listPlans(deps: ReportDeps): PlanOption[] {
  const apiKey = readApiKey(deps.services);
  if (!apiKey) throw new Error(NOT_CONNECTED);
  try {
    return deps
      .client(apiKey)
      .plans.listAll(undefined, { deadline: deps.deadline })
      .map((p) => ({ uuid: p.uuid, name: p.name, externalId: p.external_id, interval: `${p.interval_count} ${p.interval_unit}${p.interval_count === 1 ? '' : 's'}` }));
  } catch (e) {
    throw new Error(reportMessage(e, apiKey));
  }
}

/**
 * The scheduler job: continues unfinished lists, then refreshes due reports, until the deadline. Returns true while
 * the trigger is still needed (any report on a schedule, or a list still in progress).
 */
export function runDueReports(deps: ReportDeps): boolean {
  const s = store(deps);
  const clock = deps.services.clock;
  for (const report of s.list()) {
    if (clock.now() > deps.deadline - MIN_REPORT_SLICE_MS) break;
    if (s.getRun(report.id) || isDue(report, clock.now())) refreshReport(deps, report, 'scheduled');
  }
  return s.list().some((r) => r.spec.schedule !== 'none' || s.getRun(r.id) !== null);
}
