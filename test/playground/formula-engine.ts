// The playground's formula evaluator: fast-formula-parser (MIT) reading the fake cells, plus every CHARTMOGUL_* function
// of the bundle run as a custom function (CUSTOM_FUNCTION auth mode, 30 s limit). Plugged into setFormulaEvaluator.

import FormulaParser, { FormulaError, MAX_COLUMN, MAX_ROW, type CellRef, type FunctionArg, type RangeRef } from 'fast-formula-parser';
import type { FakeSheet, FormulaEvaluator, GasEnvironment } from '../fakes';
import { runAsScript } from '../fakes/script-scope';
import { DateCell, serialOf, type Stored } from '../fakes/values';
import type { BundleContext } from '../support/load-bundle';

export const CUSTOM_FUNCTION_LIMIT_MS = 30000;

const ERRORS: Record<string, FormulaError> = {
  '#DIV/0!': FormulaError.DIV0, '#N/A': FormulaError.NA, '#NAME?': FormulaError.NAME, '#NULL!': FormulaError.NULL,
  '#NUM!': FormulaError.NUM, '#REF!': FormulaError.REF, '#VALUE!': FormulaError.VALUE, '#ERROR!': FormulaError.VALUE,
};

export interface FormulaEngine {
  evaluator: FormulaEvaluator;
  /** Names of the bundle's custom functions (top-level functions starting with CHARTMOGUL_). */
  customFunctions: string[];
  /** The last error message of a formula cell that shows #ERROR! ("sheetId:row:col" → message), for tooltips. */
  errors: Map<string, string>;
}

function isRange(ref: CellRef | RangeRef): ref is RangeRef {
  return 'from' in ref;
}

/** What the formula engine sees in a cell: numbers for dates (serials), null for blanks, errors as FormulaError. */
function engineValue(v: Stored | undefined): unknown {
  if (v === undefined || v === '') return null;
  if (v instanceof DateCell) return serialOf(v.wall);
  if (typeof v === 'string' && ERRORS[v]) return ERRORS[v];
  return v;
}

export function createFormulaEngine(env: GasEnvironment, context: BundleContext): FormulaEngine {
  const errors = new Map<string, string>();
  const sheetNamed = (name: string | undefined, fallback: FakeSheet): FakeSheet => {
    if (!name) return fallback;
    const s = env.untracked(() => env.spreadsheet.getSheetByName(name)) as unknown as FakeSheet | null;
    if (!s) throw FormulaError.REF;
    return s;
  };
  let current: FakeSheet | null = null;
  const here = (): FakeSheet => current as FakeSheet;

  const onCell = (ref: CellRef): unknown => engineValue(sheetNamed(ref.sheet, here())._cell(ref.row, ref.col)?.v);
  /** Rows and columns a range really covers: open ends (A:A, 1:1) stop at the last row/column with content. */
  const bounds = (sheet: FakeSheet, ref: RangeRef): { endRow: number; endCol: number } => ({
    endRow: ref.to.row >= MAX_ROW ? Math.max(ref.from.row, env.untracked(() => sheet.getLastRow())) : Math.min(ref.to.row, sheet._maxRows),
    endCol: ref.to.col >= MAX_COLUMN ? Math.max(ref.from.col, env.untracked(() => sheet.getLastColumn())) : Math.min(ref.to.col, sheet._maxCols),
  });
  const onRange = (ref: RangeRef): unknown[][] => {
    const sheet = sheetNamed(ref.sheet, here());
    const { endRow, endCol } = bounds(sheet, ref);
    const out: unknown[][] = [];
    for (let r = ref.from.row; r <= endRow; r++) {
      const line: unknown[] = [];
      for (let c = ref.from.col; c <= endCol; c++) line.push(engineValue(sheet._cell(r, c)?.v));
      out.push(line);
    }
    return out;
  };

  /** A custom-function argument as Apps Script passes it: Dates for date cells, 2-D arrays for ranges. */
  const scriptArg = (arg: FunctionArg): unknown => {
    if (arg.omitted) return undefined;
    if (arg.value instanceof FormulaError) throw arg.value;
    if (arg.ref) {
      const ref = arg.ref;
      const sheet = sheetNamed(ref.sheet, here());
      return env.untracked(() => {
        if (!isRange(ref)) return sheet.getRange(ref.row, ref.col).getValue();
        const { endRow, endCol } = bounds(sheet, ref);
        return sheet.getRange(ref.from.row, ref.from.col, endRow - ref.from.row + 1, endCol - ref.from.col + 1).getValues();
      });
    }
    if (Array.isArray(arg.value)) return (arg.value as unknown[]).map((row) => (Array.isArray(row) ? row : [row]).map((v) => (v === null ? '' : v)));
    return arg.value === null ? '' : arg.value;
  };

  const customFunctions = Object.keys(context).filter((k) => k.startsWith('CHARTMOGUL_') && typeof context[k] === 'function');
  const functions: Record<string, (...args: FunctionArg[]) => unknown> = {};
  for (const name of customFunctions) {
    functions[name] = (...args: FunctionArg[]) => {
      const values = args.map(scriptArg);
      while (values.length && values[values.length - 1] === undefined) values.pop();
      const fn = context[name] as (...a: unknown[]) => unknown;
      const before = env.authMode;
      const started = Date.now();
      env.setAuthMode('CUSTOM_FUNCTION');
      let result: unknown;
      try {
        result = runAsScript(env, () => fn(...values));
      } finally {
        env.setAuthMode(before);
      }
      if (Date.now() - started > CUSTOM_FUNCTION_LIMIT_MS) throw new Error('Exceeded maximum execution time');
      if (result === null || result === undefined) return '';
      if (Object.prototype.toString.call(result) === '[object Date]') return [[result]]; // the parser has no Date type
      return result;
    };
  }
  const parser = new FormulaParser({ functions, onCell, onRange });
  parser.funsPreserveRef.push(...customFunctions);

  const evaluator: FormulaEvaluator = (formula, sheet, row, column) => {
    const key = `${sheet._id}:${row}:${column}`;
    errors.delete(key);
    const previous = current;
    current = sheet;
    try {
      const text = formula.replace(/^=/, '');
      const plainRef = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*$/.exec(text);
      if (plainRef) return env.untracked(() => sheet.getRange(text.replace(/\$/g, '').trim()).getValue());
      const result = parser.parse(text, { sheet: sheet._name, row, col: column }, true);
      if (result instanceof FormulaError) return result.error;
      return result;
    } catch (e) {
      const err = e as FormulaError & { details?: unknown };
      const inner = err.details instanceof FormulaError ? err.details : err.details instanceof Error ? err.details : null;
      if (inner instanceof FormulaError && inner.error === '#NAME?') {
        errors.set(key, inner.message);
        return '#NAME?';
      }
      errors.set(key, inner ? inner.message : err.message);
      throw e;
    } finally {
      current = previous;
    }
  };
  return { evaluator, customFunctions, errors };
}
