// The sidebar shell: connection status, the panel tabs (Settings, Import, Reports) and mounting of each panel.
// Talks to the server only through rpc.call; never sees the API key, only its masked hint.

import { byId, clear, setText } from './dom';
import { mountImport } from './panels/import';
import { mountReports } from './panels/reports';
import { mountSettings } from './panels/settings';
import { call } from './rpc';

export type PanelName = 'settings' | 'import' | 'reports';
const PANELS: PanelName[] = ['settings', 'import', 'reports'];

export function showPanel(name: PanelName): void {
  for (const p of PANELS) {
    byId('panel-' + p).hidden = p !== name;
    const tab = byId('tab-' + p);
    tab.classList.toggle('active', p === name);
    tab.setAttribute('aria-selected', String(p === name));
    tab.tabIndex = p === name ? 0 : -1;
  }
}

/** Re-reads settings and re-renders every panel (after connecting, disconnecting or choosing a data source). */
export async function refresh(preferred?: PanelName): Promise<void> {
  setText('status', 'Loading…');
  byId('retry').hidden = true;
  try {
    const s = await call('getSettings');
    const badge = byId('status');
    if (s.connected && s.account) {
      badge.className = 'status connected';
      badge.textContent = 'Connected to ' + s.account.name;
      setText('hint', s.dataSource ? 'Data source: ' + s.dataSource.name : 'Choose a data source in Settings to import.');
    } else {
      badge.className = 'status disconnected';
      badge.textContent = 'Not connected';
      setText('hint', 'Paste a ChartMogul API key in Settings to connect this spreadsheet.');
    }
    setText('tz', 'Spreadsheet time zone: ' + s.spreadsheetTimeZone);
    const mounts: Record<PanelName, (root: HTMLElement) => void> = {
      settings: (root) => mountSettings(root, s),
      import: (root) => mountImport(root, s),
      reports: (root) => mountReports(root, s),
    };
    for (const p of PANELS) {
      const root = byId('panel-' + p);
      clear(root);
      mounts[p](root);
    }
    byId('tabs-nav').hidden = false;
    showPanel(preferred ?? (s.connected ? 'import' : 'settings'));
  } catch (e) {
    byId('status').className = 'status error';
    setText('status', 'ChartMogul could not open: ' + (e as Error).message);
    setText('hint', '');
    byId('tabs-nav').hidden = true;
    for (const p of PANELS) byId('panel-' + p).hidden = true;
    byId('retry').hidden = false;
  }
}

/** Left/Right/Home/End move between the tabs (the WAI-ARIA tabs pattern); only the active tab is in the Tab order. */
function onTabKey(e: KeyboardEvent, current: PanelName): void {
  const i = PANELS.indexOf(current);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: PANELS.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const p = PANELS[(next + PANELS.length) % PANELS.length];
  showPanel(p);
  byId('tab-' + p).focus();
}

document.addEventListener('DOMContentLoaded', () => {
  for (const p of PANELS) {
    byId('tab-' + p).addEventListener('click', () => showPanel(p));
    byId('tab-' + p).addEventListener('keydown', (e) => onTabKey(e, p));
  }
  byId('retry').addEventListener('click', () => void refresh());
  void refresh();
});
