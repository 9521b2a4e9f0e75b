// Follows every page of a list report within a time budget, staging rows after each chunk of pages and saving a
// checkpoint (cursor, rows staged, custom attribute keys) so the next call or the scheduler continues the list.

import type { ChartMogulClient, Customer } from '../chartmogul';
import type { OutCell } from '../export/types';
import { customColumn, fetchPage, LIST_COLUMNS, ListItem, ListKind, subscriptionRow } from './lists';
import type { DayRange } from './range';
import type { Column } from './types';

/** Stop starting pages when less than this is left before the deadline. */
export const PAGE_RESERVE_MS = 20000;
export const DEFAULT_CHUNK_PAGES = 5;

export interface ListCheckpoint {
  kind: ListKind;
  /** Cursor of the next page to fetch (subscriptions: of the customer page in progress); null = first page. */
  cursor: string | null;
  /** Subscriptions: customers of the page at `cursor` already done. */
  skip: number;
  /** Rows already written to the staging tab. */
  staged: number;
  customKeys: string[];
  pages: number;
  /** Requests and milliseconds spent by earlier executions of this refresh. */
  requests: number;
  ms: number;
  startedAt: string;
  currency: string;
  range: DayRange;
}

export interface ListRunDeps {
  client: ChartMogulClient;
  perPage: number;
  chunkPages: number;
  /** At most this many pages per call (the rest continues on the next call); Infinity = until the deadline. */
  pagesPerCall: number;
  deadline: number;
  now(): number;
  /** Writes rows to the staging tab starting at data row `start` (0-based; rewriting the same rows is harmless). */
  stage(start: number, columns: Column[], rows: OutCell[][]): void;
  /** Persists the checkpoint (after the staged rows it describes were written). */
  save(checkpoint: ListCheckpoint): void;
}

export interface ListRunResult {
  done: boolean;
  checkpoint: ListCheckpoint;
  /** All columns so far (fixed + custom attribute keys in order of first appearance). */
  columns: Column[];
  /** Rows fetched in this call and not staged (when done: the list's tail after `checkpoint.staged` rows). */
  rows: OutCell[][];
}

export function newCheckpoint(kind: ListKind, currency: string, range: DayRange, startedAt: string): ListCheckpoint {
  return { kind, cursor: null, skip: 0, staged: 0, customKeys: [], pages: 0, requests: 0, ms: 0, startedAt, currency, range };
}

export function listColumns(kind: ListKind, customKeys: string[]): Column[] {
  return LIST_COLUMNS[kind].concat(customKeys.map(customColumn));
}

function customValue(v: unknown): OutCell {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Rows of the items, extending `keys` with custom attribute keys seen for the first time. */
export function materialize(items: ListItem[], keys: string[]): OutCell[][] {
  for (const item of items) for (const k of Object.keys(item.custom || {})) if (keys.indexOf(k) < 0) keys.push(k);
  return items.map((item) => item.cells.concat(keys.map((k) => customValue(item.custom ? item.custom[k] : undefined))));
}

export function runList(deps: ListRunDeps, start: ListCheckpoint): ListRunResult {
  const cp: ListCheckpoint = JSON.parse(JSON.stringify(start));
  let buffer: ListItem[] = [];
  let pagesInBuffer = 0;
  let done = false;
  let pagesThisCall = 0;
  const timeUp = () => deps.now() > deps.deadline - PAGE_RESERVE_MS || pagesThisCall >= deps.pagesPerCall;
  let lastSaved = JSON.stringify(cp);
  const flush = () => {
    const rows = materialize(buffer, cp.customKeys);
    if (rows.length) deps.stage(cp.staged, listColumns(cp.kind, cp.customKeys), rows);
    cp.staged += rows.length;
    buffer = [];
    pagesInBuffer = 0;
    const now = JSON.stringify(cp);
    if (now !== lastSaved) deps.save(cp);
    lastSaved = now;
  };
  while (!timeUp()) {
    if (cp.kind === 'subscriptions') {
      const page = deps.client.customers.list({ per_page: deps.perPage, cursor: cp.cursor || undefined }, { deadline: deps.deadline });
      const customers: Customer[] = page.entries;
      let i = cp.skip;
      for (; i < customers.length && deps.now() <= deps.deadline - PAGE_RESERVE_MS; i++) {
        const subs = deps.client.subscriptions.listAllForCustomer(customers[i].uuid, { deadline: deps.deadline, perPage: deps.perPage });
        for (const s of subs) buffer.push(subscriptionRow(customers[i], s));
      }
      if (i < customers.length) {
        cp.skip = i;
        break;
      }
      cp.skip = 0;
      cp.cursor = page.has_more && page.cursor ? page.cursor : null;
    } else {
      const page = fetchPage(cp.kind, { client: deps.client, range: cp.range, cursor: cp.cursor, perPage: deps.perPage, deadline: deps.deadline });
      buffer = buffer.concat(page.items);
      cp.cursor = page.next;
    }
    cp.pages++;
    pagesThisCall++;
    pagesInBuffer++;
    if (cp.cursor === null) {
      done = true;
      break;
    }
    if (pagesInBuffer >= deps.chunkPages) flush();
  }
  if (!done) {
    flush();
    return { done, checkpoint: cp, columns: listColumns(cp.kind, cp.customKeys), rows: [] };
  }
  const rows = materialize(buffer, cp.customKeys);
  return { done, checkpoint: cp, columns: listColumns(cp.kind, cp.customKeys), rows };
}
