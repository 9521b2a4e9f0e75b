// Renders a stored cell value through a Sheets number format, as getDisplayValues() shows it.
// Covers the common patterns (0, 0.00, #,##0, %, currency literals, date/time tokens, @), not Sheets' full grammar.

import { DAYS, MONTHS, splitWallMs } from './timezone';
import { DateCell, DEFAULT_DATE_TIME_FORMAT, Stored, formatKind, serialOf, wallOfSerial } from './values';

export function displayValue(v: Stored, fmt: string | undefined): string {
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const kind = formatKind(fmt);
  if (v instanceof DateCell) {
    if (kind === 'number') return formatNumber(serialOf(v.wall), fmt as string);
    return formatDatePattern(v.wall, kind === 'date' ? (fmt as string) : DEFAULT_DATE_TIME_FORMAT);
  }
  if (kind === 'date') return formatDatePattern(wallOfSerial(v), fmt as string);
  if (kind === 'number') return formatNumber(v, fmt as string);
  return generalNumber(v);
}

export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.replace(/e([+-])/, 'E$1');
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function formatNumber(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  let section = sections[0];
  let negativeSign = n < 0;
  if (n < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    negativeSign = false;
  } else if (n === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  // Tokenize into literals and the numeric core.
  let prefix = '';
  let suffix = '';
  let core = '';
  let percent = false;
  let seenCore = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let lit: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit = section[++i] ?? '';
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      lit = inner.startsWith('$') ? inner.slice(1).split('-')[0] : '';
      i = end < 0 ? section.length : end;
    } else if (/[0#?,.]/.test(ch)) {
      core += ch;
      seenCore = true;
      continue;
    } else if (ch === '%') {
      percent = true;
      lit = '%';
    } else if (ch === '_' || ch === '*') {
      i++;
      lit = ch === '_' ? ' ' : '';
    } else {
      lit = ch;
    }
    if (seenCore) suffix += lit;
    else prefix += lit;
  }
  let value = Math.abs(n) * (percent ? 100 : 1);
  const [intPart, decPart = ''] = core.split('.');
  const maxDec = (decPart.match(/[0#?]/g) || []).length;
  const minDec = (decPart.match(/0/g) || []).length;
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) || []).length;
  value = Number(value.toPrecision(15));
  let text = value.toFixed(maxDec);
  let [ip, dp = ''] = text.split('.');
  while (dp.length > minDec && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  while (ip.length < minInt) ip = '0' + ip;
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  text = ip + (dp ? '.' + dp : '');
  const isZero = Number(value.toFixed(maxDec)) === 0;
  return (negativeSign && !isZero ? '-' : '') + prefix + text + suffix;
}

interface DateToken {
  kind: 'lit' | 'y' | 'm' | 'min' | 'd' | 'h' | 's' | 'ampm' | 'ap' | 'frac';
  text: string;
  n: number;
}

function tokenizeDate(fmt: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < fmt.length; ) {
    const rest = fmt.slice(i);
    const ch = fmt[i];
    if (/^am\/pm/i.test(rest)) {
      tokens.push({ kind: 'ampm', text: '', n: 5 });
      i += 5;
    } else if (/^a\/p/i.test(rest)) {
      tokens.push({ kind: 'ap', text: '', n: 3 });
      i += 3;
    } else if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      tokens.push({ kind: 'lit', text: fmt.slice(i + 1, end < 0 ? undefined : end), n: 0 });
      i = end < 0 ? fmt.length : end + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: fmt[i + 1] ?? '', n: 0 });
      i += 2;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i);
      i = end < 0 ? fmt.length : end + 1;
    } else if (ch === '.' && /^\.0+/.test(rest) && tokens.some((t) => t.kind === 's')) {
      const n = /^\.(0+)/.exec(rest)![1].length;
      tokens.push({ kind: 'frac', text: '', n });
      i += n + 1;
    } else if (/[ymdhs]/i.test(ch)) {
      let n = 1;
      while (fmt[i + n] && fmt[i + n].toLowerCase() === ch.toLowerCase()) n++;
      tokens.push({ kind: ch.toLowerCase() as DateToken['kind'], text: '', n });
      i += n;
    } else {
      tokens.push({ kind: 'lit', text: ch, n: 0 });
      i++;
    }
  }
  // m/mm means minutes right after an hour token or right before a seconds token.
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, k) => {
    if (t.kind === 'm' && t.n <= 2 && (fields[k - 1]?.kind === 'h' || fields[k + 1]?.kind === 's')) t.kind = 'min';
  });
  return tokens;
}

function pad(n: number, w: number): string {
  const s = String(n);
  return s.length >= w ? s : '0'.repeat(w - s.length) + s;
}

/** Formats a wall-clock time (UTC-based ms) with a Sheets date/time pattern. */
export function formatDatePattern(wall: number, fmt: string): string {
  const w = splitWallMs(wall);
  const tokens = tokenizeDate(fmt);
  const twelve = tokens.some((t) => t.kind === 'ampm' || t.kind === 'ap');
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'min':
        out += pad(w.minute, t.n);
        break;
      case 'y':
        out += t.n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'm':
        out += t.n >= 5 ? MONTHS[w.month - 1][0] : t.n === 4 ? MONTHS[w.month - 1] : t.n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, t.n);
        break;
      case 'd':
        out += t.n >= 4 ? DAYS[w.weekday] : t.n === 3 ? DAYS[w.weekday].slice(0, 3) : pad(w.day, t.n);
        break;
      case 'h': {
        const h = twelve ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += pad(h, Math.min(t.n, 2));
        break;
      }
      case 's':
        out += pad(w.second, Math.min(t.n, 2));
        break;
      case 'frac':
        out += '.' + pad(w.millisecond, 3).slice(0, t.n);
        break;
      case 'ampm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'ap':
        out += w.hour < 12 ? 'A' : 'P';
        break;
    }
  }
  return out;
}
