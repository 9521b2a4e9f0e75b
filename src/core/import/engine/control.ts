// Run control without the sheet: progress from the run state, cancel (a flag the running chunk loop honours, or
// an immediate finish when nothing runs), and the scheduler's continuation of an unfinished run.

import { writeRunLog } from './log';
import type { EngineDeps } from './ports';
import { clearCancel, loadRun, requestCancel, saveRun } from './runState';
import { importTabs } from './run';
import { summarize } from './summary';
import type { ImportSummary } from './types';
import type { KeyValueStore } from '../../ports';

export function getImportProgress(store: KeyValueStore): ImportSummary | null {
  const state = loadRun(store);
  return state ? summarize(state) : null;
}

/**
 * Asks the run to stop after its current chunk. `idle`: no execution holds the import lock, so the run is finished
 * here (log row included); otherwise the running execution finishes it at its next chunk boundary.
 */
export function cancelImport(deps: Pick<EngineDeps, 'store' | 'workbook' | 'clock'>, idle: boolean): ImportSummary {
  const state = loadRun(deps.store);
  if (!state) throw new Error('There is no import to cancel.');
  if (state.done) return summarize(state);
  requestCancel(deps.store, state.runId);
  if (!idle) return summarize({ ...state, cancelled: true, message: 'Cancelling: the import stops after the current chunk.' });
  state.done = true;
  state.cancelled = true;
  state.finishedAt = new Date(deps.clock.now()).toISOString();
  state.updatedAt = state.finishedAt;
  state.inflight = undefined;
  writeRunLog(deps.workbook, state);
  saveRun(deps.store, state);
  clearCancel(deps.store);
  return summarize(state);
}

/** Scheduler: continues an unfinished run; true while work remains. */
export function continueImport(deps: EngineDeps): boolean {
  const state = loadRun(deps.store);
  if (!state || state.done) return false;
  return !importTabs(deps, state.tabs, {}).done;
}
