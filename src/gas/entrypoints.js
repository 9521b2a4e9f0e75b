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
