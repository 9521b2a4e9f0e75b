// Saving and loading the whole emulator state as JSON (the local playground persists it across restarts).
// Loading fills fields missing from older files with emptyState() defaults.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { emptyState, type EmulatorState } from './state';

export function normaliseState(raw: unknown): EmulatorState {
  const base = emptyState();
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Partial<EmulatorState>;
  const state = { ...base, ...obj, account: { ...base.account, ...(obj.account ?? {}) } };
  const maxCustomerId = state.customers.reduce((m, c) => Math.max(m, c.id), 0);
  const maxEventId = state.subscriptionEvents.reduce((m, e) => Math.max(m, e.id), 0);
  state.nextCustomerId = Math.max(state.nextCustomerId, maxCustomerId + 1);
  state.nextSubscriptionEventId = Math.max(state.nextSubscriptionEventId, maxEventId + 1);
  return state;
}

export function cloneState(state: EmulatorState): EmulatorState {
  return JSON.parse(JSON.stringify(state)) as EmulatorState;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a file. */
export function saveState(state: EmulatorState, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, path);
}

export function loadState(path: string): EmulatorState {
  return normaliseState(JSON.parse(readFileSync(path, 'utf8')));
}

/** A seed is a state object, or a path to a state JSON file. */
export function seedState(seed: EmulatorState | string | undefined): EmulatorState {
  if (seed === undefined) return emptyState();
  return typeof seed === 'string' ? loadState(seed) : normaliseState(cloneState(seed));
}
