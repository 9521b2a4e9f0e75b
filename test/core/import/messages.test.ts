import { formatError, formatRowError, rowList, rowMessage, summarizeTab } from '../../../src/core/import/messages';
import { parseTab } from '../../../src/core/import/rows';
import { UTC, table } from './helpers';

describe('messages', () => {
  it('formats errors naming the row and the column', () => {
    const e = { column: 'currency', message: '"EURO" is not an ISO 4217 currency code' };
    expect(formatError(e)).toBe('currency: "EURO" is not an ISO 4217 currency code');
    expect(formatRowError(7, e)).toBe('row 7, currency: "EURO" is not an ISO 4217 currency code');
    expect(formatError({ column: '', message: 'nothing to update' })).toBe('nothing to update');
    expect(rowMessage({ errors: [] })).toBe('');
    expect(rowList([9, 7])).toBe('rows 7 and 9');
    expect(rowList([3, 1, 2])).toBe('rows 1, 2 and 3');
  });

  it('summarises a tab for the check step: header problems, then row errors, capped', () => {
    const t = parseTab('Plans', table(['external_id', 'name', 'interval_count', 'interval_unit', 'Price'],
      ['p1', 'P1', 0, 'month', 10],
      ['', '', '', '', ''],
      ['p2', 'P2', 1, 'week', 10],
      ['p3', '', 1, 'year', 10],
    ), UTC);
    const s = summarizeTab(t, 2);
    expect(s).toEqual({
      tab: 'Plans', rows: 3, rowsWithErrors: 3, more: 1,
      lines: [
        'unknown column ignored: Price',
        'row 2, interval_count: must be 1 or more, not 0',
        'row 4, interval_unit: "week" is not one of day, month, year',
        '… and 1 more',
      ],
    });
  });
});
