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
