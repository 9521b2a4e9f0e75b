// Proves Apps Script would accept dist/Code.js: loaded in a vm holding only the fakes, every entry point visible.
// Also checks @customfunction declarations and that onOpen in AuthMode.NONE only builds the menu.

import { readFileSync } from 'fs';
import { join } from 'path';
import { createGasEnvironment } from '../fakes';
import { callEntry, loadBundle, readBundle, repoRoot } from '../support/load-bundle';
import { customFunctionProblems, parseWrappers } from '../support/wrappers';

// Read from the built bundle itself: the top-level declarations (column 0) are exactly what Apps Script scans.
const wrappers = parseWrappers(readBundle());

describe('dist/Code.js', () => {
  it('has no import/export left and no API Apps Script lacks', () => {
    const code = readBundle();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    for (const forbidden of [/\brequire\(/, /\bprocess\./, /\bsetTimeout\(/, /\bsetInterval\(/, /[^.\w]fetch\(/, /\bBuffer\./]) {
      expect(code).not.toMatch(forbidden);
    }
  });

  it('loads in a context without fetch, setTimeout, process or require', () => {
    const env = createGasEnvironment();
    const ctx = loadBundle(env);
    for (const name of ['fetch', 'setTimeout', 'process', 'require', 'Buffer']) {
      expect(typeof ctx[name]).toBe('undefined');
    }
    expect(typeof ctx.CMAddon).toBe('object');
  });

  it('exposes every wrapper as a top-level function, one per bundle export', () => {
    const ctx = loadBundle(createGasEnvironment());
    const names = wrappers.map((w) => w.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(typeof ctx[name]).toBe('function');
    const exported = Object.keys(ctx.CMAddon as object).sort();
    expect([...names].sort()).toEqual(exported);
  });

  it('has no public name ending in _', () => {
    expect(wrappers.filter((w) => w.name.endsWith('_')).map((w) => w.name)).toEqual([]);
  });

  it('declares every @customfunction with named parameters matching its @param tags', () => {
    const problems = wrappers.flatMap(customFunctionProblems);
    expect(problems).toEqual([]);
  });

  it('onOpen in AuthMode.NONE builds the ChartMogul menu and touches no other service', () => {
    const env = createGasEnvironment({ authMode: 'NONE' });
    const ctx = loadBundle(env);
    env.calls.reset();
    callEntry(ctx, 'onOpen', { authMode: 'NONE' });
    expect(env.ui.menus).toHaveLength(1);
    const menu = env.ui.menus[0];
    expect(menu.name).toBe('ChartMogul');
    expect(menu.items).toContainEqual(expect.objectContaining({ caption: 'Open sidebar', functionName: 'showSidebar' }));
    for (const item of menu.items) {
      if (item.functionName) expect(typeof ctx[item.functionName]).toBe('function');
    }
    const snapshot = env.calls.snapshot();
    const used = Object.keys(snapshot).filter((k) => snapshot[k] > 0);
    expect(used.length).toBeGreaterThan(0);
    const otherServices = used.filter((k) => !/^SpreadsheetApp\.(getUi|Ui\.\w+|Menu\.\w+)$/.test(k));
    expect(otherServices).toEqual([]);
    expect(env.calls.get('UrlFetchApp')).toBe(0);
    expect(env.calls.get('PropertiesService')).toBe(0);
  });

  it('showSidebar opens the built sidebar titled ChartMogul', () => {
    const env = createGasEnvironment();
    const ctx = loadBundle(env);
    callEntry(ctx, 'showSidebar');
    expect(env.ui.sidebars).toHaveLength(1);
    expect(env.ui.sidebars[0].getTitle()).toBe('ChartMogul');
    expect(env.ui.sidebars[0].getContent()).toBe(readFileSync(join(repoRoot, 'dist', 'Sidebar.html'), 'utf8'));
  });

  it('reports "not connected" settings before a key is saved', () => {
    const env = createGasEnvironment();
    const ctx = loadBundle(env);
    const s = callEntry<{ connected: boolean; apiKeyHint: string | null; spreadsheetTimeZone: string }>(ctx, 'getSettings');
    expect(s.connected).toBe(false);
    expect(s.apiKeyHint).toBeNull();
    expect(s.spreadsheetTimeZone).toBe(env.spreadsheet.getSpreadsheetTimeZone());
  });
});

describe('custom function declaration checker', () => {
  it('flags a parameterless custom function and mismatched @param tags', () => {
    const bad = parseWrappers(
      '/**\n * @param {string} metric x\n * @customfunction\n */\nfunction CM_A() {}\n' +
        '/**\n * @param {string} a x\n * @param {string} b y\n * @customfunction\n */\nfunction CM_B(b, a) {}\n' +
        '/**\n * @param {string} a x\n * @customfunction\n */\nfunction CM_OK(a) {}\n',
    );
    expect(bad.map((d) => customFunctionProblems(d).length)).toEqual([2, 1, 0]);
  });
});
