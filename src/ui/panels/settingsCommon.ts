// Shared plumbing of the Settings panel sections: the message line (shown in the section the user acted in), a
// "flash" message that survives the re-render after a change, and run() which locks controls while the server works.

import { showMessage } from '../dom';

export type MessageKind = 'ok' | 'error' | 'info';

let flash: { kind: MessageKind; text: string; section?: string } | null = null;

/** Remembers a message to show once the panel has been re-rendered by refresh() (in section `section`, by id). */
export function setFlash(kind: MessageKind, text: string, section?: string): void {
  flash = { kind, text, section };
}

/** Moves the message line to the end of the section (so it appears next to the control that caused it). */
export function placeLine(line: HTMLElement, section: Element | null): void {
  if (section && line.parentElement !== section) section.appendChild(line);
}

/** Shows (and forgets) the remembered message in `line`, if any. */
export function showFlash(line: HTMLElement): void {
  if (!flash) return;
  if (flash.section) placeLine(line, document.getElementById(flash.section));
  showMessage(line, flash.kind, flash.text);
  flash = null;
}

type Lockable = HTMLButtonElement | HTMLInputElement | HTMLSelectElement;

/** Runs a server call with `controls` disabled (the first one is the trigger); a failure is shown in `line` (as text) instead of thrown. */
export async function run(line: HTMLElement, controls: Lockable[], busyText: string, work: () => Promise<void>): Promise<void> {
  if (controls[0]?.disabled) return; // already running (e.g. Enter pressed twice)
  const section = controls[0]?.closest('.settings-section') ?? null;
  placeLine(line, section);
  for (const c of controls) c.disabled = true;
  section?.setAttribute('aria-busy', 'true');
  showMessage(line, 'info', busyText);
  try {
    await work();
  } catch (e) {
    showMessage(line, 'error', (e as Error).message || String(e));
  } finally {
    for (const c of controls) c.disabled = c.hasAttribute('data-loading'); // still waiting for its own data
    section?.removeAttribute('aria-busy');
  }
}
