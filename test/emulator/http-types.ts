// Shared request/answer types of the emulator's HTTP layer (what routes receive and return).
// Kept free of Node's http types so handlers stay plain functions that unit tests can call directly.

import type { EmulatorState } from './state';
import type { MetricEngine } from './engine';

export type Query = Record<string, string | string[] | undefined>;

export interface ApiRequest {
  method: string;
  path: string;
  query: Query;
  /** Parsed JSON body; undefined when the body was empty. */
  body: unknown;
  /** Path parameters captured by the router (e.g. `uuid`). */
  params: Record<string, string>;
}

/** A response: JSON `body`, or plain `text`, or neither (204). */
export interface Answer {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface Ctx {
  state: EmulatorState;
  now: Date;
  engine: MetricEngine;
  /** Called after every successful write so the CLI can persist the state file. */
  onWrite?: () => void;
}

export type Handler = (req: ApiRequest, ctx: Ctx) => Answer;

/** Reads a single-valued query parameter (the first one when repeated). */
export function q(query: Query, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The body as a plain object ({} when absent or not an object). */
export function bodyObject(req: ApiRequest): Record<string, unknown> {
  const b = req.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}
