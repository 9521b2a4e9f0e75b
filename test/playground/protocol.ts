// What the playground server and page exchange (JSON over fetch): the workbook view, UI effects of a call, requests.
// Type-only: imported by the server (view.ts, server.ts) and the page script (page/*.ts).

export interface CellView {
  r: number;
  c: number;
  /** Display text exactly as getDisplayValues() gives it. */
  t: string;
  /** Formula, when the cell holds one. */
  f?: string;
  note?: string;
  /** Index into SheetView.rules. */
  dv?: number;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  bg?: string;
  color?: string;
  align?: string;
  /** Numbers and dates align right like Sheets' automatic alignment. */
  num?: boolean;
  /** Part of another cell's array result. */
  spill?: boolean;
  /** Why a formula shows #ERROR! / #NAME? (tooltip). */
  err?: string;
  /** Checkbox state when the cell has a checkbox rule. */
  checked?: boolean;
}

export interface RuleView {
  type: string;
  /** VALUE_IN_LIST / VALUE_IN_RANGE: the dropdown's choices; CHECKBOX: [checked, unchecked]. */
  values: Array<string | number | boolean>;
  help: string | null;
}

export interface ChartSeries {
  label: string;
  data: Array<number | null>;
}

export interface ChartView {
  id: number | null;
  type: string | null;
  title: string;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  labels: string[];
  series: ChartSeries[];
  options: Record<string, unknown>;
}

export interface SheetView {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  /** Rows and columns the page draws (the used area plus room; the page asks for more rows on demand). */
  rows: number;
  cols: number;
  frozenRows: number;
  frozenCols: number;
  widths: number[];
  cells: CellView[];
  rules: RuleView[];
  charts: ChartView[];
}

export interface MenuItemView {
  type: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  items?: MenuItemView[];
}

export interface MenuView {
  name: string;
  addon: boolean;
  items: MenuItemView[];
}

export interface WorkbookView {
  name: string;
  sheets: Array<{ id: number; name: string; hidden: boolean }>;
  sheet: SheetView;
  menus: MenuView[];
  trigger: { handler: string; schedule: string } | null;
  clockOffsetHours: number;
  /** Bumped on every change, so the page can tell whether it is stale. */
  version: number;
}

export interface DialogAsk {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}

export interface DialogAnswer {
  kind: 'alert' | 'prompt';
  button: string;
  text?: string;
}

export interface Effects {
  alerts: Array<DialogAsk & { response: string; responseText?: string }>;
  toasts: Array<{ title: string; message: string }>;
  /** Index of the sidebar to show (the newest showSidebar of this call). */
  sidebar: { index: number; title: string } | null;
  dialogs: Array<{ index: number; title: string; width: number; height: number }>;
  error: string | null;
  /** Why the call was not what it seems (e.g. a confirm answered with its default). */
  notice: string | null;
}

export interface CallResult<T = unknown> {
  effects: Effects;
  value?: T;
}
