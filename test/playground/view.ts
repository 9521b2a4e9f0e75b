// Builds what the page draws from the fakes: display values (getDisplayValues), formulas, notes, validations, styles,
// frozen rows, column widths and the sheet's charts with their data read from the chart ranges.

import type { FakeSheet, GasEnvironment } from '../fakes';
import { FakeDataValidation } from '../fakes/data-validation';
import type { FakeEmbeddedChart } from '../fakes/charts';
import type { CellView, ChartView, RuleView, SheetView } from './protocol';

type Range = GoogleAppsScript.Spreadsheet.Range;

const MIN_ROWS = 60;
const MIN_COLS = 26;
const SPARE_ROWS = 30;

function isDateValue(v: unknown): boolean {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function ruleView(rule: FakeDataValidation): RuleView {
  const s = rule.state;
  let values: Array<string | number | boolean> = [];
  if (s.criteria === 'VALUE_IN_LIST') values = (s.values[0] as string[]) ?? [];
  else if (s.criteria === 'VALUE_IN_RANGE') {
    const r = s.values[0] as Range | null;
    values = r ? (r.getDisplayValues().flat().filter((x) => x !== '') as string[]) : [];
  } else if (s.criteria === 'CHECKBOX') {
    values = s.values.length === 0 ? [true, false] : [s.values[0] as string, s.values.length > 1 ? (s.values[1] as string) : ''];
  }
  return { type: s.criteria ?? '', values, help: s.helpText };
}

function chartView(chart: FakeEmbeddedChart): ChartView {
  const st = chart.state;
  const columns: unknown[][] = [];
  const labelsDisplay: string[][] = [];
  for (const range of st.ranges) {
    const values = range.getValues();
    const display = range.getDisplayValues();
    for (let j = 0; j < (values[0]?.length ?? 0); j++) {
      columns.push(values.map((row) => row[j]));
      labelsDisplay.push(display.map((row) => row[j]));
    }
  }
  const height = Math.max(0, ...columns.map((c) => c.length));
  const headers = st.options.headers ?? st.options.numHeaders;
  const firstRowIsHeader = headers !== undefined ? Number(headers) > 0 : columns.slice(1).some((c) => typeof c[0] === 'string' && c[0] !== '');
  const start = firstRowIsHeader ? 1 : 0;
  const labels = (labelsDisplay[0] ?? []).slice(start, height);
  const series = columns.slice(1).map((col, i) => ({
    label: firstRowIsHeader ? String(labelsDisplay[i + 1][0]) : `Series ${i + 1}`,
    data: col.slice(start, height).map((v) => (typeof v === 'number' ? v : isDateValue(v) ? null : v === '' || v === null ? null : Number(v))),
  }));
  const opt = st.options;
  return {
    id: st.chartId,
    type: st.type,
    title: typeof opt.title === 'string' ? opt.title : '',
    anchorRow: st.position.anchorRow,
    anchorColumn: st.position.anchorColumn,
    offsetX: st.position.offsetX,
    offsetY: st.position.offsetY,
    width: typeof opt.width === 'number' ? opt.width : 600,
    height: typeof opt.height === 'number' ? opt.height : 371,
    labels,
    series,
    options: JSON.parse(JSON.stringify(opt)) as Record<string, unknown>,
  };
}

export function sheetView(env: GasEnvironment, sheet: FakeSheet, wantRows: number, errors: Map<string, string>): SheetView {
  return env.untracked(() => {
    const charts = (sheet.getCharts() as unknown as FakeEmbeddedChart[]).map(chartView);
    const chartBottom = Math.max(0, ...charts.map((c) => c.anchorRow + Math.ceil((c.offsetY + c.height) / 21) + 2));
    const rows = Math.min(sheet.getMaxRows(), Math.max(MIN_ROWS, sheet.getLastRow() + SPARE_ROWS, sheet.getFrozenRows() + SPARE_ROWS, wantRows, chartBottom));
    const chartRight = Math.max(0, ...charts.map((c) => c.anchorColumn + Math.ceil((c.offsetX + c.width) / 100)));
    const cols = Math.min(sheet.getMaxColumns(), Math.max(MIN_COLS, sheet.getLastColumn() + 2, chartRight));
    const range = sheet.getRange(1, 1, rows, cols);
    const display = range.getDisplayValues();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const notes = range.getNotes();
    const rulesGrid = range.getDataValidations() as unknown as Array<Array<FakeDataValidation | null>>;
    const ruleIndex = new Map<FakeDataValidation, number>();
    const rules: RuleView[] = [];
    const cells: CellView[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const raw = sheet._cell(i + 1, j + 1);
        const rule = rulesGrid[i][j];
        if (!raw || (raw.v === '' && !raw.f && !raw.note && !rule && !raw.st)) continue;
        const cell: CellView = { r: i + 1, c: j + 1, t: display[i][j] };
        if (formulas[i][j]) cell.f = formulas[i][j];
        if (notes[i][j]) cell.note = notes[i][j];
        if (rule) {
          let k = ruleIndex.get(rule);
          if (k === undefined) {
            k = rules.length;
            rules.push(ruleView(rule));
            ruleIndex.set(rule, k);
          }
          cell.dv = k;
          if (rules[k].type === 'CHECKBOX') cell.checked = values[i][j] === rules[k].values[0];
        }
        const v = values[i][j];
        if (typeof v === 'number' || isDateValue(v)) cell.num = true;
        const st = raw.st;
        if (st) {
          if (st.fontWeight === 'bold') cell.bold = true;
          if (st.fontStyle === 'italic') cell.italic = true;
          if (st.fontSize) cell.size = st.fontSize;
          if (st.background && st.background !== '#ffffff') cell.bg = st.background;
          if (st.fontColor && st.fontColor !== '#000000') cell.color = st.fontColor;
          if (st.horizontalAlignment) cell.align = st.horizontalAlignment;
        }
        if (raw.spillOf) cell.spill = true;
        const err = errors.get(`${sheet._id}:${i + 1}:${j + 1}`);
        if (err && (cell.t === '#ERROR!' || cell.t === '#NAME?')) cell.err = err;
        cells.push(cell);
      }
    }
    const widths: number[] = [];
    for (let c = 1; c <= cols; c++) widths.push(sheet.getColumnWidth(c));
    return {
      id: sheet._id,
      name: sheet._name,
      maxRows: sheet.getMaxRows(),
      maxCols: sheet.getMaxColumns(),
      rows,
      cols,
      frozenRows: sheet.getFrozenRows(),
      frozenCols: sheet.getFrozenColumns(),
      widths,
      cells,
      rules,
      charts,
    };
  });
}
