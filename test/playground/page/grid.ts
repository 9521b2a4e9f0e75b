// The spreadsheet grid: draws a SheetView (column letters, row numbers, frozen rows, notes, dropdowns, checkboxes) and
// turns selection, typing, Delete, copy and paste (tab-separated) into edit requests for the server.

import { columnLetters } from '../../fakes/a1';
import type { CellView, SheetView } from '../protocol';

export interface GridActions {
  edit(row: number, col: number, rows: unknown[][]): Promise<void>;
  clear(row: number, col: number, rows: number, cols: number): Promise<void>;
}

interface Selection {
  r: number;
  c: number;
  r2: number;
  c2: number;
}

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;

/** Tab-separated text as spreadsheets put it on the clipboard (quoted cells may hold tabs, newlines and "" quotes). */
export function parseTsv(text: string): string[][] {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const nextSep = (from: number): number => {
    for (let k = from; k < body.length; k++) if (body[k] === '\t' || body[k] === '\n') return k;
    return body.length;
  };
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell: string | null = null;
    if (body[i] === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < body.length) {
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += body[j++];
      }
      if (closed && (j >= body.length || body[j] === '\t' || body[j] === '\n')) {
        cell = value;
        i = j;
      }
    }
    if (cell === null) {
      const k = nextSep(i);
      cell = body.slice(i, k);
      i = k;
    }
    row.push(cell);
    if (i >= body.length) {
      rows.push(row);
      return rows;
    }
    if (body[i] === '\n') {
      rows.push(row);
      row = [];
    }
    i++;
  }
}

export class Grid {
  view: SheetView | null = null;
  sel: Selection = { r: 1, c: 1, r2: 1, c2: 1 };
  private cells = new Map<string, CellView>();
  private editing: HTMLInputElement | null = null;
  private readonly table = document.getElementById('grid') as HTMLTableElement;
  private readonly wrap = document.getElementById('grid-wrap') as HTMLElement;
  private readonly nameBox = document.getElementById('name-box') as HTMLElement;
  private readonly formula = document.getElementById('formula-input') as HTMLInputElement;

  constructor(private readonly actions: GridActions) {
    this.table.addEventListener('mousedown', (e) => this.onMouseDown(e));
    this.table.addEventListener('dblclick', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td) this.startEdit(null);
    });
    this.wrap.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('paste', (e) => this.onPaste(e));
    document.addEventListener('copy', (e) => this.onCopy(e));
    this.formula.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.commit(this.formula.value, 1, 0);
      } else if (e.key === 'Escape') this.showSelection();
    });
    document.addEventListener('mousedown', (e) => {
      if (!(e.target as HTMLElement).closest('.dd-list')) document.querySelectorAll('.dd-list').forEach((x) => x.remove());
    });
  }

  cell(r: number, c: number): CellView | undefined {
    return this.cells.get(`${r},${c}`);
  }

  td(r: number, c: number): HTMLTableCellElement | null {
    return this.table.querySelector(`td[data-cell="${columnLetters(c)}${r}"]`);
  }

  render(view: SheetView): void {
    this.view = view;
    this.editing = null;
    this.cells = new Map(view.cells.map((c) => [`${c.r},${c.c}`, c]));
    const parts: string[] = [];
    parts.push('<colgroup><col style="width:46px">' + view.widths.map((w) => `<col style="width:${w}px">`).join('') + '</colgroup>');
    parts.push('<thead><tr><th class="corner rowhead"></th>');
    for (let c = 1; c <= view.cols; c++) parts.push(`<th data-col="${c}">${columnLetters(c)}</th>`);
    parts.push('</tr></thead><tbody>');
    for (let r = 1; r <= view.rows; r++) {
      const frozen = r <= view.frozenRows;
      const top = frozen ? ` style="top:${HEADER_HEIGHT + (r - 1) * ROW_HEIGHT}px"` : '';
      parts.push(`<tr${r === view.frozenRows ? ' class="frozen-last"' : ''}><th class="rowhead${frozen ? ' frozen' : ''}"${frozen ? ` style="position:sticky;top:${HEADER_HEIGHT + (r - 1) * ROW_HEIGHT}px;z-index:4"` : ''}>${r}</th>`);
      for (let c = 1; c <= view.cols; c++) parts.push(this.cellHtml(r, c, frozen, top));
      parts.push('</tr>');
    }
    parts.push('</tbody>');
    this.table.innerHTML = parts.join('');
    this.table.style.width = `${46 + view.widths.reduce((a, w) => a + w, 0)}px`;
    this.sel = { r: Math.min(this.sel.r, view.rows), c: Math.min(this.sel.c, view.cols), r2: Math.min(this.sel.r2, view.rows), c2: Math.min(this.sel.c2, view.cols) };
    this.showSelection();
  }

  private cellHtml(r: number, c: number, frozen: boolean, top: string): string {
    const cell = this.cell(r, c);
    const classes: string[] = [];
    if (frozen) classes.push('frozen');
    const styles: string[] = [];
    let inner = '';
    const titles: string[] = [];
    if (cell) {
      const rule = cell.dv !== undefined ? this.view?.rules[cell.dv] : undefined;
      if (cell.num && !cell.align) classes.push('num');
      if (cell.spill) classes.push('spill');
      if (cell.err || /^#(ERROR!|NAME\?|REF!|N\/A|VALUE!|DIV\/0!|NUM!)$/.test(cell.t)) classes.push('err');
      if (cell.bold) styles.push('font-weight:bold');
      if (cell.italic) styles.push('font-style:italic');
      if (cell.size) styles.push(`font-size:${cell.size}px`);
      if (cell.bg) styles.push(`background:${cell.bg}`);
      if (cell.color) styles.push(`color:${cell.color}`);
      if (cell.align) styles.push(`text-align:${cell.align}`);
      const room = cell.t && !cell.num && !rule && !cell.align ? this.overflowWidth(r, c) : 0;
      if (room) styles.push(`overflow:visible;z-index:${frozen ? 3 : 1}`);
      if (rule?.type === 'CHECKBOX') inner = `<input type="checkbox" data-check="1"${cell.checked ? ' checked' : ''}>`;
      else if (room) inner = `<div class="ovf" style="width:${room}px">${escapeHtml(cell.t)}</div>`;
      else inner = escapeHtml(cell.t);
      if (rule && (rule.type === 'VALUE_IN_LIST' || rule.type === 'VALUE_IN_RANGE')) inner += '<span class="dd" data-dd="1">▾</span>';
      if (cell.note) {
        inner += '<span class="note-mark"></span>';
        titles.push(cell.note);
      }
      if (cell.err) titles.push(cell.err);
    }
    if (frozen) styles.push(top.replace(/^ style="|"$/g, ''));
    const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
    const st = styles.length ? ` style="${styles.join(';')}"` : '';
    const title = titles.length ? ` title="${escapeHtml(titles.join('\n\n'))}"` : '';
    return `<td data-cell="${columnLetters(c)}${r}" data-r="${r}" data-c="${c}"${cls}${st}${title}>${inner}</td>`;
  }

  /** Like Sheets, text runs on into empty cells to its right: the width it may use, or 0 when the next cell is taken. */
  private overflowWidth(r: number, c: number): number {
    const view = this.view as SheetView;
    let width = view.widths[c - 1] - 8;
    let k = c + 1;
    while (k <= view.cols && k < c + 12) {
      const next = this.cell(r, k);
      if (next && (next.t !== '' || next.dv !== undefined)) break;
      width += view.widths[k - 1];
      k++;
    }
    return k === c + 1 ? 0 : width;
  }

  private showSelection(): void {
    this.table.querySelectorAll('td.sel, td.insel').forEach((td) => td.classList.remove('sel', 'insel'));
    const { r, c, r2, c2 } = this.sel;
    const [ra, rb] = [Math.min(r, r2), Math.max(r, r2)];
    const [ca, cb] = [Math.min(c, c2), Math.max(c, c2)];
    if (rb - ra + cb - ca <= 400) {
      for (let i = ra; i <= rb; i++) for (let j = ca; j <= cb; j++) this.td(i, j)?.classList.add('insel');
    }
    this.td(r, c)?.classList.add('sel');
    this.nameBox.textContent = ra === rb && ca === cb ? `${columnLetters(c)}${r}` : `${columnLetters(ca)}${ra}:${columnLetters(cb)}${rb}`;
    const cell = this.cell(r, c);
    this.formula.value = cell ? cell.f ?? cell.t : '';
  }

  select(r: number, c: number, extend = false): void {
    if (!this.view) return;
    r = Math.max(1, Math.min(r, this.view.rows));
    c = Math.max(1, Math.min(c, this.view.cols));
    this.sel = extend ? { ...this.sel, r2: r, c2: c } : { r, c, r2: r, c2: c };
    this.showSelection();
    this.td(r, c)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private onMouseDown(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const td = target.closest('td') as HTMLTableCellElement | null;
    if (!td || this.editing?.parentElement === td) return;
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    if (this.editing) void this.commit(this.editing.value, 0, 0);
    this.select(r, c, e.shiftKey);
    this.wrap.focus({ preventScroll: true });
    e.preventDefault();
    if (target.dataset.check) {
      const cell = this.cell(r, c);
      const rule = cell?.dv !== undefined ? this.view?.rules[cell.dv] : undefined;
      if (rule) void this.actions.edit(r, c, [[cell?.checked ? rule.values[1] : rule.values[0]]]);
    } else if (target.dataset.dd) this.openDropdown(td, r, c);
  }

  private openDropdown(td: HTMLElement, r: number, c: number): void {
    const cell = this.cell(r, c);
    const rule = cell?.dv !== undefined ? this.view?.rules[cell.dv] : undefined;
    if (!rule) return;
    const list = document.createElement('div');
    list.className = 'dd-list';
    for (const v of rule.values) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = String(v);
      b.addEventListener('click', () => {
        list.remove();
        void this.actions.edit(r, c, [[String(v)]]);
      });
      list.append(b);
    }
    const box = td.getBoundingClientRect();
    list.style.left = `${box.left + window.scrollX}px`;
    list.style.top = `${box.bottom + window.scrollY}px`;
    list.style.minWidth = `${box.width}px`;
    document.body.append(list);
  }

  /** Starts editing the selected cell: with its formula/value (F2, Enter, double-click) or with a typed character. */
  startEdit(initial: string | null): void {
    const td = this.td(this.sel.r, this.sel.c);
    if (!td) return;
    const cell = this.cell(this.sel.r, this.sel.c);
    const input = document.createElement('input');
    input.className = 'cell-editor';
    input.value = initial ?? (cell ? cell.f ?? cell.t : '');
    td.append(input);
    this.editing = input;
    input.focus();
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') { e.preventDefault(); void this.commit(input.value, 1, 0); }
      else if (e.key === 'Tab') { e.preventDefault(); void this.commit(input.value, 0, 1); }
      else if (e.key === 'Escape') { this.editing = null; input.remove(); this.wrap.focus(); }
    });
    input.addEventListener('input', () => (this.formula.value = input.value));
  }

  private async commit(text: string, down: number, right: number): Promise<void> {
    const { r, c } = this.sel;
    const input = this.editing;
    this.editing = null;
    input?.remove();
    this.select(r + down, c + right);
    this.wrap.focus({ preventScroll: true });
    await this.actions.edit(r, c, [[text]]);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing || !this.view) return;
    const { r, c } = this.sel;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      if (e.shiftKey && e.key !== 'Tab') this.select(this.sel.r2 + dr, this.sel.c2 + dc, true);
      else this.select(r + dr, c + dc);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit(null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const s = this.sel;
      void this.actions.clear(Math.min(s.r, s.r2), Math.min(s.c, s.c2), Math.abs(s.r2 - s.r) + 1, Math.abs(s.c2 - s.c) + 1);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  private onPaste(e: ClipboardEvent): void {
    const active = document.activeElement;
    if (this.editing || (active && active !== this.wrap && active !== document.body)) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    void this.actions.edit(Math.min(this.sel.r, this.sel.r2), Math.min(this.sel.c, this.sel.c2), parseTsv(text));
  }

  private onCopy(e: ClipboardEvent): void {
    const active = document.activeElement;
    if (this.editing || (active && active !== this.wrap && active !== document.body)) return;
    const s = this.sel;
    const lines: string[] = [];
    for (let i = Math.min(s.r, s.r2); i <= Math.max(s.r, s.r2); i++) {
      const line: string[] = [];
      for (let j = Math.min(s.c, s.c2); j <= Math.max(s.c, s.c2); j++) line.push(this.cell(i, j)?.t ?? '');
      lines.push(line.join('\t'));
    }
    e.clipboardData?.setData('text/plain', lines.join('\n'));
    e.preventDefault();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
