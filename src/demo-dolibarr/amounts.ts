import { Decimal } from 'decimal.js';

/**
 * Dolibarr's own arithmetic for lines and documents, written for the simulator alone (it must stay an
 * independent double of Dolibarr, so it shares nothing with navette's money code).
 *
 * Dolibarr computes each line's totals with `calcul_price_total()` and rounds each of them with
 * `price2num(x, 'MT')` to MAIN_MAX_DECIMALS_TOT decimals; a unit price given TTC is turned into HT with
 * `price2num(x, 'MU')` (MAIN_MAX_DECIMALS_UNIT). A document's totals are the sums of its lines' totals.
 * PHP's round() rounds halves away from zero after pre-rounding away float noise, which exact decimal
 * arithmetic with ROUND_HALF_UP reproduces.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Amount = InstanceType<typeof D>;

export interface RoundingSettings {
  /** MAIN_MAX_DECIMALS_TOT: decimals of line and document totals. */
  readonly totalDecimals: number;
  /** MAIN_MAX_DECIMALS_UNIT: decimals of unit prices. */
  readonly unitDecimals: number;
}

export const DEFAULT_ROUNDING: RoundingSettings = { totalDecimals: 2, unitDecimals: 5 };

export function amount(value: string | number | Amount): Amount {
  return new D(value);
}

/** `price2num($x, 'MT')` / `price2num($x, 'MU')`. */
export function price2num(value: Amount, decimals: number): Amount {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export interface LineInput {
  readonly qty: Amount;
  /** The unit price as given, HT or TTC as `priceBase` says. */
  readonly unitPrice: Amount;
  readonly vatRate: Amount;
  readonly discountPercent: Amount;
  readonly priceBase: 'HT' | 'TTC';
  /** multicurrency_tx: the document currency's units per company currency unit. */
  readonly currencyRate: Amount;
  /**
   * The unit price in the document's currency (`pu_ht_devise`, from `multicurrency_subprice` where the
   * endpoint passes it on), HT or TTC as `priceBase` says; undefined or zero: the price × the rate.
   */
  readonly currencyUnitPrice?: Amount;
}

export interface LineTotals {
  /** The HT unit price stored as `subprice`. */
  readonly subprice: Amount;
  readonly totalHt: Amount;
  readonly totalVat: Amount;
  readonly totalTtc: Amount;
  readonly currencySubprice: Amount;
  readonly currencyTotalHt: Amount;
  readonly currencyTotalVat: Amount;
  readonly currencyTotalTtc: Amount;
}

/**
 * `calcul_price_total()`: the line's totals from its unit price, and, at a rate other than 1, its totals
 * in the document's currency computed the same way from the price in that currency (the function calls
 * itself with `pu_devise`), not converted from the company totals. A zero price with a price in the
 * document's currency is that price ÷ the rate; a price in the document's currency left out is the price
 * × the rate.
 */
export function lineTotals(line: LineInput, rounding: RoundingSettings = DEFAULT_ROUNDING): LineTotals {
  const rate = line.currencyRate;
  const given = line.currencyUnitPrice;
  const unitPrice = line.unitPrice.isZero() && given && !given.isZero() ? given.div(rate) : line.unitPrice;
  const company = oneCurrency(line, unitPrice, rounding);
  if (rate.equals(1))
    return {
      ...company,
      currencySubprice: company.subprice,
      currencyTotalHt: company.totalHt,
      currencyTotalVat: company.totalVat,
      currencyTotalTtc: company.totalTtc,
    };
  const inCurrency = oneCurrency(line, given && !given.isZero() ? given : unitPrice.times(rate), rounding);
  return {
    ...company,
    currencySubprice: inCurrency.subprice,
    currencyTotalHt: inCurrency.totalHt,
    currencyTotalVat: inCurrency.totalVat,
    currencyTotalTtc: inCurrency.totalTtc,
  };
}

function oneCurrency(
  line: LineInput,
  unitPrice: Amount,
  rounding: RoundingSettings,
): { subprice: Amount; totalHt: Amount; totalVat: Amount; totalTtc: Amount } {
  const mt = (x: Amount): Amount => price2num(x, rounding.totalDecimals);
  const mu = (x: Amount): Amount => price2num(x, rounding.unitDecimals);
  const vatFactor = line.vatRate.div(100).plus(1);
  const discounted = unitPrice.times(line.qty).times(new D(1).minus(line.discountPercent.div(100)));
  let totalHt: Amount;
  let totalTtc: Amount;
  let subprice: Amount;
  if (line.priceBase === 'TTC') {
    totalTtc = mt(discounted);
    totalHt = mt(totalTtc.div(vatFactor));
    subprice = mu(unitPrice.div(vatFactor));
  } else {
    // The HT price is rounded to MAIN_MAX_DECIMALS_UNIT before anything is computed from it (a real
    // Dolibarr 23.0.0-beta stored 8.014218 as 8.01422, and its 5.5 % line came to 8.46 TTC, not 8.45).
    subprice = mu(unitPrice);
    const discountedHt = subprice.times(line.qty).times(new D(1).minus(line.discountPercent.div(100)));
    totalHt = mt(discountedHt);
    totalTtc = mt(discountedHt.times(vatFactor));
  }
  return { subprice, totalHt, totalVat: mt(totalTtc.minus(totalHt)), totalTtc };
}

/** A decimal as MySQL's DOUBLE(24,8) columns give it back: `"94.98000000"`. */
export function dbAmount(value: Amount): string {
  return value.toFixed(8);
}

/** A rate as the DOUBLE(7,4) columns give it back: `"20.0000"`. */
export function dbRate(value: Amount): string {
  return value.toFixed(4);
}

/** A quantity as Dolibarr gives it back: `"2"`, `"1.5"`. */
export function dbQuantity(value: Amount): string {
  return value.toString();
}

export function sum(values: readonly Amount[]): Amount {
  return values.reduce((total, v) => total.plus(v), new D(0));
}
