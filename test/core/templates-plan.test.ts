// Tests for the pure template plan: exact headers, notes with the required mark, header styles,
// validation and number-format runs, and tab-name resolution.

import { RECEIPT_COLUMNS, RECEIPT_NOTES, TAB_NAMES, TEMPLATES } from '../../src/core/import/templates';
import {
  HEADER_BACKGROUND, RECEIPT_BACKGROUND, REQUIRED_MARK, planTemplate, resolveTabs, runsOf,
} from '../../src/core/templates-plan';

/** Expands runs back to one value per column (1-based positions → array index). */
function expand<T>(runs: { start: number; count: number; value: T }[], n: number): (T | undefined)[] {
  const out: (T | undefined)[] = new Array(n).fill(undefined);
  for (const r of runs) for (let i = 0; i < r.count; i++) out[r.start - 1 + i] = r.value;
  return out;
}

describe('planTemplate', () => {
  it.each(TAB_NAMES.map((t) => [t]))('%s: headers are exactly the column names then the receipt columns', (tab) => {
    const p = planTemplate(tab);
    expect(p.headers).toEqual([...TEMPLATES[tab].columns.map((c) => c.name), ...RECEIPT_COLUMNS]);
    expect(p.headers.every((h) => !h.includes('*'))).toBe(true);
    expect(p.notes).toHaveLength(p.headers.length);
    expect(p.fontWeights).toHaveLength(p.headers.length);
    expect(p.backgrounds).toHaveLength(p.headers.length);
    expect(p.receiptStart).toBe(TEMPLATES[tab].columns.length + 1);
    expect(p.frozenRows).toBe(1);
  });

  it('puts a note on every header; required ones start with the * mark and are bold', () => {
    for (const tab of TAB_NAMES) {
      const p = planTemplate(tab);
      TEMPLATES[tab].columns.forEach((c, i) => {
        expect(p.notes[i]).toContain(c.note);
        expect(p.notes[i].startsWith(REQUIRED_MARK)).toBe(c.required);
        expect(p.fontWeights[i]).toBe(c.required ? 'bold' : null);
        expect(p.backgrounds[i]).toBe(HEADER_BACKGROUND);
      });
      RECEIPT_COLUMNS.forEach((r, k) => {
        expect(p.notes[p.receiptStart - 1 + k]).toBe(RECEIPT_NOTES[r]);
        expect(p.backgrounds[p.receiptStart - 1 + k]).toBe(RECEIPT_BACKGROUND);
      });
    }
  });

  it('explains the tab in the first header note', () => {
    const p = planTemplate('Attributes');
    expect(p.notes[0]).toContain('Attributes tab:');
    expect(p.notes[0]).toContain('customer_external_id or email');
    expect(planTemplate('Invoices').notes[0]).toContain('required');
  });

  it('gives enums a dropdown and booleans a checkbox, nothing else', () => {
    const p = planTemplate('Invoices');
    const rules = expand(p.validations, p.headers.length);
    TEMPLATES.Invoices.columns.forEach((c, i) => {
      const r = rules[i];
      if (c.kind === 'boolean') expect(r).toMatchObject({ kind: 'checkbox' });
      else if (c.values) expect(r).toMatchObject({ kind: 'list', values: c.values });
      else expect(r).toBeUndefined();
    });
    expect(rules.slice(p.receiptStart - 1).every((r) => r === undefined)).toBe(true);
    expect(expand(planTemplate('Plans').validations, 8)[3]).toEqual({ kind: 'list', values: ['day', 'month', 'year'], helpText: 'interval_unit: one of day, month, year.' });
  });

  it('formats every column (ids as plain text) in as few runs as possible', () => {
    for (const tab of TAB_NAMES) {
      const p = planTemplate(tab);
      const formats = expand(p.formats, p.headers.length);
      TEMPLATES[tab].columns.forEach((c, i) => expect(formats[i]).toBe(c.format));
      for (const [i, c] of TEMPLATES[tab].columns.entries()) if (c.kind === 'id') expect(formats[i]).toBe('@');
      expect(formats.slice(p.receiptStart - 1)).toEqual(['@', '@', '@', 'yyyy-mm-dd hh:mm:ss']);
      for (let k = 1; k < p.formats.length; k++) {
        const a = p.formats[k - 1];
        const b = p.formats[k];
        if (a.start + a.count === b.start) expect(a.value).not.toBe(b.value); // adjacent runs always differ
      }
    }
    // Customers: external_id … zip … owner are all text; lead/trial dates; tags text (+ 3 text receipt columns).
    expect(planTemplate('Customers').formats.map((r) => [r.start, r.count, r.value])).toEqual([
      [1, 10, '@'], [11, 2, 'yyyy-mm-dd'], [13, 4, '@'], [17, 1, 'yyyy-mm-dd hh:mm:ss'],
    ]);
  });
});

describe('runsOf', () => {
  it('groups adjacent equal values and skips gaps', () => {
    expect(runsOf(['a', 'a', undefined, 'a', 'b', 'b'], (x) => x)).toEqual([
      { start: 1, count: 2, value: 'a' }, { start: 4, count: 1, value: 'a' }, { start: 5, count: 2, value: 'b' },
    ]);
    expect(runsOf<string>([], (x) => x)).toEqual([]);
  });
});

describe('resolveTabs', () => {
  it('defaults to all seven in import order and accepts variants', () => {
    expect(resolveTabs()).toEqual(TAB_NAMES);
    expect(resolveTabs([])).toEqual(TAB_NAMES);
    expect(resolveTabs(['invoices', 'subscription_events', 'Customers', 'Invoices'])).toEqual(['Customers', 'Invoices', 'Subscription events']);
  });
  it('refuses unknown tabs with the list of valid ones', () => {
    expect(() => resolveTabs(['Contacts'])).toThrow('Unknown tab "Contacts". Choose from: Customers, Plans');
  });
});
