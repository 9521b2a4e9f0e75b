// snapshot.ts: a workbook (values, dates, formulas with spills, formats, notes, validations, styles, frozen rows,
// charts), properties and triggers survive snapshot → JSON → restore into a fresh environment.

import { createGasEnvironment } from './index';
import { restoreEnvironment, snapshotEnvironment } from './snapshot';

describe('environment snapshot', () => {
  it('round-trips the document state through JSON', () => {
    const env = createGasEnvironment({ spreadsheetTimeZone: 'Etc/UTC' });
    env.spreadsheet.setFormulaEvaluator((f) => (f === '=T()' ? [[1, 2], [3, 4]] : 0));
    const g = env.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp; ScriptApp: GoogleAppsScript.Script.ScriptApp };
    env.untracked(() => {
      const ss = env.spreadsheet;
      const s = ss.insertSheet('Data');
      s.getRange('A1:C1').setValues([['name', new Date(Date.UTC(2025, 0, 2)), 3.5]]);
      s.getRange('B1').setNumberFormat('yyyy-mm-dd');
      s.getRange('A1').setNote('a note').setFontWeight('bold');
      s.getRange('A3').setValue('=T()');
      s.getRange('D1:D5').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y']).build());
      s.setFrozenRows(1);
      s.insertChart(s.newChart().setChartType('LINE' as unknown as GoogleAppsScript.Charts.ChartType).addRange(s.getRange('A3:B4')).setPosition(2, 5, 0, 0).setOption('title', 'T').build());
      env.properties.user.setProperty('k', 'v');
      g.ScriptApp.newTrigger('runScheduledWork').timeBased().everyHours(1).create();
    });
    const snap = JSON.parse(JSON.stringify(snapshotEnvironment(env)));
    const copy = createGasEnvironment({ spreadsheetTimeZone: 'Etc/UTC' });
    restoreEnvironment(copy, snap);
    expect(JSON.stringify(snapshotEnvironment(copy))).toBe(JSON.stringify(snap));
    copy.untracked(() => {
      const s = copy.spreadsheet.getSheetByName('Data') as GoogleAppsScript.Spreadsheet.Sheet;
      expect(s.getRange('A1:C1').getDisplayValues()).toEqual([['name', '2025-01-02', '3.5']]);
      expect(s.getRange('A3:B4').getValues()).toEqual([[1, 2], [3, 4]]);
      expect(s.getRange('A3').getFormula()).toBe('=T()');
      expect(s.getRange('A1').getNote()).toBe('a note');
      expect(s.getRange('D5').getDataValidation()?.getCriteriaValues()[0]).toEqual(['x', 'y']);
      expect(s.getFrozenRows()).toBe(1);
      const [chart] = s.getCharts();
      expect(chart.getRanges()[0].getA1Notation()).toBe('A3:B4');
      expect(chart.getContainerInfo().getAnchorColumn()).toBe(5);
      s.getRange('B4').setValue('x'); // writing into the restored spill breaks it, as before the snapshot
      expect(s.getRange('A3').getValue()).toBe('#REF!');
    });
    expect(copy.properties.user.getProperty('k')).toBe('v');
    expect(copy.triggers.list().map((t) => t.handlerFunction)).toEqual(['runScheduledWork']);
  });
});
