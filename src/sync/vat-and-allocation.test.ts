import { describe, expect, it } from 'vitest';
import { amount } from '../domain/money.js';
import { allocateCents, vatRateFor } from './vat-and-allocation.js';

const texts = (values: readonly { toFixed(places: number): string }[]) =>
  values.map((value) => value.toFixed(2));

describe('vatRateFor', () => {
  it('keeps the shop rate when it reproduces the amounts', () => {
    expect(vatRateFor(amount('2.42'), amount('2.9'), amount(20))).toMatchObject({ derived: false });
    expect(vatRateFor(amount('8.014218'), amount('8.455'), amount('5.5'))).toMatchObject({ derived: false });
  });

  it('derives the rate with as few decimals as reproduce the amounts', () => {
    const shipping = vatRateFor(amount(7), amount('8.4'), amount(0));
    expect([shipping.rate.toFixed(), shipping.derived]).toEqual(['20', true]);
    expect(vatRateFor(amount('2.42'), amount('2.9'), amount(0)).rate.toFixed()).toBe('20');
    expect(vatRateFor(amount('100'), amount('105.5'), amount(0)).rate.toFixed()).toBe('5.5');
    expect(vatRateFor(amount('100'), amount('102.1'), amount(20)).rate.toFixed()).toBe('2.1');
  });

  it('a zero base keeps the hint', () => {
    expect(vatRateFor(amount(0), amount(0), amount(20)).rate.toFixed()).toBe('20');
  });
});

describe('allocateCents', () => {
  it('parts add up to the total exactly', () => {
    expect(texts(allocateCents(amount('5.504'), [amount('37.7'), amount('17.34')]))).toEqual([
      '3.77',
      '1.73',
    ]);
    expect(texts(allocateCents(amount('6.294'), [amount('45.24'), amount('17.7')]))).toEqual([
      '4.52',
      '1.77',
    ]);
    expect(texts(allocateCents(amount(1), [amount(1), amount(1), amount(1)]))).toEqual([
      '0.34',
      '0.33',
      '0.33',
    ]);
  });

  it('negative totals, zero weights, no parts', () => {
    expect(texts(allocateCents(amount('-1'), [amount(1), amount(1), amount(1)]))).toEqual([
      '-0.34',
      '-0.33',
      '-0.33',
    ]);
    expect(texts(allocateCents(amount('2.5'), [amount(0), amount(0)]))).toEqual(['2.50', '0.00']);
    expect(allocateCents(amount(1), [])).toEqual([]);
  });
});
