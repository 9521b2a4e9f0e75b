// Describes one API call as data (method, path, query, body, how to read the answer) so the same description can be
// sent alone, paginated or batched. Resource modules build these; the client executes them.

import { HttpMethod } from '../ports';
import { Query } from './query';

export interface CallOptions {
  /** Epoch ms after which no retry wait may end; defaults to the client's default deadline/budget. */
  deadline?: number;
}

/** How a 2xx body is read: a JSON object, a list under `collection`, or ignored (204 deletes). */
export type Expect = 'object' | 'none';

export interface ApiRequest<T> {
  method: HttpMethod;
  /** Path with encoded segments, e.g. `/v1/customers/cus_1`. */
  path: string;
  query?: Query;
  /** Serialised as JSON with `undefined` removed and `null` kept. */
  body?: unknown;
  expect: Expect;
  /** When set, a 404 returns this value instead of throwing (customer search by e-mail). */
  notFound?: () => T;
  /** Phantom: the parsed result type. */
  readonly __result?: T;
}

/** Cursor pagination fields (plus the legacy page fields some responses still echo). */
export interface CursorPage {
  cursor?: string | null;
  has_more?: boolean;
  per_page?: number;
  page?: number;
  current_page?: number;
  total_pages?: number;
}

export type ListResponse<K extends string, T> = CursorPage & { [P in K]: T[] };

export interface ListRequest<K extends string, T> extends ApiRequest<ListResponse<K, T>> {
  /** Key holding the items: `entries`, `plans`, `invoices`, `subscription_events`, `data_sources`, … */
  collection: K;
  /** False for endpoints that return everything at once (`/v1/data_sources`). */
  paginated: boolean;
}

export interface ListOptions extends CallOptions {
  /** Items per page, 1–200 (default 200). */
  perPage?: number;
  /** Stop after this many pages (safety net; default unlimited). */
  maxPages?: number;
}

/** What resource groups need from the client. */
export interface Requester {
  call<T>(request: ApiRequest<T>, options?: CallOptions): T;
  listAll<K extends string, T>(request: ListRequest<K, T>, options?: ListOptions): T[];
}

export function objectRequest<T>(method: HttpMethod, path: string, query?: Query, body?: unknown): ApiRequest<T> {
  return { method, path, query, body, expect: 'object' };
}

export function voidRequest(method: HttpMethod, path: string, query?: Query, body?: unknown): ApiRequest<void> {
  return { method, path, query, body, expect: 'none' };
}

export function listRequest<K extends string, T>(path: string, collection: K, query?: Query, paginated = true): ListRequest<K, T> {
  return { method: 'get', path, query, expect: 'object', collection, paginated };
}
