// The server functions the Import panel uses, as one typed object (shapes from src/core/import/engine/types.ts).
// Every call goes through the typed rpc (names and argument types checked against src/gas/index.ts).

import type { CheckResult, ImportEstimate, ImportOptions, ImportSummary, UndoResult } from '../../core/import/engine/types';
import type { SchedulerStatus } from '../../core/scheduler';
import type { ImportTabInfo, InsertTemplatesResult } from '../../gas/templates';
import { call } from '../rpc';

export type { SchedulerStatus };
export type { CheckResult, ImportEstimate, ImportOptions, ImportSummary, UndoResult, ImportTabInfo, InsertTemplatesResult };

export interface ImportServer {
  listImportTabs(): Promise<{ tabs: ImportTabInfo[] }>;
  insertTemplates(tabs?: string[]): Promise<InsertTemplatesResult>;
  checkTabs(tabs: string[]): Promise<CheckResult>;
  estimateImport(tabs: string[], options: ImportOptions): Promise<ImportEstimate>;
  importTabs(tabs: string[], options: ImportOptions): Promise<ImportSummary>;
  getImportProgress(): Promise<ImportSummary | null>;
  cancelImport(): Promise<ImportSummary>;
  undoImport(runId: string): Promise<UndoResult>;
  ensureScheduler(): Promise<SchedulerStatus>;
  getSchedulerStatus(): Promise<SchedulerStatus>;
}

export const importServer: ImportServer = {
  listImportTabs: () => call('listImportTabs'),
  insertTemplates: (tabs) => call('insertTemplates', tabs),
  checkTabs: (tabs) => call('checkTabs', tabs),
  estimateImport: (tabs, options) => call('estimateImport', tabs, options),
  importTabs: (tabs, options) => call('importTabs', tabs, options),
  getImportProgress: () => call('getImportProgress'),
  cancelImport: () => call('cancelImport'),
  undoImport: (runId) => call('undoImport', runId),
  ensureScheduler: () => call('ensureScheduler'),
  getSchedulerStatus: () => call('getSchedulerStatus'),
};
