// Modal dialogs of the page: the add-on's alerts/prompts (Ui.alert, Ui.prompt) and HtmlService dialogs in iframes.
// Each returns a Promise that resolves with the button pressed (and the prompt's text).

import type { DialogAsk } from '../protocol';

const BUTTONS: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['CANCEL', 'OK'], YES_NO: ['NO', 'YES'], YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'] };
const LABEL: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

function layer(): HTMLElement {
  return document.getElementById('dialog-layer') as HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) node.append(c);
  return node;
}

let queue: Promise<unknown> = Promise.resolve();

/** Shows one dialog at a time (later ones wait for earlier ones). */
function modal<T>(build: (box: HTMLElement, close: (value: T) => void) => void): Promise<T> {
  const next = queue.then(
    () =>
      new Promise<T>((resolve) => {
        const box = el('div', { className: 'dialog' });
        box.setAttribute('role', 'dialog');
        const close = (value: T) => {
          layer().hidden = true;
          layer().replaceChildren();
          resolve(value);
        };
        build(box, close);
        layer().replaceChildren(box);
        layer().hidden = false;
        (box.querySelector('input, button.primary') as HTMLElement | null)?.focus();
      }),
  );
  queue = next.catch(() => undefined);
  return next;
}

/** An alert or prompt as Sheets shows it; resolves with the button (and text for prompts). */
export function ask(d: DialogAsk, notice?: string): Promise<{ button: string; text: string }> {
  return modal((box, close) => {
    const input = el('input', { type: 'text', id: 'dialog-input' });
    box.append(el('h3', {}, [d.title || 'ChartMogul']), el('p', {}, [d.prompt]));
    if (d.kind === 'prompt') box.append(input);
    if (notice) box.append(el('p', { className: 'notice' }, [notice]));
    const row = el('div', { className: 'buttons' });
    const names = BUTTONS[d.buttons] ?? ['OK'];
    names.forEach((name, i) => {
      const b = el('button', { type: 'button', className: i === names.length - 1 ? 'primary' : '', textContent: LABEL[name] ?? name });
      b.dataset.button = name;
      b.addEventListener('click', () => close({ button: name, text: input.value }));
      row.append(b);
    });
    input.addEventListener('keydown', (e) => e.key === 'Enter' && close({ button: names[names.length - 1], text: input.value }));
    box.append(row);
  });
}

export function message(title: string, text: string): Promise<unknown> {
  return ask({ kind: 'alert', title, prompt: text, buttons: 'OK' });
}

/** A dialog the add-on opened with showModalDialog/showModelessDialog (its HTML served with the bridge). */
export function htmlDialog(index: number, title: string, width: number, height: number): Promise<unknown> {
  return modal<void>((box, close) => {
    const frame = el('iframe', { src: `/html/dialog/${index}`, width: String(width), height: String(height) });
    const x = el('button', { type: 'button', textContent: 'Close' });
    x.addEventListener('click', () => close());
    window.addEventListener('message', function onMessage(e: MessageEvent) {
      const data = e.data as { playground?: string; kind?: string };
      if (data?.playground === 'close' && data.kind === 'dialog') {
        window.removeEventListener('message', onMessage);
        close();
      }
    });
    box.append(el('h3', {}, [title]), frame, el('div', { className: 'buttons' }, [x]));
  });
}
