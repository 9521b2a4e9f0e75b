// A strict fake of the active Spreadsheet: sheets, time zone, A1 lookups, toasts and a pluggable formula evaluator.
// Formula results (including array results that spill into neighbouring cells) are computed when written or on recalculate().

import { splitSheet } from './a1';
import { FakeDataValidationBuilder } from './data-validation';
import { Runtime, instrument } from './runtime';
import { FakeSheet, MAX_CELLS } from './sheet';
import { isValidTimeZone } from './timezone';
import { Cell, fromFormulaResult } from './values';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

/** Computes a formula's value: a scalar, a Date, or a 2-D array that spills right and down. Throwing gives '#ERROR!'. */
export type FormulaEvaluator = (formula: string, sheet: FakeSheet, row: number, column: number) => unknown;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export type SpreadsheetMethods =
  | 'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone' | 'getSheets' | 'getSheetByName'
  | 'insertSheet' | 'deleteSheet' | 'getActiveSheet' | 'setActiveSheet' | 'getRange' | 'toast' | 'getSheetById'
  | 'getNumSheets' | 'getSpreadsheetLocale' | 'rename';

const UNTRACKED = new Set(['setFormulaEvaluator', 'recalculate']);

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  _sheets: FakeSheet[] = [];
  _activeSheet: FakeSheet | undefined;
  _evaluator: FormulaEvaluator | undefined;
  _nextSheetId = 0;
  /** Every toast() shown, oldest first. */
  readonly toasts: Toast[] = [];
  /** The instrumented proxy of this spreadsheet (methods run on the raw object). */
  readonly _me: FakeSpreadsheet;

  constructor(
    readonly _rt: Runtime,
    readonly _id: string,
    public _name: string,
    public _tz: string,
  ) {
    this._me = instrument(this, _rt, 'SpreadsheetApp', 'Spreadsheet', UNTRACKED);
    this._addSheet('Sheet1', 0);
    return this._me;
  }

  /** Test/playground hook: how formulas ('=...') get their values. Without one a formula's value is ''. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | undefined): void {
    this._evaluator = evaluator;
  }

  /** Re-evaluates every formula cell of every sheet (sheet order, then row-major). */
  recalculate(): void {
    this._rt.untracked(() => {
      for (const sheet of this._sheets) {
        sheet._rows.forEach((line, r) =>
          line?.forEach((cell, c) => {
            if (cell?.f) this._evaluate(sheet, r + 1, c + 1, cell);
          }),
        );
      }
    });
  }

  // ---- internals shared with Sheet/Range ----
  _addSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(this._rt, this._me, name, this._nextSheetId, 1000, 26);
    this._nextSheetId = this._nextSheetId === 0 ? 1_000_001 : this._nextSheetId + 1_000_003;
    this._checkCells(undefined, 1000, 26);
    this._sheets.splice(index, 0, sheet);
    this._activeSheet = sheet;
    return sheet;
  }

  _checkCells(changing: FakeSheet | undefined, rows: number, cols: number): void {
    let total = rows * cols;
    for (const s of this._sheets) if (!changing || s._id !== changing._id) total += s._maxRows * s._maxCols;
    if (total > MAX_CELLS) {
      throw this._rt.error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  _newValidationBuilder(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._rt);
  }

  _clearSpill(anchor: Cell): void {
    if (!anchor.spill) return;
    for (const c of anchor.spill) {
      if (c.spillOf === anchor) {
        c.spillOf = undefined;
        c.v = '';
      }
    }
    anchor.spill = undefined;
  }

  _breakSpill(anchor: Cell): void {
    this._clearSpill(anchor);
    anchor.v = '#REF!';
  }

  _evaluate(sheet: FakeSheet, row: number, col: number, cell: Cell): void {
    this._clearSpill(cell);
    if (!this._evaluator || !cell.f) {
      cell.v = '';
      return;
    }
    let result: unknown;
    try {
      result = this._evaluator(cell.f, sheet, row, col);
    } catch {
      cell.v = '#ERROR!';
      return;
    }
    if (!Array.isArray(result)) {
      cell.v = fromFormulaResult(result, this._tz);
      return;
    }
    const grid: unknown[][] = result.map((line: unknown) => (Array.isArray(line) ? line : [line]));
    if (grid.length === 0 || grid[0].length === 0) {
      cell.v = '#N/A';
      return;
    }
    const spill: Cell[] = [];
    for (let i = 0; i < grid.length; i++) {
      for (let j = 0; j < grid[i].length; j++) {
        if (i === 0 && j === 0) continue;
        const r = row + i;
        const c = col + j;
        const target = r <= sheet._maxRows && c <= sheet._maxCols ? sheet._cell(r, c, true) : undefined;
        if (!target || ((target.v !== '' || target.f) && target.spillOf !== cell) || (target.spillOf && target.spillOf !== cell)) {
          for (const s of spill) if (s.spillOf === cell) (s.spillOf = undefined), (s.v = '');
          cell.v = '#REF!';
          return;
        }
        target.spillOf = cell;
        target.v = fromFormulaResult(grid[i][j], this._tz);
        spill.push(target);
      }
    }
    cell.v = fromFormulaResult(grid[0][0], this._tz);
    cell.spill = spill;
  }

  // ---- public API ----
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(newName: string): void {
    this._name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._tz;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw this._rt.error(`Invalid argument: timezone (${timezone})`);
    this._tz = timezone;
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }
  getSheets(): GSheet[] {
    return [...this._sheets] as unknown as GSheet[];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const n = String(name).toLowerCase();
    return (this._sheets.find((s) => s._name.toLowerCase() === n) ?? null) as unknown as GSheet | null;
  }
  getSheetById(id: number): GSheet | null {
    return (this._sheets.find((s) => s._id === id) ?? null) as unknown as GSheet | null;
  }
  insertSheet(nameOrIndex?: string | number | object, index?: number | object, _options?: object): GSheet {
    let name: string | undefined;
    let at = this._sheets.length;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (typeof nameOrIndex === 'string') {
      name = String(nameOrIndex);
      if (typeof index === 'number') at = index;
    }
    if (!Number.isInteger(at) || at < 0 || at > this._sheets.length) throw this._rt.error(`Invalid argument: sheetIndex (${at})`);
    if (name === undefined) {
      let k = this._sheets.length + 1;
      while (this._sheets.some((s) => s._name.toLowerCase() === `sheet${k}`)) k++;
      name = `Sheet${k}`;
    }
    if (name.trim() === '') throw this._rt.error('Sheet names cannot be empty.');
    if (this._sheets.some((s) => s._name.toLowerCase() === (name as string).toLowerCase())) {
      throw this._rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    return this._addSheet(name, at) as unknown as GSheet;
  }
  deleteSheet(sheet: GSheet): void {
    const target = sheet as unknown as FakeSheet;
    const i = this._sheets.findIndex((s) => s._id === target?._id);
    if (i < 0) throw this._rt.error('The sheet does not exist in this spreadsheet.');
    if (this._sheets.length === 1) throw this._rt.error("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    if (this._activeSheet?._id === target._id) this._activeSheet = this._sheets[Math.max(0, i - 1)];
  }
  getActiveSheet(): GSheet {
    return (this._activeSheet ?? this._sheets[0]) as unknown as GSheet;
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const target = this._sheets.find((s) => s._id === (sheet as unknown as FakeSheet)?._id);
    if (!target) throw this._rt.error('The sheet does not exist in this spreadsheet.');
    this._activeSheet = target;
    return target as unknown as GSheet;
  }
  getRange(a1Notation: string): GRange {
    if (typeof a1Notation !== 'string') throw this._rt.error(`The parameters (${typeof a1Notation}) don't match the method signature for SpreadsheetApp.Spreadsheet.getRange.`);
    const { sheetName, ref } = splitSheet(a1Notation.trim());
    const sheet = sheetName === undefined ? this.getActiveSheet() : this.getSheetByName(sheetName);
    if (!sheet) throw this._rt.error('Range not found');
    return (sheet as unknown as FakeSheet).getRange(ref);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? 5 });
  }
}
