// The `ChartMogul log` tab: one row per finished (or cancelled) run — time, user, tabs, mode, counts by status,
// requests and duration. Written once per run (the run state remembers it was written).

import type { WorkbookPort } from './ports';
import type { RunState } from './runState';
import { emptyCounts } from './types';

export const LOG_TAB = 'ChartMogul log';
export const LOG_HEADER = [
  'time', 'user', 'run', 'tabs', 'mode', 'imported', 'updated', 'unchanged', 'exists', 'error', 'skipped', 'requests', 'duration_s', 'result',
];

export function logRow(state: RunState): (string | number)[] {
  const sum = emptyCounts();
  for (const tab of state.tabs) {
    const c = state.counts[tab] || emptyCounts();
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
  }
  const result = state.cancelled ? 'cancelled' : state.done ? 'done' : 'unfinished';
  return [
    state.finishedAt || state.updatedAt, state.user || '', state.runId, state.tabs.join(', '), state.mode,
    sum.imported, sum.updated, sum.unchanged, sum.exists, sum.error, sum.skipped, state.requests, Math.round(state.activeMs / 1000), result,
  ];
}

export function writeRunLog(workbook: WorkbookPort, state: RunState): void {
  if (state.logged) return;
  workbook.appendLog(LOG_HEADER, logRow(state));
  state.logged = true;
}
