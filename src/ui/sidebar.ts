// The sidebar's logic: renders the connection state and (in later issues) settings, import and reports panels.
// Talks to the server only through rpc.call; never sees the API key, only its masked hint.

import { call } from './rpc';

function el<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error('Missing element #' + id);
  return node as T;
}

function setText(id: string, text: string): void {
  el(id).textContent = text;
}

export async function renderStatus(): Promise<void> {
  setText('status', 'Loading…');
  try {
    const s = await call('getSettings');
    const badge = el('status');
    if (s.connected && s.account) {
      badge.className = 'status connected';
      badge.textContent = 'Connected to ' + s.account.name;
    } else {
      badge.className = 'status disconnected';
      badge.textContent = 'Not connected';
      setText('hint', 'Paste a ChartMogul API key in Settings to connect this spreadsheet.');
    }
    setText('tz', 'Spreadsheet time zone: ' + s.spreadsheetTimeZone);
  } catch (e) {
    el('status').className = 'status error';
    setText('status', 'Could not load settings: ' + (e as Error).message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  void renderStatus();
});
