// Fixed currency table of the emulator: USD value of one major unit, minor-unit digits and the currency sign.
// Rates are frozen (documented in docs/emulator.md (Metric model)) so metric tests stay deterministic; unknown codes count 1:1.

interface CurrencyInfo {
  usd: number; // USD per 1 major unit
  digits: number; // minor-unit digits (JPY/KRW: 0, i.e. amount_in_cents is whole yen/won)
  sign: string;
}

export const CURRENCIES: Readonly<Record<string, CurrencyInfo>> = {
  USD: { usd: 1, digits: 2, sign: '$' },
  EUR: { usd: 1.1, digits: 2, sign: '€' },
  GBP: { usd: 1.25, digits: 2, sign: '£' },
  CHF: { usd: 1.1, digits: 2, sign: 'CHF' },
  CAD: { usd: 0.75, digits: 2, sign: '$' },
  AUD: { usd: 0.65, digits: 2, sign: '$' },
  NZD: { usd: 0.6, digits: 2, sign: '$' },
  JPY: { usd: 0.007, digits: 0, sign: '¥' },
  KRW: { usd: 0.00075, digits: 0, sign: '₩' },
  CNY: { usd: 0.14, digits: 2, sign: '¥' },
  INR: { usd: 0.012, digits: 2, sign: '₹' },
  BRL: { usd: 0.2, digits: 2, sign: 'R$' },
  MXN: { usd: 0.05, digits: 2, sign: '$' },
  PLN: { usd: 0.25, digits: 2, sign: 'zł' },
  SEK: { usd: 0.1, digits: 2, sign: 'kr' },
  NOK: { usd: 0.1, digits: 2, sign: 'kr' },
  DKK: { usd: 0.15, digits: 2, sign: 'kr' },
  CZK: { usd: 0.045, digits: 2, sign: 'Kč' },
  HUF: { usd: 0.0028, digits: 2, sign: 'Ft' },
  ZAR: { usd: 0.055, digits: 2, sign: 'R' },
  SGD: { usd: 0.75, digits: 2, sign: '$' },
  HKD: { usd: 0.128, digits: 2, sign: '$' },
  ILS: { usd: 0.27, digits: 2, sign: '₪' },
  TRY: { usd: 0.03, digits: 2, sign: '₺' },
};

function info(code: string | null | undefined): CurrencyInfo | undefined {
  return code ? CURRENCIES[code.toUpperCase()] : undefined;
}

/** Converts minor units of `from` into minor units of `to` (unrounded float; unknown currencies convert 1:1). */
export function convertCents(amount: number, from: string | null | undefined, to: string): number {
  const f = info(from);
  const t = info(to);
  if (!f || !t || (from ?? '').toUpperCase() === to.toUpperCase()) return amount;
  const major = amount / 10 ** f.digits;
  return ((major * f.usd) / t.usd) * 10 ** t.digits;
}

/** Display sign for a currency code; the code itself when unknown. */
export function currencySign(code: string): string {
  return info(code)?.sign ?? code.toUpperCase();
}
