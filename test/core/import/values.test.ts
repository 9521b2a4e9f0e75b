import {
  inferCustomType, parseAmount, parseBoolean, parseCents, parseCountry, parseCurrency, parseCustomValue, parseDate,
  parseEmail, parseEnum, parseId, parseInteger, parseMoney, parseTags, parseText, parseUrl, parseUsState, wallTimeToUtc,
} from '../../../src/core/import/values';
import { BERLIN, NEW_YORK, UTC, sheetDate } from './helpers';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error('expected ok, got: ' + r.message);
  return r.value;
};
const message = (r: { ok: boolean; message?: string }): string | undefined => (r.ok ? undefined : r.message);

describe('money', () => {
  it('converts currency units with the ISO 4217 exponent: JPY 0, USD 2, KWD 3, CLF 4', () => {
    expect(value(parseMoney(1200, 'JPY'))).toBe(1200);
    expect(value(parseMoney(49.9, 'USD'))).toBe(4990);
    expect(value(parseMoney(1.234, 'KWD'))).toBe(1234);
    expect(value(parseMoney('1.2345', 'CLF'))).toBe(12345);
  });

  it('tolerates binary floating-point noise but never rounds real extra decimals', () => {
    expect(value(parseMoney(0.1 + 0.2, 'USD'))).toBe(30);
    expect(value(parseMoney(49.9 * 0.9, 'USD'))).toBe(4491);
    expect(value(parseMoney(1234567.89, 'USD'))).toBe(123456789);
    expect(message(parseMoney(49.905, 'USD'))).toBe('49.905 has more decimals than USD allows (2); round it in the sheet');
    expect(message(parseMoney(100.5, 'JPY'))).toBe('100.5 has more decimals than JPY allows (0); round it in the sheet');
    expect(message(parseMoney(1.2345, 'KWD'))).toBe('1.2345 has more decimals than KWD allows (3); round it in the sheet');
    expect(message(parseMoney(49.9000001, 'USD'))).toBe('49.9000001 has more decimals than USD allows (2); round it in the sheet');
  });

  it('reads plain decimal text exactly, with thousands separators and trailing zeros', () => {
    expect(value(parseMoney('49.90', 'USD'))).toBe(4990);
    expect(value(parseMoney('1,234.50', 'USD'))).toBe(123450);
    expect(value(parseMoney('-5', 'EUR'))).toBe(-500);
    expect(value(parseMoney('.5', 'EUR'))).toBe(50);
    expect(value(parseMoney('1000.000', 'JPY'))).toBe(1000);
    expect(message(parseMoney('49.905', 'USD'))).toBe('"49.905" has more decimals than USD allows (2); round it in the sheet');
  });

  it('refuses currency symbols, decimal commas and words with a hint', () => {
    expect(message(parseMoney('$49.90', 'USD'))).toBe('"$49.90" is not a plain number; type 49.90 without a currency symbol or code');
    expect(message(parseMoney('49.90 EUR', 'EUR'))).toBe('"49.90 EUR" is not a plain number; type 49.90 without a currency symbol or code');
    expect(message(parseMoney('49,90', 'EUR'))).toBe('"49,90" uses a decimal comma; type it with a dot (e.g. 49.90)');
    expect(message(parseMoney('1.234,50', 'EUR'))).toBe('"1.234,50" uses a decimal comma; type it with a dot (e.g. 49.90)');
    expect(message(parseMoney('free', 'USD'))).toBe('"free" is not an amount (e.g. 49.90)');
    expect(message(parseMoney(true, 'USD'))).toBe('TRUE is not an amount');
  });

  it('applies a minimum (discounts, taxes and fees are not negative)', () => {
    expect(message(parseMoney(-1, 'USD', { min: 0 }))).toBe('-1 must not be negative');
  });

  it('reads *_in_cents as whole numbers only', () => {
    expect(value(parseCents(4990))).toBe(4990);
    expect(value(parseCents('4990'))).toBe(4990);
    expect(message(parseCents(49.9))).toBe('49.9 is not a whole number of cents');
    expect(message(parseCents('49.90'))).toBe('"49.90" is not a whole number of cents');
  });

  it('keeps the syntax of an amount for later conversion', () => {
    expect(value(parseAmount('20.00'))).toEqual({ kind: 'text', text: '20.00', negative: false, int: '20', frac: '00' });
  });
});

describe('dates', () => {
  it('sends a Date cell as its UTC ISO string', () => {
    expect(value(parseDate(sheetDate(BERLIN, 2024, 1, 15, 9, 30), BERLIN)).iso).toBe('2024-01-15T08:30:00.000Z');
    expect(value(parseDate(sheetDate(BERLIN, 2024, 7, 15), BERLIN)).iso).toBe('2024-07-14T22:00:00.000Z');
  });

  it('reads ISO text without a zone as wall time in the spreadsheet zone (Berlin winter and summer)', () => {
    expect(value(parseDate('2024-01-15', BERLIN)).iso).toBe('2024-01-14T23:00:00.000Z');
    expect(value(parseDate('2024-07-15', BERLIN)).iso).toBe('2024-07-14T22:00:00.000Z');
    expect(value(parseDate('2024-03-01 10:00', BERLIN)).iso).toBe('2024-03-01T09:00:00.000Z');
    expect(value(parseDate('2024-08-01T10:00:00', BERLIN)).iso).toBe('2024-08-01T08:00:00.000Z');
    expect(value(parseDate('2024-03-01', UTC)).iso).toBe('2024-03-01T00:00:00.000Z');
  });

  it('gets the offset right on both sides of a DST change', () => {
    // Berlin switches to summer time on 2024-03-31 at 02:00 → 03:00 and back on 2024-10-27 at 03:00 → 02:00.
    expect(value(parseDate('2024-03-31 01:30', BERLIN)).iso).toBe('2024-03-31T00:30:00.000Z');
    expect(value(parseDate('2024-03-31 03:30', BERLIN)).iso).toBe('2024-03-31T01:30:00.000Z');
    expect(value(parseDate('2024-10-27 01:30', BERLIN)).iso).toBe('2024-10-26T23:30:00.000Z');
    expect(value(parseDate('2024-10-27 03:30', BERLIN)).iso).toBe('2024-10-27T02:30:00.000Z');
    expect(value(parseDate('2024-03-10 12:00', NEW_YORK)).iso).toBe('2024-03-10T16:00:00.000Z');
    expect(value(parseDate('2024-03-09 12:00', NEW_YORK)).iso).toBe('2024-03-09T17:00:00.000Z');
  });

  it('moves a wall time skipped by spring-forward ahead and takes the earlier of an ambiguous one', () => {
    expect(value(parseDate('2024-03-31 02:30', BERLIN)).iso).toBe('2024-03-31T01:30:00.000Z'); // = 03:30 CEST
    expect(value(parseDate('2024-10-27 02:30', BERLIN)).iso).toBe('2024-10-27T00:30:00.000Z'); // first 02:30 (CEST)
    expect(value(parseDate('2024-11-03 01:30', NEW_YORK)).iso).toBe('2024-11-03T05:30:00.000Z'); // first 01:30 (EDT)
    expect(wallTimeToUtc(Date.UTC(2024, 0, 1), UTC)).toBe(Date.UTC(2024, 0, 1));
  });

  it('honours Z and offsets in the text', () => {
    expect(value(parseDate('2024-03-01T10:00:00Z', BERLIN)).iso).toBe('2024-03-01T10:00:00.000Z');
    expect(value(parseDate('2024-03-01 10:00:00 +0200', BERLIN)).iso).toBe('2024-03-01T08:00:00.000Z');
    expect(value(parseDate('2024-03-01T10:00:00-05:00', BERLIN)).iso).toBe('2024-03-01T15:00:00.000Z');
    expect(value(parseDate('2024-03-01T10:00:00.250Z', BERLIN)).iso).toBe('2024-03-01T10:00:00.250Z');
  });

  it('refuses anything else with a helpful message', () => {
    expect(message(parseDate('01/03/2024', BERLIN))).toBe('"01/03/2024" is not a date; use 2024-03-01 or 2024-03-01 10:00 (or a date cell)');
    expect(message(parseDate('2024-02-30', BERLIN))).toBe('"2024-02-30" is not a valid date');
    expect(message(parseDate('2023-02-29', BERLIN))).toBe('"2023-02-29" is not a valid date');
    expect(value(parseDate('2024-02-29', UTC)).iso).toBe('2024-02-29T00:00:00.000Z');
    expect(message(parseDate(45352, BERLIN))).toBe(
      '45352 is a number, not a date; if it is the spreadsheet serial of 2024-03-01, format the column as a date (Format › Number › Date)',
    );
    expect(message(parseDate(true, BERLIN))).toBe('TRUE is not a date');
    expect(message(parseDate(new Date(Date.UTC(1899, 11, 30, 1)), UTC))).toBe(
      '1899-12-30 01:00 looks like a time or duration, not a date; type dates as 2024-03-01',
    );
    expect(message(parseDate(new Date(NaN), UTC))).toBe('is not a valid date');
  });
});

describe('booleans, integers, enums', () => {
  it('accepts checkboxes, TRUE/FALSE, yes/no and 1/0 in any case', () => {
    for (const t of [true, 'TRUE', 'true', 'Yes', 'YES', 1, '1']) expect(value(parseBoolean(t))).toBe(true);
    for (const f of [false, 'FALSE', 'no', 'No', 0, '0']) expect(value(parseBoolean(f))).toBe(false);
    expect(message(parseBoolean('maybe'))).toBe('"maybe" is not a yes/no value (use TRUE/FALSE, yes/no or 1/0)');
    expect(message(parseBoolean(2))).toBe('2 is not a yes/no value (use TRUE/FALSE, yes/no or 1/0)');
  });

  it('reads whole numbers and applies min / non-zero rules', () => {
    expect(value(parseInteger(3))).toBe(3);
    expect(value(parseInteger(' 12 '))).toBe(12);
    expect(value(parseInteger('1,000'))).toBe(1000);
    expect(value(parseInteger(0.1 * 3 * 10))).toBe(3); // 3.0000000000000004
    expect(message(parseInteger(2.5))).toBe('2.5 is not a whole number');
    expect(message(parseInteger('two'))).toBe('"two" is not a whole number');
    expect(message(parseInteger(0, { nonZero: true }))).toBe('must not be 0');
    expect(value(parseInteger(-2, { nonZero: true }))).toBe(-2);
    expect(message(parseInteger(0, { min: 1 }))).toBe('must be 1 or more, not 0');
  });

  it('matches enumerations loosely and lists the allowed values otherwise', () => {
    expect(value(parseEnum(' One Time ', ['subscription', 'one_time', 'trial']))).toBe('one_time');
    expect(value(parseEnum('differential-mrr', ['differential', 'differential_mrr', 'full']))).toBe('differential_mrr');
    expect(value(parseEnum('Months', ['day', 'month', 'year'], { months: 'month' }))).toBe('month');
    expect(message(parseEnum('weekly', ['day', 'month', 'year']))).toBe('"weekly" is not one of day, month, year');
  });
});

describe('codes, text, ids', () => {
  it('upper-cases and checks currency and country codes', () => {
    expect(value(parseCurrency(' eur '))).toBe('EUR');
    expect(message(parseCurrency('EURO'))).toBe('"EURO" is not an ISO 4217 currency code');
    expect(value(parseCountry('de'))).toBe('DE');
    expect(message(parseCountry('UK'))).toBe('"UK" is not an ISO 3166-1 alpha-2 country code (did you mean GB?)');
    expect(message(parseCountry('XX'))).toBe('"XX" is not an ISO 3166-1 alpha-2 country code (e.g. US, DE, GB)');
    expect(value(parseUsState('ny'))).toBe('US-NY');
    expect(message(parseUsState('Bavaria'))).toBe('"Bavaria" is not a US state code (e.g. NY or US-NY)');
  });

  it('checks emails and web addresses', () => {
    expect(value(parseEmail(' ann@acme.com '))).toBe('ann@acme.com');
    for (const bad of ['ann', 'ann@acme', 'ann @acme.com', 'a@b..com', 'a,b@acme.com']) {
      expect(message(parseEmail(bad))).toBe(`${JSON.stringify(bad.trim())} is not a valid email address`);
    }
    expect(value(parseUrl('acme.com'))).toBe('acme.com');
    expect(value(parseUrl('https://acme.com/x?y=1'))).toBe('https://acme.com/x?y=1');
    expect(message(parseUrl('acme'))).toBe('"acme" is not a web address (e.g. https://acme.com)');
    expect(message(parseUrl('ftp://acme.com'))).toBe('"ftp://acme.com" is not a web address (e.g. https://acme.com)');
  });

  it('trims text and turns numbers into their digits; refuses dates and checkboxes as ids', () => {
    expect(value(parseText('  Acme  '))).toBe('Acme');
    expect(value(parseId(12345))).toBe('12345');
    expect(value(parseId(' 00123 '))).toBe('00123');
    expect(message(parseId(new Date(Date.UTC(2024, 0, 2)), UTC))).toBe(
      '2024-01-02 is a date, not an id; format the column as plain text (Format › Number › Plain text) and type the id again',
    );
    expect(message(parseId(true))).toBe('TRUE is a checkbox value, not an id');
    expect(message(parseId(12345678901234567890))).toMatch(/too long a number/);
  });

  it('splits tags on commas, trimming and dropping repeats', () => {
    expect(value(parseTags(' vip, eu ,,vip '))).toEqual(['vip', 'eu']);
  });
});

describe('custom attribute types', () => {
  it('infers one type per column over all its non-empty values', () => {
    expect(inferCustomType([1, 2, '', 3], UTC)).toBe('Integer');
    expect(inferCustomType([1, 2.5], UTC)).toBe('Decimal');
    expect(inferCustomType(['10', '2.5'], UTC)).toBe('Decimal');
    expect(inferCustomType([true, false, 'TRUE'], UTC)).toBe('Boolean');
    expect(inferCustomType([new Date(0), '2024-03-01'], UTC)).toBe('Timestamp');
    expect(inferCustomType(['Google', 'Facebook'], UTC)).toBe('String');
    expect(inferCustomType([1, 'two'], UTC)).toBe('String');
    expect(inferCustomType(['00123', '00456'], UTC)).toBe('String');
    expect(inferCustomType(['yes', 'no'], UTC)).toBe('String');
    expect(inferCustomType(['', ''], UTC)).toBe('String');
  });

  it('converts values to the type', () => {
    expect(value(parseCustomValue(5, 'String', UTC))).toBe('5');
    expect(value(parseCustomValue('2024-03-01', 'Timestamp', BERLIN))).toBe('2024-02-29T23:00:00.000Z');
    expect(value(parseCustomValue('yes', 'Boolean', UTC))).toBe(true);
    expect(value(parseCustomValue('2.5', 'Decimal', UTC))).toBe(2.5);
    expect(message(parseCustomValue('x'.repeat(256), 'String', UTC))).toBe('is longer than 255 characters (256), the limit for String attributes');
    expect(message(parseCustomValue('lots', 'Integer', UTC))).toBe('"lots" is not a whole number');
  });
});
