// Embedded charts: sheet.newChart() builder, the built chart and the Charts.ChartType enum.
// Charts keep type, ranges, options and position as plain properties so tests and the playground can inspect them.

import { Runtime, instrument } from './runtime';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartState {
  chartId: number | null;
  type: string | null;
  ranges: GRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
}

let nextChartId = 1;

export class FakeEmbeddedChart {
  constructor(
    private readonly rt: Runtime,
    readonly state: ChartState,
  ) {
    return instrument(this, rt, 'SpreadsheetApp', 'EmbeddedChart');
  }
  /** Inspection helpers (plain properties, not counted). */
  get type(): string | null {
    return this.state.type;
  }
  get ranges(): GRange[] {
    return this.state.ranges;
  }
  get options(): Record<string, unknown> {
    return this.state.options;
  }
  get position(): ChartPosition {
    return this.state.position;
  }
  getChartId(): number | null {
    return this.state.chartId;
  }
  getRanges(): GRange[] {
    return [...this.state.ranges];
  }
  getOptions(): { get(option: string): unknown } {
    const options = { ...this.state.options };
    return { get: (option: string) => (option in options ? options[option] : null) };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this.state.position;
    return { getAnchorRow: () => p.anchorRow, getAnchorColumn: () => p.anchorColumn, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeChartBuilder(this.rt, cloneState(this.state)) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
}

function cloneState(s: ChartState): ChartState {
  return { chartId: s.chartId, type: s.type, ranges: [...s.ranges], options: { ...s.options }, position: { ...s.position } };
}

export class FakeChartBuilder {
  private readonly state: ChartState;
  constructor(
    private readonly rt: Runtime,
    initial?: ChartState,
  ) {
    this.state = initial ?? { chartId: null, type: null, ranges: [], options: {}, position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 } };
    return instrument(this, rt, 'SpreadsheetApp', 'EmbeddedChartBuilder');
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType | string): this {
    const name = String(type);
    if (!(name in ChartType)) throw this.rt.error(`Invalid argument: chartType (${name})`);
    this.state.type = name;
    return this;
  }
  getChartType(): string | null {
    return this.state.type;
  }
  addRange(range: GRange): this {
    if (!range || typeof (range as { getA1Notation?: unknown }).getA1Notation !== 'function') {
      throw this.rt.error("The parameters (" + typeof range + ") don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.");
    }
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: GRange): this {
    this.state.ranges = this.state.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): GRange[] {
    return [...this.state.ranges];
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    for (const n of [anchorRowPos, anchorColPos, offsetX, offsetY]) {
      if (typeof n !== 'number' || !Number.isFinite(n)) throw this.rt.error("The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.");
    }
    if (anchorRowPos < 1 || anchorColPos < 1) throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.state.options[option] = value;
    return this;
  }
  build(): GChart {
    if (!this.state.type) throw this.rt.error('Chart type must be set before build().');
    const state = cloneState(this.state);
    if (state.chartId === null) state.chartId = nextChartId++;
    return new FakeEmbeddedChart(this.rt, state) as unknown as GChart;
  }
}
