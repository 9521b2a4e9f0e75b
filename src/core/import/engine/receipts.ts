// Receipts in memory: each row's four receipt cells plus the status-cell note (fingerprint, run ids), and the
// block writes that turn them into checkpoints. One flush = one block write per tab, whatever the number of rows.

import type { ReceiptStatus, TabName } from '../types';
import type { ReceiptCells, ReceiptIndex, TabData, WorkbookPort } from './ports';

/** What the status cell's note remembers about a row. */
export interface NoteData {
  /** Fingerprint of what was sent (or checked) for the row. */
  fp?: string;
  /** Run that last wrote this receipt. */
  run?: string;
  /** Run that created the ChartMogul object (Undo deletes only what its run created). */
  created?: string;
  /** Bulk import (batch external id) the row was sent in and whose answer is still awaited. */
  pending?: string;
  /** Customers: fingerprint of the custom attributes last sent (an update re-sends them only when they changed). */
  afp?: string;
}

const NOTE_HEAD = 'ChartMogul receipt (written by the add-on, do not edit)';

export function formatNote(n: NoteData): string {
  const parts: string[] = [];
  if (n.fp) parts.push('fp=' + n.fp);
  if (n.run) parts.push('run=' + n.run);
  if (n.created) parts.push('created=' + n.created);
  if (n.pending) parts.push('pending=' + n.pending);
  if (n.afp) parts.push('afp=' + n.afp);
  return parts.length ? NOTE_HEAD + '\n' + parts.join('\n') : '';
}

export function parseNote(text: string): NoteData {
  const out: NoteData = {};
  const re = /(^|\s)(fp|run|created|pending|afp)=(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text || '')) !== null) out[m[2] as keyof NoteData] = m[3];
  return out;
}

export interface Receipt {
  status: string;
  uuid: string;
  message: string;
  syncedAt: string;
  note: NoteData;
}

/** A message as plain text in a cell: Sheets would read `=…`, `+…`, `-…`, `@…` and numbers as typed input. */
function cellText(text: string): string {
  return /^[=+\-@']/.test(text) || /^\s*[\d.,]+\s*$/.test(text) || /^(true|false)$/i.test(text.trim()) ? "'" + text : text;
}

const MAX_MESSAGE = 1000;

/** Receipts of one tab, as read, changed in memory and flushed in blocks. */
export class TabReceipts {
  readonly receipts: Receipt[];
  private dirty: number[] = [];

  constructor(
    readonly tab: TabName,
    readonly columns: ReceiptIndex,
    data: TabData,
  ) {
    this.receipts = data.rows.map((cells, i) => ({
      status: text(cells[columns.chartmogul_status]),
      uuid: text(cells[columns.chartmogul_uuid]),
      message: text(cells[columns.chartmogul_message]),
      syncedAt: text(cells[columns.chartmogul_synced_at]),
      note: parseNote(data.notes[i] || ''),
    }));
  }

  get(index: number): Receipt {
    return this.receipts[index];
  }

  set(index: number, r: Partial<Receipt> & { status: ReceiptStatus | '' }): void {
    const cur = this.receipts[index];
    this.receipts[index] = {
      status: r.status,
      uuid: r.uuid !== undefined ? r.uuid : cur.uuid,
      message: r.message !== undefined ? r.message.slice(0, MAX_MESSAGE) : '',
      syncedAt: r.syncedAt !== undefined ? r.syncedAt : cur.syncedAt,
      note: r.note !== undefined ? r.note : cur.note,
    };
    this.dirty.push(index);
  }

  hasChanges(): boolean {
    return this.dirty.length > 0;
  }

  /** One block from the first to the last changed row (unchanged rows in between are written back as they are). */
  flush(workbook: WorkbookPort): void {
    if (!this.dirty.length) return;
    let lo = this.dirty[0];
    let hi = lo;
    for (const i of this.dirty) {
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    this.dirty = [];
    const cells: ReceiptCells[] = [];
    for (let i = lo; i <= hi; i++) {
      const r = this.receipts[i];
      cells.push({ status: r.status, uuid: r.uuid, message: cellText(r.message), syncedAt: r.syncedAt, note: formatNote(r.note) });
    }
    workbook.writeReceipts(this.tab, this.columns, lo + 2, cells);
  }
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const ms = (v as Date).getTime();
    return isFinite(ms) ? (v as Date).toISOString() : '';
  }
  return String(v).trim();
}
