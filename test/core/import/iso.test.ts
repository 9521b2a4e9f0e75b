import { currencyExponent, CURRENCY_EXPONENTS, isCurrencyCode } from '../../../src/core/iso/currencies';
import { COUNTRIES, isCountryCode, suggestCountryCode, US_STATES, usStateCode } from '../../../src/core/iso/countries';

describe('ISO 4217 currencies', () => {
  it('knows the minor-unit exponents that matter for money conversion', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('UYW')).toBe(4);
  });

  it('holds the full active list (three upper-case letters each) and refuses non-codes', () => {
    const codes = Object.keys(CURRENCY_EXPONENTS);
    expect(codes.length).toBeGreaterThanOrEqual(150);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{3}$/);
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(isCurrencyCode('usd')).toBe(false); // callers upper-case first
    expect(isCurrencyCode('XAU')).toBe(false); // gold has no minor unit
  });

  it('accepts recently withdrawn codes for historic invoices', () => {
    expect(currencyExponent('HRK')).toBe(2);
  });
});

describe('ISO 3166 countries and US states', () => {
  it('has all 249 alpha-2 codes', () => {
    expect(Object.keys(COUNTRIES)).toHaveLength(249);
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
  });

  it('suggests the code for names and common abbreviations', () => {
    expect(suggestCountryCode('Germany')).toBe('DE');
    expect(suggestCountryCode('uk')).toBe('GB');
    expect(suggestCountryCode('Narnia')).toBeUndefined();
  });

  it('normalises US states to ISO 3166-2', () => {
    expect(Object.keys(US_STATES)).toHaveLength(57);
    expect(usStateCode('NY')).toBe('US-NY');
    expect(usStateCode('us-ny')).toBe('US-NY');
    expect(usStateCode('New York')).toBe('US-NY');
    expect(usStateCode('XX')).toBeUndefined();
    expect(usStateCode('US')).toBeUndefined();
  });
});
