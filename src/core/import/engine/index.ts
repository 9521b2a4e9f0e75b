// The import engine's public surface: check, estimate, import (chunked, resumable), progress, cancel, undo and
// the scheduler's continuation — all pure, over the WorkbookPort and the ChartMogul client.

export * from './types';
export type { EngineDeps, WorkbookPort, TabData, ReceiptCells, ReceiptIndex } from './ports';
export { checkTabs, estimateImport } from './check';
export { importTabs, chooseMode, normalizeOptions, BULK_MIN_ROWS } from './run';
export { getImportProgress, cancelImport, continueImport } from './control';
export { undoImport } from './undo';
export { formatNote, parseNote } from './receipts';
export type { NoteData } from './receipts';
export { loadRun, PROP_RUN, PROP_CANCEL } from './runState';
export type { RunState } from './runState';
export { LOG_TAB, LOG_HEADER } from './log';
export { splitInvoiceError } from './invoiceSender';
