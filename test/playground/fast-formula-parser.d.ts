// Type declarations for the parts of fast-formula-parser (MIT, untyped) the playground's formula engine uses.
// Only what formula-engine.ts and recalc.ts call; see node_modules/fast-formula-parser/grammar/hooks.js.

declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    omitted?: boolean;
    ref?: CellRef | RangeRef;
  }
  export interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly details: unknown;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }
  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => unknown });
    parse(formula: string, position: Position): Array<CellRef | RangeRef>;
  }
  export const MAX_ROW: number;
  export const MAX_COLUMN: number;
  export default class FormulaParser {
    constructor(config: {
      functions?: Record<string, (...args: FunctionArg[]) => unknown>;
      onCell?: (ref: CellRef) => unknown;
      onRange?: (ref: RangeRef) => unknown[][];
      onVariable?: (name: string, sheet: string) => unknown;
    });
    funsPreserveRef: string[];
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
  }
}
