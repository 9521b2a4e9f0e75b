// The add-on menu and the sidebar opener: what Sheets calls on open/install and from Extensions › ChartMogul.
// onOpen may run in AuthMode.NONE, so it only builds the menu and touches no other service.

import { insertTemplates } from './templates';

export const SIDEBAR_TITLE = 'ChartMogul';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Refresh ChartMogul formulas', 'refreshChartMogulFormulas')
    .addItem('Insert templates', 'insertTemplatesFromMenu')
    .addItem('Refresh reports', 'refreshReportsFromMenu')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu item "Insert templates": creates every missing import tab and says what it did. */
export function insertTemplatesFromMenu(): void {
  const r = insertTemplates();
  const lines = [
    r.created.length ? 'Created: ' + r.created.join(', ') + '.' : 'Every template tab already exists; nothing was created.',
  ];
  if (r.existing.length && r.created.length) lines.push('Already there (left untouched): ' + r.existing.join(', ') + '.');
  lines.push('Hover a header to read what the column means; bold headers are required.');
  const ui = SpreadsheetApp.getUi();
  ui.alert('ChartMogul templates', lines.join('\n\n'), ui.ButtonSet.OK);
}
