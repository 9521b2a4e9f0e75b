// "Refresh ChartMogul formulas": a new cache generation (part of every cache key) and the list of formula cells
// to rewrite so Sheets recalculates them. The Apps Script side (src/gas/formulaRefresh.ts) does the rewriting.

import type { KeyValueStore } from '../ports';
import { PROP_FORMULA_GENERATION } from './session';

/** Matches any formula calling one of our functions, also nested (=IFERROR(CHARTMOGUL_METRIC(…), 0)). */
export const FORMULA_PATTERN = /(^|[^A-Za-z0-9_.])CHARTMOGUL_[A-Z_]+\s*\(/i;

/** Stores and returns a generation different from the current one (time-based, so concurrent refreshes differ). */
export function bumpGeneration(props: KeyValueStore, now: number): string {
  const previous = props.get(PROP_FORMULA_GENERATION);
  let next = now.toString(36);
  if (next === previous) next += 'x';
  props.set(PROP_FORMULA_GENERATION, next);
  return next;
}

export interface FormulaCell {
  row: number; // 1-based, relative to the range read
  column: number;
  formula: string;
}

export function formulaCells(formulas: string[][]): FormulaCell[] {
  const out: FormulaCell[] = [];
  formulas.forEach((line, r) => line.forEach((f, c) => {
    if (f && FORMULA_PATTERN.test(f)) out.push({ row: r + 1, column: c + 1, formula: f });
  }));
  return out;
}
