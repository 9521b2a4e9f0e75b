// A strict fake of SpreadsheetApp Sheet: sparse cell storage, size limits, row/column insertion, frozen panes, charts.
// getLastRow/getLastColumn report the last cell with content (0 when empty), like Sheets.

import { parseA1 } from './a1';
import { FakeChartBuilder, FakeEmbeddedChart } from './charts';
import { FakeRange } from './range';
import { Runtime, instrument } from './runtime';
import type { FakeSpreadsheet } from './spreadsheet';
import { Cell, Stored, hasContent, formatKind } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export type SheetMethods =
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getRange' | 'getDataRange' | 'getLastRow' | 'getLastColumn'
  | 'getMaxRows' | 'getMaxColumns' | 'insertRowsAfter' | 'insertRowsBefore' | 'insertRowAfter' | 'insertRowBefore'
  | 'insertColumnsAfter' | 'insertColumnsBefore' | 'insertRows' | 'insertColumns' | 'deleteRows' | 'deleteRow'
  | 'deleteColumns' | 'deleteColumn' | 'appendRow' | 'setFrozenRows' | 'getFrozenRows' | 'setFrozenColumns'
  | 'getFrozenColumns' | 'clear' | 'clearContents' | 'clearFormats' | 'setColumnWidth' | 'setColumnWidths'
  | 'getColumnWidth' | 'autoResizeColumns' | 'autoResizeColumn' | 'hideSheet' | 'showSheet' | 'isSheetHidden'
  | 'getParent' | 'getCharts' | 'insertChart' | 'removeChart' | 'updateChart' | 'activate';

export const MAX_CELLS = 10000000;

export class FakeSheet implements Pick<GSheet, SheetMethods> {
  _rows: (Array<Cell | undefined> | undefined)[] = [];
  _hidden = false;
  _frozenRows = 0;
  _frozenCols = 0;
  _widths = new Map<number, number>();
  _charts: FakeEmbeddedChart[] = [];
  /** The instrumented proxy of this sheet (methods run on the raw object). */
  readonly _me: FakeSheet;

  constructor(
    readonly _rt: Runtime,
    readonly _ss: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
    public _maxRows: number,
    public _maxCols: number,
  ) {
    this._me = instrument(this, _rt, 'SpreadsheetApp', 'Sheet');
    return this._me;
  }

  private get _self(): GSheet {
    return this as unknown as GSheet;
  }

  // ---- storage helpers used by FakeRange ----
  _cell(row: number, col: number, create = false): Cell | undefined {
    let line = this._rows[row - 1];
    if (!line) {
      if (!create) return undefined;
      line = this._rows[row - 1] = [];
    }
    let cell = line[col - 1];
    if (!cell && create) cell = line[col - 1] = { v: '' };
    return cell;
  }

  /** Writes content into a cell, keeping array results (spills) consistent. */
  _setContent(cell: Cell, v: Stored, f: string | undefined, autoFormat: string | undefined): void {
    this._ss._clearSpill(cell);
    if (cell.spillOf && (v !== '' || f)) this._ss._breakSpill(cell.spillOf);
    cell.spillOf = undefined;
    cell.v = v;
    cell.f = f;
    if (autoFormat && formatKind(cell.fmt) === 'general') cell.fmt = autoFormat;
  }

  _grow(rows: number, cols: number): void {
    this._ss._checkCells(this, rows, cols);
    this._maxRows = rows;
    this._maxCols = cols;
  }

  // ---- identity ----
  getName(): string {
    return this._name;
  }
  setName(name: string): GSheet {
    const n = String(name);
    if (n.trim() === '') throw this._rt.error('Sheet names cannot be empty.');
    const clash = this._ss._sheets.find((s) => s._id !== this._id && s._name.toLowerCase() === n.toLowerCase());
    if (clash) throw this._rt.error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this._name = n;
    return this._self;
  }
  getSheetId(): number {
    return this._id;
  }
  getSheetName(): string {
    return this._name;
  }
  getIndex(): number {
    return this._ss._sheets.findIndex((s) => s._id === this._id) + 1;
  }
  getParent(): GSpreadsheet {
    return this._ss as unknown as GSpreadsheet;
  }
  activate(): GSheet {
    this._ss._activeSheet = this._me;
    return this._self;
  }

  // ---- ranges ----
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    const me = this._me;
    if (typeof a === 'string' && column === undefined) {
      const p = parseA1(a);
      if (!p) throw this._rt.error('Range not found');
      const startRow = p.startRow ?? 1;
      const startCol = p.startCol ?? 1;
      const endRow = p.endRow ?? (p.startRow !== undefined && p.endCol === undefined && p.startCol === undefined ? p.startRow : this._maxRows);
      const endCol = p.endCol ?? (p.startCol !== undefined && p.startRow === undefined ? p.startCol : this._maxCols);
      const r1 = Math.min(startRow, endRow);
      const c1 = Math.min(startCol, endCol);
      return new FakeRange(me, r1, c1, Math.abs(endRow - startRow) + 1, Math.abs(endCol - startCol) + 1) as unknown as GRange;
    }
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    if (!args.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw this._rt.error(`The parameters (${args.map((x) => (typeof x === 'number' ? 'number' : typeof x === 'string' ? 'String' : String(x))).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    const row = Math.trunc(a as number);
    const col = Math.trunc(column as number);
    const nr = numRows === undefined ? 1 : Math.trunc(numRows);
    const nc = numColumns === undefined ? 1 : Math.trunc(numColumns);
    if (row < 1) throw this._rt.error('The starting row of the range is too small.');
    if (col < 1) throw this._rt.error('The starting column of the range is too small.');
    if (nr < 1) throw this._rt.error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw this._rt.error('The number of columns in the range must be at least 1.');
    return new FakeRange(me, row, col, nr, nc) as unknown as GRange;
  }
  getDataRange(): GRange {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getLastRow(): number {
    for (let r = this._rows.length; r >= 1; r--) {
      const line = this._rows[r - 1];
      if (line && line.some((c) => hasContent(c))) return r;
    }
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const line of this._rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (hasContent(line[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }

  // ---- rows and columns ----
  private _checkRowPosition(row: number, count: number): void {
    if (!Number.isInteger(row) || !Number.isInteger(count) || row < 1 || row > this._maxRows || count < 1) {
      throw this._rt.error('Those rows are out of bounds.');
    }
  }
  private _checkColumnPosition(col: number, count: number): void {
    if (!Number.isInteger(col) || !Number.isInteger(count) || col < 1 || col > this._maxCols || count < 1) {
      throw this._rt.error('Those columns are out of bounds.');
    }
  }
  private _insertRowsAt(index0: number, count: number): void {
    this._grow(this._maxRows + count, this._maxCols);
    if (index0 < this._rows.length) this._rows.splice(index0, 0, ...new Array<undefined>(count));
  }
  private _insertColumnsAt(index0: number, count: number): void {
    this._grow(this._maxRows, this._maxCols + count);
    for (const line of this._rows) if (line && index0 < line.length) line.splice(index0, 0, ...new Array<undefined>(count));
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this._checkRowPosition(afterPosition, howMany);
    this._insertRowsAt(afterPosition, howMany);
    return this._self;
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this._checkRowPosition(beforePosition, howMany);
    this._insertRowsAt(beforePosition - 1, howMany);
    return this._self;
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this._checkColumnPosition(afterPosition, howMany);
    this._insertColumnsAt(afterPosition, howMany);
    return this._self;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    this._checkColumnPosition(beforePosition, howMany);
    this._insertColumnsAt(beforePosition - 1, howMany);
    return this._self;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._checkRowPosition(rowPosition, howMany);
    if (rowPosition + howMany - 1 > this._maxRows) throw this._rt.error('Those rows are out of bounds.');
    if (howMany >= this._maxRows) throw this._rt.error("You can't delete all the rows on the sheet.");
    this._rows.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
  }
  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return this._self;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._checkColumnPosition(columnPosition, howMany);
    if (columnPosition + howMany - 1 > this._maxCols) throw this._rt.error('Those columns are out of bounds.');
    if (howMany >= this._maxCols) throw this._rt.error("You can't delete all the columns on the sheet.");
    for (const line of this._rows) if (line) line.splice(columnPosition - 1, howMany);
    this._maxCols -= howMany;
  }
  deleteColumn(columnPosition: number): GSheet {
    this.deleteColumns(columnPosition, 1);
    return this._self;
  }
  appendRow(rowContents: any[]): GSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw this._rt.error(`The parameters (${Array.isArray(rowContents) ? 'Object[]' : typeof rowContents}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    }
    const row = this.getLastRow() + 1;
    const rows = Math.max(this._maxRows, row);
    const cols = Math.max(this._maxCols, rowContents.length);
    if (rows !== this._maxRows || cols !== this._maxCols) this._grow(rows, cols);
    this.getRange(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this._self;
  }

  // ---- frozen panes, widths, visibility ----
  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows > this._maxRows) throw this._rt.error(`Invalid argument: rows (${rows})`);
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns > this._maxCols) throw this._rt.error(`Invalid argument: columns (${columns})`);
    this._frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this._checkColumnPosition(columnPosition, 1);
    this._widths.set(columnPosition, width);
    return this._self;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this._checkColumnPosition(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._widths.set(c, width);
    return this._self;
  }
  getColumnWidth(columnPosition: number): number {
    return this._widths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    this._checkColumnPosition(startColumn, numColumns);
    const last = this.getLastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      if (last > 0) {
        for (const [text] of this.getRange(1, c, last, 1).getDisplayValues()) longest = Math.max(longest, text.length);
      }
      this._widths.set(c, Math.max(30, longest * 7 + 10));
    }
    return this._self;
  }
  autoResizeColumn(columnPosition: number): GSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideSheet(): GSheet {
    const visible = this._ss._sheets.filter((s) => !s._hidden && s._id !== this._id);
    if (visible.length === 0) throw this._rt.error("You can't hide all the sheets in a document.");
    this._hidden = true;
    return this._self;
  }
  showSheet(): GSheet {
    this._hidden = false;
    return this._self;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }

  // ---- clearing ----
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): GSheet {
    if (this._rows.length) this.getRange(1, 1, this._maxRows, this._maxCols).clear(options ?? {});
    return this._self;
  }
  clearContents(): GSheet {
    if (this._rows.length) this.getRange(1, 1, this._maxRows, this._maxCols).clearContent();
    return this._self;
  }
  clearFormats(): GSheet {
    if (this._rows.length) this.getRange(1, 1, this._maxRows, this._maxCols).clearFormat();
    return this._self;
  }

  // ---- charts ----
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeChartBuilder(this._rt) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GChart): void {
    const c = this._chart(chart, 'insertChart');
    if (this._ss._sheets.some((s) => s._charts.some((x) => x.state.chartId === c.state.chartId))) {
      throw this._rt.error('This chart is already in the spreadsheet; use updateChart() to change it.');
    }
    this._charts.push(c);
  }
  getCharts(): GChart[] {
    return [...this._charts] as unknown as GChart[];
  }
  removeChart(chart: GChart): void {
    const c = this._chart(chart, 'removeChart');
    const i = this._charts.findIndex((x) => x.state.chartId === c.state.chartId);
    if (i < 0) throw this._rt.error('The chart is not on this sheet.');
    this._charts.splice(i, 1);
  }
  updateChart(chart: GChart): void {
    const c = this._chart(chart, 'updateChart');
    const i = this._charts.findIndex((x) => x.state.chartId === c.state.chartId);
    if (i < 0) throw this._rt.error('The chart is not on this sheet.');
    this._charts[i] = c;
  }
  private _chart(chart: unknown, method: string): FakeEmbeddedChart {
    if (!(chart instanceof FakeEmbeddedChart)) throw this._rt.error(`The parameters (${typeof chart}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`);
    return chart;
  }
}
