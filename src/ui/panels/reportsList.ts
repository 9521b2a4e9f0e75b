// The saved reports list of the Reports panel: name, tab, schedule picker, last refresh, last error, Refresh and
// Delete. Every string from the server is set with textContent.

import type { ReportSummary } from '../../gas/reportsApi';
import { clear, h, whenText } from '../dom';
import { KINDS, SCHEDULES } from './reportsForm';

export interface ListActions {
  refresh(id: string): void;
  schedule(id: string, schedule: string): void;
  remove(id: string): void;
}

function when(iso: string | null): string {
  return iso ? whenText(iso) : 'never';
}

export function renderReports(root: HTMLElement, reports: ReportSummary[], actions: ListActions): void {
  clear(root);
  if (!reports.length) {
    root.appendChild(h('div', { class: 'empty-state' }, [
      h('p', { id: 'rep-none' }, ['No saved reports yet.']),
      h('p', { class: 'small' }, ['Reports you insert are listed here, so you can refresh or schedule them.']),
    ]));
    return;
  }
  for (const r of reports) {
    const sched = h('select', { class: 'rep-sched', 'aria-label': 'Refresh schedule of ' + r.name });
    for (const [v, label] of SCHEDULES) sched.appendChild(h('option', { value: v }, [label]));
    sched.value = r.schedule;
    sched.addEventListener('change', () => actions.schedule(r.id, sched.value));
    const refresh = h('button', { type: 'button', class: 'secondary rep-refresh', 'aria-label': 'Refresh ' + r.name }, ['Refresh']);
    refresh.addEventListener('click', () => actions.refresh(r.id));
    const del = h('button', { type: 'button', class: 'secondary rep-delete', 'aria-label': 'Delete ' + r.name }, ['Delete']);
    del.addEventListener('click', () => actions.remove(r.id));
    const status = h('div', { class: 'small rep-status' });
    status.textContent = r.running ? 'Fetching… (continues in the background)' : 'Last refresh: ' + when(r.lastRefreshAt);
    const item = h('div', { class: 'rep-item', 'data-id': r.id }, [h('div', { class: 'rep-title' }), h('div', { class: 'muted small rep-tab' }), status]);
    (item.children[0] as HTMLElement).textContent = r.name;
    const kind = KINDS.find(([k]) => k === r.kind)?.[1] ?? r.kind;
    (item.children[1] as HTMLElement).textContent = `${kind} in tab “${r.tab}”` + (r.nextDueAt ? ' · next refresh ' + when(r.nextDueAt) : '');
    if (r.lastError) {
      const err = h('div', { class: 'msg error rep-error' });
      err.textContent = r.lastError;
      item.appendChild(err);
    }
    item.appendChild(h('div', { class: 'rep-actions' }, [sched, refresh, del]));
    root.appendChild(item);
  }
}
