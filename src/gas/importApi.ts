// Handlers of the import engine for the sidebar, the menu and the hourly scheduler: Apps Script services in
// (settings, document lock, spreadsheet), src/core/import/engine does the work; results are plain JSON without the key.

import { makeClient, PROP_API_KEY, PROP_DATA_SOURCE } from '../core/config';
import * as engine from '../core/import/engine';
import type { CheckResult, EngineDeps, ImportEstimate, ImportOptions, ImportSummary, UndoResult } from '../core/import/engine';
import type { HttpRequest, HttpResponse, HttpTransport } from '../core/ports';
import { SheetsWorkbook } from './adapters/workbook';
import { gasServices, zoneOffset } from './services';

export type { CheckResult, ImportEstimate, ImportOptions, ImportSummary, UndoResult } from '../core/import/engine';

export const IMPORT_RUNNING = 'An import is already running in this spreadsheet (maybe from another window or the hourly background run). Wait for it to finish, or cancel it.';
/** Apps Script kills an execution at 6 minutes; retries of one call never wait past 5.5. */
const HARD_LIMIT_MS = 330000;
const LOCK_WAIT_MS = 1000;

class CountingTransport implements HttpTransport {
  count = 0;
  constructor(private readonly inner: HttpTransport) {}
  send(r: HttpRequest): HttpResponse {
    this.count++;
    return this.inner.send(r);
  }
  sendAll(rs: HttpRequest[]): HttpResponse[] {
    this.count += rs.length;
    return this.inner.sendAll(rs);
  }
}

function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  } catch (_e) {
    return '';
  }
}

function dataSourceUuid(raw: string | null): string {
  if (!raw) return '';
  try {
    const v = JSON.parse(raw) as { uuid?: string };
    return v && typeof v.uuid === 'string' ? v.uuid : '';
  } catch (_e) {
    return '';
  }
}

/** Engine dependencies; `budgetMs` sets the client's retry deadline (well before the 6-minute kill). */
function deps(budgetMs: number = engine.DEFAULT_TIME_BUDGET_MS, needClient = true): EngineDeps {
  const services = gasServices();
  const start = services.clock.now();
  const transport = new CountingTransport(services.transport);
  const key = services.userProps.get(PROP_API_KEY) || '';
  const ds = dataSourceUuid(services.documentProps.get(PROP_DATA_SOURCE));
  if (needClient && (!key || !ds)) throw new Error('Connect ChartMogul and choose a data source in Settings first.');
  const deadline = start + Math.min(HARD_LIMIT_MS, Math.max(0, budgetMs) + 60000);
  return {
    workbook: new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
    client: key ? makeClient({ ...services, transport }, key, deadline) : (undefined as unknown as EngineDeps['client']),
    dataSourceUuid: ds,
    clock: services.clock,
    store: services.documentProps,
    zoneOffset,
    user: currentUser(),
    requestCount: () => transport.count,
    logger: services.logger,
  };
}

/** Runs fn holding the document lock; errors leave as plain Errors carrying only their (key-free) message. */
function locked<T>(fn: () => T, busy?: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    if (busy) return busy();
    throw new Error(IMPORT_RUNNING);
  }
  try {
    return plain(fn);
  } finally {
    lock.releaseLock();
  }
}

function plain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}

/** `tabs` as google.script.run brings it: an array, one name, or null/omitted (every import tab present). */
function tabList(tabs: unknown): string[] | undefined {
  if (typeof tabs === 'string' && tabs.trim()) return [tabs];
  return Array.isArray(tabs) && tabs.length ? tabs.map(String) : undefined;
}

function isOptions(v: unknown): v is ImportOptions {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** (tabs, options) with the options object also accepted alone: `importTabs({restart: true})`. */
function callArgs(tabs: unknown, options: unknown): [string[] | undefined, ImportOptions] {
  if (isOptions(tabs) && (options === undefined || options === null)) return [undefined, engine.normalizeOptions(tabs)];
  return [tabList(tabs), engine.normalizeOptions(isOptions(options) ? options : {})];
}

export function checkTabs(tabs?: string[]): CheckResult {
  return locked(() => engine.checkTabs(deps(), tabList(tabs)));
}

export function estimateImport(tabs?: string[] | null, options?: ImportOptions | null): ImportEstimate {
  return plain(() => {
    const [list, o] = callArgs(tabs, options);
    return engine.estimateImport(deps(undefined, false), list, o);
  });
}

export function importTabs(tabs?: string[] | null, options?: ImportOptions | null): ImportSummary {
  const [list, o] = plain(() => callArgs(tabs, options));
  const budget = o.timeBudgetMs !== undefined ? o.timeBudgetMs : engine.DEFAULT_TIME_BUDGET_MS;
  return locked(() => engine.importTabs(deps(budget), list, o));
}

export function getImportProgress(): ImportSummary | null {
  return engine.getImportProgress(gasServices().documentProps);
}

export function cancelImport(): ImportSummary {
  const lock = LockService.getDocumentLock();
  const idle = lock.tryLock(0);
  try {
    return plain(() => engine.cancelImport(deps(undefined, false), idle));
  } finally {
    if (idle) lock.releaseLock();
  }
}

export function undoImport(runId: string): UndoResult {
  return locked(() => engine.undoImport(deps(), String(runId)));
}

/** Hourly scheduler: continues an unfinished import without the sidebar (no Ui calls). True while work remains. */
export function continueImportInBackground(): boolean {
  const state = engine.loadRun(gasServices().documentProps);
  if (!state || state.done) return false;
  return locked(() => engine.continueImport(deps()), () => true);
}
