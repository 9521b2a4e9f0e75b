// "Insert templates": creates the missing import tabs from the plan in src/core/templates-plan.ts, never touching
// an existing tab. Also lists which template tabs exist (and their data rows) for the sidebar's Import panel.

import { TAB_NAMES, tabNameOf } from '../core/import/templates';
import type { TabName } from '../core/import/types';
import { RECEIPT_FONT_COLOR, TemplatePlan, ValidationRule, planTemplate, resolveTabs } from '../core/templates-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface InsertTemplatesResult {
  created: string[];
  existing: string[];
}

export interface ImportTabInfo {
  name: string;
  /** Whether the tab exists in this spreadsheet (under its name or a variant such as "subscription_events"). */
  present: boolean;
  /** Data rows below the header (0 when absent or empty). */
  rows: number;
  /** The sheet's actual name when present. */
  sheetName: string | null;
}

/** Template tabs already in the spreadsheet, found case-insensitively with `_`/`-` accepted for spaces. */
function templateSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<TabName, Sheet> {
  const found = new Map<TabName, Sheet>();
  for (const sheet of ss.getSheets()) {
    const tab = tabNameOf(sheet.getName());
    if (tab && !found.has(tab)) found.set(tab, sheet);
  }
  return found;
}

function buildRule(rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(rule.helpText);
  return (rule.kind === 'checkbox' ? b.requireCheckbox() : b.requireValueInList(rule.values, true)).build();
}

/** Writes one planned template into a new, empty sheet: whole-row header writes and one call per column run. */
function writeTemplate(sheet: Sheet, plan: TemplatePlan): void {
  const n = plan.headers.length;
  if (sheet.getMaxColumns() < n) sheet.insertColumnsAfter(sheet.getMaxColumns(), n - sheet.getMaxColumns());
  const header = sheet.getRange(1, 1, 1, n);
  header.setNumberFormat('@');
  header.setValues([plan.headers]);
  header.setNotes([plan.notes]);
  header.setFontWeights([plan.fontWeights as (GoogleAppsScript.Spreadsheet.FontWeight | null)[]]);
  header.setBackgrounds([plan.backgrounds]);
  sheet.getRange(1, plan.receiptStart, 1, n - plan.receiptStart + 1).setFontColor(RECEIPT_FONT_COLOR);
  sheet.setFrozenRows(plan.frozenRows);
  const dataRows = sheet.getMaxRows() - 1;
  if (dataRows < 1) return;
  for (const run of plan.formats) sheet.getRange(2, run.start, dataRows, run.count).setNumberFormat(run.value);
  for (const run of plan.validations) sheet.getRange(2, run.start, dataRows, run.count).setDataValidation(buildRule(run.value));
}

/** Creates the template tabs that are missing (omitted or empty `tabs` = all seven). Existing tabs are left as they are. */
export function insertTemplates(tabs?: string[] | null): InsertTemplatesResult {
  const wanted = resolveTabs(tabs);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const present = templateSheets(ss);
  const result: InsertTemplatesResult = { created: [], existing: [] };
  for (const tab of wanted) {
    if (present.has(tab)) {
      result.existing.push(tab);
      continue;
    }
    const sheet = ss.insertSheet(tab, ss.getNumSheets());
    writeTemplate(sheet, planTemplate(tab));
    result.created.push(tab);
  }
  return result;
}

/** Every template tab with whether it exists and how many data rows it has, in import order. */
export function listImportTabs(): { tabs: ImportTabInfo[] } {
  const present = templateSheets(SpreadsheetApp.getActiveSpreadsheet());
  return {
    tabs: TAB_NAMES.map((name) => {
      const sheet = present.get(name);
      return sheet
        ? { name, present: true, rows: Math.max(0, sheet.getLastRow() - 1), sheetName: sheet.getName() }
        : { name, present: false, rows: 0, sheetName: null };
    }),
  };
}
