// Recalculation after a user edit: re-evaluates the formula cells whose references (fast-formula-parser's DepParser)
// touch the changed cells, then their dependants, plus every blocked spill (#REF!) that may now have room.

import { DepParser, type CellRef, type RangeRef } from 'fast-formula-parser';
import type { FakeSheet, GasEnvironment } from '../fakes';
import { evaluateCell, formulaCells } from '../fakes/script-scope';

export interface Rect {
  sheetId: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_PASSES = 8;
const depParser = new DepParser({ onVariable: () => null });
const depCache = new Map<string, Array<CellRef | RangeRef>>();

function depsOf(formula: string, sheet: FakeSheet, row: number, col: number): Array<CellRef | RangeRef> {
  const key = `${sheet._name}|${row}|${col}|${formula}`;
  let deps = depCache.get(key);
  if (!deps) {
    try {
      deps = depParser.parse(formula.replace(/^=/, ''), { sheet: sheet._name, row, col });
    } catch {
      deps = [];
    }
    if (depCache.size > 5000) depCache.clear();
    depCache.set(key, deps);
  }
  return deps;
}

function touches(dep: CellRef | RangeRef, sheetName: string, rect: Rect, nameOf: (id: number) => string): boolean {
  if ((dep.sheet ?? sheetName).toLowerCase() !== nameOf(rect.sheetId).toLowerCase()) return false;
  const [r1, c1, r2, c2] = 'from' in dep ? [dep.from.row, dep.from.col, dep.to.row, dep.to.col] : [dep.row, dep.col, dep.row, dep.col];
  return r1 <= rect.row + rect.rows - 1 && r2 >= rect.row && c1 <= rect.col + rect.cols - 1 && c2 >= rect.col;
}

/** The rectangle a formula's result covers (its cell plus the cells its array spilled into). */
export function resultRect(sheet: FakeSheet, row: number, col: number): Rect {
  const anchor = sheet._cell(row, col);
  let rows = 1;
  let cols = 1;
  while (anchor && sheet._cell(row, col + cols)?.spillOf === anchor) cols++;
  while (anchor && sheet._cell(row + rows, col)?.spillOf === anchor) rows++;
  return { sheetId: sheet._id, row, col, rows, cols };
}

export function recalcAfterEdit(env: GasEnvironment, changed: Rect[]): void {
  const cells = formulaCells(env);
  const nameOf = (id: number): string => cells.find((c) => c.sheet._id === id)?.sheet._name ?? String(env.untracked(() => env.spreadsheet.getSheetById(id)?.getName() ?? ''));
  const done = new Set<string>();
  let frontier = changed;
  for (let pass = 0; pass < MAX_PASSES && frontier.length; pass++) {
    const next: Rect[] = [];
    for (const fc of cells) {
      const key = `${fc.sheet._id}:${fc.row}:${fc.col}`;
      if (done.has(key)) continue;
      const blocked = pass === 0 && fc.sheet._cell(fc.row, fc.col)?.v === '#REF!';
      const deps = depsOf(fc.formula, fc.sheet, fc.row, fc.col);
      if (!blocked && !deps.some((d) => frontier.some((rect) => touches(d, fc.sheet._name, rect, nameOf)))) continue;
      done.add(key);
      const before = resultRect(fc.sheet, fc.row, fc.col);
      evaluateCell(env, fc.sheet, fc.row, fc.col);
      const after = resultRect(fc.sheet, fc.row, fc.col);
      next.push({ ...after, rows: Math.max(before.rows, after.rows), cols: Math.max(before.cols, after.cols) });
    }
    frontier = next;
  }
}
