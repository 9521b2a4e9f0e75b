// Writes a sent item's result into its rows' receipts (in memory; the chunk's flush makes it a checkpoint):
// status, uuid, message, synced_at, and the note with the new fingerprint and who created the object.

import type { BatchResult, ChartMogulError } from '../../chartmogul';
import { fingerprint } from '../fingerprint';
import type { CustomerPayload, ReceiptStatus } from '../types';
import type { IdMaps, LoadedTab, Workbook } from './load';
import type { Item } from './plan';
import { keptNote } from './plan';
import type { NoteData } from './receipts';
import type { EngineDeps } from './ports';

export interface SendCtx {
  deps: EngineDeps;
  wb: Workbook;
  maps: IdMaps;
  runId: string;
  /** Chunk that was being sent when an earlier execution of this run stopped: "exists" there was created by this run. */
  crashed?: { tab: string; lo: number; hi: number }[];
}

export function tabOf(ctx: SendCtx, item: Pick<Item, 'tab'>): LoadedTab {
  return ctx.wb.tabs[item.tab] as LoadedTab;
}

function nowIso(ctx: SendCtx): string {
  return new Date(ctx.deps.clock.now()).toISOString();
}

/** Customers rows: fingerprint of the custom attributes the row carries ('' when none). */
export function customFingerprint(item: Pick<Item, 'tab' | 'row'>): string {
  if (item.tab !== 'Customers') return '';
  const a = (item.row.payload as CustomerPayload).attributes;
  return a && a.custom && a.custom.length ? fingerprint(a.custom) : '';
}

/** Success (imported, updated, exists, skipped): new fingerprint; `created` when this run made the object. */
export function succeed(ctx: SendCtx, item: Item, status: ReceiptStatus, uuid: string, message = ''): void {
  const t = tabOf(ctx, item);
  const synced = nowIso(ctx);
  for (const i of item.indices) {
    const old = t.receipts.get(i);
    let created = old.note.created;
    if (status === 'imported') created = ctx.runId;
    if (status === 'exists' && (ctx.crashed || []).some((c) => c.tab === item.tab && i >= c.lo && i <= c.hi)) created = ctx.runId;
    if (status === 'updated' && item.action === 'replace') created = ctx.runId;
    const note: NoteData = { fp: item.fp, run: ctx.runId, ...(created ? { created } : {}) };
    const afp = customFingerprint(item);
    if (afp && (status === 'imported' || status === 'updated')) note.afp = afp;
    t.receipts.set(i, { status, uuid, message, syncedAt: synced, note });
  }
}

/** Failure: the row keeps its uuid and old fingerprint (so a later run retries), with the reason. */
export function fail(ctx: SendCtx, item: Item, message: string): void {
  const t = tabOf(ctx, item);
  for (const i of item.indices) t.receipts.set(i, { status: 'error', message, note: keptNote(t.receipts.get(i), ctx.runId) });
}

/** The text for a failed request, naming the field ChartMogul named. */
export function apiMessage(e: ChartMogulError): string {
  return 'ChartMogul: ' + e.message;
}

/** Not sent because the time budget ran out: leave the row for the next call. */
export function notSent<T>(r: BatchResult<T>): boolean {
  return !r.ok && r.error.kind === 'deadline_exceeded';
}

/** 422 whose only errors say the external id is taken (subscription events and standalone transactions). */
export function isTaken(e: ChartMogulError): boolean {
  return e.alreadyExists || (e.status === 422 && e.fields.length > 0 && e.fields.every((f) => /external_id$/.test(f.field) && /already/i.test(f.message)));
}
