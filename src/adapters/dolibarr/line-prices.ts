import { amount, Decimal, round, type Amount } from '../../domain/money.js';
import type { DocumentLineDraft } from '../../domain/sales-document.js';

/** Dolibarr keeps unit prices to MAIN_MAX_DECIMALS_UNIT decimals (5 by default). */
const UNIT_DECIMALS = 5;
/** Just under half a cent: the interval a total rounds to its cent from, half-way points left out. */
const HALF_CENT = amount('0.0049');

/**
 * The HT unit price as Dolibarr stores it: rounded to MAIN_MAX_DECIMALS_UNIT first (`price2num(x, 'MU')`),
 * and the line's totals are computed from that rounded price. Seen on a real Dolibarr 23.0.0-beta: a
 * subprice of 8.014218 at 5.5 % was stored as 8.01422 and gave 8.46 TTC, where 8.014218 gives 8.45
 * (test/fixtures/dolibarr/real-23.0.0-beta/index.md).
 */
export function dolibarrUnitPrice(unitPriceTaxExcl: Amount): Amount {
  return unitPriceTaxExcl.toDecimalPlaces(UNIT_DECIMALS, Decimal.ROUND_HALF_UP);
}

/** Dolibarr's line totals for an HT unit price: each rounded to the cent (`price2num(x, 'MT')`). */
export function dolibarrLineTotals(
  quantity: Amount,
  unitPriceTaxExcl: Amount,
  vatRate: Amount,
): { taxExcl: Amount; taxIncl: Amount } {
  const exact = quantity.times(dolibarrUnitPrice(unitPriceTaxExcl));
  return { taxExcl: round(exact), taxIncl: round(exact.times(vatRate.div(100).plus(1))) };
}

/**
 * The HT unit price to send for a line so that Dolibarr's own rounding of the line gives the shop's
 * line amounts to the cent (inline lines are read HT: a TTC base is ignored there). The line's own
 * price when it already does, or when no price can (the shop's HT and TTC disagree under the rate):
 * the document's read-back then sees the gap.
 */
export function fittedUnitPrice(line: DocumentLineDraft): Amount {
  const wantedExcl = round(line.totalTaxExcl);
  const wantedIncl = round(line.totalTaxIncl);
  const ownUnit = dolibarrUnitPrice(line.unitPriceTaxExcl);
  const own = dolibarrLineTotals(line.quantity, ownUnit, line.vatRate);
  if (own.taxExcl.equals(wantedExcl) && own.taxIncl.equals(wantedIncl)) return ownUnit;
  if (line.quantity.isZero()) return ownUnit;
  const factor = line.vatRate.div(100).plus(1);
  const low = Decimal.max(wantedExcl.minus(HALF_CENT), wantedIncl.minus(HALF_CENT).div(factor));
  const high = Decimal.min(wantedExcl.plus(HALF_CENT), wantedIncl.plus(HALF_CENT).div(factor));
  if (low.greaterThan(high)) return ownUnit;
  const unit = dolibarrUnitPrice(low.plus(high).div(2).div(line.quantity));
  const fitted = dolibarrLineTotals(line.quantity, unit, line.vatRate);
  return fitted.taxExcl.equals(wantedExcl) && fitted.taxIncl.equals(wantedIncl) ? unit : ownUnit;
}
