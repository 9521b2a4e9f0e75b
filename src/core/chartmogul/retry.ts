// Retry policy: 429, 5xx and network failures are retried with exponential backoff and full jitter (or Retry-After).
// Every wait goes through clock.sleep and is bounded by the caller's deadline; other 4xx are never retried.

import { Clock, HttpResponse } from '../ports';
import { isRetryableStatus } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first (1 = never retry). */
  maxAttempts: number;
  /** First backoff ceiling; doubles per attempt. */
  baseDelayMs: number;
  /** Ceiling of any single backoff wait (Retry-After may ask for more; the deadline still applies). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30000 };

/** Random number in [0, 1), injectable for tests. */
export type RandomFn = () => number;

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/** `Retry-After` in milliseconds from now: delta-seconds or an HTTP date; undefined when absent/unparseable. */
export function parseRetryAfter(headers: Record<string, string> | undefined, nowMs: number): number | undefined {
  const raw = header(headers, 'retry-after');
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(parseFloat(text) * 1000);
  const at = Date.parse(text);
  return isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Full jitter: uniform in [0, min(maxDelay, base·2^(attempt−1))). `attempt` = attempts made so far (≥ 1). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: RandomFn): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.pow(2, Math.max(0, attempt - 1)));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

export function retryDelayMs(response: HttpResponse, attempt: number, policy: RetryPolicy, random: RandomFn, nowMs: number): number {
  const retryAfter = parseRetryAfter(response.headers, nowMs);
  return retryAfter !== undefined ? retryAfter : backoffDelayMs(attempt, policy, random);
}

/** Calls the transport, turning a thrown exception into a status-0 answer so the retry loop sees it. */
export function safeSend(send: () => HttpResponse): HttpResponse {
  try {
    const res = send();
    if (!res || typeof res.status !== 'number') return { status: 0, headers: {}, body: '', networkError: 'Transport returned no response' };
    return res;
  } catch (e) {
    return { status: 0, headers: {}, body: '', networkError: e instanceof Error ? e.message : String(e) };
  }
}

export interface RetryContext {
  clock: Clock;
  random: RandomFn;
  policy: RetryPolicy;
  /** Epoch ms; no sleep ends after it. */
  deadline: number;
  /** Called before each wait, e.g. to log `GET /v1/ping → 503, retry in 812 ms`. */
  onRetry?: (response: HttpResponse, attempt: number, waitMs: number) => void;
  onGiveUp?: (response: HttpResponse, attempt: number, reason: 'attempts' | 'deadline') => void;
}

export interface RetryOutcome {
  response: HttpResponse;
  attempts: number;
}

export function sendWithRetry(send: () => HttpResponse, ctx: RetryContext): RetryOutcome {
  let attempts = 0;
  for (;;) {
    const response = safeSend(send);
    attempts++;
    if (!isRetryableStatus(response.status)) return { response, attempts };
    if (attempts >= ctx.policy.maxAttempts) {
      if (ctx.onGiveUp) ctx.onGiveUp(response, attempts, 'attempts');
      return { response, attempts };
    }
    const now = ctx.clock.now();
    const wait = retryDelayMs(response, attempts, ctx.policy, ctx.random, now);
    if (now + wait > ctx.deadline) {
      if (ctx.onGiveUp) ctx.onGiveUp(response, attempts, 'deadline');
      return { response, attempts };
    }
    if (ctx.onRetry) ctx.onRetry(response, attempts, wait);
    if (wait > 0) ctx.clock.sleep(wait);
  }
}
