// Syntax of a ChartMogul filter (CFL): field~OPERATOR~value joined with ~AND~, strings in single quotes, lists
// comma-separated, BETWEEN with two values. One checker for formulas and reports; the API still judges fields/values.

const KNOWN_OPERATORS = ['EQ', 'NOT_EQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'ANY', 'ALL', 'NONE'];
const FIELD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const BARE_VALUE = /^(-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?|true|false)$/;

/** Splits on `sep` outside single quotes ('' and \' escape a quote). Returns null when a quote is left open. */
function splitOutsideQuotes(text: string, sep: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '\\' && text[i + 1] === "'") {
      cur += "\\'";
      i++;
      continue;
    }
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) return null;
  out.push(cur);
  return out;
}

function checkValues(field: string, token: string): string | null {
  const items = splitOutsideQuotes(token, ',');
  if (!items) return `unclosed quote in the value of ${field}`;
  for (const raw of items) {
    const v = raw.trim();
    if (v === '') return `empty value in the list for ${field}`;
    if (v[0] === "'") {
      if (v.length < 2 || v[v.length - 1] !== "'") return `value ${v} of ${field}: text must be in single quotes`;
    } else if (!BARE_VALUE.test(v)) {
      return `value ${v} of ${field}: put text in single quotes ('${v}')`;
    }
  }
  return null;
}

/** What is wrong with a CFL filter's syntax, or null when it parses (fields and values are the API's to judge). */
export function cflProblem(text: string): string | null {
  const tokens = splitOutsideQuotes(text, '~');
  if (!tokens) return 'a single quote is not closed';
  let i = 0;
  for (;;) {
    const field = (tokens[i] ?? '').trim();
    const op = (tokens[i + 1] ?? '').trim();
    if (!field) return i === 0 ? 'empty filter' : 'a condition is missing after AND';
    if (!FIELD.test(field)) return `"${field}" is not a field name (e.g. currency, plan, custom.channel)`;
    if (!op) return `${field}: operator missing (e.g. ${field}~ANY~'value')`;
    if (op.toUpperCase() !== op || !/^[A-Z_]+$/.test(op)) {
      const up = op.toUpperCase();
      return KNOWN_OPERATORS.indexOf(up) >= 0 ? `operators are upper case: ${up}` : `"${op}" is not an operator`;
    }
    if (tokens[i + 2] === undefined || tokens[i + 2].trim() === '') return `${field}~${op}: value missing`;
    const bad = checkValues(field, tokens[i + 2]);
    if (bad) return bad;
    i += 3;
    if (op === 'BETWEEN' && tokens[i - 1].indexOf(',') < 0) {
      if (tokens[i] === undefined || tokens[i].trim() === '' || tokens[i].trim() === 'AND') return `${field}~BETWEEN needs two values (a~b)`;
      const bad2 = checkValues(field, tokens[i]);
      if (bad2) return bad2;
      i++;
    }
    if (i >= tokens.length) return null;
    const joiner = tokens[i].trim();
    if (joiner === 'OR') return 'OR is not supported: conditions can only be joined with ~AND~';
    if (joiner.toUpperCase() === 'AND' && joiner !== 'AND') return 'join conditions with ~AND~ (upper case)';
    if (joiner !== 'AND') return `unexpected "${joiner}" after the ${field} condition (join conditions with ~AND~)`;
    i++;
  }
}
