// "Insert templates" through the built bundle over the Apps Script fakes: exact headers, frozen row, notes,
// dropdowns/checkboxes, formats, whole-block writes, existing tabs never wiped, the menu item's alert.

import { RECEIPT_COLUMNS, TAB_NAMES, TEMPLATES } from '../../src/core/import/templates';
import { createGasEnvironment, type FakeSheet, type GasEnvironment } from '../fakes';
import { GENERAL_FORMAT } from '../fakes/values';
import { callEntry, loadBundle, type BundleContext } from '../support/load-bundle';

type Result = { created: string[]; existing: string[] };

function setup(): { env: GasEnvironment; ctx: BundleContext } {
  const env = createGasEnvironment();
  return { env, ctx: loadBundle(env) };
}

function sheet(env: GasEnvironment, name: string): FakeSheet {
  const s = env.untracked(() => env.spreadsheet.getSheetByName(name));
  if (!s) throw new Error('no sheet ' + name);
  return s as unknown as FakeSheet;
}

describe('insertTemplates (bundle)', () => {
  it('creates all seven tabs with exact headers, frozen row, notes, validations and formats', () => {
    const { env, ctx } = setup();
    const r = callEntry<Result>(ctx, 'insertTemplates');
    expect(r).toEqual({ created: [...TAB_NAMES], existing: [] });
    env.untracked(() => {
      expect(env.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', ...TAB_NAMES]);
      for (const tab of TAB_NAMES) {
        const s = sheet(env, tab);
        const cols = TEMPLATES[tab].columns;
        const n = cols.length + RECEIPT_COLUMNS.length;
        const header = s.getRange(1, 1, 1, n);
        expect(header.getValues()[0]).toEqual([...cols.map((c) => c.name), ...RECEIPT_COLUMNS]);
        expect(s.getLastColumn()).toBe(n);
        expect(s.getLastRow()).toBe(1); // no example rows: nothing to import by accident
        expect(s.getFrozenRows()).toBe(1);
        const notes = header.getNotes()[0];
        expect(notes.every((x) => x.length > 10)).toBe(true);
        const weights = header.getFontWeights()[0];
        cols.forEach((c, i) => {
          expect(notes[i].startsWith('* ')).toBe(c.required);
          expect(weights[i]).toBe(c.required ? 'bold' : 'normal');
        });
        expect(header.getBackgrounds()[0].slice(cols.length)).toEqual(['#e0e0e0', '#e0e0e0', '#e0e0e0', '#e0e0e0']);
        const rows = s.getMaxRows() - 1;
        const data = s.getRange(2, 1, rows, n);
        const formats = data.getNumberFormats();
        const rules = data.getDataValidations();
        cols.forEach((c, i) => {
          expect([formats[0][i], formats[rows - 1][i]]).toEqual([c.format ?? GENERAL_FORMAT, c.format ?? GENERAL_FORMAT]);
          const rule = rules[rows - 1][i];
          if (c.kind === 'boolean') expect(String(rule?.getCriteriaType())).toBe('CHECKBOX');
          else if (c.values) {
            expect(String(rule?.getCriteriaType())).toBe('VALUE_IN_LIST');
            expect(rule?.getCriteriaValues()[0]).toEqual(c.values);
            expect(rule?.getAllowInvalid()).toBe(true);
          } else expect(rule).toBeNull();
        });
        expect(formats[0].slice(cols.length)).toEqual(['@', '@', '@', 'yyyy-mm-dd hh:mm:ss']);
      }
    });
  });

  it('grows the sheet for wide tabs (Invoices has more than 26 columns)', () => {
    const { env, ctx } = setup();
    callEntry(ctx, 'insertTemplates', ['Invoices']);
    const s = sheet(env, 'Invoices');
    expect(TEMPLATES.Invoices.columns.length + 4).toBeGreaterThan(26);
    expect(env.untracked(() => s.getMaxColumns())).toBe(TEMPLATES.Invoices.columns.length + 4);
  });

  it('writes whole blocks: one setValues, one setNotes, one call per format and validation run', () => {
    const { env, ctx } = setup();
    env.calls.reset();
    callEntry(ctx, 'insertTemplates', ['Plans']);
    expect(env.calls.get('SpreadsheetApp.Range.setValues')).toBe(1);
    expect(env.calls.get('SpreadsheetApp.Range.setValue')).toBe(0);
    expect(env.calls.get('SpreadsheetApp.Range.setNotes')).toBe(1);
    expect(env.calls.get('SpreadsheetApp.Range.setNote')).toBe(0);
    // Plans: @ @ 0 @ | @ @ @ datetime → header '@' + runs [@×2][0][@×4][datetime]; one dropdown (interval_unit).
    expect(env.calls.get('SpreadsheetApp.Range.setNumberFormat')).toBe(1 + 4);
    expect(env.calls.get('SpreadsheetApp.Range.setDataValidation')).toBe(1);
    expect(env.calls.get('SpreadsheetApp.Range')).toBeLessThan(15);
  });

  it('never wipes an existing tab, and a second call creates nothing', () => {
    const { env, ctx } = setup();
    const rows = [['external_id', 'name', 'my own column'], ['C-1', '=1+1', 'kept'], ['C-2', 'Beta', '']];
    env.untracked(() => {
      const s = env.spreadsheet.insertSheet('customers');
      s.getRange(1, 1, 3, 3).setValues(rows);
      s.getRange('B3').setNote('mine');
    });
    const before = env.untracked(() => {
      const s = sheet(env, 'customers');
      const r = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
      return { values: r.getValues(), formulas: r.getFormulas(), notes: r.getNotes(), formats: r.getNumberFormats(), frozen: s.getFrozenRows() };
    });
    const first = callEntry<Result>(ctx, 'insertTemplates', ['Customers', 'Plans']);
    expect(first).toEqual({ created: ['Plans'], existing: ['Customers'] });
    const after = env.untracked(() => {
      const s = sheet(env, 'customers');
      const r = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
      return { values: r.getValues(), formulas: r.getFormulas(), notes: r.getNotes(), formats: r.getNumberFormats(), frozen: s.getFrozenRows() };
    });
    expect(after).toEqual(before);
    env.calls.reset();
    expect(callEntry<Result>(ctx, 'insertTemplates')).toEqual({
      created: ['Invoices', 'Transactions', 'Subscription events', 'Cancellations', 'Attributes'],
      existing: ['Customers', 'Plans'],
    });
    expect(callEntry<Result>(ctx, 'insertTemplates')).toEqual({ created: [], existing: [...TAB_NAMES] });
    expect(env.untracked(() => env.spreadsheet.getSheets().length)).toBe(1 + 7); // Sheet1 + the seven, "customers" counting as Customers
  });

  it('refuses unknown tab names', () => {
    const { ctx } = setup();
    expect(() => callEntry(ctx, 'insertTemplates', ['Contacts'])).toThrow('Unknown tab "Contacts"');
  });

  it('lists the template tabs with their data rows', () => {
    const { env, ctx } = setup();
    callEntry(ctx, 'insertTemplates', ['Plans']);
    env.untracked(() => sheet(env, 'Plans').getRange(2, 1, 2, 2).setValues([['p1', 'One'], ['p2', 'Two']]));
    const { tabs } = callEntry<{ tabs: { name: string; present: boolean; rows: number }[] }>(ctx, 'listImportTabs');
    expect(tabs.map((t) => t.name)).toEqual([...TAB_NAMES]);
    expect(tabs.find((t) => t.name === 'Plans')).toEqual({ name: 'Plans', present: true, rows: 2, sheetName: 'Plans' });
    expect(tabs.find((t) => t.name === 'Customers')).toEqual({ name: 'Customers', present: false, rows: 0, sheetName: null });
  });

  it('the menu item inserts every missing tab and says what it created', () => {
    const { env, ctx } = setup();
    callEntry(ctx, 'insertTemplates', ['Customers']);
    callEntry(ctx, 'insertTemplatesFromMenu');
    expect(env.ui.alerts).toHaveLength(1);
    expect(env.ui.alerts[0].title).toBe('ChartMogul templates');
    expect(env.ui.alerts[0].prompt).toContain('Created: Plans, Invoices, Transactions, Subscription events, Cancellations, Attributes.');
    expect(env.ui.alerts[0].prompt).toContain('Already there (left untouched): Customers.');
    callEntry(ctx, 'insertTemplatesFromMenu');
    expect(env.ui.alerts[1].prompt).toContain('nothing was created');
  });

  it('onOpen adds the Insert templates item', () => {
    const env = createGasEnvironment({ authMode: 'NONE' });
    const ctx = loadBundle(env);
    callEntry(ctx, 'onOpen', { authMode: 'NONE' });
    expect(env.ui.menus[0].items).toContainEqual(expect.objectContaining({ caption: 'Insert templates', functionName: 'insertTemplatesFromMenu' }));
  });
});
