// Progress of a run: counts per tab recomputed from the receipts (the sheet is the truth), and the ImportSummary
// built from the small run state (what getImportProgress returns without touching the sheet).

import type { TabName } from '../types';
import { liveRows, LoadedTab, Workbook } from './load';
import { isDone } from './plan';
import type { RunState } from './runState';
import { emptyCounts, ImportSummary, RowProblem, TabCounts } from './types';

/** Counts of the selected tabs for this run, and the first rows with errors. */
export function countRun(wb: Workbook, runId: string): { counts: Partial<Record<TabName, TabCounts>>; errors: RowProblem[] } {
  const counts: Partial<Record<TabName, TabCounts>> = {};
  const errors: RowProblem[] = [];
  for (const tab of wb.selected) {
    const t = wb.tabs[tab] as LoadedTab;
    const c = emptyCounts();
    t.parsed.rows.forEach((row, i) => {
      if (row.blank) return;
      c.total++;
      const r = t.receipts.get(i);
      if (!isDone(r, runId)) {
        c.pending++;
        return;
      }
      (c as unknown as Record<string, number>)[r.status]++;
      if (r.status === 'error' && errors.length < 20) errors.push({ tab, row: row.rowNumber, message: r.message });
    });
    counts[tab] = c;
  }
  return { counts, errors };
}

export function pendingRows(wb: Workbook, runId: string): number {
  let n = 0;
  for (const tab of wb.selected) {
    const t = wb.tabs[tab] as LoadedTab;
    for (const row of liveRows(t.parsed.rows)) if (!isDone(t.receipts.get(row.rowNumber - 2), runId)) n++;
  }
  return n;
}

function describe(state: RunState, done: number, total: number, byStatus: Record<string, number>): string {
  const parts = ['imported', 'updated', 'unchanged', 'exists', 'skipped', 'error']
    .filter((s) => byStatus[s])
    .map((s) => `${byStatus[s]} ${s === 'error' ? 'with errors' : s}`);
  const what = parts.length ? parts.join(', ') : 'nothing to do';
  if (state.cancelled) return `Cancelled after ${done} of ${total} rows (${what}).`;
  if (state.done) return `Done: ${total} rows — ${what}.`;
  return `${done} of ${total} rows done (${what}); continuing…`;
}

export function summarize(state: RunState): ImportSummary {
  const tabs: { [tab: string]: TabCounts } = {};
  let total = 0;
  let pending = 0;
  const byStatus: Record<string, number> = {};
  for (const tab of state.tabs) {
    const c = state.counts[tab] || emptyCounts();
    tabs[tab] = c;
    total += c.total;
    pending += c.pending;
    for (const k of Object.keys(c)) if (k !== 'total' && k !== 'pending') byStatus[k] = (byStatus[k] || 0) + (c as unknown as Record<string, number>)[k];
  }
  const done = total - pending;
  const minutes = state.activeMs / 60000;
  const rate = minutes > 0 ? done / minutes : 0;
  return {
    runId: state.runId,
    done: state.done,
    cancelled: state.cancelled,
    mode: state.mode,
    tabs,
    errors: state.errors.slice(0, 20),
    rowsDone: done,
    rowsTotal: total,
    requests: state.requests,
    ratePerMinute: Math.round(rate * 10) / 10,
    etaSeconds: state.done ? 0 : rate > 0 ? Math.ceil((pending / rate) * 60) : null,
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    finishedAt: state.finishedAt,
    message: state.message || describe(state, done, total, byStatus),
  };
}

export function describeRun(state: RunState): string {
  const s = summarize({ ...state, message: '' });
  return s.message;
}
