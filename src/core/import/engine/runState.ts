// The run's small state in document properties (one JSON value well under the 9 KB limit) and the cancel flag.
// Per-row progress never lives here: the receipts in the sheet are the checkpoint.

import type { KeyValueStore } from '../../ports';
import type { TabName } from '../types';
import { emptyCounts, ImportMode, RowProblem, TabCounts } from './types';

export const PROP_RUN = 'CHARTMOGUL_IMPORT_RUN';
export const PROP_CANCEL = 'CHARTMOGUL_IMPORT_CANCEL';
/** Properties values are limited to 9 KB; keep a margin. */
const MAX_STATE_BYTES = 8000;
const MAX_ERRORS = 20;
const MAX_ERROR_CHARS = 200;

export interface PendingBulk {
  /** Batch external id (also written into the rows' notes as `pending=`). */
  ext: string;
  /** Id returned by ChartMogul, once the POST answered. */
  id?: string;
}

export interface RunState {
  runId: string;
  tabs: TabName[];
  mode: ImportMode;
  replaceChangedInvoices: boolean;
  user: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  done: boolean;
  cancelled: boolean;
  counts: Partial<Record<TabName, TabCounts>>;
  errors: RowProblem[];
  /** HTTP requests of every execution of this run. */
  requests: number;
  /** Milliseconds spent working (sum over executions): the rate and ETA use it, not wall time. */
  activeMs: number;
  /** Rows of a chunk being sent right now: an "already exists" there after a crash was created by this run. */
  inflight?: { tab: TabName; lo: number; hi: number }[];
  /** Bulk mode: batches sent and not yet resolved; `seq` numbers the next batch. */
  bulk?: { seq: number; pending: PendingBulk[] };
  /** Set once the log tab row is written. */
  logged?: boolean;
  message: string;
}

export function loadRun(store: KeyValueStore): RunState | null {
  const raw = store.get(PROP_RUN);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as RunState;
    return s && typeof s.runId === 'string' ? s : null;
  } catch (_e) {
    return null;
  }
}

function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
}

/** Saves the state, trimming the error list until it fits in one property value. */
export function saveRun(store: KeyValueStore, state: RunState): void {
  state.errors = state.errors.slice(0, MAX_ERRORS).map((e) => ({ ...e, message: e.message.slice(0, MAX_ERROR_CHARS) }));
  let json = JSON.stringify(state);
  while (byteLength(json) > MAX_STATE_BYTES && state.errors.length) {
    state.errors.pop();
    json = JSON.stringify(state);
  }
  if (byteLength(json) > MAX_STATE_BYTES && state.bulk) {
    state.bulk.pending = state.bulk.pending.slice(-20);
    json = JSON.stringify(state);
  }
  store.set(PROP_RUN, json);
}

export function newRunId(now: number, random: () => number = Math.random): string {
  return 'r' + now.toString(36) + Math.floor(random() * 36 * 36 * 36).toString(36);
}

export function newRunState(runId: string, tabs: TabName[], mode: ImportMode, replace: boolean, user: string, nowIso: string): RunState {
  const counts: Partial<Record<TabName, TabCounts>> = {};
  for (const t of tabs) counts[t] = emptyCounts();
  return {
    runId, tabs, mode, replaceChangedInvoices: replace, user, startedAt: nowIso, updatedAt: nowIso, finishedAt: null,
    done: false, cancelled: false, counts, errors: [], requests: 0, activeMs: 0, message: 'Starting…',
  };
}

export function cancelRequested(store: KeyValueStore, runId: string): boolean {
  return store.get(PROP_CANCEL) === runId;
}

export function requestCancel(store: KeyValueStore, runId: string): void {
  store.set(PROP_CANCEL, runId);
}

export function clearCancel(store: KeyValueStore): void {
  if (store.get(PROP_CANCEL) !== null) store.remove(PROP_CANCEL);
}
