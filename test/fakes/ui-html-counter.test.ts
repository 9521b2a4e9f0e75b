// Tests of the Ui and HtmlService fakes, the call counter, logs, installGlobals and loading the fakes into a vm context.
// HtmlService reads files from a temporary htmlDir.

import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vm from 'vm';
import { createGasEnvironment, installGlobals } from './index';

function htmlDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gas-html-'));
  writeFileSync(join(dir, 'Sidebar.html'), '<p>Hello</p>');
  return dir;
}

describe('HtmlService and Ui', () => {
  it('reads HTML files from htmlDir and shows them as sidebars and dialogs', () => {
    const env = createGasEnvironment({ htmlDir: htmlDir() });
    const H = env.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    const ui = (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    const out = H.createHtmlOutputFromFile('Sidebar').setTitle('ChartMogul').setWidth(300);
    ui.showSidebar(out);
    expect(env.ui.sidebars).toHaveLength(1);
    expect(env.ui.sidebars[0].getTitle()).toBe('ChartMogul');
    expect(env.ui.sidebars[0].getContent()).toBe('<p>Hello</p>');
    expect(env.ui.sidebars[0].getWidth()).toBe(300);
    expect(() => H.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    ui.showModalDialog(H.createHtmlOutput('<b>x</b>').append('<i>y</i>').setHeight(200), 'Import');
    expect(env.ui.dialogs[0]).toMatchObject({ title: 'Import', modal: true });
    expect(env.ui.dialogs[0].output.getContent()).toBe('<b>x</b><i>y</i>');
    expect(() => ui.showSidebar('<p>raw</p>' as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow(/don't match/);
    expect(String(H.SandboxMode.IFRAME)).toBe('IFRAME');
  });

  it('records menus with items, separators and submenus', () => {
    const env = createGasEnvironment();
    const ui = (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    const sub = ui.createMenu('Reports').addItem('Refresh all', 'refreshAll');
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(env.ui.menus).toEqual([
      {
        name: 'ChartMogul',
        addon: true,
        items: [
          { type: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
          { type: 'separator' },
          { type: 'submenu', caption: 'Reports', menu: { name: 'Reports', addon: false, items: [{ type: 'item', caption: 'Refresh all', functionName: 'refreshAll' }] } },
        ],
      },
    ]);
    expect(env.ui.findMenuItem('Refresh all')?.functionName).toBe('refreshAll');
    expect(() => ui.createMenu('X').addItem('Bad', 'not a function name')).toThrow(/functionName/);
  });

  it('answers alerts and prompts from the queue, else OK/YES', () => {
    const env = createGasEnvironment();
    const ui = (env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    expect(ui.alert('Hi')).toBe(ui.Button.OK);
    expect(ui.alert('Delete?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    env.ui.queueAlertResponse('NO');
    expect(ui.alert('Title', 'Delete?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(env.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['', 'Hi', 'OK', 'OK'],
      ['', 'Delete?', 'YES_NO', 'YES'],
      ['Title', 'Delete?', 'YES_NO', 'NO'],
    ]);
    env.ui.queuePromptResponse('sk_123', 'OK');
    const p = ui.prompt('API key', 'Paste your key', ui.ButtonSet.OK_CANCEL);
    expect([p.getResponseText(), p.getSelectedButton()]).toEqual(['sk_123', ui.Button.OK]);
    env.ui.queueAlertResponse('CANCEL');
    expect(() => ui.alert('x', ui.ButtonSet.YES_NO)).toThrow(/not a button of ButtonSet.YES_NO/);
  });
});

describe('call counting', () => {
  it('counts every outermost call per service and method, not internal ones', () => {
    const env = createGasEnvironment();
    const app = env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]).setNumberFormat('0.00');
    sheet.appendRow(['x']);
    (env.globals.Utilities as GoogleAppsScript.Utilities.Utilities).getUuid();
    expect(env.calls.snapshot()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Range.setNumberFormat': 1,
      'SpreadsheetApp.Sheet.appendRow': 1,
      'Utilities.getUuid': 1,
    });
    expect(env.calls.get('SpreadsheetApp')).toBe(6);
    expect(env.calls.get('SpreadsheetApp.Range')).toBe(2);
    expect(env.calls.get('SpreadsheetApp.Range.setValues')).toBe(1);
    expect(env.calls.total()).toBe(7);
    env.calls.reset();
    expect(env.calls.total()).toBe(0);
    env.untracked(() => sheet.getRange('A1').getValue());
    expect(env.calls.total()).toBe(0);
  });
});

describe('logs', () => {
  it('records Logger and console output', () => {
    const env = createGasEnvironment();
    (env.globals.Logger as GoogleAppsScript.Base.Logger).log('Imported %s rows', 3);
    (env.globals.console as Console).warn('careful', { a: 1 });
    expect(env.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ['Logger', 'log', 'Imported 3 rows'],
      ['console', 'warn', 'careful { a: 1 }'],
    ]);
    expect(env.logs.some((l) => l.message.includes('sk_live'))).toBe(false);
  });
});

describe('globals', () => {
  it('holds exactly the Apps Script globals', () => {
    expect(Object.keys(createGasEnvironment().globals).sort()).toEqual(
      ['CacheService', 'Charts', 'HtmlService', 'LockService', 'Logger', 'PropertiesService', 'ScriptApp', 'Session', 'SpreadsheetApp', 'UrlFetchApp', 'Utilities', 'console'].sort(),
    );
  });

  it('installGlobals copies them onto globalThis and restores', () => {
    const env = createGasEnvironment();
    const realConsole = globalThis.console;
    const restore = installGlobals(env);
    try {
      expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Untitled spreadsheet');
      expect(globalThis.console).toBe(env.globals.console);
    } finally {
      restore();
    }
    expect(globalThis.console).toBe(realConsole);
    expect((globalThis as Record<string, unknown>).SpreadsheetApp).toBeUndefined();
  });

  it('work inside a vm context; bindRealm makes Dates and Errors belong to that context', () => {
    const env = createGasEnvironment();
    const ctx = vm.createContext({ ...env.globals });
    env.bindRealm(ctx);
    const result = vm.runInContext(
      `(function () {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
        sheet.getRange('A1').setValue(new Date(Date.UTC(2024, 0, 1)));
        var v = sheet.getRange('A1').getValue();
        var err;
        try { sheet.getRange(0, 1); } catch (e) { err = e; }
        return { isDate: v instanceof Date, iso: v.toISOString(), isError: err instanceof Error, msg: String(err) };
      })()`,
      ctx,
    );
    expect(result).toEqual({ isDate: true, iso: '2024-01-01T00:00:00.000Z', isError: true, msg: 'Exception: The starting row of the range is too small.' });
  });
});
