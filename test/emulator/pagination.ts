// Cursor pagination used by every list the real API paginates: `per_page` (default 200, clamped to 200), an
// opaque base64 `cursor`, and `has_more`; the deprecated `page` parameter is rejected with 400 (reference §5).

import { codeError } from './errors';
import { q, type Answer, type Query } from './http-types';

export const DEFAULT_PER_PAGE = 200;
export const MAX_PER_PAGE = 200;

export interface Page<T> {
  items: T[];
  cursor: string | null;
  has_more: boolean;
}

/** 400 answer when the request uses `page`; null otherwise. */
export function rejectPageParam(query: Query): Answer | null {
  return query.page !== undefined ? codeError(400, 'Parameter "page" is deprecated', 'page') : null;
}

/**
 * Slices `all` after the cursor. The cursor encodes the offset and the key of the last item returned, so
 * deleting items between calls does not skip or repeat entries. Returns an Answer on a bad cursor/per_page.
 */
export function paginate<T>(all: T[], query: Query, keyOf: (item: T) => string): Page<T> | Answer {
  const rawPer = q(query, 'per_page');
  let perPage = DEFAULT_PER_PAGE;
  if (rawPer !== undefined) {
    const n = Number(rawPer);
    if (!Number.isInteger(n) || n < 1) return codeError(400, 'Parameter "per_page" is invalid', 'per_page');
    perPage = Math.min(n, MAX_PER_PAGE);
  }
  let start = 0;
  const rawCursor = q(query, 'cursor');
  if (rawCursor) {
    const decoded = decodeCursor(rawCursor);
    if (!decoded) return codeError(400, 'Parameter "cursor" is invalid', 'cursor');
    const at = all.findIndex((item) => keyOf(item) === decoded.key);
    start = at >= 0 ? at + 1 : Math.min(decoded.offset, all.length);
  }
  const items = all.slice(start, start + perPage);
  const hasMore = start + perPage < all.length;
  const last = items[items.length - 1];
  return {
    items,
    has_more: hasMore,
    // Like the recordings: a cursor whenever the page has items (even the last page), null for an empty page.
    cursor: last !== undefined ? encodeCursor(start + items.length, keyOf(last)) : null,
  };
}

export function isAnswer(x: unknown): x is Answer {
  return typeof x === 'object' && x !== null && 'status' in x && !('items' in x);
}

function encodeCursor(offset: number, key: string): string {
  return Buffer.from(`${offset}&${key}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): { offset: number; key: string } | null {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^(\d+)&(.*)$/.exec(text);
  return m ? { offset: Number(m[1]), key: m[2] } : null;
}
