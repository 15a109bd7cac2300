import { describe, expect, it } from 'vitest';
import { amount } from '../domain/money.js';
import { agreesWithRate, allocateCents, apportionCents, vatAt, vatRateFor } from './vat-and-allocation.js';

const texts = (values: readonly { toFixed(places: number): string }[]) =>
  values.map((value) => value.toFixed(2));

describe('vatRateFor', () => {
  it('tells a rate reproducing the amounts to within half a cent, exactly at the edge', () => {
    // 10 HT at 20 % is 12: 12.005 is still reproduced, 12.005001 no longer.
    expect(vatRateFor(amount(10), amount('12.005'), amount(20))).toMatchObject({ derived: false });
    expect(vatRateFor(amount(10), amount('11.995'), amount(20))).toMatchObject({ derived: false });
    expect(vatRateFor(amount(10), amount('12.005001'), amount(20))).toMatchObject({ derived: true });
    expect(vatRateFor(amount('-10'), amount('-12.005'), amount(20))).toMatchObject({ derived: false });
    expect(vatRateFor(amount('8.014218'), amount('8.455'), amount('5.5')).rate.toFixed()).toBe('5.5');
  });

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
    expect(vatRateFor(amount(0), amount(0), amount(20))).toMatchObject({ derived: false });
    expect(vatRateFor(amount(0), amount(0), amount(20)).rate.toFixed()).toBe('20');
  });

  it('the hint when it gives the amounts to exactly half a cent', () => {
    expect(vatRateFor(amount(10), amount('12.005'), amount(20))).toMatchObject({ derived: false });
  });

  it('four decimals when fewer do not give the amounts', () => {
    const rate = vatRateFor(amount(10_000), amount('12345.67'), amount(20));
    expect([rate.rate.toFixed(), rate.derived]).toEqual(['23.4567', true]);
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

describe('vatAt and agreesWithRate', () => {
  it('the VAT of a base at a rate, to the cent, half away from zero', () => {
    expect(vatAt(amount(20), amount('34.68')).toFixed(2)).toBe('6.94');
    expect(vatAt(amount('5.5'), amount('32.06')).toFixed(2)).toBe('1.76');
    expect(vatAt(amount(20), amount('-0.01')).toFixed(2)).toBe('0.00');
    expect(vatAt(amount(20), amount('-0.025')).toFixed(3)).toBe('-0.010');
  });

  it('a line agrees with its rate when its VAT is exactly that', () => {
    expect(agreesWithRate(amount(20), amount('34.68'), amount('41.62'))).toBe(true);
    // Order 8's speaker as the shop stores it: 34.68 HT, 41.61 TTC.
    expect(agreesWithRate(amount(20), amount('34.68'), amount('41.61'))).toBe(false);
    expect(agreesWithRate(amount(0), amount('-0.01'), amount('-0.01'))).toBe(true);
  });
});

describe('apportionCents', () => {
  const candidate = (gap: string, size: string) => ({ gap: amount(gap), size: amount(size) });

  it('gives each cent to the candidate whose rounding lacks it most', () => {
    // Order 8: 20 % lost 0.005 to rounding (34.675 → 34.68), 5.5 % 0.003128 (32.056872 → 32.06).
    expect(
      texts(
        apportionCents(amount('-0.01'), [candidate('-0.005', '284.01'), candidate('-0.003128', '32.06')]),
      ),
    ).toEqual(['-0.01', '0.00']);
    expect(
      texts(apportionCents(amount('0.02'), [candidate('0.004', '10'), candidate('0.007', '10')])),
    ).toEqual(['0.01', '0.01']);
  });

  it('what the gaps do not explain goes pro rata of the sizes; ties to the larger, then the earlier', () => {
    expect(texts(apportionCents(amount('0.03'), [candidate('0', '10'), candidate('0', '20')]))).toEqual([
      '0.01',
      '0.02',
    ]);
    expect(texts(apportionCents(amount('0.01'), [candidate('0', '5'), candidate('0', '5')]))).toEqual([
      '0.01',
      '0.00',
    ]);
    expect(texts(apportionCents(amount('0.01'), [candidate('0', '0'), candidate('0', '0')]))).toEqual([
      '0.01',
      '0.00',
    ]);
    expect(apportionCents(amount('0.01'), [])).toEqual([]);
  });

  it('with no size at all, what the gaps do not explain is all the first candidate’s due', () => {
    expect(texts(apportionCents(amount('0.02'), [candidate('0', '0'), candidate('0', '0')]))).toEqual([
      '0.02',
      '0.00',
    ]);
  });

  it('of two candidates lacking as much, the larger gets the cent', () => {
    // The first's gap and the second's share of the rest are both half a cent.
    expect(texts(apportionCents(amount('0.01'), [candidate('0.005', '0'), candidate('0', '10')]))).toEqual([
      '0.00',
      '0.01',
    ]);
  });
});
