// What the Import panel shows: tab checkboxes, check results, the estimate, progress, per-tab counts and errors.
// Pure DOM builders; every string from the server goes in as text (h() children / textContent), never as HTML.

import { clear, h, whenText } from '../dom';
import type { CheckResult, ImportEstimate, ImportSummary, ImportTabInfo, UndoResult } from './importServer';

export const MODE_LABELS: Record<string, string> = { auto: 'Auto', rows: 'Row by row', bulk: 'Bulk' };
const COUNT_NAMES = ['imported', 'updated', 'unchanged', 'exists', 'error', 'skipped', 'pending'] as const;
const MAX_ERRORS_SHOWN = 10;

export function num(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

export function etaText(seconds: number | null): string {
  if (seconds === null || !isFinite(seconds)) return '';
  if (seconds < 60) return 'under a minute left';
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  if (seconds < 48 * 3600) return `about ${plural(Math.round(seconds / 3600), 'hour')} left`;
  return `about ${plural(Math.round(seconds / 86400), 'day')} left`;
}

/** The failed background run, without the scheduler's job prefix ("import: …"). */
export function backgroundText(lastRunAt: string | null | undefined, error: string): string {
  const when = whenText(lastRunAt);
  return `The last background import${when ? ` (${when})` : ''} failed: ${error.replace(/^import:\s*/, '')}`;
}

/** One checkbox per template tab: present tabs checked, absent ones unchecked and marked "not created yet". */
export function renderTabList(root: HTMLElement, tabs: ImportTabInfo[]): void {
  clear(root);
  root.removeAttribute('aria-busy');
  if (!tabs.length) root.appendChild(h('p', { class: 'empty-state' }, ['No import tabs found. Press "Insert templates" to add them.']));
  for (const t of tabs) {
    const box = h('input', { type: 'checkbox', value: t.name, 'data-present': String(t.present) });
    box.checked = t.present;
    const detail = t.present ? ` (${plural(t.rows, 'row')})` : ' — not created yet';
    root.appendChild(h('label', { class: 'check imp-tab' + (t.present ? '' : ' absent') }, [box, h('span', {}, [t.name, h('span', { class: 'muted' }, [detail])])]));
  }
}

export function checkedTabs(root: HTMLElement, present: boolean): string[] {
  const boxes = Array.from(root.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
  return boxes.filter((b) => b.checked && b.getAttribute('data-present') === String(present)).map((b) => b.value);
}

function errorList(errors: { tab: string; row: number; message: string }[]): HTMLElement {
  const list = h('ul', { class: 'imp-errors' });
  for (const e of errors.slice(0, MAX_ERRORS_SHOWN)) list.appendChild(h('li', {}, [`${e.tab} row ${e.row}: ${e.message}`]));
  if (errors.length > MAX_ERRORS_SHOWN) list.appendChild(h('li', { class: 'muted' }, [`…and ${num(errors.length - MAX_ERRORS_SHOWN)} more`]));
  return list;
}

export function renderCheck(root: HTMLElement, r: CheckResult): void {
  clear(root);
  const tabs = Object.keys(r.tabs);
  const rows = tabs.reduce((n, t) => n + r.tabs[t].rows, 0);
  const bad = tabs.reduce((n, t) => n + r.tabs[t].errors, 0);
  const head = r.ok ? `All ${plural(rows, 'row')} look good.` : `${plural(bad, 'row')} with problems in ${plural(rows, 'row')}.`;
  root.appendChild(h('div', { class: 'msg ' + (r.ok ? 'ok' : 'error') }, [head]));
  for (const t of tabs) {
    const c = r.tabs[t];
    const parts = [plural(c.rows, 'row'), plural(c.errors, 'error')];
    if (c.missingColumns.length) parts.push('missing columns: ' + c.missingColumns.join(', '));
    if (c.unknownColumns.length) parts.push('ignored columns: ' + c.unknownColumns.join(', '));
    root.appendChild(h('div', { class: 'imp-line' }, [h('b', {}, [t]), ': ' + parts.join(', ')]));
  }
  if (r.errors.length) root.appendChild(errorList(r.errors));
}

export function estimateText(e: ImportEstimate): string {
  return `~${num(e.estimatedRequests)} API calls of your ${num(e.dailyQuota)} daily quota ` +
    `(${plural(e.rows, 'row')}, ${MODE_LABELS[e.mode] ?? e.mode} mode)`;
}

/** The progress block: bar, rows done / total, rate, time left and the server's message. */
export function renderProgress(root: HTMLElement, s: ImportSummary): void {
  clear(root);
  const bar = h('progress', { max: String(Math.max(1, s.rowsTotal)) });
  bar.value = s.rowsDone;
  const parts = [`${num(s.rowsDone)} of ${plural(s.rowsTotal, 'row')}`];
  if (s.ratePerMinute > 0) parts.push(`${num(s.ratePerMinute)} rows/min`);
  if (!s.done && !s.cancelled && etaText(s.etaSeconds)) parts.push(etaText(s.etaSeconds));
  root.appendChild(bar);
  root.appendChild(h('div', { class: 'imp-line', id: 'imp-progress-text' }, [parts.join(' · ')]));
  if (s.message) root.appendChild(h('div', { class: 'muted small' }, [s.message]));
}

/** Per-tab counts (only the non-zero ones) and the first errors. */
export function renderSummary(root: HTMLElement, s: ImportSummary): void {
  clear(root);
  const title = s.done ? 'Import finished' : s.cancelled ? 'Import cancelled' : 'Import unfinished';
  root.appendChild(h('h2', {}, [title]));
  for (const tab of Object.keys(s.tabs)) {
    const c = s.tabs[tab];
    const parts = COUNT_NAMES.filter((k) => c[k] > 0).map((k) => `${num(c[k])} ${k === 'error' ? (c[k] === 1 ? 'error' : 'errors') : k}`);
    root.appendChild(h('div', { class: 'imp-line', 'data-tab': tab }, [h('b', {}, [tab]), ': ' + (parts.join(', ') || 'nothing to do')]));
  }
  if (s.errors.length) root.appendChild(errorList(s.errors));
}

export function undoText(r: UndoResult): string {
  const d = r.deleted;
  return `Deleted ${plural(d.customers, 'customer')}, ${plural(d.plans, 'plan')}, ${plural(d.invoices, 'invoice')} ` +
    `and ${plural(d.subscriptionEvents, 'subscription event')} from ChartMogul.`;
}

export function renderUndo(root: HTMLElement, r: UndoResult): void {
  clear(root);
  root.appendChild(h('div', { class: 'msg ' + (r.errors.length ? 'error' : 'ok') }, [undoText(r)]));
  if (r.errors.length) root.appendChild(errorList(r.errors));
}
