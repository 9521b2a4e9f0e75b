// Header-row matching: finds template, alternative, custom.<Key> and receipt columns in any order and spelling
// ("External ID", "external_id *"), and reports unknown, missing and duplicate columns without failing.

import { RECEIPT_COLUMNS, TEMPLATES } from './templates';
import { Cell, CustomAttributeType, HeaderMatch, ReceiptColumn, TabName } from './types';

const CUSTOM_TYPES: readonly CustomAttributeType[] = ['String', 'Integer', 'Decimal', 'Timestamp', 'Boolean'];

/** `" External ID * "` → `external_id`: trimmed, lower case, spaces and hyphens as underscores, trailing `*` dropped. */
export function normalizeHeader(cell: Cell): string {
  return String(cell)
    .trim()
    .replace(/\s*\*+$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function headerText(cell: Cell): string {
  return String(cell).trim();
}

interface CustomHeader {
  key?: string;
  type?: CustomAttributeType;
  problem?: string;
}

/**
 * `custom.Channel` → key `Channel`. Spaces in the key become underscores (`custom.Plan tier` → `Plan_tier`);
 * keys otherwise keep their case. `custom.Seats:Integer` forces the attribute type.
 */
function parseCustomHeader(raw: string): CustomHeader | undefined {
  const m = /^custom\s*\.\s*(.*)$/i.exec(raw);
  if (!m) return undefined;
  let rest = m[1].trim().replace(/\s*\*+$/, '');
  let type: CustomAttributeType | undefined;
  const typed = /^(.*?)\s*:\s*([A-Za-z]+)$/.exec(rest);
  if (typed) {
    const t = CUSTOM_TYPES.find((x) => x.toLowerCase() === typed[2].toLowerCase());
    if (!t) {
      return { problem: `column "${raw}": unknown custom attribute type "${typed[2]}" (use ${CUSTOM_TYPES.join(', ')})` };
    }
    type = t;
    rest = typed[1];
  }
  const key = rest.trim().replace(/\s+/g, '_');
  if (key === '') return { problem: `column "${raw}": custom attribute key is missing (e.g. custom.Channel)` };
  if (!/^[A-Za-z0-9_]+$/.test(key)) {
    return { problem: `column "${raw}": custom attribute keys may only contain letters, digits and underscores` };
  }
  return type ? { key, type } : { key };
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Match a tab's header row. Empty header cells are ignored; the first of duplicate columns wins. */
export function matchHeaders(tabName: TabName, headerRow: Cell[]): HeaderMatch {
  const tpl = TEMPLATES[tabName];
  const byName: Record<string, true> = {};
  for (const c of tpl.columns) byName[c.name] = true;
  for (const c of tpl.alternatives) byName[c.name] = true;

  const receipt = {} as Record<ReceiptColumn, number | undefined>;
  for (const r of RECEIPT_COLUMNS) receipt[r] = undefined;

  const result: HeaderMatch = { columns: {}, custom: [], receipt, unknown: [], missing: [], problems: [] };
  const seen: Record<string, number> = {};
  const duplicate = (name: string, first: number, again: number): void => {
    result.problems.push(
      `column ${name} appears twice (columns ${columnLetter(first)} and ${columnLetter(again)}); column ${columnLetter(first)} is used`,
    );
  };

  headerRow.forEach((cell, index) => {
    const raw = headerText(cell);
    if (raw === '') return;
    const name = normalizeHeader(cell);
    const custom = parseCustomHeader(raw);
    if (custom) {
      if (!tpl.allowsCustom) {
        result.unknown.push(raw);
        return;
      }
      if (custom.problem || !custom.key) {
        result.problems.push(custom.problem as string);
        return;
      }
      const id = 'custom.' + custom.key.toLowerCase();
      if (seen[id] !== undefined) return duplicate('custom.' + custom.key, seen[id], index);
      seen[id] = index;
      const entry: HeaderMatch['custom'][number] = { key: custom.key, index, header: raw };
      if (custom.type) entry.type = custom.type;
      result.custom.push(entry);
      return;
    }
    if ((RECEIPT_COLUMNS as readonly string[]).indexOf(name) >= 0) {
      const r = name as ReceiptColumn;
      if (receipt[r] === undefined) receipt[r] = index;
      return;
    }
    if (byName[name]) {
      if (seen[name] !== undefined) return duplicate(name, seen[name], index);
      seen[name] = index;
      result.columns[name] = index;
      return;
    }
    result.unknown.push(raw);
  });

  for (const c of tpl.columns) {
    if (!c.required || result.columns[c.name] !== undefined) continue;
    const alt = tpl.alternatives.find((a) => a.alternativeTo === c.name);
    if (alt && result.columns[alt.name] !== undefined) continue;
    result.missing.push(c.name);
  }
  for (const group of tpl.oneOf) {
    if (!group.some((n) => result.columns[n] !== undefined)) result.missing.push(group.join(' or '));
  }
  return result;
}

/** Receipt columns absent from the header row, in the order they should be appended at the right. */
export function missingReceiptColumns(match: HeaderMatch): ReceiptColumn[] {
  return RECEIPT_COLUMNS.filter((r) => match.receipt[r] === undefined);
}

export { columnLetter };
