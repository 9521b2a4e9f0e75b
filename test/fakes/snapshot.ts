// Serialises a fake environment's document state (sheets, cells, formats, notes, validations, charts, properties,
// triggers) to plain JSON and restores it into a fresh environment. Used by the local playground to persist a workbook.

import type { GasEnvironment } from './index';
import { FakeChartBuilder, FakeEmbeddedChart, type ChartState } from './charts';
import { FakeDataValidation, type CriteriaType } from './data-validation';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { TriggerInfo } from './script-app';
import type { FakeSpreadsheet } from './spreadsheet';
import { Cell, CellStyle, DateCell, Stored } from './values';

export interface RangeRef {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

type StoredJson = string | number | boolean | { d: number };

export interface RuleJson {
  criteria: CriteriaType;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** One cell: [row, col, value, formula?, formatIndex?, note?, ruleIndex?, styleIndex?, spilled-from [row, col]?]. */
export interface CellJson {
  r: number;
  c: number;
  v: StoredJson;
  f?: string;
  fmt?: number;
  note?: string;
  dv?: number;
  st?: number;
  spillOf?: [number, number];
}

export interface SheetJson {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  widths: Array<[number, number]>;
  cells: CellJson[];
  charts: Array<{ chartId: number | null; type: string | null; ranges: RangeRef[]; options: Record<string, unknown>; position: ChartState['position'] }>;
}

export interface EnvironmentSnapshot {
  version: 1;
  spreadsheet: { name: string; timeZone: string; activeSheetId: number | null; nextSheetId: number; sheets: SheetJson[] };
  formats: string[];
  rules: RuleJson[];
  styles: CellStyle[];
  properties: { user: Record<string, string>; document: Record<string, string>; script: Record<string, string> };
  triggers: TriggerInfo[];
}

function storedToJson(v: Stored): StoredJson {
  return v instanceof DateCell ? { d: v.wall } : v;
}

function storedFromJson(v: StoredJson): Stored {
  return typeof v === 'object' && v !== null ? new DateCell(v.d) : v;
}

function rangeRef(r: unknown): RangeRef | unknown {
  if (r instanceof FakeRange) return { sheetId: r._sheet._id, row: r._row, col: r._col, numRows: r._numRows, numCols: r._numCols };
  return r;
}

function isRangeRef(x: unknown): x is RangeRef {
  return !!x && typeof x === 'object' && 'sheetId' in x && 'numRows' in x;
}

/** Index of a value in a dictionary list, adding it when new (keys compared as JSON). */
function interner<T>(list: T[]): (value: T) => number {
  const seen = new Map<string, number>();
  return (value: T) => {
    const key = JSON.stringify(value);
    let i = seen.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      seen.set(key, i);
    }
    return i;
  };
}

export function snapshotEnvironment(env: GasEnvironment): EnvironmentSnapshot {
  const ss = env.spreadsheet as FakeSpreadsheet;
  const formats: string[] = [];
  const rules: RuleJson[] = [];
  const styles: CellStyle[] = [];
  const fmtIndex = interner(formats);
  const styleIndex = interner(styles);
  const ruleIds = new Map<unknown, number>();
  const ruleIndex = (dv: unknown): number => {
    let i = ruleIds.get(dv);
    if (i === undefined) {
      const s = (dv as FakeDataValidation).state;
      i = rules.length;
      rules.push({ criteria: s.criteria as CriteriaType, values: s.values.map(rangeRef), allowInvalid: s.allowInvalid, helpText: s.helpText });
      ruleIds.set(dv, i);
    }
    return i;
  };
  const sheets: SheetJson[] = ss._sheets.map((sheet) => {
    const where = new Map<Cell, [number, number]>();
    sheet._rows.forEach((line, r) => line?.forEach((cell, c) => cell && where.set(cell, [r + 1, c + 1])));
    const cells: CellJson[] = [];
    for (const [cell, [r, c]] of where) {
      const empty = cell.v === '' && !cell.f && !cell.fmt && !cell.note && !cell.dv && !cell.st;
      if (empty) continue;
      const out: CellJson = { r, c, v: storedToJson(cell.v) };
      if (cell.f) out.f = cell.f;
      if (cell.fmt) out.fmt = fmtIndex(cell.fmt);
      if (cell.note) out.note = cell.note;
      if (cell.dv) out.dv = ruleIndex(cell.dv);
      if (cell.st && Object.keys(cell.st).length) out.st = styleIndex(cell.st);
      if (cell.spillOf && where.has(cell.spillOf)) out.spillOf = where.get(cell.spillOf);
      cells.push(out);
    }
    return {
      id: sheet._id,
      name: sheet._name,
      maxRows: sheet._maxRows,
      maxCols: sheet._maxCols,
      frozenRows: sheet._frozenRows,
      frozenCols: sheet._frozenCols,
      hidden: sheet._hidden,
      widths: [...sheet._widths.entries()],
      cells,
      charts: sheet._charts.map((ch) => ({
        chartId: ch.state.chartId,
        type: ch.state.type,
        ranges: ch.state.ranges.map((r) => rangeRef(r) as RangeRef),
        options: JSON.parse(JSON.stringify(ch.state.options)) as Record<string, unknown>,
        position: { ...ch.state.position },
      })),
    };
  });
  return {
    version: 1,
    spreadsheet: { name: ss._name, timeZone: ss._tz, activeSheetId: ss._activeSheet?._id ?? null, nextSheetId: ss._nextSheetId, sheets },
    formats,
    rules,
    styles,
    properties: {
      user: Object.fromEntries(env.properties.user.data),
      document: Object.fromEntries(env.properties.document.data),
      script: Object.fromEntries(env.properties.script.data),
    },
    triggers: env.triggers.list(),
  };
}

/** Replaces the document state of a fresh environment with a snapshot (cells are restored as stored: no re-evaluation). */
export function restoreEnvironment(env: GasEnvironment, snap: EnvironmentSnapshot): void {
  const ss = env.spreadsheet as FakeSpreadsheet;
  const rt = ss._rt;
  ss._name = snap.spreadsheet.name;
  ss._tz = snap.spreadsheet.timeZone;
  ss._sheets.length = 0;
  const byId = new Map<number, FakeSheet>();
  for (const s of snap.spreadsheet.sheets) {
    const sheet = new FakeSheet(rt, ss._me, s.name, s.id, s.maxRows, s.maxCols);
    sheet._frozenRows = s.frozenRows;
    sheet._frozenCols = s.frozenCols;
    sheet._hidden = s.hidden;
    for (const [c, w] of s.widths) sheet._widths.set(c, w);
    ss._sheets.push(sheet);
    byId.set(s.id, sheet);
  }
  ss._nextSheetId = snap.spreadsheet.nextSheetId;
  ss._activeSheet = (snap.spreadsheet.activeSheetId !== null && byId.get(snap.spreadsheet.activeSheetId)) || ss._sheets[0];
  const toRange = (x: unknown): unknown => {
    if (!isRangeRef(x)) return x;
    const sheet = byId.get(x.sheetId);
    return sheet ? new FakeRange(sheet._me, x.row, x.col, x.numRows, x.numCols) : null;
  };
  const rules = snap.rules.map((r) => new FakeDataValidation(rt, { criteria: r.criteria, values: r.values.map(toRange), allowInvalid: r.allowInvalid, helpText: r.helpText }));
  let maxChartId = 0;
  for (const s of snap.spreadsheet.sheets) {
    const sheet = byId.get(s.id) as FakeSheet;
    for (const c of s.cells) {
      const cell = sheet._cell(c.r, c.c, true) as Cell;
      cell.v = storedFromJson(c.v);
      if (c.f) cell.f = c.f;
      if (c.fmt !== undefined) cell.fmt = snap.formats[c.fmt];
      if (c.note) cell.note = c.note;
      if (c.dv !== undefined) cell.dv = rules[c.dv];
      if (c.st !== undefined) cell.st = { ...snap.styles[c.st] };
    }
    for (const c of s.cells) {
      if (!c.spillOf) continue;
      const anchor = sheet._cell(c.spillOf[0], c.spillOf[1]);
      const cell = sheet._cell(c.r, c.c) as Cell;
      if (!anchor) continue;
      cell.spillOf = anchor;
      (anchor.spill ??= []).push(cell);
    }
    for (const ch of s.charts) {
      const state: ChartState = { chartId: ch.chartId, type: ch.type, ranges: ch.ranges.map(toRange).filter(Boolean) as ChartState['ranges'], options: ch.options, position: ch.position };
      sheet._charts.push(new FakeEmbeddedChart(rt, state));
      maxChartId = Math.max(maxChartId, ch.chartId ?? 0);
    }
  }
  // Chart ids come from a module counter in charts.ts: build throw-away charts until new ids cannot clash.
  rt.untracked(() => {
    while (maxChartId > 0) {
      const probe = new FakeChartBuilder(rt).setChartType('LINE').build() as unknown as FakeEmbeddedChart;
      if ((probe.state.chartId ?? 0) > maxChartId) break;
    }
  });
  for (const kind of ['user', 'document', 'script'] as const) {
    env.properties[kind].data.clear();
    for (const [k, v] of Object.entries(snap.properties[kind])) env.properties[kind].data.set(k, v);
  }
  env.triggers.clear();
  let maxSerial = 0;
  for (const info of snap.triggers) {
    env.triggers.add({ ...info, schedule: info.schedule && { ...info.schedule } });
    maxSerial = Math.max(maxSerial, Math.round((Number(info.id) - 100000) / 7919));
  }
  // Trigger ids come from a private counter: draw ids until the next one is past every restored id.
  for (let i = 0; i < maxSerial; i++) env.triggers.newId();
}
