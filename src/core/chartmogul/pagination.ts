// Cursor pagination: per_page (≤ 200, default 200) + cursor until has_more is false; `page` is never sent.
// Works on ListRequest descriptions and a page-fetching function, so the client and tests share it.

import { ChartMogulError } from './errors';
import { Query } from './query';
import { ListOptions, ListRequest, ListResponse } from './request';

export const MAX_PER_PAGE = 200;

export function clampPerPage(perPage: number | undefined): number {
  if (perPage === undefined || !isFinite(perPage)) return MAX_PER_PAGE;
  return Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage)));
}

function refusePage(query: Query | undefined): void {
  if (query && query.page !== undefined && query.page !== null) {
    throw new ChartMogulError({
      status: 0, kind: 'invalid_request', retryable: false, attempts: 0,
      detail: 'The "page" parameter is deprecated; use cursor pagination',
    });
  }
}

/** The query of one page request: the caller's filters, then per_page and cursor. */
export function pageQuery(query: Query | undefined, perPage: number, cursor: string | undefined): Query {
  refusePage(query);
  const out: Query = { ...(query || {}) };
  out.per_page = perPage;
  if (cursor !== undefined) out.cursor = cursor;
  else delete out.cursor;
  return out;
}

export type PageFetcher = <K extends string, T>(request: ListRequest<K, T>) => ListResponse<K, T>;

/** Yields one page at a time (lazily); stops when has_more is false or maxPages is reached. */
export function* iteratePages<K extends string, T>(
  fetchPage: PageFetcher, request: ListRequest<K, T>, options: ListOptions = {},
): Generator<ListResponse<K, T>, void, undefined> {
  if (!request.paginated) {
    refusePage(request.query);
    yield fetchPage(request);
    return;
  }
  const perPage = clampPerPage(options.perPage);
  const maxPages = options.maxPages !== undefined ? options.maxPages : Infinity;
  let cursor: string | undefined = typeof request.query?.cursor === 'string' ? request.query.cursor : undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = fetchPage({ ...request, query: pageQuery(request.query, perPage, cursor) });
    yield page;
    if (page.has_more !== true) return;
    const next = typeof page.cursor === 'string' && page.cursor !== '' ? page.cursor : undefined;
    if (next === undefined || next === cursor) {
      throw new ChartMogulError({
        status: 200, kind: 'bad_response', retryable: false, method: 'GET', path: request.path,
        detail: 'Pagination did not advance: has_more is true but the cursor is missing or repeated',
      });
    }
    cursor = next;
  }
}

/** Calls `onPage` for each page; returning `false` stops early. Returns the number of pages read. */
export function eachPage<K extends string, T>(
  fetchPage: PageFetcher, request: ListRequest<K, T>,
  onPage: (items: T[], page: ListResponse<K, T>, index: number) => boolean | void, options: ListOptions = {},
): number {
  let index = 0;
  for (const page of iteratePages(fetchPage, request, options)) {
    const items = (page[request.collection] as T[]) || [];
    if (onPage(items, page, index++) === false) break;
  }
  return index;
}

export function listAll<K extends string, T>(fetchPage: PageFetcher, request: ListRequest<K, T>, options: ListOptions = {}): T[] {
  const out: T[] = [];
  eachPage(fetchPage, request, (items) => { out.push(...items); }, options);
  return out;
}
