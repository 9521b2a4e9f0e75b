// Shared plumbing of the Settings panel sections: the message line, a "flash" message that survives the re-render
// after a change, and run() which disables a button while the server works and shows its error text.

import { showMessage } from '../dom';

export type MessageKind = 'ok' | 'error' | 'info';

let flash: { kind: MessageKind; text: string } | null = null;

/** Remembers a message to show once the panel has been re-rendered by refresh(). */
export function setFlash(kind: MessageKind, text: string): void {
  flash = { kind, text };
}

/** Shows (and forgets) the remembered message in `line`, if any. */
export function showFlash(line: HTMLElement): void {
  if (!flash) return;
  showMessage(line, flash.kind, flash.text);
  flash = null;
}

/** Runs a server call with `buttons` disabled; a failure is shown in `line` (as text) instead of thrown. */
export async function run(line: HTMLElement, buttons: HTMLButtonElement[], busyText: string, work: () => Promise<void>): Promise<void> {
  for (const b of buttons) b.disabled = true;
  showMessage(line, 'info', busyText);
  try {
    await work();
  } catch (e) {
    showMessage(line, 'error', (e as Error).message || String(e));
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}
