import { describe, expect, it } from 'vitest';
import { amount, format, parseAmount, round, sum, toText } from './money.js';

describe('amounts', () => {
  it('reads PrestaShop decimal strings exactly', () => {
    expect(toText(amount('16.510000'))).toBe('16.51');
    expect(toText(amount('8.014218').times(4))).toBe('32.056872');
    expect(toText(sum(['0.1', '0.2'].map(amount)))).toBe('0.3');
  });

  it('refuses what is not a decimal', () => {
    expect(parseAmount('12,50')).toBeUndefined();
    expect(parseAmount('1e5')).toBeUndefined();
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount(Number.NaN)).toBeUndefined();
    // Whatever a parsed answer holds that is neither text nor number.
    for (const other of [null, undefined, {}, true]) expect(parseAmount(other)).toBeUndefined();
    expect(() => amount('abc')).toThrow(/not a decimal/);
  });

  it('rounds half up to the cent, as PrestaShop and French invoices do', () => {
    expect(format(amount('2.345'))).toBe('2.35');
    expect(format(amount('-2.345'))).toBe('-2.35');
    expect(format(round(amount('18.696').times(6)))).toBe('112.18');
  });

  it('gives an amount with no more decimals than asked as it is', () => {
    const cents = amount('16.5');
    expect(round(cents)).toBe(cents);
    expect(round(amount('-3'), 0).toFixed()).toBe('-3');
    expect(round(amount('8.014218'), 4).toFixed()).toBe('8.0142');
    expect(round(amount('0.005')).toFixed()).toBe('0.01');
  });

  it('takes an amount already parsed as it is', () => {
    const parsed = amount('4.20');
    expect(amount(parsed)).toBe(parsed);
  });
});
