// The bundle's public API: everything the top-level wrappers in entrypoints.js may call.
// esbuild exposes these as the global `CMAddon`; each needs a wrapper declaration to be visible to Apps Script.

export { onOpen, onInstall, showSidebar, insertTemplatesFromMenu } from './menu';
export { getSettings, saveSettings, testConnection, listDataSources, createDataSource, disconnect } from './settingsApi';
export { insertTemplates, listImportTabs } from './templates';
export { runScheduledWork, ensureScheduler, getSchedulerStatus } from './scheduler';
export {
  CHARTMOGUL_METRICS, CHARTMOGUL_METRIC, CHARTMOGUL_MRR_MOVEMENTS, CHARTMOGUL_CUSTOMERS, CHARTMOGUL_CUSTOMER,
  CHARTMOGUL_SUBSCRIPTIONS, CHARTMOGUL_ACTIVITIES,
} from './formulas';
export { refreshChartMogulFormulas } from './formulaRefresh';
export {
  listPlans, checkFilter, createReport, listReports, refreshReport, refreshReports, setReportSchedule, deleteReport,
  refreshReportsFromMenu,
} from './reportsApi';
export {
  checkTabs, estimateImport, importTabs, getImportProgress, cancelImport, undoImport, continueImportInBackground,
} from './importApi';
