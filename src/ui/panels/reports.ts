// Reports panel: build metric reports and lists into tabs (with a chart and a fetched-at note), then refresh,
// schedule or delete saved ones. Big lists are continued call by call until done; errors show as text.

import type { SettingsView } from '../../gas/settingsApi';
import { h, showMessage } from '../dom';
import { call } from '../rpc';
import { ReportForm } from './reportsForm';
import { plural } from './importView';
import { renderReports } from './reportsList';

const MAX_CONTINUATIONS = 200;

export class ReportsPanel {
  private readonly form = new ReportForm();
  private readonly msg = h('div', { id: 'rep-msg', class: 'msg empty', role: 'status', 'aria-live': 'polite' });
  private readonly list = h('div', { id: 'rep-list' });
  private readonly insert = h('button', { id: 'rep-insert', type: 'button', class: 'primary' }, ['Insert report']);
  private readonly refreshAll = h('button', { id: 'rep-refresh-all', type: 'button', class: 'secondary' }, ['Refresh all']);

  constructor(private readonly root: HTMLElement, private readonly connected: boolean) {}

  mount(): void {
    if (!this.connected) this.root.appendChild(h('p', { class: 'warn', id: 'rep-not-connected' }, ['Connect in Settings to build reports.']));
    this.insert.disabled = !this.connected;
    this.insert.addEventListener('click', () => void this.busy(() => this.create(), 'form'));
    this.refreshAll.addEventListener('click', () => void this.busy(() => this.refreshEvery()));
    this.refreshAll.hidden = true;
    this.root.append(
      h('h2', {}, ['New report']), this.form.element(), h('div', { class: 'actions' }, [this.insert]), this.msg,
      h('h2', {}, ['Saved reports']), this.list, h('div', { class: 'actions' }, [this.refreshAll]),
      h('p', { class: 'help' }, ['Scheduled reports refresh in the background about once an hour, and every refresh is logged in the “ChartMogul log” tab.']),
    );
    this.list.appendChild(h('p', { class: 'muted' }, ['Loading saved reports…']));
    this.reload().catch((e: Error) => showMessage(this.msg, 'error', 'Saved reports could not be loaded: ' + e.message));
    if (this.connected) {
      call('listPlans').then((plans) => this.form.setPlans(plans)).catch((e: Error) => showMessage(this.msg, 'error', 'Plans could not be loaded: ' + e.message));
    }
  }

  /** Runs work with every control locked; its messages show next to `anchor` (the form or the saved list). */
  private async busy(work: () => Promise<void>, anchor: 'form' | 'list' = 'list'): Promise<void> {
    if (anchor === 'form') this.insert.parentElement?.after(this.msg);
    else this.list.after(this.msg);
    const controls = Array.from(this.root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select'));
    const before = controls.map((c) => c.disabled);
    controls.forEach((c) => (c.disabled = true));
    this.root.setAttribute('aria-busy', 'true');
    try {
      await work();
    } catch (e) {
      showMessage(this.msg, 'error', (e as Error).message || String(e));
    } finally {
      controls.forEach((c, i) => (c.disabled = before[i]));
      this.insert.disabled = !this.connected;
      this.root.removeAttribute('aria-busy');
    }
  }

  async reload(): Promise<void> {
    const reports = await call('listReports');
    this.refreshAll.hidden = reports.length < 2;
    renderReports(this.list, reports, {
      refresh: (id) => void this.busy(() => this.refresh(id)),
      schedule: (id, s) => void this.busy(async () => {
        await call('setReportSchedule', id, s);
        showMessage(this.msg, 'ok', s === 'none' ? 'Schedule removed: refresh it by hand.' : `Scheduled ${s}.`);
        await this.reload();
      }),
      remove: (id) => void this.busy(async () => {
        if (!confirm('Forget this report? Its tab and data stay.')) return;
        await call('deleteReport', id);
        showMessage(this.msg, 'ok', 'Report deleted (its tab stays).');
        await this.reload();
      }),
    });
  }

  /** Continues a big list call by call until it is done. */
  private async finish(id: string, done: boolean, rows: number): Promise<number> {
    for (let i = 0; !done && i < MAX_CONTINUATIONS; i++) {
      showMessage(this.msg, 'info', `Fetching… ${plural(rows, 'row')} so far.`);
      const r = await call('refreshReport', id);
      done = r.done;
      rows = r.rows;
    }
    return rows;
  }

  private async create(): Promise<void> {
    const spec = this.form.spec();
    if (spec.filters && !(await this.form.checkFilter())) throw new Error('Fix the filter first.');
    showMessage(this.msg, 'info', 'Fetching from ChartMogul…');
    const r = await call('createReport', spec);
    const rows = await this.finish(r.id, r.done, r.rows);
    showMessage(this.msg, 'ok', `Inserted “${r.tab}” with ${plural(rows, 'row')}.`);
    await this.reload();
  }

  private async refresh(id: string): Promise<void> {
    showMessage(this.msg, 'info', 'Refreshing…');
    try {
      const r = await call('refreshReport', id);
      const rows = await this.finish(id, r.done, r.rows);
      showMessage(this.msg, 'ok', `Refreshed: ${plural(rows, 'row')}.`);
    } finally {
      await this.reload();
    }
  }

  private async refreshEvery(): Promise<void> {
    showMessage(this.msg, 'info', 'Refreshing every report…');
    try {
      const results = await call('refreshReports');
      const failed = results.filter((r) => r.error);
      if (failed.length) throw new Error(failed.map((f) => f.error).join(' | '));
      showMessage(this.msg, 'ok', `Refreshed ${plural(results.length, 'report')}.`);
    } finally {
      await this.reload();
    }
  }
}

export function mountReports(root: HTMLElement, settings: SettingsView): void {
  new ReportsPanel(root, settings.connected).mount();
}
