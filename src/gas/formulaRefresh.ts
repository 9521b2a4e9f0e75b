// Menu handler "Refresh ChartMogul formulas": bumps the formula cache generation, then clears and rewrites every
// CHARTMOGUL_* formula cell of every sheet so Sheets recalculates it (and the new generation misses the cache).

import { bumpGeneration, formulaCells, FormulaCell } from '../core/export';
import { PropertiesStore } from './adapters/properties';

export function refreshChartMogulFormulas(): void {
  bumpGeneration(new PropertiesStore(PropertiesService.getDocumentProperties()), Date.now());
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const found: Array<{ sheet: GoogleAppsScript.Spreadsheet.Sheet; cells: FormulaCell[] }> = [];
  for (const sheet of ss.getSheets()) {
    const cells = formulaCells(sheet.getDataRange().getFormulas());
    if (cells.length > 0) found.push({ sheet, cells });
  }
  // Re-entering an unchanged formula may not recalculate it: clear first, flush, then write it back.
  for (const { sheet, cells } of found) for (const c of cells) sheet.getRange(c.row, c.column).setFormula('');
  SpreadsheetApp.flush();
  let count = 0;
  for (const { sheet, cells } of found) {
    for (const c of cells) {
      sheet.getRange(c.row, c.column).setFormula(c.formula);
      count++;
    }
  }
  ss.toast(
    count === 0 ? 'No ChartMogul formulas found.' : `Refreshing ${count} ChartMogul formula${count === 1 ? '' : 's'} with fresh data.`,
    'ChartMogul',
    5,
  );
}
