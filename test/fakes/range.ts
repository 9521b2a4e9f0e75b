// A strict fake of SpreadsheetApp Range: 1-based, bounds-checked, shape-checked writes, values exactly as Sheets returns.
// Strings are interpreted as if typed (see values.ts); formats, notes, validation and styles are stored per cell.

import { a1Notation } from './a1';
import { FakeDataValidation } from './data-validation';
import { displayValue } from './number-format';
import { instrument } from './runtime';
import type { FakeSheet } from './sheet';
import { Cell, CellStyle, GENERAL_FORMAT, InvalidCellValue, hasContent, interpretWrite, readValue } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export type RangeMethods =
  | 'getValues' | 'setValues' | 'getValue' | 'setValue' | 'getDisplayValues' | 'getDisplayValue'
  | 'getFormulas' | 'setFormula' | 'setFormulas' | 'getFormula'
  | 'getNumberFormats' | 'setNumberFormat' | 'setNumberFormats' | 'getNumberFormat'
  | 'setDataValidation' | 'setDataValidations' | 'getDataValidation' | 'getDataValidations' | 'clearDataValidations'
  | 'setNote' | 'setNotes' | 'getNote' | 'getNotes' | 'clearNote' | 'clearContent' | 'clearFormat'
  | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn' | 'getHeight' | 'getWidth'
  | 'getA1Notation' | 'getSheet' | 'offset' | 'getCell' | 'activate'
  | 'setFontWeight' | 'setFontWeights' | 'getFontWeight' | 'getFontWeights' | 'setFontStyle' | 'setFontSize'
  | 'setBackground' | 'setBackgrounds' | 'getBackground' | 'getBackgrounds' | 'setFontColor' | 'getFontColor'
  | 'setHorizontalAlignment' | 'getHorizontalAlignment' | 'setVerticalAlignment' | 'setWrap' | 'getWrap'
  | 'insertCheckboxes' | 'removeCheckboxes' | 'isChecked' | 'check' | 'uncheck' | 'isBlank';

interface Pending {
  cell: Cell;
  row: number;
  col: number;
}

export class FakeRange implements Pick<GRange, RangeMethods> {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    const rt = _sheet._rt;
    if (_row < 1 || _col < 1 || _numRows < 1 || _numCols < 1 || _row + _numRows - 1 > _sheet._maxRows || _col + _numCols - 1 > _sheet._maxCols) {
      throw rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return instrument(this, rt, 'SpreadsheetApp', 'Range');
  }

  private get _self(): GRange {
    return this as unknown as GRange;
  }
  private get _tz(): string {
    return this._sheet._ss._tz;
  }

  private _map<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const r = this._row + i;
      const line: T[] = new Array(this._numCols);
      for (let j = 0; j < this._numCols; j++) line[j] = fn(this._sheet._cell(r, this._col + j), r, this._col + j);
      out.push(line);
    }
    return out;
  }

  private _forEachCell(fn: (cell: Cell, i: number, j: number) => void): void {
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++) fn(this._sheet._cell(this._row + i, this._col + j, true) as Cell, i, j);
    }
  }

  private _checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw this._sheet._rt.error(`The parameters (${describe(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    if (data.length !== this._numRows) {
      throw this._sheet._rt.error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`);
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._numCols) {
        throw this._sheet._rt.error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numCols}.`);
      }
    }
    return data as unknown[][];
  }

  private _write(cell: Cell, row: number, col: number, value: unknown, method: string, pending: Pending[]): void {
    const ss = this._sheet._ss;
    let typed;
    try {
      typed = interpretWrite(value, cell.fmt, this._tz, ss._rt.clock.now());
    } catch (e) {
      if (!(e instanceof InvalidCellValue)) throw e;
      if (e.message.startsWith('Your input')) throw ss._rt.error(e.message);
      throw ss._rt.error(`The parameters (${describe(value)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    this._sheet._setContent(cell, typed.v, typed.f, typed.autoFormat);
    if (typed.f) pending.push({ cell, row, col });
  }

  private _evaluate(pending: Pending[]): void {
    for (const p of pending) this._sheet._ss._evaluate(this._sheet, p.row, p.col, p.cell);
  }

  // ---- values ----
  getValues(): any[][] {
    const tz = this._tz;
    const mk = (ms: number) => this._sheet._rt.date(ms);
    return this._map((c) => (c ? readValue(c.v, c.fmt, tz, mk) : ''));
  }
  getValue(): any {
    const c = this._sheet._cell(this._row, this._col);
    return c ? readValue(c.v, c.fmt, this._tz, (ms) => this._sheet._rt.date(ms)) : '';
  }
  setValues(values: any[][]): GRange {
    const data = this._checkShape(values, 'setValues');
    // Validate every value first so a bad one leaves the range untouched.
    for (const row of data) for (const v of row) if (v === undefined || (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) !== '[object Date]')) {
      throw this._sheet._rt.error(`The parameters (${describe(values)}) don't match the method signature for SpreadsheetApp.Range.setValues.`);
    }
    const pending: Pending[] = [];
    this._forEachCell((cell, i, j) => this._write(cell, this._row + i, this._col + j, data[i][j], 'setValues', pending));
    this._evaluate(pending);
    return this._self;
  }
  setValue(value: any): GRange {
    if (value === undefined) throw this._sheet._rt.error("The parameters () don't match the method signature for SpreadsheetApp.Range.setValue.");
    const pending: Pending[] = [];
    this._forEachCell((cell, i, j) => this._write(cell, this._row + i, this._col + j, value, 'setValue', pending));
    this._evaluate(pending);
    return this._self;
  }
  getDisplayValues(): string[][] {
    return this._map((c) => (c ? displayValue(c.v, c.fmt) : ''));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  isBlank(): boolean {
    return this._map((c) => hasContent(c)).every((row) => row.every((x) => !x));
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this._map((c) => c?.f ?? '');
  }
  getFormula(): string {
    return this._sheet._cell(this._row, this._col)?.f ?? '';
  }
  setFormula(formula: string): GRange {
    if (typeof formula !== 'string') throw this._sheet._rt.error(`The parameters (${describe(formula)}) don't match the method signature for SpreadsheetApp.Range.setFormula.`);
    return this.setValue(formula === '' || formula.startsWith('=') ? formula : '=' + formula);
  }
  setFormulas(formulas: string[][]): GRange {
    const data = this._checkShape(formulas, 'setFormulas');
    const pending: Pending[] = [];
    this._forEachCell((cell, i, j) => {
      const f = data[i][j];
      if (typeof f !== 'string') throw this._sheet._rt.error(`The parameters (${describe(formulas)}) don't match the method signature for SpreadsheetApp.Range.setFormulas.`);
      this._write(cell, this._row + i, this._col + j, f === '' || f.startsWith('=') ? f : '=' + f, 'setFormulas', pending);
    });
    this._evaluate(pending);
    return this._self;
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    return this._map((c) => c?.fmt ?? GENERAL_FORMAT);
  }
  getNumberFormat(): string {
    return this._sheet._cell(this._row, this._col)?.fmt ?? GENERAL_FORMAT;
  }
  setNumberFormat(numberFormat: string): GRange {
    if (typeof numberFormat !== 'string') throw this._sheet._rt.error(`The parameters (${describe(numberFormat)}) don't match the method signature for SpreadsheetApp.Range.setNumberFormat.`);
    this._forEachCell((cell) => (cell.fmt = numberFormat === GENERAL_FORMAT ? undefined : numberFormat));
    return this._self;
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    const data = this._checkShape(numberFormats, 'setNumberFormats');
    this._forEachCell((cell, i, j) => (cell.fmt = data[i][j] === GENERAL_FORMAT ? undefined : String(data[i][j])));
    return this._self;
  }

  // ---- data validation ----
  setDataValidation(rule: GDataValidation | null): GRange {
    const r = this._rule(rule, 'setDataValidation');
    this._forEachCell((cell) => (cell.dv = r ?? undefined));
    return this._self;
  }
  setDataValidations(rules: (GDataValidation | null)[][]): GRange {
    const data = this._checkShape(rules, 'setDataValidations');
    this._forEachCell((cell, i, j) => (cell.dv = this._rule(data[i][j], 'setDataValidations') ?? undefined));
    return this._self;
  }
  getDataValidation(): GDataValidation | null {
    return (this._sheet._cell(this._row, this._col)?.dv as GDataValidation | undefined) ?? null;
  }
  getDataValidations(): (GDataValidation | null)[][] {
    return this._map((c) => (c?.dv as GDataValidation | undefined) ?? null);
  }
  clearDataValidations(): GRange {
    this._forEachCell((cell) => (cell.dv = undefined));
    return this._self;
  }
  private _rule(rule: unknown, method: string): FakeDataValidation | null {
    if (rule === null) return null;
    if (!(rule instanceof FakeDataValidation)) throw this._sheet._rt.error(`The parameters (${describe(rule)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    return rule;
  }

  // ---- checkboxes ----
  insertCheckboxes(checkedValue?: any, uncheckedValue?: any): GRange {
    const builder = this._sheet._ss._newValidationBuilder();
    const rule = builder.requireCheckbox(checkedValue, uncheckedValue).build() as unknown as FakeDataValidation;
    const unchecked = checkedValue === undefined ? false : uncheckedValue === undefined ? '' : uncheckedValue;
    const pending: Pending[] = [];
    this._forEachCell((cell, i, j) => {
      cell.dv = rule;
      this._write(cell, this._row + i, this._col + j, unchecked, 'insertCheckboxes', pending);
    });
    return this._self;
  }
  removeCheckboxes(): GRange {
    this._forEachCell((cell) => {
      if (cell.dv instanceof FakeDataValidation && cell.dv.state.criteria === 'CHECKBOX') {
        cell.dv = undefined;
        this._sheet._setContent(cell, '', undefined, undefined);
      }
    });
    return this._self;
  }
  isChecked(): boolean | null {
    let checked = 0;
    let unchecked = 0;
    const total = this._numRows * this._numCols;
    this._map((c) => {
      const state = checkboxState(c);
      if (state === true) checked++;
      else if (state === false) unchecked++;
    });
    if (checked === total) return true;
    if (unchecked === total) return false;
    return null;
  }
  check(): GRange {
    return this._setChecked(true);
  }
  uncheck(): GRange {
    return this._setChecked(false);
  }
  private _setChecked(on: boolean): GRange {
    this._forEachCell((cell) => {
      const values = checkboxValues(cell);
      if (values) this._sheet._setContent(cell, (on ? values[0] : values[1]) as Cell['v'], undefined, undefined);
    });
    return this._self;
  }

  // ---- notes ----
  setNote(note: string | null): GRange {
    this._forEachCell((cell) => (cell.note = note ? String(note) : undefined));
    return this._self;
  }
  setNotes(notes: (string | null)[][]): GRange {
    const data = this._checkShape(notes, 'setNotes');
    this._forEachCell((cell, i, j) => (cell.note = data[i][j] ? String(data[i][j]) : undefined));
    return this._self;
  }
  getNote(): string {
    return this._sheet._cell(this._row, this._col)?.note ?? '';
  }
  getNotes(): string[][] {
    return this._map((c) => c?.note ?? '');
  }
  clearNote(): GRange {
    return this.setNote(null);
  }

  // ---- clearing ----
  clearContent(): GRange {
    this._forEachCell((cell) => this._sheet._setContent(cell, '', undefined, undefined));
    return this._self;
  }
  clearFormat(): GRange {
    this._forEachCell((cell) => {
      cell.fmt = undefined;
      cell.st = undefined;
    });
    return this._self;
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): GRange {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this._self;
  }

  // ---- geometry ----
  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getA1Notation(): string {
    return a1Notation(this._row, this._col, this._numRows, this._numCols);
  }
  getSheet(): GSheet {
    return this._sheet as unknown as GSheet;
  }
  getGridId(): number {
    return this._sheet._id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return new FakeRange(
      this._sheet,
      this._row + Math.trunc(rowOffset),
      this._col + Math.trunc(columnOffset),
      numRows === undefined ? this._numRows : Math.trunc(numRows),
      numColumns === undefined ? this._numCols : Math.trunc(numColumns),
    ) as unknown as GRange;
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) {
      throw this._sheet._rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this._sheet, this._row + row - 1, this._col + column - 1, 1, 1) as unknown as GRange;
  }
  activate(): GRange {
    this._sheet._ss._activeSheet = this._sheet;
    return this._self;
  }

  // ---- styles ----
  private _style<K extends keyof CellStyle>(key: K, value: CellStyle[K] | null | undefined): GRange {
    this._forEachCell((cell) => {
      const st = { ...(cell.st ?? {}) };
      if (value === null || value === undefined) delete st[key];
      else st[key] = value;
      cell.st = st;
    });
    return this._self;
  }
  private _styles<K extends keyof CellStyle>(key: K, data: unknown, method: string): GRange {
    const rows = this._checkShape(data, method);
    this._forEachCell((cell, i, j) => {
      const st = { ...(cell.st ?? {}) };
      const v = rows[i][j] as CellStyle[K] | null;
      if (v === null || v === undefined) delete st[key];
      else st[key] = v;
      cell.st = st;
    });
    return this._self;
  }
  private _read<K extends keyof CellStyle>(key: K, fallback: NonNullable<CellStyle[K]>): NonNullable<CellStyle[K]> {
    return (this._sheet._cell(this._row, this._col)?.st?.[key] ?? fallback) as NonNullable<CellStyle[K]>;
  }
  setFontWeight(fontWeight: string | null): GRange {
    if (fontWeight !== null && fontWeight !== 'bold' && fontWeight !== 'normal') throw this._sheet._rt.error(`Invalid argument: fontWeight (${String(fontWeight)})`);
    return this._style('fontWeight', fontWeight === 'normal' ? null : fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]): GRange {
    return this._styles('fontWeight', fontWeights, 'setFontWeights');
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this._read('fontWeight', 'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._map((c) => (c?.st?.fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight);
  }
  setFontStyle(fontStyle: string | null): GRange {
    return this._style('fontStyle', fontStyle);
  }
  setFontSize(size: number): GRange {
    return this._style('fontSize', size);
  }
  setBackground(color: string | null): GRange {
    return this._style('background', color === null ? null : String(color).toLowerCase());
  }
  setBackgrounds(color: string[][]): GRange {
    return this._styles('background', color, 'setBackgrounds');
  }
  getBackground(): string {
    return this._read('background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._map((c) => c?.st?.background ?? '#ffffff');
  }
  setFontColor(color: string | null): GRange {
    return this._style('fontColor', color === null ? null : String(color).toLowerCase());
  }
  getFontColor(): string {
    return this._read('fontColor', '#000000');
  }
  setHorizontalAlignment(alignment: string | null): GRange {
    if (alignment !== null && !['left', 'center', 'right', 'normal', 'general', 'general-left', 'general-right'].includes(alignment)) {
      throw this._sheet._rt.error(`Invalid argument: alignment (${String(alignment)})`);
    }
    return this._style('horizontalAlignment', alignment === 'normal' || alignment === 'general' ? null : alignment);
  }
  getHorizontalAlignment(): string {
    return this._read('horizontalAlignment', 'general');
  }
  setVerticalAlignment(alignment: string | null): GRange {
    return this._style('verticalAlignment', alignment);
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this._style('wrap', !!isWrapEnabled);
  }
  getWrap(): boolean {
    return this._read('wrap', true);
  }
}

function checkboxValues(cell: Cell | undefined): [unknown, unknown] | undefined {
  const dv = cell?.dv;
  if (!(dv instanceof FakeDataValidation) || dv.state.criteria !== 'CHECKBOX') return undefined;
  const v = dv.state.values;
  if (v.length === 0) return [true, false];
  return [v[0], v.length > 1 ? v[1] : ''];
}

function checkboxState(cell: Cell | undefined): boolean | undefined {
  const values = checkboxValues(cell);
  if (!values || !cell) return undefined;
  if (cell.v === values[0]) return true;
  if (cell.v === values[1] || cell.v === '') return false;
  return undefined;
}

/** Apps Script's type names in "The parameters (...) don't match" messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((row) => Array.isArray(row))) return 'Object[][]';
    return 'Object[]';
  }
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}
