// Hooks for hosts that run the bundle outside a test (the local playground): run code as script code even from inside
// a fake call, re-evaluate one formula cell, list formula cells, and make Utilities.sleep wait for real.

import type { GasEnvironment } from './index';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Cell } from './values';

function spreadsheetOf(env: GasEnvironment): FakeSpreadsheet {
  return env.spreadsheet as FakeSpreadsheet;
}

/**
 * Runs fn as script code (counted, auth-checked) even when called from inside a fake method, e.g. a custom function
 * the formula evaluator calls while Range.setValue is evaluating a formula.
 */
export function runAsScript<T>(env: GasEnvironment, fn: () => T): T {
  const rt = spreadsheetOf(env)._rt;
  const saved = rt.depth;
  rt.depth = 0;
  try {
    return fn();
  } finally {
    rt.depth = saved;
  }
}

/** Re-evaluates the formula in one cell (and its spill) with the current evaluator. Returns false if it holds none. */
export function evaluateCell(env: GasEnvironment, sheet: FakeSheet, row: number, col: number): boolean {
  const cell = sheet._cell(row, col);
  if (!cell?.f) return false;
  const ss = spreadsheetOf(env);
  ss._rt.untracked(() => ss._evaluate(sheet, row, col, cell));
  return true;
}

export interface FormulaCell {
  sheet: FakeSheet;
  row: number;
  col: number;
  formula: string;
}

/** Every formula cell of the spreadsheet, sheet order then row-major. */
export function formulaCells(env: GasEnvironment): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of spreadsheetOf(env)._sheets) {
    sheet._rows.forEach((line, r) => line?.forEach((cell: Cell | undefined, c) => cell?.f && out.push({ sheet, row: r + 1, col: c + 1, formula: cell.f })));
  }
  return out;
}

/** Makes Utilities.sleep block the thread for real (wall clock) instead of advancing the virtual clock. */
export function useRealSleep(env: GasEnvironment): void {
  const rt = spreadsheetOf(env)._rt;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  (env.globals.Utilities as { sleep: (ms: number) => void }).sleep = function sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !(milliseconds >= 0) || milliseconds > 300000) {
      throw rt.error(`Invalid argument: milliseconds (${String(milliseconds)}). The maximum is 300000.`);
    }
    Atomics.wait(cell, 0, 0, Math.trunc(milliseconds));
  };
}
