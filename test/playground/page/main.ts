// The playground page: loads the workbook view, draws grid, tabs, menus and charts, runs menu items (asking first for
// dialogs learnt earlier), shows the add-on's alerts, toasts, sidebar and dialogs, and fires the scheduler trigger.

import type { DialogAnswer, Effects, MenuItemView, WorkbookView } from '../protocol';
import { api, track } from './api';
import { drawCharts } from './charts';
import { ask, htmlDialog, message } from './dialogs';
import { Grid } from './grid';

interface PgWindow {
  __pgVersion: number;
  __pgView: WorkbookView | null;
}
const win = window as unknown as PgWindow;
const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

let current: WorkbookView | null = null;
let sheetId: number | null = null;
let wantRows = 0;

const grid = new Grid({
  edit: (row, col, rows) =>
    track(async () => {
      if (current) await handle((await api.edit(current.sheet.id, row, col, rows)).effects);
    }),
  clear: (row, col, rows, cols) =>
    track(async () => {
      if (current) await handle((await api.clear(current.sheet.id, row, col, rows, cols)).effects);
    }),
});

export async function reload(): Promise<void> {
  const view = await api.view(sheetId, wantRows);
  current = view;
  sheetId = view.sheet.id;
  win.__pgView = view;
  $('doc-name').textContent = view.name;
  grid.render(view.sheet);
  drawCharts(view.sheet.charts, (r, c) => grid.td(r, c));
  renderTabs(view);
  renderMenus(view);
  $('trigger-status').textContent =
    (view.trigger ? `Trigger: ${view.trigger.handler} (hourly)` : 'No scheduler trigger') + (view.clockOffsetHours ? ` · add-on clock +${view.clockOffsetHours} h` : '');
  win.__pgVersion = view.version;
}

function renderTabs(view: WorkbookView): void {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const s of view.sheets) {
    if (s.hidden) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = s.name;
    b.dataset.sheetId = String(s.id);
    if (s.id === view.sheet.id) b.className = 'active';
    b.addEventListener('click', () =>
      track(async () => {
        sheetId = s.id;
        wantRows = 0;
        await api.activate(s.id);
        await reload();
      }),
    );
    tabs.append(b);
  }
}

function menuButtons(items: MenuItemView[], list: HTMLElement, sub: boolean): void {
  for (const item of items) {
    if (item.type === 'separator') list.append(Object.assign(document.createElement('div'), { className: 'sep' }));
    else if (item.type === 'submenu') {
      list.append(Object.assign(document.createElement('div'), { className: 'submenu-title', textContent: item.caption ?? '' }));
      menuButtons(item.items ?? [], list, true);
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = item.caption ?? '';
      b.dataset.fn = item.functionName ?? '';
      if (sub) b.className = 'sub';
      b.addEventListener('click', () => {
        closeMenus();
        void track(() => runMenuItem(item.functionName ?? ''));
      });
      list.append(b);
    }
  }
}

function renderMenus(view: WorkbookView): void {
  const list = $('menu-extensions-list');
  list.replaceChildren();
  const addon = view.menus.filter((m) => m.addon);
  if (!addon.length) list.append(Object.assign(document.createElement('div'), { className: 'submenu-title', textContent: 'No add-on menu (onOpen built none)' }));
  for (const m of addon) {
    list.append(Object.assign(document.createElement('div'), { className: 'submenu-title', textContent: m.name }));
    menuButtons(m.items, list, true);
  }
  document.querySelectorAll('.menu.custom').forEach((x) => x.remove());
  for (const m of view.menus.filter((x) => !x.addon)) {
    const wrap = Object.assign(document.createElement('div'), { className: 'menu custom' });
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'menu-button', textContent: m.name });
    const items = Object.assign(document.createElement('div'), { className: 'menu-list', hidden: true });
    menuButtons(m.items, items, false);
    button.addEventListener('click', () => toggleMenu(items, button));
    wrap.append(button, items);
    $('menu-help').before(wrap);
  }
}

function closeMenus(): void {
  document.querySelectorAll<HTMLElement>('.menu-list').forEach((l) => (l.hidden = true));
  document.querySelectorAll('.menu-button.open').forEach((b) => b.classList.remove('open'));
}

function toggleMenu(list: HTMLElement, button: HTMLElement): void {
  const open = list.hidden;
  closeMenus();
  list.hidden = !open;
  button.classList.toggle('open', open);
}

/** Asks the questions this item asked last time (learnt by the server), then runs it with the answers queued. */
async function runMenuItem(fn: string): Promise<void> {
  const answers: DialogAnswer[] = [];
  for (const d of await api.menuDialogs(fn)) {
    const a = await ask(d);
    answers.push({ kind: d.kind, button: a.button, text: a.text });
  }
  await handle((await api.menu(fn, answers)).effects, answers.length > 0);
}

function toast(title: string, text: string): void {
  const t = document.createElement('div');
  t.className = 'toast';
  t.append(Object.assign(document.createElement('b'), { textContent: title }), text);
  $('toasts').append(t);
  setTimeout(() => t.remove(), 6000);
}

function openSidebar(index: number, title: string): void {
  $('sidebar-title').textContent = title;
  ($('sidebar-frame') as HTMLIFrameElement).src = `/html/sidebar/${index}`;
  $('sidebar').hidden = false;
}

/** Shows what a server call did to the Ui, then redraws the workbook. */
async function handle(effects: Effects, answeredFirst = false): Promise<void> {
  await reload();
  for (const t of effects.toasts) toast(t.title || 'ChartMogul', t.message);
  if (effects.sidebar) openSidebar(effects.sidebar.index, effects.sidebar.title);
  if (effects.notice) toast('Playground', effects.notice);
  if (effects.error) toast('Script error', effects.error);
  for (const a of effects.alerts) {
    if (answeredFirst && (a.kind === 'prompt' || a.buttons !== 'OK')) continue;
    const answered = a.buttons === 'OK' && a.kind === 'alert' ? undefined : `The add-on got: ${a.response}${a.kind === 'prompt' ? ` "${a.responseText ?? ''}"` : ''}`;
    await ask({ kind: 'alert', title: a.title, prompt: a.prompt, buttons: 'OK' }, answered);
  }
  for (const d of effects.dialogs) await htmlDialog(d.index, d.title, d.width, d.height);
}

window.addEventListener('message', (e: MessageEvent) => {
  const data = e.data as { playground?: string; kind?: string; effects?: Effects };
  if (data?.playground === 'effects' && data.effects) void track(() => handle(data.effects as Effects));
  if (data?.playground === 'close' && data.kind === 'sidebar') $('sidebar').hidden = true;
});

$('sidebar-close').addEventListener('click', () => ($('sidebar').hidden = true));
$('menu-extensions-button').addEventListener('click', () => toggleMenu($('menu-extensions-list'), $('menu-extensions-button')));
$('menu-help-button').addEventListener('click', () => toggleMenu($('menu-help-list'), $('menu-help-button')));
document.addEventListener('mousedown', (e) => {
  if (!(e.target as HTMLElement).closest('.menu')) closeMenus();
});
$('more-rows').addEventListener('click', async () => {
  wantRows = (current?.sheet.rows ?? 0) + 100;
  await reload();
});
for (const [id, advance] of [['run-scheduled', false], ['run-scheduled-hour', true]] as const) {
  $(id).addEventListener('click', () =>
    track(async () => {
      const r = await api.trigger(advance);
      await handle(r.effects);
      if (r.value) toast('Scheduler', r.value);
    }),
  );
}

async function showInfo(): Promise<void> {
  const info = await api.info();
  await message(
    'About this playground',
    `The add-on runs unchanged (dist/Code.js over the Apps Script fakes) against a local ChartMogul emulator.\n\n` +
      `Emulator: ${info.emulatorUrl}\nRead & write key: ${info.readWriteKey}\nRead-only key: ${info.readOnlyKey}\n` +
      `Data dir: ${info.dataDir}\nDemo account up to: ${info.demoEndDate}${info.empty === 'true' ? ' (empty account)' : ''}`,
  );
}
const about = Object.assign(document.createElement('button'), { type: 'button', textContent: 'About, keys and data dir' });
about.addEventListener('click', () => {
  closeMenus();
  void showInfo();
});
$('menu-help-list').append(about);

// Changes made without the page (the --tick scheduler): poll the workbook version and redraw when idle.
setInterval(() => {
  const idle = (): boolean => (window as unknown as { __pgPending: number }).__pgPending === 0 && !document.activeElement?.classList.contains('cell-editor');
  if (document.hidden || !idle()) return;
  void fetch('/api/version')
    .then((r) => r.json() as Promise<{ version: number }>)
    .then((v) => (v.version > win.__pgVersion && idle() ? track(reload) : undefined))
    .catch(() => undefined);
}, 2000);

void reload();
