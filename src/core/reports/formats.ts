// Number formats of report columns (currency from the account, percent for rates, dates) and the formula-injection
// guard: text columns are plain text (`@`), and a string that still lands in another column is prefixed with `'`.

import { currencyExponent } from '../iso/currencies';
import type { OutCell } from '../export/types';
import type { Column, ColumnType, ReportTable } from './types';

const SYMBOLS: Record<string, string> = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', KRW: '₩', BRL: 'R$', AUD: 'A$', CAD: 'CA$',
  CHF: 'CHF ', PLN: 'zł ', SEK: 'kr ', NOK: 'kr ', DKK: 'kr ', ILS: '₪', TRY: '₺', MXN: 'MX$', NZD: 'NZ$',
};

export const TEXT_FORMAT = '@';
export const DAY_FORMAT = 'yyyy-mm-dd';
export const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm';
export const RATE_FORMAT = '0.00%';
export const COUNT_FORMAT = '#,##0';
export const NUMBER_FORMAT = '#,##0.##';

/** e.g. USD → "$"#,##0.00, JPY → "¥"#,##0, XYZ → #,##0.00 "XYZ". */
export function currencyFormat(currency: string): string {
  const code = (currency || '').toUpperCase();
  const digits = currencyExponent(code) ?? 2;
  const number = digits > 0 ? '#,##0.' + '0'.repeat(digits) : '#,##0';
  const symbol = SYMBOLS[code];
  if (symbol) return `"${symbol}"${number}`;
  return code ? `${number} "${code}"` : number;
}

export function columnFormat(type: ColumnType, currency: string): string {
  switch (type) {
    case 'text':
    case 'mixed':
      return TEXT_FORMAT;
    case 'money':
      return currencyFormat(currency);
    case 'rate':
      return RATE_FORMAT;
    case 'count':
      return COUNT_FORMAT;
    case 'number':
      return NUMBER_FORMAT;
    case 'day':
      return DAY_FORMAT;
    case 'instant':
      return INSTANT_FORMAT;
  }
}

/** True for column types written under the plain-text format (API strings keep their exact text there). */
export function isTextColumn(c: Column): boolean {
  return c.type === 'text' || c.type === 'mixed';
}

/** Text Sheets would read as something else when typed: formulas, numbers, dates, booleans, signs. */
const RISKY = /^\s*[=+\-@']|^\s*(true|false)\s*$|^\s*[\d.,$%/:\s]+$/i;

/** A string for a cell whose format is not plain text: prefixed with `'` so Sheets keeps it as text. */
export function guardText(s: string): string {
  return RISKY.test(s) ? "'" + s : s;
}

/** Applies guardText to every string outside the plain-text columns (defence in depth; tables rarely have any). */
export function guardTable(table: ReportTable): ReportTable {
  const rows = table.rows.map((row) =>
    row.map((cell: OutCell, i) => (typeof cell === 'string' && table.columns[i] && !isTextColumn(table.columns[i]) ? guardText(cell) : cell)),
  );
  return { columns: table.columns, rows };
}
