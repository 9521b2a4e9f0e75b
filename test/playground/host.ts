// The Apps Script side of the playground: one fake environment running dist/Code.js unchanged, the formula engine,
// menu/bridge/trigger calls with their UI effects, user edits through the fakes, and persistence after each change.

import * as vm from 'vm';
import { createGasEnvironment, type FakeSheet, type GasEnvironment } from '../fakes';
import { restoreEnvironment, snapshotEnvironment, type EnvironmentSnapshot } from '../fakes/snapshot';
import { useRealSleep } from '../fakes/script-scope';
import { readBundle, type BundleContext } from '../support/load-bundle';
import { invokeServerFunction, type BridgeResult } from '../support/script-run-bridge';
import { readJson, writeAtomic, type DataDir } from './data-dir';
import { createFormulaEngine, type FormulaEngine } from './formula-engine';
import type { DialogAnswer, DialogAsk, Effects, MenuView, WorkbookView } from './protocol';
import { recalcAfterEdit, type Rect } from './recalc';
import { sheetView } from './view';

export const HOUR_MS = 3600000;

interface SavedWorkbook {
  env: EnvironmentSnapshot;
  /** How far the add-on's clock runs ahead of the wall clock (compressed time from --tick / "+1 h"). */
  clockOffsetMs: number;
}

/**
 * Loads the bundle in a vm context whose Date follows env.clock (wall clock + the compressed-time offset), so the
 * add-on's own Date.now() and the fakes agree when the playground fast-forwards time for the scheduler.
 */
function loadBundleWithClock(env: GasEnvironment): BundleContext {
  const context = vm.createContext({ ...env.globals, __playgroundNow: () => env.clock.now() }) as BundleContext;
  vm.runInContext(
    `(function () {
      var RealDate = Date, now = __playgroundNow;
      function PlaygroundDate() {
        if (!new.target) return new RealDate(now()).toString();
        return Reflect.construct(RealDate, arguments.length ? Array.prototype.slice.call(arguments) : [now()], new.target);
      }
      PlaygroundDate.prototype = RealDate.prototype;
      PlaygroundDate.now = function () { return now(); };
      PlaygroundDate.UTC = RealDate.UTC;
      PlaygroundDate.parse = RealDate.parse;
      globalThis.Date = PlaygroundDate;
    })();`,
    context,
  );
  delete context.__playgroundNow;
  env.bindRealm(context);
  new vm.Script(readBundle(), { filename: 'Code.js' }).runInContext(context);
  return context;
}

export interface HostOptions {
  dir: DataDir;
  log: (line: string) => void;
}

export class PlaygroundHost {
  readonly env: GasEnvironment;
  readonly context: BundleContext;
  readonly engine: FormulaEngine;
  version = 1;
  private clockOffsetMs = 0;
  private lastSaved = '';
  private learned: Record<string, DialogAsk[]>;

  constructor(private readonly opts: HostOptions) {
    this.env = createGasEnvironment({ spreadsheetName: 'ChartMogul playground', spreadsheetTimeZone: 'Etc/UTC', scriptTimeZone: 'Etc/UTC' });
    useRealSleep(this.env);
    const saved = readJson<SavedWorkbook>(opts.dir.workbook);
    if (saved) {
      restoreEnvironment(this.env, saved.env);
      this.clockOffsetMs = saved.clockOffsetMs || 0;
      if (this.clockOffsetMs > 0) this.env.clock.advance(this.clockOffsetMs);
    }
    this.learned = readJson<Record<string, DialogAsk[]>>(opts.dir.dialogs) ?? {};
    this.context = loadBundleWithClock(this.env);
    this.engine = createFormulaEngine(this.env, this.context);
    this.env.spreadsheet.setFormulaEvaluator(this.engine.evaluator);
  }

  /** Opening the document: Sheets runs the add-on's onOpen (LIMITED mode for an add-on in use), building its menu. */
  open(): void {
    if (typeof this.context.onOpen !== 'function') return;
    this.env.setAuthMode('LIMITED');
    try {
      (this.context.onOpen as (e: unknown) => void)(this.env.eventObject());
    } finally {
      this.env.setAuthMode('FULL');
    }
  }

  /** Writes the workbook snapshot when it changed (after every request that may change something). */
  persist(): void {
    const text = JSON.stringify({ env: snapshotEnvironment(this.env), clockOffsetMs: this.clockOffsetMs } satisfies SavedWorkbook);
    if (text === this.lastSaved) return;
    writeAtomic(this.opts.dir.workbook, text);
    this.lastSaved = text;
    this.version++;
  }

  sheet(id: number | null): FakeSheet {
    const ss = this.env.spreadsheet;
    const found = id === null ? null : this.env.untracked(() => ss.getSheetById(id));
    return (found ?? this.env.untracked(() => ss.getActiveSheet())) as unknown as FakeSheet;
  }

  view(sheetId: number | null, wantRows: number): WorkbookView {
    const sheet = this.sheet(sheetId);
    const trigger = this.env.triggers.list().find((t) => t.eventType === 'CLOCK') ?? null;
    return {
      name: this.env.untracked(() => this.env.spreadsheet.getName()),
      sheets: this.env.untracked(() => this.env.spreadsheet.getSheets().map((s) => ({ id: s.getSheetId(), name: s.getName(), hidden: s.isSheetHidden() }))),
      sheet: sheetView(this.env, sheet, wantRows, this.engine.errors),
      menus: this.env.ui.menus as MenuView[],
      trigger: trigger ? { handler: trigger.handlerFunction, schedule: JSON.stringify(trigger.schedule ?? {}) } : null,
      clockOffsetHours: Math.round(this.clockOffsetMs / HOUR_MS),
      version: this.version,
    };
  }

  /** Runs fn and reports what it did to the Ui (alerts, prompts, sidebars, dialogs, toasts) and any error. */
  private perform<T>(fn: () => T): { effects: Effects; value?: T } {
    const ui = this.env.ui;
    const before = { alerts: ui.alerts.length, prompts: ui.prompts.length, sidebars: ui.sidebars.length, dialogs: ui.dialogs.length, toasts: this.env.spreadsheet.toasts.length };
    const effects: Effects = { alerts: [], toasts: [], sidebar: null, dialogs: [], error: null, notice: null };
    let value: T | undefined;
    try {
      value = fn();
    } catch (e) {
      effects.error = e instanceof Error ? e.message : String(e);
    } finally {
      ui.alertQueue.length = 0;
      ui.promptQueue.length = 0;
      this.persist();
    }
    effects.alerts = [
      ...ui.alerts.slice(before.alerts).map((a) => ({ kind: 'alert' as const, ...a })),
      ...ui.prompts.slice(before.prompts).map((p) => ({ kind: 'prompt' as const, ...p })),
    ];
    effects.toasts = this.env.spreadsheet.toasts.slice(before.toasts).map((t) => ({ title: t.title, message: t.message }));
    if (ui.sidebars.length > before.sidebars) {
      const index = ui.sidebars.length - 1;
      effects.sidebar = { index, title: this.env.untracked(() => ui.sidebars[index].getTitle()) || 'Add-on' };
    }
    effects.dialogs = ui.dialogs.slice(before.dialogs).map((d, i) => ({
      index: before.dialogs + i,
      title: d.title,
      width: this.env.untracked(() => d.output.getWidth()) || 600,
      height: this.env.untracked(() => d.output.getHeight()) || 400,
    }));
    return { effects, value };
  }

  /** The dialogs a menu item showed last time it ran, so the page can ask the user before calling it again. */
  dialogsOf(functionName: string): DialogAsk[] {
    return this.learned[functionName] ?? [];
  }

  /** A menu item: answers asked in the page first are queued, then the function runs as a menu click would (FULL). */
  callMenu(functionName: string, answers: DialogAnswer[]): { effects: Effects } {
    const fn = this.context[functionName];
    if (typeof fn !== 'function') return this.perform(() => { throw new Error(`Script function not found: ${functionName}`); });
    for (const a of answers) {
      if (a.kind === 'prompt') this.env.ui.queuePromptResponse(a.text ?? '', a.button);
      else this.env.ui.queueAlertResponse(a.button);
    }
    const result = this.perform(() => (fn as () => unknown)());
    const asks = result.effects.alerts.filter((a) => a.kind === 'prompt' || a.buttons !== 'OK').map(({ kind, title, prompt, buttons }) => ({ kind, title, prompt, buttons }));
    if (asks.length && answers.length === 0) {
      result.effects.notice = 'This menu item asked a question; the playground answered it with the default button. Next time it asks you first.';
    }
    if (asks.length && JSON.stringify(asks) !== JSON.stringify(this.learned[functionName] ?? [])) {
      this.learned[functionName] = asks;
      writeAtomic(this.opts.dir.dialogs, JSON.stringify(this.learned, null, 2));
    }
    return { effects: result.effects };
  }

  /** google.script.run from the sidebar or a dialog: the real bridge's rules (invokeServerFunction). */
  run(name: string, args: unknown[]): { result: BridgeResult; effects: Effects } {
    const out = this.perform(() => invokeServerFunction(this.context, name, args));
    return { result: out.value ?? { ok: false, error: { name: 'Error', message: out.effects.error ?? 'failed' } }, effects: out.effects };
  }

  /** Fires the time-driven trigger's handler as Apps Script would; advanceClock first moves the add-on's time one hour. */
  fireTrigger(advanceClock: boolean): { effects: Effects; value?: string } {
    return this.perform(() => {
      if (advanceClock) {
        this.env.clock.advance(HOUR_MS);
        this.clockOffsetMs += HOUR_MS;
      }
      const trigger = this.env.triggers.list().find((t) => t.eventType === 'CLOCK');
      if (!trigger) return 'No time-driven trigger is installed yet (the add-on installs it when something needs background work).';
      const fn = this.context[trigger.handlerFunction];
      if (typeof fn !== 'function') throw new Error(`Trigger handler ${trigger.handlerFunction} is not a function of the bundle`);
      (fn as (e: unknown) => void)(this.env.eventObject({ triggerUid: trigger.id }));
      return `Ran ${trigger.handlerFunction}.`;
    });
  }

  /** A user typing into a cell (or pasting a block): strings through setValues, as typed; then dependants recalculate. */
  edit(sheetId: number, row: number, col: number, rows: unknown[][]): { effects: Effects } {
    return this.perform(() => {
      const sheet = this.sheet(sheetId);
      const width = Math.max(...rows.map((r) => r.length));
      const block = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
      this.env.untracked(() => {
        const needRows = row + block.length - 1 - sheet.getMaxRows();
        if (needRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needRows);
        const needCols = col + width - 1 - sheet.getMaxColumns();
        if (needCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols);
        sheet.getRange(row, col, block.length, width).setValues(block);
      });
      recalcAfterEdit(this.env, [{ sheetId: sheet._id, row, col, rows: block.length, cols: width }]);
    });
  }

  clear(rect: Rect): { effects: Effects } {
    return this.perform(() => {
      const sheet = this.sheet(rect.sheetId);
      this.env.untracked(() => sheet.getRange(rect.row, rect.col, rect.rows, rect.cols).clearContent());
      recalcAfterEdit(this.env, [rect]);
    });
  }

  activate(sheetId: number): void {
    const sheet = this.sheet(sheetId);
    this.env.untracked(() => sheet.activate());
    this.persist();
  }

  /** The HTML of a sidebar or dialog the add-on showed (HtmlOutput content). */
  html(kind: 'sidebar' | 'dialog', index: number): string | null {
    const output = kind === 'sidebar' ? this.env.ui.sidebars[index] : this.env.ui.dialogs[index]?.output;
    return output ? this.env.untracked(() => output.getContent()) : null;
  }

  readSetting(kind: 'user' | 'document' | 'script', key: string): string | null {
    return this.env.properties[kind].data.get(key) ?? null;
  }

  setSetting(kind: 'user' | 'document' | 'script', key: string, value: string): void {
    this.env.untracked(() => this.env.properties[kind].setProperty(key, value));
  }

  deleteSetting(kind: 'user' | 'document' | 'script', key: string): void {
    this.env.untracked(() => this.env.properties[kind].deleteProperty(key));
  }
}
