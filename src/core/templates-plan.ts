// What "Insert templates" writes into a new tab, planned purely from TEMPLATES: header row, notes, styles,
// and the validation / number-format runs (adjacent columns sharing a rule are one range = one Apps Script call).

import { RECEIPT_COLUMNS, RECEIPT_NOTES, TAB_NAMES, TEMPLATES, tabNameOf } from './import/templates';
import type { ColumnTemplate, TabName } from './import/types';

export type ValidationRule =
  | { kind: 'list'; values: string[]; helpText: string }
  | { kind: 'checkbox'; helpText: string };

/** A block of adjacent columns (1-based `start`) that get the same setting, applied to the data rows. */
export interface ColumnRun<T> {
  start: number;
  count: number;
  value: T;
}

export interface TemplatePlan {
  tab: TabName;
  /** Exactly the column names: template columns, then the receipt columns. */
  headers: string[];
  notes: string[];
  /** Per header cell: 'bold' for required columns, null otherwise. */
  fontWeights: ('bold' | null)[];
  /** Per header cell: light blue for template columns, grey for the add-on-owned receipt columns. */
  backgrounds: string[];
  /** 1-based first receipt column. */
  receiptStart: number;
  frozenRows: 1;
  validations: ColumnRun<ValidationRule>[];
  formats: ColumnRun<string>[];
}

export const HEADER_BACKGROUND = '#e8f0fe';
export const RECEIPT_BACKGROUND = '#e0e0e0';
export const RECEIPT_FONT_COLOR = '#5f6368';
/** Receipt column formats: texts stay texts; the sync time is a date-time (the engine writes a Date there). */
export const RECEIPT_FORMATS: Readonly<Record<string, string>> = {
  chartmogul_status: '@',
  chartmogul_uuid: '@',
  chartmogul_message: '@',
  chartmogul_synced_at: 'yyyy-mm-dd hh:mm:ss',
};
export const REQUIRED_MARK = '* ';

function columnNote(c: ColumnTemplate): string {
  return (c.required ? REQUIRED_MARK : '') + c.note;
}

function validationOf(c: ColumnTemplate): ValidationRule | undefined {
  if (c.kind === 'boolean') return { kind: 'checkbox', helpText: `${c.name}: tick for TRUE.` };
  if (c.values && c.values.length > 0) {
    return { kind: 'list', values: c.values.slice(), helpText: `${c.name}: one of ${c.values.join(', ')}.` };
  }
  return undefined;
}

/** Groups consecutive equal values (by `key`) into runs; undefined values are left out. */
export function runsOf<T>(values: (T | undefined)[], key: (v: T) => string): ColumnRun<T>[] {
  const runs: ColumnRun<T>[] = [];
  values.forEach((v, i) => {
    if (v === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === i + 1 && key(last.value) === key(v)) last.count++;
    else runs.push({ start: i + 1, count: 1, value: v });
  });
  return runs;
}

export function planTemplate(tab: TabName): TemplatePlan {
  const t = TEMPLATES[tab];
  const cols = t.columns;
  const notes = cols.map(columnNote);
  const hasRequired = cols.some((c) => c.required);
  notes[0] +=
    `\n\n${tab} tab: ${t.description}` +
    (hasRequired ? '\nBold headers with * in their note are required.' : '') +
    (t.oneOf.length ? `\nFill at least one of: ${t.oneOf.map((g) => g.join(' or ')).join('; ')}.` : '') +
    '\nGrey columns on the right are written by the add-on.';
  const validations = runsOf(cols.map(validationOf), (v) => JSON.stringify(v));
  const formats = runsOf<string>(
    [...cols.map((c) => c.format), ...RECEIPT_COLUMNS.map((r) => RECEIPT_FORMATS[r])],
    (f) => f,
  );
  return {
    tab,
    headers: cols.map((c) => c.name).concat(RECEIPT_COLUMNS),
    notes: notes.concat(RECEIPT_COLUMNS.map((r) => RECEIPT_NOTES[r])),
    fontWeights: cols.map((c): 'bold' | null => (c.required ? 'bold' : null)).concat(RECEIPT_COLUMNS.map(() => null)),
    backgrounds: cols.map(() => HEADER_BACKGROUND).concat(RECEIPT_COLUMNS.map(() => RECEIPT_BACKGROUND)),
    receiptStart: cols.length + 1,
    frozenRows: 1,
    validations,
    formats,
  };
}

/** The tabs asked for, in import order; omitted or empty = all seven. Unknown names throw with the valid list. */
export function resolveTabs(tabs?: readonly string[] | null): TabName[] {
  if (!tabs || tabs.length === 0) return TAB_NAMES.slice();
  const wanted = new Set<TabName>();
  for (const name of tabs) {
    const t = tabNameOf(String(name));
    if (!t) throw new Error(`Unknown tab "${String(name)}". Choose from: ${TAB_NAMES.join(', ')}.`);
    wanted.add(t);
  }
  return TAB_NAMES.filter((t) => wanted.has(t));
}
