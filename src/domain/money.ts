import { Decimal as DecimalJs } from 'decimal.js';

/**
 * Every amount in navette is a decimal, never a binary float: PrestaShop sends strings with 6 decimals
 * and the GesCom must match the shop's totals to the cent.
 *
 * Rounding is half-up away from zero, the rule PrestaShop (PS_ROUND_HALF_UP, its default) and French
 * invoicing use.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Amount = InstanceType<typeof Decimal>;

export const ZERO: Amount = new Decimal(0);

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses a decimal written as text (or an integer); undefined when it is not one. */
export function parseAmount(value: unknown): Amount | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return DECIMAL_TEXT.test(text) ? new Decimal(text) : undefined;
}

/** Parses a decimal the caller knows to be well formed; throws (a bug) otherwise. */
export function amount(value: string | number | Amount): Amount {
  if (value instanceof Decimal) return value;
  const parsed = parseAmount(value);
  if (parsed === undefined) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  return parsed;
}

/** Rounds to `places` decimals (2 = cents), half-up. */
export function round(value: Amount, places = 2): Amount {
  // Most amounts already have at most `places` decimals: the same (immutable) decimal, not a copy.
  if (value.decimalPlaces() <= places) return value;
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function sum(values: Iterable<Amount>): Amount {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** Fixed-point text: `format(amount('16.5'))` is `"16.50"`. */
export function format(value: Amount, places = 2): string {
  return round(value, places).toFixed(places);
}

/** Exact text without trailing zeros (for storage and JSON): `"16.51"`, `"8.014218"`, `"0"`. */
export function toText(value: Amount): string {
  return value.toFixed();
}
