// Number formats from the account currency and the formula-injection guard: text columns are plain text, and any
// string that would land in a non-text column is prefixed with an apostrophe.

import { columnFormat, currencyFormat, guardTable, guardText, isTextColumn } from '../../../src/core/reports/formats';
import { LIST_COLUMNS } from '../../../src/core/reports/lists';
import { customColumn } from '../../../src/core/reports/lists';

describe('formats', () => {
  it('currency formats follow the account currency and its minor digits', () => {
    expect(currencyFormat('USD')).toBe('"$"#,##0.00');
    expect(currencyFormat('eur')).toBe('"€"#,##0.00');
    expect(currencyFormat('JPY')).toBe('"¥"#,##0');
    expect(currencyFormat('KWD')).toBe('#,##0.000 "KWD"');
    expect(columnFormat('rate', 'USD')).toBe('0.00%');
    expect(columnFormat('day', 'USD')).toBe('yyyy-mm-dd');
  });

  it('every column that carries API strings is plain text', () => {
    for (const kind of ['customers', 'subscriptions', 'activities'] as const) {
      for (const c of LIST_COLUMNS[kind]) {
        if (c.type === 'text') expect(columnFormat(c.type, 'USD')).toBe('@');
      }
    }
    expect(isTextColumn(customColumn('channel'))).toBe(true);
    expect(columnFormat(customColumn('channel').type, 'USD')).toBe('@');
  });
});

describe('formula-injection guard', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@import', "'@import"],
    ['TRUE', "'TRUE"],
    ['00123', "'00123"],
    ['3/4', "'3/4"],
    ['Acme Inc', 'Acme Inc'],
  ])('%s → %s', (input, out) => {
    expect(guardText(input)).toBe(out);
  });

  it('leaves text columns alone (they are plain text) and guards strings elsewhere', () => {
    const t = guardTable({ columns: [{ title: 'Name', type: 'text' }, { title: 'MRR', type: 'money' }], rows: [['=1+1', '=2+2'], ['a', 5]] });
    expect(t.rows).toEqual([['=1+1', "'=2+2"], ['a', 5]]);
  });
});
