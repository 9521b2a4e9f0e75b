// Control endpoints for tests and the playground (no auth, never rate-limited or faulted):
// GET /_emulator/stats, POST /_emulator/faults, POST /_emulator/reset, POST /_emulator/clock, GET|POST /_emulator/state.

import { codeError } from './errors';
import type { FaultUpdate } from './server';
import type { Answer } from './http-types';
import { normaliseState } from './persistence';
import type { EmulatorState } from './state';

export interface ControlTarget {
  stats(): Record<string, number>;
  setFaults(p: FaultUpdate): void;
  reset(): void;
  setClock(d: Date | null): void;
  getState(): EmulatorState;
  setState(s: EmulatorState): void;
}

function parse(raw: string | null): Record<string, unknown> | null {
  if (!raw || raw.trim() === '') return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function controlAnswer(t: ControlTarget, method: string, path: string, raw: string | null): Answer {
  const body = parse(raw);
  if (body === null) return codeError(400, 'Body must be a JSON object', null);
  const route = `${method.toUpperCase()} ${path}`;
  switch (route) {
    case 'GET /_emulator/stats':
      return { status: 200, body: t.stats() };
    case 'POST /_emulator/faults':
      t.setFaults(body as FaultUpdate);
      return { status: 200, body: { ok: true } };
    case 'POST /_emulator/reset':
      t.reset();
      return { status: 200, body: { ok: true } };
    case 'POST /_emulator/clock': {
      if (body.now === null || body.now === undefined) {
        t.setClock(null);
        return { status: 200, body: { now: null } };
      }
      const d = new Date(String(body.now));
      if (Number.isNaN(d.getTime())) return codeError(400, 'now must be an ISO date or null', 'now');
      t.setClock(d);
      return { status: 200, body: { now: d.toISOString() } };
    }
    case 'GET /_emulator/state':
      return { status: 200, body: t.getState() };
    case 'POST /_emulator/state':
      t.setState(normaliseState(body));
      return { status: 200, body: { ok: true } };
    default:
      return { status: 404, text: 'Not found' };
  }
}
