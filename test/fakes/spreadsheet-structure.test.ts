// Tests of the Spreadsheet/Sheet/Range fakes' structure: bounds, A1 lookups, last row/column, sheets, rows, charts.
// Also data validation, checkboxes, notes and styles kept for inspection.

import { createGasEnvironment } from './index';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

function setup() {
  const env = createGasEnvironment();
  const app = env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  return { env, app, ss, sheet: ss.getSheets()[0] };
}

describe('spreadsheet', () => {
  it('starts with Sheet1 of 1000 x 26 in Europe/Berlin', () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1000, 26, 0, 0]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(ss.getName()).toBe('Untitled spreadsheet');
    expect(ss.getUrl()).toContain(ss.getId());
  });

  it('inserts, finds, activates and deletes sheets; rejects duplicates', () => {
    const { ss } = setup();
    const data = ss.insertSheet('Data');
    expect(ss.getActiveSheet().getName()).toBe('Data');
    expect(() => ss.insertSheet('Data')).toThrow('A sheet with the name "Data" already exists. Please enter another name.');
    expect(() => ss.insertSheet('data')).toThrow(/already exists/);
    const first = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Data']);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheetByName('Data')).toBe(data);
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetById(data.getSheetId())).toBe(data);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    ss.deleteSheet(data);
    expect(ss.getSheetByName('Data')).toBeNull();
    expect(() => data.getParent()).not.toThrow();
    expect(() => first.setName('Sheet1')).toThrow(/already exists/);
  });

  it('resolves Sheet!A1 ranges and records toasts', () => {
    const { env, ss } = setup();
    ss.insertSheet('My Data').getRange('B2').setValue(5);
    expect(ss.getRange("'My Data'!B2").getValue()).toBe(5);
    expect(ss.getRange("'My Data'!A1:C3").getA1Notation()).toBe('A1:C3');
    ss.toast('Imported 3 rows', 'ChartMogul');
    expect(env.spreadsheet.toasts).toEqual([{ message: 'Imported 3 rows', title: 'ChartMogul', timeoutSeconds: 5 }]);
  });
});

describe('ranges', () => {
  it('are bounds-checked with Sheets messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(OUTSIDE);
    expect(() => sheet.getRange(1, 27)).toThrow(OUTSIDE);
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(OUTSIDE);
    expect(() => sheet.getRange('AA1')).toThrow(OUTSIDE);
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange('A1').offset(-1, 0)).toThrow(OUTSIDE);
  });

  it('parse A1 forms including whole columns and open ends', () => {
    const { sheet } = setup();
    const cases: Array<[string, number[]]> = [
      ['B3', [3, 2, 1, 1]],
      ['A1:C2', [1, 1, 2, 3]],
      ['C2:A1', [1, 1, 2, 3]],
      ['B:B', [1, 2, 1000, 1]],
      ['2:3', [2, 1, 2, 26]],
      ['A2:C', [2, 1, 999, 3]],
      ['$A$1:$B$2', [1, 1, 2, 2]],
    ];
    for (const [a1, [r, c, nr, nc]] of cases) {
      const range = sheet.getRange(a1);
      expect([a1, range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([a1, r, c, nr, nc]);
    }
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange('B2:C3').offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
    expect(sheet.getRange('B2:C3').getCell(2, 2).getA1Notation()).toBe('C3');
  });

  it('report last row/column with content only', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setNote('a note');
    sheet.getRange('D7').setNumberFormat('0.00');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('B3').setValue('x');
    sheet.getRange('E2').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E3');
    sheet.getRange('B3').clearContent();
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('A1:B2').getLastRow()).toBe(2);
  });

  it('getValue/getValues return copies with empty strings for empty cells', () => {
    const { sheet } = setup();
    const values = sheet.getRange('A1:B2').getValues();
    expect(values).toEqual([['', ''], ['', '']]);
    values[0][0] = 'mutated';
    expect(sheet.getRange('A1').getValue()).toBe('');
  });
});

describe('rows, columns and growth', () => {
  it('appendRow writes after the last row and grows the sheet', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', '00123', '=X()']);
    sheet.appendRow(['b']);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([['a', 123, ''], ['b', '', '']]);
    expect(sheet.getRange('C1').getFormula()).toBe('=X()');
    const wide = new Array(30).fill(1);
    sheet.appendRow(wide);
    expect(sheet.getMaxColumns()).toBe(30);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('beyond');
  });

  it('inserts and deletes rows and columns, shifting content', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues().map((r) => r[0])).toEqual([1, '', '', 2, 3]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().map((r) => r[0])).toEqual([1, 2, 3]);
    sheet.insertColumnsAfter(0 + 1, 1);
    sheet.getRange('A1').setValue('x');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['x', '', '']]);
    sheet.insertRows(1);
    expect(sheet.getRange('A2').getValue()).toBe('x');
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow("You can't delete all the rows on the sheet.");
    expect(() => sheet.insertRowsAfter(5000, 1)).toThrow('Those rows are out of bounds.');
  });

  it('enforces the 10 million cell limit', () => {
    const { sheet } = setup();
    expect(() => sheet.insertRowsAfter(1, 400000)).toThrow('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
  });

  it('keeps frozen panes, widths, hidden state and clears', () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.setColumnWidth(1, 250);
    expect(sheet.getColumnWidth(1)).toBe(250);
    sheet.getRange('B1').setValue('a fairly long header');
    sheet.autoResizeColumns(2, 1);
    expect(sheet.getColumnWidth(2)).toBeGreaterThan(100);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.getRange('A1').setValue(1).setNumberFormat('0.00');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    sheet.clear();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('data validation, checkboxes, notes, styles', () => {
  it('builds and stores validation rules', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['MRR', 'ARR'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['MRR', 'ARR'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('Pick one');
    sheet.getRange('A1:A2').setDataValidation(rule);
    expect(sheet.getRange('A2').getDataValidation()).toBe(rule);
    const copy = rule.copy().requireNumberBetween(1, 5).build();
    expect(String(copy.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(copy.getHelpText()).toBe('Pick one');
    expect(String(app.newDataValidation().requireDate().build().getCriteriaType())).toBe('DATE_IS_VALID_DATE');
    sheet.getRange('A1:A2').clearDataValidations();
    expect(sheet.getRange('A1:A2').getDataValidations()).toEqual([[null], [null]]);
    expect(() => sheet.getRange('A1').setDataValidation({} as GoogleAppsScript.Spreadsheet.DataValidation)).toThrow(/don't match/);
  });

  it('inserts checkboxes and reports isChecked', () => {
    const { sheet } = setup();
    const boxes = sheet.getRange('A1:A2');
    boxes.insertCheckboxes();
    expect(boxes.getValues()).toEqual([[false], [false]]);
    expect(boxes.isChecked()).toBe(false);
    sheet.getRange('A1').check();
    expect(boxes.isChecked()).toBeNull();
    boxes.check();
    expect(boxes.isChecked()).toBe(true);
    expect(String(sheet.getRange('A1').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
    expect(sheet.getRange('B1').isChecked()).toBeNull();
  });

  it('stores notes, formats and styles', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setNotes([['n1', null]]).setFontWeight('bold').setBackground('#FF0000').setFontColor('#00ff00').setHorizontalAlignment('center').setWrap(false);
    expect(r.getNotes()).toEqual([['n1', '']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(r.getFontColor()).toBe('#00ff00');
    expect(r.getHorizontalAlignment()).toBe('center');
    expect(r.getWrap()).toBe(false);
    r.setNumberFormats([['0', '@']]);
    expect(r.getNumberFormats()).toEqual([['0', '@']]);
    expect(() => r.setNumberFormats([['0']])).toThrow(/The number of columns in the data/);
    expect(() => r.setFontWeight('heavy' as GoogleAppsScript.Spreadsheet.FontWeight)).toThrow(/Invalid argument/);
  });
});

describe('charts', () => {
  it('builds, inserts, updates and removes charts that keep their settings', () => {
    const { env, sheet } = setup();
    const Charts = env.globals.Charts as { ChartType: Record<string, string> };
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B13'))
      .setPosition(2, 4, 10, 20)
      .setOption('title', 'MRR')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts() as unknown as Array<{ type: string; options: object; position: object; getRanges(): GoogleAppsScript.Spreadsheet.Range[] }>;
    expect(inserted.type).toBe('LINE');
    expect(inserted.options).toEqual({ title: 'MRR' });
    expect(inserted.position).toEqual({ anchorRow: 2, anchorColumn: 4, offsetX: 10, offsetY: 20 });
    expect(inserted.getRanges()[0].getA1Notation()).toBe('A1:B13');
    expect(() => sheet.insertChart(chart)).toThrow(/already/);
    const changed = chart.modify().setChartType('COLUMN' as unknown as GoogleAppsScript.Charts.ChartType).build();
    sheet.updateChart(changed);
    expect((sheet.getCharts()[0] as unknown as { type: string }).type).toBe('COLUMN');
    expect(sheet.getCharts()[0].getChartId()).toBe(chart.getChartId());
    sheet.removeChart(changed);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.newChart().build()).toThrow(/Chart type/);
    expect(() => sheet.newChart().setChartType('DONUT' as unknown as GoogleAppsScript.Charts.ChartType)).toThrow(/Invalid argument/);
  });
});
