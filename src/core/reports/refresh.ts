// Refreshes one saved report: fetch (metrics at once, lists page by page with checkpoints), then replace the tab's
// data, chart and note in one go. A failure leaves the old data, notes the error on the title cell, logs it.

import { ChartMogulError, redact } from '../chartmogul';
import { readApiKey } from '../settings';
import { NOT_CONNECTED, apiProblem } from '../settings/messages';
import { guardTable } from './formats';
import { newCheckpoint, runList, ListCheckpoint } from './listRun';
import type { ListKind } from './lists';
import { fetchMetricsTable } from './metricsTable';
import type { ChartPlan, ReportDeps } from './ports';
import { logRow, LOG_HEADER } from './log';
import { describeSpec } from './describe';
import { DayRange, resolveRange } from './range';
import { parseInstant } from '../export/days';
import type { OutCell } from '../export/types';
import { isMetricKind } from './spec';
import { ReportStore } from './store';
import type { Column, RefreshMode, RefreshResult, SavedReport } from './types';

/** The one-line message for a failed refresh (API errors phrased like Settings'; never the key). */
export function reportMessage(e: unknown, apiKey: string | null): string {
  const text = e instanceof ChartMogulError ? apiProblem(e, 'fetching the report').message : e instanceof Error ? e.message : String(e);
  return apiKey ? redact(text, [apiKey]) : text;
}

export function chartPlan(report: SavedReport, columns: Column[], rows: number): ChartPlan {
  if (report.spec.kind === 'mrr-movements') {
    return { type: 'COLUMN', title: report.spec.name, columns: [0, 2, 3, 4, 5, 6], rows, stacked: true };
  }
  const firstType = columns[1].type;
  const series: number[] = [];
  columns.forEach((c, i) => {
    if (i > 0 && c.type === firstType) series.push(i);
  });
  return { type: 'LINE', title: report.spec.name, columns: [0].concat(series), rows };
}

export function refreshReport(deps: ReportDeps, report: SavedReport, mode: RefreshMode): RefreshResult {
  const store = new ReportStore(deps.services.documentProps);
  const clock = deps.services.clock;
  const t0 = clock.now();
  const req0 = deps.requestCount();
  const apiKey = readApiKey(deps.services);
  const spec = report.spec;
  let base: ListCheckpoint | null = null;
  const ensureTab = (): number => {
    if (!report.sheetId) {
      report.sheetId = deps.workbook.createTab(report.tab).sheetId;
      store.save(report);
    }
    return report.sheetId;
  };
  const log = (rows: number, error: string | null) => {
    const requests = (base ? base.requests : 0) + deps.requestCount() - req0;
    const ms = (base ? base.ms : 0) + clock.now() - t0;
    deps.workbook.appendLog(LOG_HEADER, logRow({ now: clock.now(), user: deps.user, reportId: report.id, tab: report.tab, mode, rows, error, requests, ms }));
  };
  try {
    if (!apiKey) throw new Error(NOT_CONNECTED);
    if (report.sheetId) {
      const tab = deps.workbook.findTab(report.sheetId);
      if (!tab) throw new Error(`The tab of report "${spec.name}" was deleted: delete the report or create it again.`);
      report.tab = tab.name;
    }
    const client = deps.client(apiKey);
    const listKind = isMetricKind(spec.kind) ? null : (spec.kind as ListKind);
    base = listKind ? store.getRun(report.id) : null;
    let currency: string;
    let range: DayRange;
    if (base) {
      currency = base.currency;
      range = base.range;
    } else {
      const account = client.account.retrieve(undefined, { deadline: deps.deadline });
      currency = account.currency;
      range = resolveRange(spec.range, deps.todayIn(account.time_zone));
    }
    let columns: Column[];
    let rows: OutCell[][];
    let staged = 0;
    if (!listKind) {
      const table = fetchMetricsTable(client, spec, range, deps.deadline, currency);
      columns = table.columns;
      rows = table.rows;
    } else {
      const start = base || newCheckpoint(listKind, currency, range, new Date(t0).toISOString());
      const startRequests = start.requests;
      const startMs = start.ms;
      const isNew = !report.sheetId;
      const result = runList(
        {
          client, perPage: deps.perPage, chunkPages: deps.chunkPages, pagesPerCall: deps.pagesPerCall, deadline: deps.deadline, now: () => clock.now(),
          stage: (first, cols, chunk) => {
            const sheetId = ensureTab();
            if (isNew && first === 0) deps.workbook.writePlaceholder(sheetId, spec.name, 'Fetching from ChartMogul… (continues on the next call or within the hour)');
            deps.workbook.stage(report.id, first, cols, guardTable({ columns: cols, rows: chunk }).rows);
          },
          save: (cp) => {
            cp.requests = startRequests + deps.requestCount() - req0;
            cp.ms = startMs + clock.now() - t0;
            store.saveRun(report.id, cp);
          },
        },
        start,
      );
      if (!result.done) {
        report.lastAttemptAt = new Date(t0).toISOString();
        store.save(report);
        deps.ensureTrigger();
        return { id: report.id, rows: result.checkpoint.staged, fetchedAt: report.lastRefreshAt, done: false };
      }
      columns = result.columns;
      rows = result.rows;
      staged = result.checkpoint.staged;
    }
    const fetchedAt = clock.now();
    const first = report.lastRefreshAt === null;
    const sheetId = ensureTab();
    const total = staged + rows.length;
    deps.workbook.writeReport(sheetId, {
      title: spec.name,
      subtitle: describeSpec(spec, range, currency) + ' · fetched ' + deps.formatTime(fetchedAt),
      note: `Fetched from ChartMogul ${deps.formatTime(fetchedAt)}${deps.user ? ' by ' + deps.user : ''}.\n` +
        `Report ${report.id}: refresh it from the sidebar or Extensions › ChartMogul › Refresh reports.`,
      columns,
      rows: guardTable({ columns, rows }).rows,
      stagedFor: staged > 0 ? report.id : undefined,
      currency,
    });
    if (staged > 0) deps.workbook.dropStaging(report.id);
    if (spec.chart && total > 0 && (first || report.chartId !== null)) {
      report.chartId = deps.workbook.upsertChart(sheetId, report.chartId, chartPlan(report, columns, total));
    }
    store.removeRun(report.id);
    report.lastRefreshAt = new Date(fetchedAt).toISOString();
    report.lastAttemptAt = new Date(t0).toISOString();
    report.lastError = null;
    report.lastRows = total;
    store.save(report);
    log(total, null);
    return { id: report.id, rows: total, fetchedAt: report.lastRefreshAt, done: true };
  } catch (e) {
    const message = reportMessage(e, apiKey);
    report.lastError = message;
    report.lastAttemptAt = new Date(t0).toISOString();
    if (report.sheetId) {
      store.save(report);
      if (deps.workbook.findTab(report.sheetId)) {
        const kept = report.lastRefreshAt ? `The data below is from ${deps.formatTime(parseInstant(report.lastRefreshAt))}.` : 'No data fetched yet.';
        deps.workbook.setTitleNote(report.sheetId, `Refresh failed ${deps.formatTime(clock.now())}: ${message}\n${kept}`);
      }
    }
    try {
      log(0, message);
    } catch (_e) {
      /* the log tab must never hide the refresh error */
    }
    return { id: report.id, rows: report.lastRows, fetchedAt: report.lastRefreshAt, done: false, error: message };
  }
}
