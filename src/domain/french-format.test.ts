import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDuration,
  formatInstant,
  formatLocalDate,
  formatMoney,
  formatNumber,
  formatPeriodBounds,
  formatRate,
} from './french-format.js';
import { amount } from './money.js';

describe('amounts shown to a person', () => {
  it('writes French amounts with a decimal comma and narrow spaces between thousands', () => {
    expect(formatAmount(amount('132.6'))).toBe('132,60');
    expect(formatAmount('1234567.891')).toBe('1\u202f234\u202f567,89');
    expect(formatAmount('-0.5')).toBe('-0,50');
    expect(formatAmount('1234.5', 'en')).toBe('1,234.50');
  });

  it('rounds half up on the decimal itself, and never shows a negative zero', () => {
    expect(formatAmount('2.345')).toBe('2,35');
    expect(formatAmount('-2.345')).toBe('-2,35');
    expect(formatAmount('-0.004')).toBe('0,00');
    expect(formatAmount('0.1', 'fr', 4)).toBe('0,1000');
  });

  it('shows a text that is not a decimal as it is', () => {
    expect(formatAmount('n/a')).toBe('n/a');
  });

  it('puts the euro sign after the amount with a no-break space, other currencies by their code', () => {
    expect(formatMoney(amount('43.2'), 'EUR')).toBe('43,20\u00a0€');
    expect(formatMoney('12', 'USD')).toBe('12,00\u00a0USD');
    expect(formatMoney('1234.5', 'EUR', 'en')).toBe('1,234.50\u00a0€');
  });

  it('writes quantities and rates with the decimals they have', () => {
    expect(formatNumber(amount('3'))).toBe('3');
    expect(formatNumber(amount('1.5'))).toBe('1,5');
    expect(formatNumber(amount('1500'))).toBe('1\u202f500');
  });

  it('writes VAT rates as French invoices do', () => {
    expect(formatRate(amount('5.5'))).toBe('5,5\u00a0%');
    expect(formatRate(amount('20'))).toBe('20\u00a0%');
    expect(formatRate(amount('5.5'), 'en')).toBe('5.5%');
  });
});

describe('dates shown to a person', () => {
  it('writes the shop’s dates as dd/mm/yyyy, with hh:mm when they have a time', () => {
    expect(formatLocalDate('2026-11-17')).toBe('17/11/2026');
    expect(formatLocalDate('2026-11-17 08:30:00')).toBe('17/11/2026 08:30');
    expect(formatLocalDate('2026-11-17T08:30:00')).toBe('17/11/2026 08:30');
    expect(formatLocalDate('hier')).toBe('hier');
  });

  it('writes a period of whole days without its times, and any other with them', () => {
    expect(formatPeriodBounds('2026-09-17 00:00:00', '2026-11-17 23:59:59')).toEqual([
      '17/09/2026',
      '17/11/2026',
    ]);
    expect(formatPeriodBounds('2026-09-17', '2026-11-17')).toEqual(['17/09/2026', '17/11/2026']);
    expect(formatPeriodBounds('2026-09-17 08:00:00', '2026-11-17 23:59:59')).toEqual([
      '17/09/2026 08:00',
      '17/11/2026 23:59',
    ]);
  });

  it('writes recorded instants in the viewer’s time zone, never in ISO', () => {
    expect(formatInstant('2026-11-17T08:30:05.123Z', 'fr', 'Europe/Paris')).toBe('17/11/2026 09:30:05');
    expect(formatInstant('2026-07-01T22:00:00Z', 'fr', 'Europe/Paris')).toBe('02/07/2026 00:00:00');
    expect(formatInstant('2026-11-17T08:30:05Z', 'en', 'UTC')).toBe('17/11/2026, 08:30:05');
    expect(formatInstant(undefined)).toBe('—');
    expect(formatInstant('pas une date')).toBe('pas une date');
  });

  it('writes durations with a decimal comma in French', () => {
    expect(formatDuration(850)).toBe('850\u00a0ms');
    expect(formatDuration(1234)).toBe('1,2\u00a0s');
    expect(formatDuration(1234, 'en')).toBe('1.2\u00a0s');
    expect(formatDuration(undefined)).toBe('—');
  });
});
