// importTabs: one execution of a run — prepare, plan, then chunks until done, cancelled or out of time budget.
// Receipts are flushed and the run state saved after every chunk, so a killed execution loses at most one chunk's receipts.

import type { TabName } from '../types';
import { runBulk, bulkItem } from './bulkSender';
import { Chunk, rowChunks } from './chunks';
import { LoadedTab, Workbook } from './load';
import type { SendCtx } from './outcome';
import { planRun, RunPlan } from './plan';
import type { EngineDeps } from './ports';
import { prepare } from './prepare';
import { cancelRequested, clearCancel, loadRun, newRunId, newRunState, RunState, saveRun } from './runState';
import { writeRunLog } from './log';
import { countRun, pendingRows, summarize } from './summary';
import { DEFAULT_TIME_BUDGET_MS, ImportMode, ImportOptions, ImportSummary } from './types';

/** Rows to create at or above which 'auto' chooses bulk (json_imports). */
export const BULK_MIN_ROWS = 1000;

/**
 * Options as they arrive from google.script.run: `mode` any case (`row` = `rows`, empty = auto), `timeBudgetMs` a
 * number ≥ 0. An unknown mode is refused rather than silently importing another way.
 */
export function normalizeOptions(o: ImportOptions | Record<string, unknown>): ImportOptions {
  const raw = o as Record<string, unknown>;
  const out: ImportOptions = {};
  const mode = raw.mode === undefined || raw.mode === null ? '' : String(raw.mode).trim().toLowerCase();
  if (mode === 'row' || mode === 'rows') out.mode = 'rows';
  else if (mode === 'bulk' || mode === 'auto') out.mode = mode;
  else if (mode !== '') throw new Error(`mode: "${String(raw.mode)}" is not one of auto, rows, bulk`);
  if (raw.replaceChangedInvoices) out.replaceChangedInvoices = true;
  if (raw.restart) out.restart = true;
  if (raw.timeBudgetMs !== undefined && raw.timeBudgetMs !== null && raw.timeBudgetMs !== '') {
    const ms = Number(raw.timeBudgetMs);
    if (!isFinite(ms) || ms < 0) throw new Error(`timeBudgetMs: ${JSON.stringify(raw.timeBudgetMs)} is not a number of milliseconds`);
    out.timeBudgetMs = ms;
  }
  return out;
}

export function chooseMode(requested: ImportOptions['mode'], plan: RunPlan): ImportMode {
  if (requested === 'rows' || requested === 'bulk') return requested;
  let n = 0;
  for (const tab of ['Customers', 'Invoices', 'Subscription events'] as TabName[]) {
    for (const it of plan[tab] || []) if (it.action === 'create') n += it.indices.length;
  }
  return n >= BULK_MIN_ROWS ? 'bulk' : 'rows';
}

export function flushAll(deps: Pick<EngineDeps, 'workbook'>, wb: Workbook): void {
  for (const tab of Object.keys(wb.tabs) as TabName[]) (wb.tabs[tab] as LoadedTab).receipts.flush(deps.workbook);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

class Execution {
  private lastTick: number;
  private lastRequests: number;

  constructor(
    readonly deps: EngineDeps,
    readonly state: RunState,
    readonly wb: Workbook,
  ) {
    this.lastTick = deps.clock.now();
    this.lastRequests = deps.requestCount();
  }

  /** Counts from the receipts, time and requests spent; saved to document properties. */
  checkpoint(): void {
    const now = this.deps.clock.now();
    const s = this.state;
    const { counts, errors } = countRun(this.wb, s.runId);
    s.counts = counts;
    s.errors = errors;
    s.activeMs += now - this.lastTick;
    s.requests += this.deps.requestCount() - this.lastRequests;
    this.lastTick = now;
    this.lastRequests = this.deps.requestCount();
    s.updatedAt = iso(now);
    s.message = '';
    saveRun(this.deps.store, s);
  }

  finish(cancelled: boolean): void {
    const s = this.state;
    s.done = true;
    s.cancelled = cancelled;
    s.finishedAt = iso(this.deps.clock.now());
    s.inflight = undefined;
    this.checkpoint();
    writeRunLog(this.deps.workbook, s);
    clearCancel(this.deps.store);
    saveRun(this.deps.store, s);
  }
}

export function importTabs(deps: EngineDeps, tabs: string[] | undefined, options: ImportOptions = {}): ImportSummary {
  const t0 = deps.clock.now();
  const deadline = t0 + Math.max(0, options.timeBudgetMs !== undefined ? options.timeBudgetMs : DEFAULT_TIME_BUDGET_MS);
  const previous = loadRun(deps.store);
  const continuing = !!previous && !previous.done && !options.restart;
  const { wb, maps } = prepare(deps, continuing && previous ? previous.tabs : tabs, { writable: true, lookups: true });
  const state: RunState = continuing && previous
    ? previous
    : newRunState(newRunId(t0), wb.selected, 'rows', !!options.replaceChangedInvoices, deps.user, iso(t0));
  if (!continuing) clearCancel(deps.store);
  const ctx: SendCtx = { deps, wb, maps, runId: state.runId, crashed: state.inflight };
  state.inflight = undefined;
  const exec = new Execution(deps, state, wb);

  const activePending = new Set((state.bulk ? state.bulk.pending : []).map((p) => p.ext));
  const plan = planRun(wb, { runId: state.runId, replaceChangedInvoices: state.replaceChangedInvoices, activePending });
  if (!continuing) state.mode = chooseMode(options.mode, plan);
  flushAll(deps, wb);
  exec.checkpoint();

  type Step = { kind: 'rows'; chunk: Chunk } | { kind: 'bulk' };
  const steps: Step[] = [];
  if (state.mode === 'bulk') {
    const first = rowChunks(plan, wb.selected, (it) => it.tab === 'Customers' && !bulkItem(it));
    const rest = rowChunks(plan, wb.selected, (it) => it.tab !== 'Customers' && !bulkItem(it));
    first.forEach((chunk) => steps.push({ kind: 'rows', chunk }));
    steps.push({ kind: 'bulk' });
    rest.forEach((chunk) => steps.push({ kind: 'rows', chunk }));
  } else {
    rowChunks(plan, wb.selected).forEach((chunk) => steps.push({ kind: 'rows', chunk }));
  }

  let ran = 0;
  let stopped = false;
  for (const step of steps) {
    if (cancelRequested(deps.store, state.runId)) {
      exec.finish(true);
      return summarize(state);
    }
    if (ran > 0 && deps.clock.now() >= deadline) {
      stopped = true;
      break;
    }
    if (step.kind === 'bulk') {
      const finished = runBulk(ctx, state, plan, deadline, () => {
        flushAll(deps, wb);
        exec.checkpoint();
      });
      ran++;
      if (!finished) {
        stopped = true;
        break;
      }
      continue;
    }
    state.inflight = step.chunk.spans;
    saveRun(deps.store, state);
    step.chunk.send(ctx);
    flushAll(deps, wb);
    state.inflight = undefined;
    exec.checkpoint();
    ran++;
  }
  if (!stopped && cancelRequested(deps.store, state.runId)) exec.finish(true);
  else if (!stopped && pendingRows(wb, state.runId) === 0 && !(state.bulk && state.bulk.pending.length)) exec.finish(false);
  else exec.checkpoint();
  return summarize(state);
}
