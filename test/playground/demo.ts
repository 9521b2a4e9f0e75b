// The demo content: the emulator seed (test/demo's generated SaaS account) and the "Start here" tab with ready
// formulas and instructions, written as a user would type them (strings through setValues, so they are parsed).

import { writeFileSync } from 'fs';
import type { GasEnvironment } from '../fakes';
import { generateDemo } from '../demo/generator';
import { toEmulatorState, DEMO_DATA_SOURCE } from '../demo/views';

export const DEMO_SEED = 42;
export const START_TAB = 'Start here';

/** Writes the emulator seed for the demo account ending on endDate; returns the demo data source. */
export function writeDemoSeed(path: string, endDate: string): { uuid: string; name: string } {
  const state = toEmulatorState(generateDemo({ seed: DEMO_SEED, endDate: new Date(endDate + 'T00:00:00Z') }));
  writeFileSync(path, JSON.stringify(state));
  const ds = state.dataSources.find((d) => d.name === DEMO_DATA_SOURCE) ?? state.dataSources[0];
  return { uuid: ds.uuid, name: ds.name };
}

const ymd = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** The six complete months before the end date's month: [first day, last day] as YYYY-MM-DD. */
export function lastSixMonths(endDate: string): [string, string] {
  const y = Number(endDate.slice(0, 4));
  const m = Number(endDate.slice(5, 7)) - 1;
  return [ymd(y, m - 6, 1), ymd(y, m, 0)];
}

function dateCall(day: string): string {
  return `DATE(${Number(day.slice(0, 4))}, ${Number(day.slice(5, 7))}, ${Number(day.slice(8, 10))})`;
}

/** Renames the first tab to "Start here" and fills it with instructions and ready formulas (evaluated on write). */
export function writeStartTab(env: GasEnvironment, endDate: string, empty: boolean): void {
  const [from, to] = lastSixMonths(endDate);
  env.untracked(() => {
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.setName(START_TAB);
    const intro: string[][] = [
      ['ChartMogul for Google Sheets: local playground'],
      [empty
        ? 'The add-on (dist/Code.js) runs here unchanged against a local ChartMogul emulator with an empty account (--empty).'
        : `The add-on (dist/Code.js) runs here unchanged against a local ChartMogul emulator holding a demo SaaS account (24 months up to ${endDate}).`],
      ['1. Open the sidebar: Extensions › ChartMogul › Open sidebar. Settings shows the connected demo account.'],
      ['2. Import: Insert templates, paste rows copied from any spreadsheet (Ctrl-V, tab-separated), then Import.'],
      ['3. Reports: build a metrics report with a chart; "Run scheduled work now" (top right) refreshes scheduled reports.'],
      ['4. Type your own formulas anywhere, e.g. =CHARTMOGUL_METRIC("arr") or =CHARTMOGUL_CUSTOMERS("Active").'],
    ];
    sheet.getRange(1, 1, intro.length, 1).setValues(intro);
    sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
    if (empty) return;
    sheet.getRange(8, 1, 2, 2).setValues([['From', from], ['To', to]]);
    sheet.getRange(8, 2, 2, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(11, 1, 3, 2).setValues([
      ['MRR today', '=CHARTMOGUL_METRIC("mrr")'],
      ['Customers on the "To" day', '=CHARTMOGUL_METRIC("customers", B9)'],
      ['ARR today (=B11*12)', '=B11*12'],
    ]);
    sheet.getRange(11, 2, 3, 1).setNumberFormat('"$"#,##0.00');
    sheet.getRange(12, 2).setNumberFormat('#,##0');
    sheet.getRange(15, 1, 1, 1).setValues([['MRR and customers, last six months']]);
    sheet.getRange(24, 1, 1, 1).setValues([['MRR movements, same months (dates from B8:B9)']]);
    sheet.getRange(15, 1, 18, 1).setFontWeight(null);
    sheet.getRange(15, 1).setFontWeight('bold');
    sheet.getRange(24, 1).setFontWeight('bold');
    sheet.getRange(17, 1, 7, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(17, 2, 7, 1).setNumberFormat('#,##0.00');
    sheet.getRange(26, 1, 7, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(26, 2, 7, 7).setNumberFormat('#,##0.00');
    sheet.getRange(16, 1).setValue(`=CHARTMOGUL_METRICS("mrr,customers", ${dateCall(from)}, ${dateCall(to)})`);
    sheet.getRange(25, 1).setValue('=CHARTMOGUL_MRR_MOVEMENTS(B8, B9)');
    sheet.getRange(16, 1).setNote('A CHARTMOGUL_METRICS table spills like in Sheets: a header row and one row per month.');
    sheet.setColumnWidth(1, 200);
  });
}
