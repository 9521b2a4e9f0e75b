// ReportsWorkbook over SpreadsheetApp: report tabs (title, fetched-at line, header, typed data with formats), the
// hidden staging tab of a list in progress, the native chart, title notes and the log tab.

import type { OutCell } from '../../core/export/types';
import {
  ChartPlan, Column, FIRST_DATA_ROW, HEADER_ROW, LogCell, ReportLayout, ReportsWorkbook, TabRef, columnFormat,
} from '../../core/reports';
import { SheetValue, toSheetRows } from './cells';
import { SheetsWorkbook } from '../adapters/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const STAGING_PREFIX = 'ChartMogul staging ';

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

/** Sets each column's number format on `rows` rows from `firstRow`, one call per run of equal formats. */
function formatColumns(sheet: Sheet, firstRow: number, rows: number, columns: Column[], currency: string): void {
  if (rows < 1) return;
  let start = 0;
  for (let i = 1; i <= columns.length; i++) {
    const f = columnFormat(columns[start].type, currency);
    if (i < columns.length && columnFormat(columns[i].type, currency) === f) continue;
    sheet.getRange(firstRow, start + 1, rows, i - start).setNumberFormat(f);
    start = i;
  }
}

function pad(row: SheetValue[], width: number): SheetValue[] {
  if (row.length === width) return row;
  return row.length > width ? row.slice(0, width) : row.concat(new Array(width - row.length).fill(''));
}

export class SheetsReportsWorkbook implements ReportsWorkbook {
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  private get tz(): string {
    return this.ss.getSpreadsheetTimeZone();
  }

  private sheet(sheetId: number): Sheet {
    const s = this.ss.getSheets().filter((x) => x.getSheetId() === sheetId)[0];
    if (!s) throw new Error('The report tab no longer exists.');
    return s;
  }

  tabNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  createTab(name: string): TabRef {
    const s = this.ss.insertSheet(name, this.ss.getSheets().length);
    return { sheetId: s.getSheetId(), name: s.getName() };
  }

  findTab(sheetId: number): TabRef | null {
    const s = this.ss.getSheets().filter((x) => x.getSheetId() === sheetId)[0];
    return s ? { sheetId, name: s.getName() } : null;
  }

  private writeTitle(sheet: Sheet, title: string, subtitle: string): void {
    const head = sheet.getRange(1, 1, 2, 1);
    head.setNumberFormat('@');
    head.setValues([[title], [subtitle]]);
    sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
    sheet.getRange(2, 1).setFontColor('#5f6368');
  }

  writePlaceholder(sheetId: number, title: string, subtitle: string): void {
    this.writeTitle(this.sheet(sheetId), title, subtitle);
  }

  private readStaged(reportId: string, width: number): SheetValue[][] {
    const staging = this.ss.getSheetByName(STAGING_PREFIX + reportId);
    if (!staging || staging.getLastRow() < 1) return [];
    ensureSize(staging, 1, width);
    return (staging.getRange(1, 1, staging.getLastRow(), width).getValues() as SheetValue[][]).map((r) => pad(r, width));
  }

  writeReport(sheetId: number, layout: ReportLayout): void {
    const sheet = this.sheet(sheetId);
    const width = layout.columns.length;
    const staged = layout.stagedFor ? this.readStaged(layout.stagedFor, width) : [];
    const values = staged.concat(toSheetRows(layout.rows, this.tz).map((r) => pad(r, width)));
    sheet.clear();
    sheet.getRange(1, 1).clearNote();
    ensureSize(sheet, HEADER_ROW + Math.max(values.length, 1), width);
    this.writeTitle(sheet, layout.title, layout.subtitle);
    const header = sheet.getRange(HEADER_ROW, 1, 1, width);
    header.setNumberFormat('@');
    header.setValues([layout.columns.map((c) => c.title)]);
    header.setFontWeight('bold');
    header.setBackground('#f1f3f4');
    if (values.length) {
      formatColumns(sheet, FIRST_DATA_ROW, values.length, layout.columns, layout.currency);
      sheet.getRange(FIRST_DATA_ROW, 1, values.length, width).setValues(values);
    }
    sheet.getRange(1, 1).setNote(layout.note);
    sheet.setFrozenRows(HEADER_ROW);
  }

  setTitleNote(sheetId: number, note: string): void {
    this.sheet(sheetId).getRange(1, 1).setNote(note);
  }

  upsertChart(sheetId: number, chartId: number | null, plan: ChartPlan): number | null {
    const sheet = this.sheet(sheetId);
    const width = sheet.getLastColumn();
    ensureSize(sheet, HEADER_ROW, width + 2);
    const existing = chartId === null ? null : sheet.getCharts().filter((c) => c.getChartId() === chartId)[0];
    if (chartId !== null && !existing) return null; // the user deleted it: leave it deleted
    const builder = existing ? existing.modify().clearRanges() : sheet.newChart();
    builder.setChartType(plan.type === 'LINE' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN);
    for (const col of plan.columns) builder.addRange(sheet.getRange(HEADER_ROW, col + 1, plan.rows + 1, 1));
    builder
      .setPosition(HEADER_ROW, width + 2, 0, 0)
      .setOption('title', plan.title)
      .setOption('legend', { position: 'bottom' })
      .setOption('useFirstColumnAsDomain', true)
      .setOption('isStacked', !!plan.stacked);
    const chart = builder.build();
    if (existing) sheet.updateChart(chart);
    else sheet.insertChart(chart);
    return chart.getChartId();
  }

  stage(reportId: string, start: number, columns: Column[], rows: OutCell[][]): void {
    const name = STAGING_PREFIX + reportId;
    let staging = this.ss.getSheetByName(name);
    if (!staging) {
      staging = this.ss.insertSheet(name, this.ss.getSheets().length);
      staging.hideSheet();
    }
    if (!rows.length) return;
    const width = columns.length;
    ensureSize(staging, start + rows.length, width);
    // Text columns must be plain text before the write; money formats do not matter in staging.
    formatColumns(staging, start + 1, rows.length, columns, '');
    staging.getRange(start + 1, 1, rows.length, width).setValues(toSheetRows(rows, this.tz).map((r) => pad(r, width)));
  }

  dropStaging(reportId: string): void {
    const staging = this.ss.getSheetByName(STAGING_PREFIX + reportId);
    if (staging) this.ss.deleteSheet(staging);
  }

  appendLog(header: string[], row: LogCell[]): void {
    new SheetsWorkbook(this.ss).appendLog(header, row); // the import engine's log writer
  }
}
