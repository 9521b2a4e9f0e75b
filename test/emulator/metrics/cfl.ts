// Parser for the ChartMogul filter language (CFL) used by the `filters` metrics param:
// `field~OPERATOR~value` joined with `~AND~`; strings in single quotes, lists comma-separated.

export type CflOperator = 'EQ' | 'NOT_EQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'BETWEEN' | 'ANY' | 'ALL' | 'NONE';
export const CFL_OPERATORS: readonly CflOperator[] = ['EQ', 'NOT_EQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'ANY', 'ALL', 'NONE'];

export interface CflCondition {
  field: string; // lower-cased; custom attributes keep their key case: "custom.Seats"
  op: CflOperator;
  values: string[]; // unquoted values
}

export class CflError extends Error {}

/** Splits on `~` outside single quotes; keeps quotes on the pieces. */
function splitTilde(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === "'") {
      if (quoted && input[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === '\\' && quoted && i + 1 < input.length) {
      cur += ch + input[i + 1];
      i++;
    } else if (ch === '~' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) throw new CflError('unterminated quoted string');
  out.push(cur);
  return out;
}

/** Parses one value list: `'a','b'`, `150`, `100,200`. */
function parseValues(raw: string): string[] {
  const values: string[] = [];
  let i = 0;
  const s = raw.trim();
  if (!s) throw new CflError('missing value');
  while (i < s.length) {
    while (s[i] === ' ') i++;
    if (s[i] === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new CflError('unterminated quoted string');
        if (s[i] === '\\' && i + 1 < s.length) {
          v += s[i + 1];
          i += 2;
        } else if (s[i] === "'" && s[i + 1] === "'") {
          v += "'";
          i += 2;
        } else if (s[i] === "'") {
          i++;
          break;
        } else v += s[i++];
      }
      values.push(v);
      while (s[i] === ' ') i++;
    } else {
      let v = '';
      while (i < s.length && s[i] !== ',') v += s[i++];
      v = v.trim();
      if (!v || /['~]/.test(v)) throw new CflError(`invalid value "${v}"`);
      values.push(v);
    }
    if (i < s.length) {
      if (s[i] !== ',') throw new CflError(`unexpected "${s[i]}" in value list`);
      i++;
      if (i >= s.length) throw new CflError('trailing comma in value list');
    }
  }
  return values;
}

/** Parses a whole CFL string into AND-ed conditions; throws CflError with a human message when malformed. */
export function parseCfl(input: string): CflCondition[] {
  const text = input.trim();
  if (!text) throw new CflError('empty filter');
  const parts = splitTilde(text);
  const conditions: CflCondition[] = [];
  let i = 0;
  while (i < parts.length) {
    const field = parts[i]?.trim();
    const opRaw = parts[i + 1]?.trim();
    if (!field || !/^[A-Za-z_][A-Za-z0-9_.\-]*$/.test(field)) throw new CflError(`invalid field "${field ?? ''}"`);
    if (!opRaw) throw new CflError(`missing operator after "${field}"`);
    const op = opRaw.toUpperCase() as CflOperator;
    if (!CFL_OPERATORS.includes(op)) throw new CflError(`unknown operator "${opRaw}"`);
    if (i + 2 >= parts.length) throw new CflError(`missing value for "${field}"`);
    let values = parseValues(parts[i + 2]);
    i += 3;
    if (op === 'BETWEEN') {
      // Either `BETWEEN~a~b` or `BETWEEN~a,b`.
      if (values.length === 1 && i < parts.length && parts[i].trim() !== 'AND') {
        values = values.concat(parseValues(parts[i]));
        i++;
      }
      if (values.length !== 2) throw new CflError(`BETWEEN needs two values for "${field}"`);
    }
    const lower = field.toLowerCase();
    conditions.push({ field: lower.startsWith('custom.') ? `custom.${field.slice(7)}` : lower, op, values });
    if (i < parts.length) {
      if (parts[i].trim() !== 'AND') throw new CflError(`expected ~AND~ before "${parts[i]}"`);
      i++;
      if (i >= parts.length) throw new CflError('dangling ~AND~');
    }
  }
  return conditions;
}
