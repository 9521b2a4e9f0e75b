// Tests of Sheets' value rules in the fakes: typed-string parsing, '@' text, dates and time zones, display formats.
// Also shape and value errors of setValues with the real messages.

import { createGasEnvironment } from './index';

function setup(tz = 'Europe/Berlin') {
  const env = createGasEnvironment({ spreadsheetTimeZone: tz, now: () => Date.UTC(2024, 5, 15, 12) });
  const sheet = env.spreadsheet.getSheets()[0];
  return { env, sheet };
}

describe('setValues shape and value checks', () => {
  it('throws Sheets messages on row and column mismatches', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('throws on undefined, objects and non-2-D input, leaving the range untouched', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    expect(() => range.setValues([[1, undefined]])).toThrow(/don't match the method signature for SpreadsheetApp.Range.setValues/);
    expect(() => range.setValues([[1, { a: 1 }]])).toThrow(/don't match/);
    expect(() => range.setValues([1, 2] as unknown as unknown[][])).toThrow(/don't match/);
    expect(range.getValues()).toEqual([['', '']]);
  });

  it('errors are Apps Script exceptions', () => {
    const { sheet } = setup();
    try {
      sheet.getRange(1, 1, 2, 1).setValues([[1]]);
      throw new Error('no throw');
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
      expect(String(e)).toMatch(/^Exception: The number of rows/);
    }
  });

  it('null writes empty; numbers and booleans are kept', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[null, 0, -1.5, true]]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', 0, -1.5, true]]);
  });

  it('rejects more than 50000 characters in a cell', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
  });
});

describe('strings are interpreted as if typed', () => {
  it('parses numbers, booleans, formulas, apostrophes and leaves other text alone', () => {
    const { sheet } = setup();
    const inputs = ['00123', '1e5', '-2.50', '1,234', '12%', 'TRUE', 'false', "'00123", "'=1+1", 'hello', ' 42 ', '0x10', '2024-03-01T10:00:00Z'];
    sheet.getRange(1, 1, 1, inputs.length).setValues([inputs]);
    expect(sheet.getRange(1, 1, 1, inputs.length).getValues()[0]).toEqual([
      123, 100000, -2.5, 1234, 0.12, true, false, '00123', '=1+1', 'hello', 42, '0x10', '2024-03-01T10:00:00Z',
    ]);
  });

  it('turns a leading = into a formula whose value comes from the evaluator (else empty)', () => {
    const { env, sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=CM_MRR("2024-01")', 'x']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=CM_MRR("2024-01")');
    expect(sheet.getRange('A1').getValue()).toBe('');
    env.spreadsheet.setFormulaEvaluator((f, _s, row, col) => (f === '=CM_MRR("2024-01")' ? row * 1000 + col : 0));
    env.spreadsheet.recalculate();
    expect(sheet.getRange('A1').getValue()).toBe(1001);
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('spills array results and reports #REF! when blocked; #ERROR! when the evaluator throws', () => {
    const { env, sheet } = setup();
    env.spreadsheet.setFormulaEvaluator((f) => {
      if (f === '=BOOM()') throw new Error('boom');
      return [['h1', 'h2'], [1, 2]];
    });
    sheet.getRange('A1').setValue('=TABLE()');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['h1', 'h2'], [1, 2]]);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([['=TABLE()', ''], ['', '']]);
    sheet.getRange('B2').setValue('blocker');
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
    expect(sheet.getRange('B1').getValue()).toBe('');
    sheet.getRange('C1').setValue('=BOOM()');
    expect(sheet.getRange('C1').getValue()).toBe('#ERROR!');
  });

  it("keeps strings verbatim in cells formatted as plain text '@'", () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['00123', '=SUM(1)', 'TRUE', '2024-01-31']]);
    expect(r.getValues()).toEqual([['00123', '=SUM(1)', 'TRUE', '2024-01-31']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('parses yyyy-mm-dd (and a time) as that wall time in the spreadsheet zone', () => {
    const { sheet } = setup('America/New_York');
    sheet.getRange('A1:B1').setValues([['2024-03-01', '2024-07-04 09:30']]);
    const [d1, d2] = sheet.getRange('A1:B1').getValues()[0];
    expect(d1).toBeInstanceOf(Date);
    expect(d1.toISOString()).toBe('2024-03-01T05:00:00.000Z');
    expect(d2.toISOString()).toBe('2024-07-04T13:30:00.000Z');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-03-01', '2024-07-04 9:30']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  it('treats impossible dates as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2024-02-30');
    expect(sheet.getRange('A1').getValue()).toBe('2024-02-30');
  });
});

describe('dates', () => {
  it('round-trips a Date instant and displays it in the spreadsheet zone', () => {
    const { sheet } = setup('Europe/Berlin');
    const instant = new Date(Date.UTC(2024, 0, 15, 23, 30));
    sheet.getRange('A1').setValue(instant);
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(instant.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/16/2024 0:30:00');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-01-16');
  });

  it('keeps wall time when the spreadsheet zone changes (like Sheets serial numbers)', () => {
    const { env, sheet } = setup('Europe/Berlin');
    sheet.getRange('A1').setValue('2024-01-01');
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2023-12-31T23:00:00.000Z');
    env.spreadsheet.setSpreadsheetTimeZone('Etc/UTC');
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('number formats decide between Date and serial number', () => {
    const { sheet } = setup('Etc/UTC');
    sheet.getRange('A1').setValue(45292); // 2024-01-01
    expect(sheet.getRange('A1').getValue()).toBe(45292);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2024-01-01T00:00:00.000Z');
    sheet.getRange('A2').setValue(new Date(Date.UTC(2024, 0, 2, 12)));
    sheet.getRange('A2').setNumberFormat('0.00');
    expect(sheet.getRange('A2').getValue()).toBe(45293.5);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('45293.50');
  });
});

describe('getDisplayValues with number formats', () => {
  it.each([
    [1234.567, '0', '1235'],
    [1234.567, '0.00', '1234.57'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.1234, '0%', '12%'],
    [0.1234, '0.0%', '12.3%'],
    [0.1234, '0.00%', '12.34%'],
    [1234.5, '"$"#,##0.00', '$1,234.50'],
    [-1234.5, '"$"#,##0.00', '-$1,234.50'],
    [1234.5, '[$€]#,##0.00', '€1,234.50'],
    [45352, 'mmm yyyy', 'Mar 2024'],
    [45352.75, 'yyyy-mm-dd hh:mm', '2024-03-01 18:00'],
    [0.5, '0.###############', '0.5'],
    [1 / 3, '0.###############', '0.3333333333'],
  ])('%p with %p shows %p', (value, format, shown) => {
    const { sheet } = setup('Etc/UTC');
    const cell = sheet.getRange('A1');
    cell.setValue(value);
    cell.setNumberFormat(format);
    expect(cell.getDisplayValue()).toBe(shown);
  });

  it('shows booleans, text and typed percentages like Sheets', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[true, 'text', '5%']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['TRUE', 'text', '5%']]);
    expect(sheet.getRange('C1').getValue()).toBe(0.05);
  });
});
