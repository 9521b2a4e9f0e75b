// Import panel: choose tabs, insert templates, check, estimate, import chunk by chunk with progress, cancel, resume, undo.
// All server access goes through importServer; the run loop lives in importRunner, the DOM builders in importView.

import type { SettingsView } from '../../gas/settingsApi';
import { h, showMessage } from '../dom';
import { ImportRunner } from './importRunner';
import { importServer, type ImportOptions, type ImportServer, type ImportSummary } from './importServer';
import {
  MODE_LABELS, backgroundText, checkedTabs, estimateText, num, renderCheck, renderProgress, renderSummary, renderTabList, renderUndo,
} from './importView';

const BACKGROUND_NOTE = 'If you close the sidebar, the import continues in the background about once an hour.';

function button(id: string, label: string, kind: 'primary' | 'secondary' = 'secondary'): HTMLButtonElement {
  return h('button', { id, type: 'button', class: kind }, [label]);
}

export class ImportPanel {
  private readonly el = {
    tabs: h('div', { id: 'imp-tabs', class: 'imp-tabs', role: 'group', 'aria-labelledby': 'imp-tabs-title', 'aria-busy': 'true' }, ['Loading tabs…']),
    msg: h('div', { id: 'imp-msg', class: 'msg empty', role: 'status', 'aria-live': 'polite' }),
    runMsg: h('div', { id: 'imp-run-msg', class: 'msg empty', role: 'status', 'aria-live': 'polite' }),
    background: h('div', { id: 'imp-background', class: 'warn', role: 'alert' }),
    check: h('div', { id: 'imp-check-result' }),
    mode: h('select', { id: 'imp-mode' }),
    replace: h('input', { id: 'imp-replace', type: 'checkbox' }),
    estimate: h('div', { id: 'imp-estimate', class: 'imp-box' }),
    estimateText: h('div', { id: 'imp-estimate-text' }),
    resume: h('div', { id: 'imp-resume', class: 'imp-box' }),
    resumeText: h('div', { id: 'imp-resume-text' }),
    progress: h('div', { id: 'imp-progress' }),
    cancel: button('imp-cancel', 'Cancel import'),
    summary: h('div', { id: 'imp-summary' }),
    undo: button('imp-undo', 'Undo last import'),
    undoResult: h('div', { id: 'imp-undo-result' }),
  };
  private readonly buttons: HTMLButtonElement[] = [];
  private last: ImportSummary | null = null;
  private readonly runner: ImportRunner;

  constructor(
    private readonly root: HTMLElement,
    private readonly ready: boolean,
    private readonly server: ImportServer = importServer,
  ) {
    this.runner = new ImportRunner(server, {
      onChunk: (s) => this.showProgress(s),
      onStop: (s, how) => this.stopped(s, how),
      onError: (e, s) => {
        this.stopped(s ?? this.last, 'error');
        showMessage(this.el.runMsg, 'error', `Import stopped: ${e.message}. Press "Resume now" to continue.`);
      },
    });
    this.layout();
  }

  private layout(): void {
    const e = this.el;
    for (const m of ['auto', 'rows', 'bulk']) e.mode.appendChild(h('option', { value: m }, [MODE_LABELS[m]]));
    const act = (id: string, label: string, fn: () => Promise<void>, kind?: 'primary' | 'secondary') => {
      const b = button(id, label, kind);
      b.addEventListener('click', () => void this.guard(fn));
      this.buttons.push(b);
      return b;
    };
    if (!this.ready) this.root.appendChild(h('p', { class: 'warn', id: 'imp-not-ready' }, ['Connect and choose a data source in Settings to import. You can insert templates and check tabs now.']));
    this.root.append(h('h2', { id: 'imp-tabs-title' }, ['Tabs to import']), e.tabs,
      h('div', { class: 'actions' }, [act('imp-insert', 'Insert templates', () => this.insert()), act('imp-check', 'Check', () => this.check()), act('imp-refresh', 'Refresh', () => this.refreshTabs())]),
      e.msg, e.check, h('h2', {}, ['Import']),
      h('label', { for: 'imp-mode' }, ['Mode']), e.mode,
      h('label', { class: 'check' }, [e.replace, 'Replace changed invoices']),
      h('p', { class: 'help' }, ['Auto sends large imports in bulk and small ones row by row. Changed invoices are only flagged unless you replace them.']),
      h('div', { class: 'actions' }, [act('imp-start', 'Import…', () => this.estimate(), 'primary')]),
      e.estimate, e.runMsg, e.background, e.resume, e.progress, e.cancel, e.summary, e.undo, e.undoResult);
    e.estimate.append(e.estimateText, h('div', { class: 'actions' }, [act('imp-go', 'Start import', () => this.start(), 'primary'), act('imp-back', 'Back', async () => void (e.estimate.hidden = true))]));
    e.resume.append(e.resumeText, h('div', { class: 'actions' }, [act('imp-resume-now', 'Resume now', () => this.resume(), 'primary')]));
    e.cancel.addEventListener('click', () => this.cancel());
    this.buttons.push(e.undo);
    e.undo.addEventListener('click', () => void this.guard(() => this.undo()));
    for (const x of [e.estimate, e.resume, e.cancel, e.undo, e.background]) x.hidden = true;
    if (!this.ready) for (const id of ['imp-start', 'imp-go', 'imp-resume-now', 'imp-undo']) this.byId(id).disabled = true;
  }

  private byId(id: string): HTMLButtonElement {
    return this.buttons.find((b) => b.id === id) as HTMLButtonElement;
  }

  /** Runs a button action with the other buttons and the form locked; shows its failure in the message line. */
  private async guard(fn: () => Promise<void>): Promise<void> {
    const controls = [...this.buttons, ...Array.from(this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))];
    const before = controls.map((b) => b.disabled);
    controls.forEach((b) => (b.disabled = true));
    this.root.setAttribute('aria-busy', 'true');
    try {
      await fn();
    } catch (err) {
      showMessage(this.el.msg, 'error', (err as Error).message);
    } finally {
      // Tab checkboxes re-rendered during the action are new elements, enabled already.
      controls.forEach((b, i) => (b.disabled = before[i]));
      this.root.removeAttribute('aria-busy');
    }
  }

  async load(): Promise<void> {
    await this.guard(async () => {
      await this.refreshTabs();
      const run = await this.server.getImportProgress();
      if (run) this.stopped(run, run.done ? 'done' : run.cancelled ? 'cancelled' : 'unfinished');
      const bg = await this.server.getSchedulerStatus();
      this.el.background.hidden = !bg.lastError;
      if (bg.lastError) this.el.background.textContent = backgroundText(bg.lastRunAt, bg.lastError);
    });
  }

  private options(): ImportOptions {
    return { mode: this.el.mode.value as ImportOptions['mode'], replaceChangedInvoices: this.el.replace.checked };
  }

  private presentTabs(): string[] {
    const tabs = checkedTabs(this.el.tabs, true);
    if (!tabs.length) throw new Error('Tick at least one tab that exists (insert the templates first).');
    return tabs;
  }

  private async insert(): Promise<void> {
    const absent = checkedTabs(this.el.tabs, false);
    const r = await this.server.insertTemplates(absent.length ? absent : undefined);
    const text = r.created.length ? `Created ${r.created.join(', ')}.` : 'Every template tab already exists; nothing was created.';
    showMessage(this.el.msg, 'ok', text + (r.created.length && r.existing.length ? ` Left untouched: ${r.existing.join(', ')}.` : ''));
    await this.refreshTabs();
  }

  /** Re-reads which template tabs exist and their rows (the user edits the sheet while the sidebar is open). */
  private async refreshTabs(): Promise<void> {
    renderTabList(this.el.tabs, (await this.server.listImportTabs()).tabs);
  }

  private async check(): Promise<void> {
    const r = await this.server.checkTabs(this.presentTabs());
    this.el.msg.className = 'msg empty'; // the check result below says it all
    this.el.msg.textContent = '';
    renderCheck(this.el.check, r);
  }

  private async estimate(): Promise<void> {
    const e = await this.server.estimateImport(this.presentTabs(), this.options());
    this.el.estimateText.textContent = estimateText(e);
    this.el.estimateText.className = e.estimatedRequests > e.dailyQuota ? 'warn' : '';
    this.el.estimate.hidden = false;
  }

  private async start(): Promise<void> {
    const unfinished = !!this.last && !this.last.done && !this.last.cancelled;
    if (unfinished && !confirm('An import is unfinished. Start a new import instead of resuming it?')) return;
    this.el.estimate.hidden = true;
    await this.drive(this.presentTabs(), { ...this.options(), ...(unfinished ? { restart: true } : {}) });
  }

  private async resume(): Promise<void> {
    const s = this.last;
    if (s) await this.drive(Object.keys(s.tabs), { mode: s.mode });
  }

  /** Makes sure the hourly trigger exists (so closing the sidebar mid-run is safe), then runs the chunks. */
  private async drive(tabs: string[], options: ImportOptions): Promise<void> {
    this.el.resume.hidden = this.el.undo.hidden = true;
    this.el.summary.textContent = this.el.undoResult.textContent = '';
    showMessage(this.el.runMsg, 'info', 'Importing… ' + BACKGROUND_NOTE);
    try {
      await this.server.ensureScheduler();
    } catch (err) {
      showMessage(this.el.runMsg, 'info', `Importing… (background continuation unavailable: ${(err as Error).message})`);
    }
    this.el.cancel.hidden = false;
    this.el.cancel.disabled = false;
    this.el.cancel.textContent = 'Cancel import';
    await this.runner.run(tabs, options);
  }

  private cancel(): void {
    this.runner.cancel();
    this.el.cancel.disabled = true;
    this.el.cancel.textContent = 'Stopping after the current batch…';
  }

  private showProgress(s: ImportSummary): void {
    this.last = s;
    renderProgress(this.el.progress, s);
  }

  private stopped(s: ImportSummary | null, how: 'done' | 'cancelled' | 'stalled' | 'unfinished' | 'error'): void {
    this.el.cancel.hidden = true;
    if (!s) return;
    this.showProgress(s);
    renderSummary(this.el.summary, s);
    const open = how === 'stalled' || how === 'unfinished' || how === 'error';
    this.el.resume.hidden = !open;
    this.el.undo.hidden = !s.runId || open;
    if (open) this.el.resumeText.textContent = `An import is unfinished (${num(s.rowsDone)} of ${num(s.rowsTotal)} rows). ${BACKGROUND_NOTE}`;
    if (how === 'done') showMessage(this.el.runMsg, s.errors.length ? 'error' : 'ok', s.errors.length ? 'Import finished with errors.' : 'Import finished.');
    if (how === 'cancelled') showMessage(this.el.runMsg, 'info', 'Import cancelled. Rows already sent stay in ChartMogul.');
    if (how === 'stalled') showMessage(this.el.runMsg, 'info', `Paused: ${s.message || 'no rows went through for a while'}.`);
  }

  private async undo(): Promise<void> {
    const s = this.last;
    if (!s || !confirm('Delete everything this import created in ChartMogul (customers, plans, invoices, subscription events)?')) return;
    renderUndo(this.el.undoResult, await this.server.undoImport(s.runId));
    this.el.undo.hidden = true;
  }
}

export function mountImport(root: HTMLElement, settings: SettingsView): void {
  const panel = new ImportPanel(root, settings.connected && !!settings.dataSource);
  void panel.load();
}
