// Tiny DOM helpers shared by the sidebar panels (no framework: the sidebar must stay one small inlined file).
// Text always goes through textContent, never innerHTML, so strings from the API cannot inject markup.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error('Missing element #' + id);
  return node as T;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export function setText(id: string, text: string): void {
  byId(id).textContent = text;
}

export function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Shows a message line in a panel: kind 'ok' | 'error' | 'info'. */
export function showMessage(node: HTMLElement, kind: 'ok' | 'error' | 'info', text: string): void {
  node.className = 'msg ' + kind;
  node.textContent = text;
}

/** A date and time as the user reads them (e.g. "Jan 5, 2026, 10:00 AM"); the raw text when it is not a date. */
export function whenText(iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : null;
  if (!d || isNaN(d.getTime())) return iso || '';
  return d.toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}
