// Public entry of the pure import core: parse every tab of the workbook, then run the cross-tab checks.
// Re-exports the pieces (templates, header matching, value parsers, fingerprints, messages) for the adapters.

import { parseTab } from './rows';
import { TAB_NAMES } from './templates';
import { Known, ParseContext, ParsedTab, TabName, Table } from './types';
import { emptyKnown, validateWorkbook } from './validate';

export * from './types';
export { TEMPLATES, TAB_NAMES, RECEIPT_COLUMNS, RECEIPT_STATUSES, RECEIPT_NOTES, SUBSCRIPTION_EVENT_TYPES, templateHeaders, findColumn, tabNameOf } from './templates';
export { matchHeaders, missingReceiptColumns, normalizeHeader, columnLetter } from './headers';
export { parseTab, rowFingerprint } from './rows';
export { validateWorkbook, validateTab, emptyKnown, invoiceFingerprint } from './validate';
export { fingerprint, canonicalJson, fnv1a64 } from './fingerprint';
export { formatError, formatRowError, rowMessage, headerMessages, summarizeTab, rowList } from './messages';
export * as values from './values';

/** Parse the tabs that are present (in dependency order) and validate them together. */
export function parseWorkbook(
  tables: Partial<Record<TabName, Table>>,
  ctx: ParseContext,
  known: Known = emptyKnown(),
): Partial<Record<TabName, ParsedTab>> {
  const parsed: Partial<Record<TabName, ParsedTab>> = {};
  for (const tab of TAB_NAMES) {
    const table = tables[tab];
    if (table) parsed[tab] = parseTab(tab, table, ctx) as ParsedTab;
  }
  validateWorkbook(parsed, known);
  return parsed;
}
