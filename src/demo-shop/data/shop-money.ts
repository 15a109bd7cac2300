import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The demo shop's own money arithmetic, written from PrestaShop's rules and not shared with navette: the
 * simulator exists to catch navette's rounding mistakes, which it could not do if both computed with the
 * same helper.
 *
 * PrestaShop keeps amounts in `DECIMAL(20,6)` columns and rounds prices to the currency's precision with
 * `Tools::ps_round` and the shop's `PS_PRICE_ROUND_MODE`; where in the cart it rounds is `PS_ROUND_TYPE`.
 */

/** Exact decimals; 40 significant digits hold any 6-decimal amount a shop can carry. */
export const ShopDecimal = DecimalJs.clone({ precision: 40 });
export type ShopAmount = InstanceType<typeof ShopDecimal>;

/** `PS_PRICE_ROUND_MODE` (PrestaShop's `PS_ROUND_*` constants, config/defines.inc.php). */
export const ROUND_MODE = {
  /** Towards +∞ (`Tools::ceilf`). */
  up: 0,
  /** Towards −∞ (`Tools::floorf`). */
  down: 1,
  /** Half away from zero (PHP's `PHP_ROUND_HALF_UP`): the installer's default. */
  halfUp: 2,
  /** Half towards zero. */
  halfDown: 3,
  /** Half to the even neighbour. */
  halfEven: 4,
  /** Half to the odd neighbour. */
  halfOdd: 5,
} as const;
export type RoundMode = (typeof ROUND_MODE)[keyof typeof ROUND_MODE];

/** `PS_ROUND_TYPE` (`Order::ROUND_ITEM`, `ROUND_LINE`, `ROUND_TOTAL`). */
export const ROUND_TYPE = { perItem: 1, perLine: 2, onTotal: 3 } as const;
export type RoundType = (typeof ROUND_TYPE)[keyof typeof ROUND_TYPE];

/** The demo shop's configuration, as a fresh 8.1.2 install has it (shown by `configurations`). */
export const SHOP_ROUND_MODE: RoundMode = ROUND_MODE.halfUp;
export const SHOP_ROUND_TYPE: RoundType = ROUND_TYPE.perLine;

/** The currency precision prices are rounded to (EUR and USD: cents). */
export const CURRENCY_PRECISION = 2;

/**
 * `Tools::ps_round(value, precision, mode)`: the rounding of prices and totals. PHP's `round()` offers
 * half-up/half-down/half-even/half-odd; up and down are ceiling and floor (not away from / towards
 * zero: a negative amount rounded "up" grows towards zero).
 */
export function psRound(value: ShopAmount, precision: number, mode: RoundMode): ShopAmount {
  switch (mode) {
    case ROUND_MODE.up:
      return value.toDecimalPlaces(precision, DecimalJs.ROUND_CEIL);
    case ROUND_MODE.down:
      return value.toDecimalPlaces(precision, DecimalJs.ROUND_FLOOR);
    case ROUND_MODE.halfUp:
      return value.toDecimalPlaces(precision, DecimalJs.ROUND_HALF_UP);
    case ROUND_MODE.halfDown:
      return value.toDecimalPlaces(precision, DecimalJs.ROUND_HALF_DOWN);
    case ROUND_MODE.halfEven:
      return value.toDecimalPlaces(precision, DecimalJs.ROUND_HALF_EVEN);
    case ROUND_MODE.halfOdd:
      return roundHalfOdd(value, precision);
  }
}

/** decimal.js has no half-odd: on an exact half, take whichever neighbour has an odd last digit. */
function roundHalfOdd(value: ShopAmount, precision: number): ShopAmount {
  const down = value.toDecimalPlaces(precision, DecimalJs.ROUND_DOWN);
  const step = new ShopDecimal(10).pow(-precision);
  const rest = value.minus(down).abs();
  const half = step.div(2);
  if (!rest.equals(half)) return value.toDecimalPlaces(precision, DecimalJs.ROUND_HALF_UP);
  const lastDigitOdd = down.div(step).abs().mod(2).equals(1);
  return lastDigitOdd ? down : down.plus(value.isNegative() ? step.neg() : step);
}

/**
 * What a `DECIMAL(20,6)` column keeps of a computed value: MySQL rounds half away from zero on insert,
 * whatever the shop's round mode (which only applies where PHP calls `ps_round`).
 */
export function stored(value: ShopAmount): ShopAmount {
  return value.toDecimalPlaces(6, DecimalJs.ROUND_HALF_UP);
}

/** An amount as PrestaShop sends it: six decimals, `"12.500000"`. */
export function wire6(value: ShopAmount): string {
  return stored(value).toFixed(6);
}
