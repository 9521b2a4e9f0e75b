// Human-readable messages for the receipt column and the pre-import check summary:
// `currency: "EURO" is not …` per error, `row 7, currency: …` in summaries, header problems as sentences.

import { HeaderMatch, ParsedRow, ParsedTab, RowError, TabName } from './types';

/** `column: message` (just the message for row-level errors). */
export function formatError(e: RowError): string {
  return e.column ? `${e.column}: ${e.message}` : e.message;
}

/** Everything wrong with a row, for its `chartmogul_message` cell ('' when nothing is). */
export function rowMessage(row: Pick<ParsedRow, 'errors'>): string {
  return row.errors.map(formatError).join('; ');
}

/** `row 7, currency: "EURO" is not an ISO 4217 currency code`. */
export function formatRowError(rowNumber: number, e: RowError): string {
  return `row ${rowNumber}, ${formatError(e)}`;
}

/** Header problems of a tab: missing required columns first, then duplicates/bad custom keys, then unknown columns. */
export function headerMessages(match: HeaderMatch): string[] {
  const out: string[] = [];
  for (const m of match.missing) out.push(`missing required column ${m}`);
  out.push(...match.problems);
  if (match.unknown.length) {
    out.push(`unknown column${match.unknown.length > 1 ? 's' : ''} ignored: ${match.unknown.join(', ')}`);
  }
  return out;
}

export interface TabSummary {
  tab: TabName;
  /** Non-blank rows. */
  rows: number;
  /** Rows with at least one error. */
  rowsWithErrors: number;
  /** Header lines, then `row N, column: message` lines (at most `limit` of the latter). */
  lines: string[];
  /** Row error lines left out because of `limit`. */
  more: number;
}

/** What the check step shows for one tab. */
export function summarizeTab(parsed: ParsedTab, limit = 50): TabSummary {
  const lines = headerMessages(parsed.headers);
  let rows = 0;
  let rowsWithErrors = 0;
  let more = 0;
  let shown = 0;
  for (const row of parsed.rows) {
    if (row.blank) continue;
    rows++;
    if (row.errors.length) rowsWithErrors++;
    for (const e of row.errors) {
      if (shown < limit) {
        lines.push(formatRowError(row.rowNumber, e));
        shown++;
      } else {
        more++;
      }
    }
  }
  if (more) lines.push(`… and ${more} more`);
  return { tab: parsed.tab, rows, rowsWithErrors, lines, more };
}

/** `row 7` / `rows 7, 9 and 12`. */
export function rowList(rowNumbers: number[]): string {
  const r = rowNumbers.slice().sort((a, b) => a - b);
  if (r.length === 1) return `row ${r[0]}`;
  return `rows ${r.slice(0, -1).join(', ')} and ${r[r.length - 1]}`;
}
