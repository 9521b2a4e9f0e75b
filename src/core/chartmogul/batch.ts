// Runs many HTTP requests over transport.sendAll in waves of ≤ 20 in flight and ≤ 40 per rolling second (paced with
// the clock), retrying retryable answers per item within the deadline. Results come back in input order.

import { Clock, HttpRequest, HttpResponse, HttpTransport } from '../ports';
import { isRetryableStatus } from './errors';
import { RandomFn, RetryPolicy, retryDelayMs, safeSend } from './retry';

/** ChartMogul: 40 requests/second per account; more than 20 parallel connections → 503. */
export const MAX_IN_FLIGHT = 20;
export const MAX_PER_SECOND = 40;
const WINDOW_MS = 1000;

export interface BatchLimits {
  maxInFlight: number;
  maxPerSecond: number;
}

export interface BatchContext {
  transport: HttpTransport;
  clock: Clock;
  random: RandomFn;
  policy: RetryPolicy;
  deadline: number;
  limits?: Partial<BatchLimits>;
  /** Completion times of recent requests, shared by every call of one client so the 40/s budget is account-wide. */
  history?: number[];
  onRetry?: (request: HttpRequest, response: HttpResponse, attempt: number, waitMs: number) => void;
}

export interface BatchOutcome {
  /** Last answer; status 0 with `networkError` when never answered. */
  response: HttpResponse;
  attempts: number;
  /** True when the deadline arrived before this request could be sent at all. */
  notSent: boolean;
}

function clampLimit(value: number | undefined, max: number): number {
  if (value === undefined || !isFinite(value)) return max;
  return Math.min(max, Math.max(1, Math.floor(value)));
}

/** sendAll, falling back to one-by-one sends when it throws, so one dead connection doesn't lose the others. */
export function safeSendAll(transport: HttpTransport, requests: HttpRequest[]): HttpResponse[] {
  let responses: HttpResponse[] | undefined;
  try {
    responses = transport.sendAll(requests);
  } catch (_e) {
    responses = undefined;
  }
  if (!responses) return requests.map((r) => safeSend(() => transport.send(r)));
  return requests.map((_r, i) =>
    responses && responses[i] && typeof responses[i].status === 'number'
      ? responses[i]
      : { status: 0, headers: {}, body: '', networkError: 'No response in the batch answer' },
  );
}

interface Slot {
  index: number;
  readyAt: number;
  attempts: number;
  last?: HttpResponse;
  done: boolean;
}

/**
 * Waits until one more request fits in the rolling one-second budget shared through `history`. Like sendBatch it
 * re-checks the clock after sleeping (a sleep may end early); a clock that never moves is given up on.
 */
export function paceOne(history: number[], clock: Clock, maxPerSecond = MAX_PER_SECOND): void {
  let now = clock.now();
  let still = 0;
  for (;;) {
    while (history.length > 0 && history[0] <= now - WINDOW_MS) history.shift();
    if (history.length < maxPerSecond || still > 100000) return;
    clock.sleep(history[0] + WINDOW_MS - now);
    const after = clock.now();
    still = after === now ? still + 1 : 0;
    now = after;
  }
}

export function sendBatch(requests: HttpRequest[], ctx: BatchContext): BatchOutcome[] {
  const maxInFlight = clampLimit(ctx.limits?.maxInFlight, MAX_IN_FLIGHT);
  const maxPerSecond = clampLimit(ctx.limits?.maxPerSecond, MAX_PER_SECOND);
  const out: BatchOutcome[] = new Array(requests.length);
  const slots: Slot[] = requests.map((_r, index) => ({ index, readyAt: 0, attempts: 0, done: false }));
  const sentAt: number[] = ctx.history ?? [];
  let remaining = requests.length;

  const finish = (s: Slot, notSent: boolean): void => {
    s.done = true;
    remaining--;
    const response = s.last || { status: 0, headers: {}, body: '', networkError: 'Not sent before the deadline' };
    out[s.index] = { response, attempts: s.attempts, notSent };
  };

  while (remaining > 0) {
    const now = ctx.clock.now();
    while (sentAt.length > 0 && sentAt[0] <= now - WINDOW_MS) sentAt.shift();
    const ready = slots.filter((s) => !s.done && s.readyAt <= now);
    const capacity = Math.min(maxInFlight, maxPerSecond - sentAt.length);

    if (ready.length > 0 && capacity > 0) {
      const wave = ready.slice(0, capacity);
      const responses = safeSendAll(ctx.transport, wave.map((s) => requests[s.index]));
      const after = ctx.clock.now();
      // Stamped on completion, not on sending: a request reaches the server at the latest when it is answered,
      // so counting from here never lets a later wave land inside the same server-side second.
      for (let i = 0; i < wave.length; i++) sentAt.push(after);
      wave.forEach((s, i) => {
        const res = responses[i];
        s.attempts++;
        s.last = res;
        if (!isRetryableStatus(res.status) || s.attempts >= ctx.policy.maxAttempts) return finish(s, false);
        const wait = retryDelayMs(res, s.attempts, ctx.policy, ctx.random, after);
        if (after + wait > ctx.deadline) return finish(s, false);
        if (ctx.onRetry) ctx.onRetry(requests[s.index], res, s.attempts, wait);
        s.readyAt = after + wait;
      });
      continue;
    }

    // Nothing may go now: wake when the rate window frees a slot or the earliest retry is due.
    const wakeAt = ready.length > 0
      ? sentAt[0] + WINDOW_MS
      : Math.min(...slots.filter((s) => !s.done).map((s) => s.readyAt));
    if (wakeAt > ctx.deadline) {
      for (const s of slots) if (!s.done) finish(s, s.attempts === 0);
      break;
    }
    if (wakeAt > now) ctx.clock.sleep(wakeAt - now);
  }
  return out;
}
