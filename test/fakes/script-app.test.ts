// Tests of ScriptApp triggers (published Editor add-on limits), Session, and the AuthMode restrictions of every service.
// NONE allows only menus; CUSTOM_FUNCTION makes the spreadsheet read-only and hides the Ui and triggers.

import { createGasEnvironment } from './index';

type G = {
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Session: GoogleAppsScript.Base.Session;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
};

function make(authMode: 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION' = 'FULL') {
  const env = createGasEnvironment({ authMode });
  return { env, g: env.globals as unknown as G };
}

describe('ScriptApp triggers', () => {
  it('creates one hourly time-driven trigger and lists it with its schedule', () => {
    const { env, g } = make();
    const t = g.ScriptApp.newTrigger('runScheduledJobs').timeBased().everyHours(1).create();
    expect(t.getHandlerFunction()).toBe('runScheduledJobs');
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(String(t.getTriggerSource())).toBe('CLOCK');
    expect(g.ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(g.ScriptApp.getUserTriggers(g.SpreadsheetApp.getActiveSpreadsheet())).toHaveLength(1);
    expect(env.triggers.list()).toEqual([expect.objectContaining({ handlerFunction: 'runScheduledJobs', eventType: 'CLOCK', schedule: { everyHours: 1 } })]);
  });

  it('allows only one time-driven trigger per user per document', () => {
    const { g } = make();
    g.ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(3).create();
    expect(() => g.ScriptApp.newTrigger('b').timeBased().everyHours(4).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google Account user.',
    );
    const [t] = g.ScriptApp.getProjectTriggers();
    g.ScriptApp.deleteTrigger(t);
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(0);
    expect(() => g.ScriptApp.deleteTrigger(t)).toThrow(/does not exist/);
    g.ScriptApp.newTrigger('b').timeBased().everyHours(4).create();
  });

  it('rejects schedules more frequent than hourly', () => {
    const { g } = make();
    const TOO_FREQUENT = /more often than once per hour/;
    expect(() => g.ScriptApp.newTrigger('a').timeBased().everyMinutes(30)).toThrow(TOO_FREQUENT);
    expect(() => g.ScriptApp.newTrigger('a').timeBased().after(30 * 60 * 1000)).toThrow(TOO_FREQUENT);
    expect(() => g.ScriptApp.newTrigger('a').timeBased().everyHours(0.5)).toThrow(TOO_FREQUENT);
    expect(() => g.ScriptApp.newTrigger('a').timeBased().everyHours(3)).toThrow(/1, 2, 4, 6, 8 or 12/);
    expect(() => g.ScriptApp.newTrigger('a').timeBased().atHour(5).create()).toThrow(/exactly one schedule/);
    expect(() => g.ScriptApp.newTrigger('private_')).toThrow(/functionName/);
  });

  it('spreadsheet triggers: one per event type, only for this document', () => {
    const { g } = make();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    g.ScriptApp.newTrigger('onEditHandler').forSpreadsheet(ss).onEdit().create();
    expect(() => g.ScriptApp.newTrigger('x').forSpreadsheet(ss).onEdit().create()).toThrow(/too many ON_EDIT triggers/);
    expect(() => g.ScriptApp.newTrigger('x').forSpreadsheet('other-id')).toThrow(/document it is used in/);
  });
});

describe('Session', () => {
  it('reports user, zone and locale; the active user is hidden from custom functions', () => {
    const { env, g } = make();
    expect(g.Session.getActiveUser().getEmail()).toBe('user@example.com');
    expect(g.Session.getScriptTimeZone()).toBe('Etc/UTC');
    expect(g.Session.getActiveUserLocale()).toBe('en');
    expect(g.Session.getTemporaryActiveUserKey()).toMatch(/^\S{20,}$/);
    env.setAuthMode('CUSTOM_FUNCTION');
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('user@example.com');
  });
});

describe('AuthMode.NONE', () => {
  it('allows building menus and reading the locale, nothing else', () => {
    const { env, g } = make('NONE');
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addToUi();
    expect(env.ui.menus[0].items.map((i) => i.type)).toEqual(['item', 'separator']);
    expect(g.Session.getActiveUserLocale()).toBe('en');
    expect(String(g.ScriptApp.AuthMode.NONE)).toBe('NONE');
    const denied: Array<[string, () => unknown]> = [
      ['PropertiesService.getUserProperties', () => g.PropertiesService.getUserProperties()],
      ['UrlFetchApp.fetch', () => g.UrlFetchApp.fetch('https://api.chartmogul.com/v1/ping')],
      ['CacheService.getScriptCache', () => g.CacheService.getScriptCache()],
      ['SpreadsheetApp.getActiveSpreadsheet', () => g.SpreadsheetApp.getActiveSpreadsheet()],
      ['LockService.getDocumentLock', () => g.LockService.getDocumentLock()],
      ['Utilities.formatDate', () => g.Utilities.formatDate(new Date(), 'Etc/UTC', 'yyyy')],
      ['HtmlService.createHtmlOutput', () => g.HtmlService.createHtmlOutput('x')],
      ['ScriptApp.getProjectTriggers', () => g.ScriptApp.getProjectTriggers()],
      ['Session.getActiveUser', () => g.Session.getActiveUser()],
      ['Ui.alert', () => g.SpreadsheetApp.getUi().alert('hi')],
    ];
    for (const [name, call] of denied) expect(call).toThrow(`You do not have permission to call ${name}`);
  });

  it('a spreadsheet object obtained earlier is unusable too', () => {
    const { env, g } = make();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    env.setAuthMode('NONE');
    expect(() => ss.getSheets()).toThrow('You do not have permission to call Spreadsheet.getSheets');
    expect(env.untracked(() => ss.getSheets().length)).toBe(1);
  });
});

describe('AuthMode.LIMITED', () => {
  it('blocks UrlFetchApp and trigger management but allows the document', () => {
    const { g } = make('LIMITED');
    expect(() => g.UrlFetchApp.fetch('https://api.chartmogul.com/')).toThrow('You do not have permission to call UrlFetchApp.fetch');
    expect(() => g.ScriptApp.newTrigger('x')).toThrow('You do not have permission to call ScriptApp.newTrigger');
    g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1);
  });
});

describe('AuthMode.CUSTOM_FUNCTION', () => {
  it('reads the spreadsheet but every setter throws', () => {
    const { env, g } = make();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1').setValue(5);
    env.setAuthMode('CUSTOM_FUNCTION');
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheetByName('Sheet1')!.getRange('A1').getValues()).toEqual([[5]]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(() => sheet.getRange('A1').setValue(6)).toThrow('You do not have permission to call Range.setValue');
    expect(() => sheet.getRange('A1').setValues([[6]])).toThrow('You do not have permission to call Range.setValues');
    expect(() => sheet.appendRow([1])).toThrow('You do not have permission to call Sheet.appendRow');
    expect(() => ss.insertSheet('X')).toThrow('You do not have permission to call Spreadsheet.insertSheet');
    expect(() => ss.toast('hi')).toThrow('You do not have permission to call Spreadsheet.toast');
    expect(() => g.SpreadsheetApp.getUi()).toThrow('You do not have permission to call SpreadsheetApp.getUi');
    expect(() => g.ScriptApp.newTrigger('x')).toThrow('You do not have permission to call ScriptApp.newTrigger');
    expect(() => g.HtmlService.createHtmlOutput('x')).toThrow(/permission/);
    expect(g.LockService.getScriptLock().tryLock(10)).toBe(true);
    g.PropertiesService.getUserProperties().getProperty('k');
    g.CacheService.getScriptCache().put('k', 'v');
    expect(sheet.getRange('A1').getValue()).toBe(5);
  });
});
