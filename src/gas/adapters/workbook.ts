// WorkbookPort over SpreadsheetApp: each template tab read in one block (values + status-cell notes), receipts
// written as blocks (values, then notes), receipt columns appended at the right, one row per run on the log tab.

import { matchHeaders, missingReceiptColumns, normalizeHeader, RECEIPT_COLUMNS, tabNameOf } from '../../core/import';
import type { Cell, ReceiptColumn, TabName } from '../../core/import';
import type { ReceiptCells, ReceiptIndex, TabData, WorkbookPort } from '../../core/import/engine';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SYNCED_FORMAT = 'yyyy-mm-dd hh:mm:ss';

function toDate(iso: string): Date | string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return isFinite(ms) ? new Date(ms) : iso;
}

export class SheetsWorkbook implements WorkbookPort {
  private sheets?: Map<TabName, Sheet>;

  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  timeZone(): string {
    return this.ss.getSpreadsheetTimeZone();
  }

  private byTab(): Map<TabName, Sheet> {
    if (!this.sheets) {
      this.sheets = new Map();
      for (const sheet of this.ss.getSheets()) {
        const tab = tabNameOf(sheet.getName());
        if (tab && !this.sheets.has(tab)) this.sheets.set(tab, sheet);
      }
    }
    return this.sheets;
  }

  tabs(): TabName[] {
    return Array.from(this.byTab().keys());
  }

  private sheet(tab: TabName): Sheet {
    const s = this.byTab().get(tab);
    if (!s) throw new Error(`The spreadsheet has no "${tab}" tab`);
    return s;
  }

  read(tab: TabName): TabData | null {
    const sheet = this.byTab().get(tab);
    if (!sheet) return null;
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow < 1 || lastCol < 1) return { tab, headers: [], rows: [], notes: [] };
    const values = sheet.getRange(1, 1, lastRow, lastCol).getValues() as Cell[][];
    const headers = values[0];
    const rows = values.slice(1);
    let notes: string[] = rows.map(() => '');
    const status = headers.findIndex((h) => normalizeHeader(h) === 'chartmogul_status');
    if (status >= 0 && rows.length) notes = sheet.getRange(2, status + 1, rows.length, 1).getNotes().map((r) => r[0] || '');
    return { tab, headers, rows, notes };
  }

  ensureReceiptColumns(tab: TabName, headers: Cell[]): ReceiptIndex {
    const match = matchHeaders(tab, headers);
    const missing = missingReceiptColumns(match);
    const out = {} as ReceiptIndex;
    if (missing.length) {
      const sheet = this.sheet(tab);
      let last = headers.length;
      while (last > 0 && String(headers[last - 1]).trim() === '') last--;
      const need = last + missing.length - sheet.getMaxColumns();
      if (need > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), need);
      sheet.getRange(1, last + 1, 1, missing.length).setValues([missing.slice()]);
      missing.forEach((m, k) => (match.receipt[m] = last + k));
      const synced = match.receipt.chartmogul_synced_at as number;
      if (missing.indexOf('chartmogul_synced_at') >= 0) sheet.getRange(2, synced + 1, Math.max(1, sheet.getMaxRows() - 1), 1).setNumberFormat(SYNCED_FORMAT);
    }
    for (const r of RECEIPT_COLUMNS) out[r] = match.receipt[r] as number;
    return out;
  }

  writeReceipts(tab: TabName, columns: ReceiptIndex, firstRow: number, cells: ReceiptCells[]): void {
    if (!cells.length) return;
    const sheet = this.sheet(tab);
    const value = (c: ReceiptCells, r: ReceiptColumn): string | Date =>
      r === 'chartmogul_status' ? c.status : r === 'chartmogul_uuid' ? c.uuid : r === 'chartmogul_message' ? c.message : toDate(c.syncedAt);
    const idx = RECEIPT_COLUMNS.map((r) => columns[r]);
    const contiguous = idx.every((c, k) => c === idx[0] + k);
    if (contiguous) {
      sheet.getRange(firstRow, idx[0] + 1, cells.length, 4).setValues(cells.map((c) => RECEIPT_COLUMNS.map((r) => value(c, r))));
    } else {
      for (const r of RECEIPT_COLUMNS) sheet.getRange(firstRow, columns[r] + 1, cells.length, 1).setValues(cells.map((c) => [value(c, r)]));
    }
    sheet.getRange(firstRow, columns.chartmogul_status + 1, cells.length, 1).setNotes(cells.map((c) => [c.note]));
  }

  appendLog(header: string[], row: (string | number)[]): void {
    const name = 'ChartMogul log';
    let sheet = this.ss.getSheetByName(name);
    if (!sheet) {
      sheet = this.ss.insertSheet(name);
      sheet.appendRow(header);
      sheet.setFrozenRows(1);
    }
    sheet.appendRow(row.map((v, i) => (i === 0 && typeof v === 'string' ? toDate(v) : v)));
  }
}
