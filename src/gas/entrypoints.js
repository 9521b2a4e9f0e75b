// @ts-check
// Top-level functions Apps Script can see (menu, triggers, google.script.run, custom functions).
// Each only delegates to the bundle's CMAddon namespace; JSDoc here is what Sheets shows in autocomplete.

/**
 * Builds the ChartMogul menu under Extensions. Runs in AuthMode.NONE before the add-on is authorized.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
function onOpen(e) {
  CMAddon.onOpen(e);
}

/**
 * Runs when the add-on is installed from the Marketplace: builds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
function onInstall(e) {
  CMAddon.onInstall(e);
}

/** Opens the ChartMogul sidebar. */
function showSidebar() {
  CMAddon.showSidebar();
}

/**
 * Settings shown in the sidebar (the API key only ever masked).
 * @return {ReturnType<typeof CMAddon.getSettings>}
 */
function getSettings() {
  return CMAddon.getSettings();
}

/**
 * Saves the Settings fields given (others stay): the user's read & write API key (tested first; '' disconnects),
 * this spreadsheet's data source, and the spreadsheet's formula key ('' removes it). Stores nothing on error.
 * @param {Parameters<typeof CMAddon.saveSettings>[0]} settings The fields to change: {apiKey?, dataSourceUuid?, formulaApiKey?}.
 * @return {ReturnType<typeof CMAddon.saveSettings>}
 */
function saveSettings(settings) {
  return CMAddon.saveSettings(settings);
}

/**
 * Pings ChartMogul with the saved key and refreshes the cached account details.
 * @return {ReturnType<typeof CMAddon.testConnection>}
 */
function testConnection() {
  return CMAddon.testConnection();
}

/**
 * The ChartMogul account's data sources ({uuid, name, system, status, custom}).
 * @return {ReturnType<typeof CMAddon.listDataSources>}
 */
function listDataSources() {
  return CMAddon.listDataSources();
}

/**
 * Creates a custom data source and selects it for this spreadsheet.
 * @param {string} name The new data source's name.
 * @return {ReturnType<typeof CMAddon.createDataSource>}
 */
function createDataSource(name) {
  return CMAddon.createDataSource(name);
}

/**
 * Removes the user's API key and cached account (the spreadsheet's data source choice stays).
 * @return {ReturnType<typeof CMAddon.disconnect>}
 */
function disconnect() {
  return CMAddon.disconnect();
}

/** Menu item "Insert templates": creates every missing import tab and shows what it created. */
function insertTemplatesFromMenu() {
  CMAddon.insertTemplatesFromMenu();
}

/**
 * Creates the missing import template tabs (never touches an existing tab).
 * @param {string[]=} tabs Tab names (omitted = all seven).
 * @return {ReturnType<typeof CMAddon.insertTemplates>}
 */
function insertTemplates(tabs) {
  return CMAddon.insertTemplates(tabs);
}

/**
 * The import template tabs: whether each exists and how many data rows it has.
 * @return {ReturnType<typeof CMAddon.listImportTabs>}
 */
function listImportTabs() {
  return CMAddon.listImportTabs();
}

/**
 * Handler of the add-on's single hourly time-driven trigger: runs background jobs, records the outcome.
 * @param {GoogleAppsScript.Events.TimeDriven=} e The trigger event.
 */
function runScheduledWork(e) {
  CMAddon.runScheduledWork(e);
}

/**
 * Creates the hourly scheduler trigger unless it exists (one per user per document).
 * @return {ReturnType<typeof CMAddon.ensureScheduler>}
 */
function ensureScheduler() {
  return CMAddon.ensureScheduler();
}

/**
 * Whether the scheduler trigger is installed and what its last run did.
 * @return {ReturnType<typeof CMAddon.getSchedulerStatus>}
 */
function getSchedulerStatus() {
  return CMAddon.getSchedulerStatus();
}

// ---- Formulas (Export): CHARTMOGUL_* custom functions and their refresh menu item ----

/**
 * Rewrites every CHARTMOGUL formula in the spreadsheet so it fetches fresh data (menu: Refresh ChartMogul formulas).
 */
function refreshChartMogulFormulas() {
  CMAddon.refreshChartMogulFormulas();
}

/**
 * ChartMogul metrics as a table: a Date column and one column per metric, one row per interval.
 * Money in currency units, rates as fractions (format as %).
 * @param {string|Array<Array<string>>} metrics "all", a metric name, a comma list or a range of names: mrr, arr, arpa, asp, customers, customer-churn-rate, mrr-churn-rate, ltv.
 * @param {Date|string} start_date First day (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Last day (a date cell or "YYYY-MM-DD").
 * @param {string} [interval] day, week, month (default), quarter or year.
 * @param {string|Array<Array<string>>} [plans] Plan names, UUIDs or external ids: a comma list or a range.
 * @param {string|Array<Array<string>>} [geo] 2-letter country codes: a comma list or a range.
 * @param {string} [filters] A ChartMogul filter, e.g. "currency~ANY~'USD'".
 * @return {Array<Array<string|number|boolean|Date>>} Header row + one row per interval.
 * @customfunction
 */
function CHARTMOGUL_METRICS(metrics, start_date, end_date, interval, plans, geo, filters) {
  return CMAddon.CHARTMOGUL_METRICS(metrics, start_date, end_date, interval, plans, geo, filters);
}

/**
 * One ChartMogul metric on one day (today when no date): levels (MRR, customers…) on that day, rates and ASP month to date.
 * @param {string} metric mrr, arr, arpa, asp, customers, customer-churn-rate, mrr-churn-rate or ltv.
 * @param {Date|string} [date] The day (a date cell or "YYYY-MM-DD"); today when omitted.
 * @param {string|Array<Array<string>>} [plans] Plan names, UUIDs or external ids: a comma list or a range.
 * @param {string|Array<Array<string>>} [geo] 2-letter country codes: a comma list or a range.
 * @param {string} [filters] A ChartMogul filter, e.g. "currency~ANY~'USD'".
 * @return {number} The value (currency units, or a fraction for rates).
 * @customfunction
 */
function CHARTMOGUL_METRIC(metric, date, plans, geo, filters) {
  return CMAddon.CHARTMOGUL_METRIC(metric, date, plans, geo, filters);
}

/**
 * MRR movements per interval: Date, New business, Expansion, Contraction, Churn, Reactivation, Net change, MRR.
 * @param {Date|string} start_date First day (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Last day (a date cell or "YYYY-MM-DD").
 * @param {string} [interval] day, week, month (default), quarter or year.
 * @param {string|Array<Array<string>>} [plans] Plan names, UUIDs or external ids: a comma list or a range.
 * @param {string|Array<Array<string>>} [geo] 2-letter country codes: a comma list or a range.
 * @param {string} [filters] A ChartMogul filter, e.g. "currency~ANY~'USD'".
 * @return {Array<Array<string|number|boolean|Date>>} Header row + one row per interval.
 * @customfunction
 */
function CHARTMOGUL_MRR_MOVEMENTS(start_date, end_date, interval, plans, geo, filters) {
  return CMAddon.CHARTMOGUL_MRR_MOVEMENTS(start_date, end_date, interval, plans, geo, filters);
}

/**
 * ChartMogul customers as a table (every page).
 * @param {string} [status] Active, Cancelled, Past Due, Lead, New Lead… or all (default).
 * @param {string|Array<Array<string>>} [fields] Columns: a comma list or a range (external_id, name, email, mrr, status, customer-since, tags, custom.<key>…).
 * @param {string} [data_source] Only this data source: its name or UUID.
 * @return {Array<Array<string|number|boolean|Date>>} Header row + one row per customer.
 * @customfunction
 */
function CHARTMOGUL_CUSTOMERS(status, fields, data_source) {
  return CMAddon.CHARTMOGUL_CUSTOMERS(status, fields, data_source);
}

/**
 * One ChartMogul customer: one field, or a table of the usual fields.
 * @param {string} external_id_or_email The customer's external id, e-mail or ChartMogul UUID.
 * @param {string} [field] One field (e.g. mrr, status, customer-since, custom.<key>); a table of fields when omitted.
 * @return {string|number|boolean|Date|Array<Array<string|number|boolean|Date>>} The value, or header row + customer row.
 * @customfunction
 */
function CHARTMOGUL_CUSTOMER(external_id_or_email, field) {
  return CMAddon.CHARTMOGUL_CUSTOMER(external_id_or_email, field);
}

/**
 * A customer's subscriptions: plan, quantity, MRR, ARR, status, billing cycle, start and end dates.
 * @param {string} customer The customer's external id, e-mail or ChartMogul UUID.
 * @return {Array<Array<string|number|boolean|Date>>} Header row + one row per subscription.
 * @customfunction
 */
function CHARTMOGUL_SUBSCRIPTIONS(customer) {
  return CMAddon.CHARTMOGUL_SUBSCRIPTIONS(customer);
}

/**
 * ChartMogul activities (MRR movements per customer) between two days (every page).
 * @param {Date|string} start_date First day (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Last day (a date cell or "YYYY-MM-DD").
 * @param {string} [type] new_biz, expansion, contraction, churn or reactivation; all when omitted.
 * @return {Array<Array<string|number|boolean|Date>>} Header row + one row per activity.
 * @customfunction
 */
function CHARTMOGUL_ACTIVITIES(start_date, end_date, type) {
  return CMAddon.CHARTMOGUL_ACTIVITIES(start_date, end_date, type);
}

/**
 * The ChartMogul account's plans for the Reports plan picker.
 * @return {ReturnType<typeof CMAddon.listPlans>}
 */
function listPlans() {
  return CMAddon.listPlans();
}

/**
 * Checks a ChartMogul filter (CFL, e.g. currency~ANY~'USD') for syntax errors without sending anything.
 * @param {string} filters The filter text.
 * @return {ReturnType<typeof CMAddon.checkFilter>}
 */
function checkFilter(filters) {
  return CMAddon.checkFilter(filters);
}

/**
 * Builds a report (metrics, MRR movements, customers, subscriptions or activities) into a new tab and saves it.
 * @param {Parameters<typeof CMAddon.createReport>[0]} spec {kind, name?, metrics?, range?, interval?, plans?, geo?, filters?, schedule?, chart?}.
 * @return {ReturnType<typeof CMAddon.createReport>}
 */
function createReport(spec) {
  return CMAddon.createReport(spec);
}

/**
 * The saved reports with their schedule, last refresh, last error and next due time.
 * @return {ReturnType<typeof CMAddon.listReports>}
 */
function listReports() {
  return CMAddon.listReports();
}

/**
 * Refreshes one saved report; a big list continues where it stopped (done is false until it is complete).
 * @param {string} id The report id.
 * @return {ReturnType<typeof CMAddon.refreshReport>}
 */
function refreshReport(id) {
  return CMAddon.refreshReport(id);
}

/**
 * Refreshes every saved report; each result carries its error, if any.
 * @return {ReturnType<typeof CMAddon.refreshReports>}
 */
function refreshReports() {
  return CMAddon.refreshReports();
}

/**
 * Sets a saved report's schedule: none, hourly, daily or weekly (run by the one hourly scheduler trigger).
 * @param {string} id The report id.
 * @param {string} schedule none | hourly | daily | weekly.
 * @return {ReturnType<typeof CMAddon.setReportSchedule>}
 */
function setReportSchedule(id, schedule) {
  return CMAddon.setReportSchedule(id, schedule);
}

/**
 * Forgets a saved report (its tab and data stay).
 * @param {string} id The report id.
 * @return {ReturnType<typeof CMAddon.deleteReport>}
 */
function deleteReport(id) {
  return CMAddon.deleteReport(id);
}

/** Menu item "Refresh reports": refreshes every saved report and shows the outcome in a toast. */
function refreshReportsFromMenu() {
  CMAddon.refreshReportsFromMenu();
}

/**
 * Checks the import tabs without sending anything: every column rule plus references resolved against ChartMogul.
 * Each problem is written into its row's chartmogul_message (status error); other rows keep their receipts.
 * @param {string[]=} tabs Tab names (omitted or empty: every import tab present).
 * @return {ReturnType<typeof CMAddon.checkTabs>} {ok, tabs: {[tab]: {rows, errors, unknownColumns, missingColumns}}, errors: first 50 {tab, row, message}}.
 */
function checkTabs(tabs) {
  return CMAddon.checkTabs(tabs);
}

/**
 * Estimates an import: rows, API calls (UrlFetch) it needs against the daily quota, and the mode it would use.
 * @param {string[]=} tabs Tab names (omitted or empty: every import tab present).
 * @param {Parameters<typeof CMAddon.estimateImport>[1]=} options {mode?: 'auto'|'rows'|'bulk', replaceChangedInvoices?}.
 * @return {ReturnType<typeof CMAddon.estimateImport>} {rows, estimatedRequests, dailyQuota, mode}.
 */
function estimateImport(tabs, options) {
  return CMAddon.estimateImport(tabs, options);
}

/**
 * Imports the tabs into ChartMogul until done or until the time budget is used; call again to continue the same run.
 * @param {string[]=} tabs Tab names (omitted or empty: every import tab present).
 * @param {Parameters<typeof CMAddon.importTabs>[1]=} options {mode?: 'auto'|'rows'|'bulk', replaceChangedInvoices?, timeBudgetMs?, restart?}.
 * @return {ReturnType<typeof CMAddon.importTabs>} The run's ImportSummary.
 */
function importTabs(tabs, options) {
  return CMAddon.importTabs(tabs, options);
}

/**
 * The current or last import run's summary, or null when there was none.
 * @return {ReturnType<typeof CMAddon.getImportProgress>}
 */
function getImportProgress() {
  return CMAddon.getImportProgress();
}

/**
 * Stops the running import after its current chunk.
 * @return {ReturnType<typeof CMAddon.cancelImport>} The run's ImportSummary with cancelled: true.
 */
function cancelImport() {
  return CMAddon.cancelImport();
}

/**
 * Deletes what one import run created in ChartMogul (customers, plans, invoices, subscription events) and marks those rows.
 * @param {string} runId The run to undo (ImportSummary.runId).
 * @return {ReturnType<typeof CMAddon.undoImport>} {runId, deleted: {customers, plans, invoices, subscriptionEvents}, errors}.
 */
function undoImport(runId) {
  return CMAddon.undoImport(runId);
}

/**
 * Scheduler hook: continues an unfinished import without the sidebar. True while work remains.
 * @return {boolean}
 */
function continueImportInBackground() {
  return CMAddon.continueImportInBackground();
}
