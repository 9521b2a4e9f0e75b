// A1 notation: column letters <-> numbers, parsing 'Sheet 1'!A1:B2 / A:A / 2:5 / A2:C, and printing ranges.
// Parsing returns open ends as undefined so the caller can clamp them to the sheet's size.

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface ParsedA1 {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Splits an optional sheet prefix ('My Sheet'!A1 or Sheet1!A1) from the range part. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(a1);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), ref: quoted[2] };
  const bang = a1.lastIndexOf('!');
  if (bang > 0) return { sheetName: a1.slice(0, bang), ref: a1.slice(bang + 1) };
  return { ref: a1 };
}

/** Parses A1 notation; returns undefined when it is not a range reference. */
export function parseA1(a1: string): ParsedA1 | undefined {
  if (typeof a1 !== 'string') return undefined;
  const { sheetName, ref } = splitSheet(a1.trim());
  const [from, to, extra] = ref.split(':');
  if (extra !== undefined || !from) return undefined;
  const a = CELL.exec(from);
  const b = to === undefined ? a : CELL.exec(to);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return undefined;
  const out: ParsedA1 = { sheetName };
  out.startCol = a[1] ? columnNumber(a[1]) : undefined;
  out.startRow = a[2] ? Number(a[2]) : undefined;
  out.endCol = b[1] ? columnNumber(b[1]) : undefined;
  out.endRow = b[2] ? Number(b[2]) : undefined;
  if (to === undefined && (!a[1] || !a[2])) return undefined; // a lone 'A' or '3' is not a range
  if (out.startRow === 0 || out.endRow === 0) return undefined;
  // 'A:A' has no rows, '2:5' no columns; 'A2:C' is open at the bottom.
  if (out.startCol === undefined && out.endCol !== undefined) return undefined;
  if (out.startRow === undefined && out.endRow !== undefined && !out.startCol) return undefined;
  return out;
}

export function a1Notation(row: number, col: number, numRows: number, numCols: number): string {
  const start = columnLetters(col) + row;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}
