// The page's calls to the playground server (fetch + JSON), with a pending counter tests can wait on
// (window.__pgPending) and a "Working…" badge for slow calls (custom functions and imports block the server).

import type { CallResult, DialogAnswer, DialogAsk, Effects, WorkbookView } from '../protocol';

interface PgWindow {
  __pgPending: number;
}
const win = window as unknown as PgWindow;
win.__pgPending = 0;

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  win.__pgPending++;
  const busy = document.getElementById('busy') as HTMLElement;
  const timer = setTimeout(() => (busy.hidden = false), 400);
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  } finally {
    clearTimeout(timer);
    busy.hidden = true;
    win.__pgPending--;
  }
}

/** Counts a whole user action (request + redraw) as pending, so tests never see an idle moment in between. */
export async function track<T>(fn: () => Promise<T>): Promise<T> {
  win.__pgPending++;
  try {
    return await fn();
  } finally {
    win.__pgPending--;
  }
}

export const api = {
  view: (sheetId: number | null, rows: number) => request<WorkbookView>('GET', `/api/view?sheet=${sheetId ?? ''}&rows=${rows}`),
  info: () => request<Record<string, string>>('GET', '/api/info'),
  menuDialogs: (fn: string) => request<DialogAsk[]>('GET', `/api/menu-dialogs?fn=${encodeURIComponent(fn)}`),
  menu: (functionName: string, answers: DialogAnswer[]) => request<CallResult>('POST', '/api/menu', { functionName, answers }),
  edit: (sheetId: number, row: number, col: number, rows: unknown[][]) => request<CallResult>('POST', '/api/edit', { sheetId, row, col, rows }),
  clear: (sheetId: number, row: number, col: number, rows: number, cols: number) => request<CallResult>('POST', '/api/clear', { sheetId, row, col, rows, cols }),
  activate: (sheetId: number) => request<{ ok: boolean }>('POST', '/api/activate', { sheetId }),
  trigger: (advance: boolean) => request<CallResult<string>>('POST', '/api/trigger', { advance }),
};

export type { Effects };
