import { describe, expect, it } from 'vitest';
import { psRound, ROUND_MODE, ShopDecimal, stored, wire6, type RoundMode } from './shop-money.js';

const at2 = (value: string, mode: RoundMode): string => psRound(new ShopDecimal(value), 2, mode).toFixed(2);

describe("the demo shop's ps_round", () => {
  // Each row: value, then the result in modes up, down, half-up, half-down, half-even, half-odd, as PHP's
  // Tools::ps_round gives them (ceil and floor for up and down).
  const table: readonly (readonly [string, readonly [string, string, string, string, string, string]])[] = [
    ['1.005', ['1.01', '1.00', '1.01', '1.00', '1.00', '1.01']],
    ['1.015', ['1.02', '1.01', '1.02', '1.01', '1.02', '1.01']],
    ['1.025', ['1.03', '1.02', '1.03', '1.02', '1.02', '1.03']],
    ['2.344', ['2.35', '2.34', '2.34', '2.34', '2.34', '2.34']],
    ['2.346', ['2.35', '2.34', '2.35', '2.35', '2.35', '2.35']],
    ['-1.005', ['-1.00', '-1.01', '-1.01', '-1.00', '-1.00', '-1.01']],
    ['-1.015', ['-1.01', '-1.02', '-1.02', '-1.01', '-1.02', '-1.01']],
    ['-2.341', ['-2.34', '-2.35', '-2.34', '-2.34', '-2.34', '-2.34']],
    ['7.5', ['7.50', '7.50', '7.50', '7.50', '7.50', '7.50']],
  ];
  const modes = [
    ROUND_MODE.up,
    ROUND_MODE.down,
    ROUND_MODE.halfUp,
    ROUND_MODE.halfDown,
    ROUND_MODE.halfEven,
    ROUND_MODE.halfOdd,
  ] as const;

  for (const [value, expected] of table)
    it(`rounds ${value} in every mode`, () => {
      expect(modes.map((mode) => at2(value, mode))).toEqual(expected);
    });

  it('rounds halves to units too (precision 0)', () => {
    const at0 = (value: string, mode: RoundMode): string =>
      psRound(new ShopDecimal(value), 0, mode).toFixed(0);
    expect(['0.5', '1.5', '2.5', '-2.5'].map((v) => at0(v, ROUND_MODE.halfOdd))).toEqual([
      '1',
      '1',
      '3',
      '-3',
    ]);
    expect(['0.5', '1.5', '2.5', '-2.5'].map((v) => at0(v, ROUND_MODE.halfEven))).toEqual([
      '0',
      '2',
      '2',
      '-2',
    ]);
  });

  it('stores six decimals half away from zero, whatever the round mode', () => {
    expect(stored(new ShopDecimal('0.0000005')).toFixed(6)).toBe('0.000001');
    expect(stored(new ShopDecimal('-0.0000005')).toFixed(6)).toBe('-0.000001');
    expect(wire6(new ShopDecimal('12.5'))).toBe('12.500000');
    expect(wire6(new ShopDecimal('19.99').div(3))).toBe('6.663333');
  });
});
