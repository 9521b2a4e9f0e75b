// Cuts a run's plan into chunks in dependency order (plans and customers → invoices with their transactions →
// standalone transactions, subscription events → cancellations → attributes); each chunk ends with a checkpoint.

import type { TabName, TransactionPayload } from '../types';
import { sendInvoices } from './invoiceSender';
import type { SendCtx } from './outcome';
import type { Item, RunPlan } from './plan';
import { sendAttributes, sendCancellations, sendCustomersOrPlans, sendEvents, sendTransactions } from './rowSender';

export interface Span {
  tab: TabName;
  lo: number;
  hi: number;
}

export interface Chunk {
  tab: TabName;
  items: Item[];
  /** Rows the chunk may create (recorded before sending: the crash marker). */
  spans: Span[];
  send: (ctx: SendCtx) => void;
}

/** Rows per chunk: ~2.5–5 s of requests at 40/s, so checkpoints stay frequent. */
export const CHUNK_ROWS = 100;
export const CHUNK_INVOICES = 200;

function spanOf(items: Item[]): Span[] {
  const by: Partial<Record<TabName, Span>> = {};
  for (const it of items) {
    for (const i of it.indices) {
      const s = by[it.tab];
      if (!s) by[it.tab] = { tab: it.tab, lo: i, hi: i };
      else {
        s.lo = Math.min(s.lo, i);
        s.hi = Math.max(s.hi, i);
      }
    }
  }
  return Object.keys(by).map((k) => by[k as TabName] as Span);
}

function slices<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** New transactions of invoices this run sends are sent inside them; the map is keyed by invoice external id. */
export function embeddedTransactions(plan: RunPlan): Map<string, Item[]> {
  const invoices = new Set((plan.Invoices || []).map((it) => it.key));
  const out = new Map<string, Item[]>();
  for (const tx of plan.Transactions || []) {
    const inv = tx.row.refs.invoice;
    if (tx.action !== 'create' || !inv || !invoices.has(inv)) continue;
    const list = out.get(inv) || [];
    list.push(tx);
    out.set(inv, list);
  }
  return out;
}

/** Row-mode chunks for the given tabs of the plan (`only` filters items, e.g. what bulk mode leaves to rows). */
export function rowChunks(plan: RunPlan, tabs: TabName[], only: (it: Item) => boolean = () => true): Chunk[] {
  const chunks: Chunk[] = [];
  const embedded = embeddedTransactions(plan);
  const inside = new Set<Item>();
  embedded.forEach((list) => list.forEach((t) => inside.add(t)));
  const add = (tab: TabName, size: number, send: (ctx: SendCtx, items: Item[]) => void): void => {
    if (tabs.indexOf(tab) < 0) return;
    const items = (plan[tab] || []).filter((it) => only(it) && !inside.has(it));
    for (const part of slices(items, size)) chunks.push({ tab, items: part, spans: spanOf(part), send: (ctx) => send(ctx, part) });
  };
  add('Plans', CHUNK_ROWS, sendCustomersOrPlans);
  add('Customers', CHUNK_ROWS, sendCustomersOrPlans);
  if (tabs.indexOf('Invoices') >= 0) {
    const items = (plan.Invoices || []).filter(only);
    // Keep a customer's invoices together: one request per customer per chunk.
    items.sort((a, b) => cmp(customerOf(a), customerOf(b)));
    for (const part of slices(items, CHUNK_INVOICES)) {
      const txs = new Map<string, Item[]>();
      for (const it of part) if (embedded.has(it.key)) txs.set(it.key, embedded.get(it.key) as Item[]);
      const all = part.concat(...Array.from(txs.values()));
      chunks.push({ tab: 'Invoices', items: part, spans: spanOf(all), send: (ctx) => sendInvoices(ctx, { items: part, transactions: txs }) });
    }
  }
  add('Transactions', CHUNK_ROWS, sendTransactions);
  add('Subscription events', CHUNK_ROWS, sendEvents);
  add('Cancellations', CHUNK_ROWS, sendCancellations);
  add('Attributes', CHUNK_ROWS, sendAttributes);
  return chunks;
}

function customerOf(it: Item): string {
  return it.invoice ? it.invoice.customerExternalId : '';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Transaction external ids sent inside invoices (for tests and the bulk payload). */
export function transactionIds(items: Item[]): string[] {
  return items.map((t) => (t.row.payload as TransactionPayload).external_id || '');
}
