import { type Amount, Decimal, ZERO, round, sum } from '../domain/money.js';

/**
 * The small pieces of arithmetic the document mapping needs in several places: the VAT a base carries
 * at a rate, finding the VAT rate that a pair of tax-excluded / tax-included amounts really carries,
 * and sharing an amount in cents between parts so that the parts add up exactly.
 */

/**
 * The VAT on `base` at `rate` percent, to the cent (half-up): what a VAT return by rate expects of a
 * line. A line "agrees with its rate" when its tax-included minus tax-excluded amount is exactly this.
 */
export function vatAt(rate: Amount, base: Amount): Amount {
  return round(base.times(rate).div(100));
}

/** Whether a line's VAT (tax-included minus tax-excluded) is its rate times its base, to the cent. */
export function agreesWithRate(rate: Amount, taxExcl: Amount, taxIncl: Amount): boolean {
  return taxIncl.minus(taxExcl).equals(vatAt(rate, taxExcl));
}

/**
 * The VAT rate (percent) that turns `taxExcl` into `taxIncl` to within half a cent: the `hint` (what
 * the shop says, e.g. `carrier_tax_rate`) when it does, otherwise the rate derived from the amounts,
 * with as few decimals as reproduce them (so 2.42 → 2.90 gives 20, not 19.83). PrestaShop's demo orders
 * record `carrier_tax_rate` 0 on shipping charged 7.00 HT / 8.40 TTC: the amounts are what the
 * customer paid, so they win over the stated rate. Half a cent, not an exact match at the cent: unit
 * prices carry up to 6 decimals (8.014218 HT at 5.5 % is 8.455 TTC).
 */
const HALF_A_CENT_TIMES_100 = new Decimal('0.5');

export function vatRateFor(
  taxExcl: Amount,
  taxIncl: Amount,
  hint: Amount,
): { readonly rate: Amount; readonly derived: boolean } {
  if (taxExcl.isZero()) return { rate: hint, derived: false };
  // |taxExcl × (1 + rate / 100) − taxIncl| ≤ half a cent, multiplied by 100 on both sides: the same
  // exact comparison without a division per candidate (this runs for every line of every order).
  const hundredTaxIncl = taxIncl.times(100);
  const reproduces = (rate: Amount) =>
    taxExcl.times(rate.plus(100)).minus(hundredTaxIncl).abs().lessThanOrEqualTo(HALF_A_CENT_TIMES_100);
  if (reproduces(hint)) return { rate: hint, derived: false };
  const exact = taxIncl.div(taxExcl).minus(1).times(100);
  for (const places of [0, 1, 2, 3]) {
    const candidate = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (reproduces(candidate)) return { rate: candidate, derived: true };
  }
  return { rate: exact.toDecimalPlaces(4, Decimal.ROUND_HALF_UP), derived: true };
}

/**
 * Shares `total` (rounded to cents) between parts in proportion to `weights`, by largest remainder:
 * the parts are whole cents and add up to the total exactly, which independent rounding does not
 * guarantee. With no weight at all, the whole total goes to the first part.
 */
export function allocateCents(total: Amount, weights: readonly Amount[]): Amount[] {
  const cents = round(total).times(100);
  const sign = cents.isNegative() ? -1 : 1;
  const absoluteCents = cents.abs();
  const absoluteWeights = weights.map((weight) => weight.abs());
  const weightSum = sum(absoluteWeights);
  if (weightSum.isZero()) return weights.map((_, index) => (index === 0 ? round(total) : ZERO));

  const exactShares = absoluteWeights.map((weight) => absoluteCents.times(weight).div(weightSum));
  const floors = exactShares.map((share) => share.floor());
  let left = absoluteCents.minus(sum(floors)).toNumber();
  // Give the cents left over to the largest remainders; ties go to the earlier part (the sort is stable).
  const order = exactShares
    .map((share, index) => ({ index, remainder: share.minus(floors[index] ?? ZERO) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder));
  const result = [...floors];
  for (const { index } of order) {
    if (left <= 0) break;
    result[index] = (result[index] ?? ZERO).plus(1);
    left -= 1;
  }
  return result.map((part) => part.div(100).times(sign));
}

/**
 * Shares `total` (whole cents) between candidates so that each gets what it lacks: its `gap` (the exact
 * amount minus the rounded one, in the direction of the total), plus its part of whatever the gaps do
 * not explain pro rata of its `size`. The cents go one at a time to the candidate furthest from its
 * due; ties to the larger size, then to the earlier candidate. Used to put a rounding difference where
 * the rounding that caused it happened.
 */
export function apportionCents(
  total: Amount,
  candidates: readonly { readonly gap: Amount; readonly size: Amount }[],
): Amount[] {
  const given = candidates.map(() => ZERO);
  if (candidates.length === 0) return given;
  const sizes = candidates.map((candidate) => candidate.size.abs());
  const sizeSum = sum(sizes);
  const unexplained = round(total).minus(sum(candidates.map((candidate) => candidate.gap)));
  const due = candidates.map((candidate, index) =>
    candidate.gap.plus(
      sizeSum.isZero()
        ? index === 0
          ? unexplained
          : ZERO
        : unexplained.times(sizes[index] ?? ZERO).div(sizeSum),
    ),
  );
  const sign = total.isNegative() ? -1 : 1;
  const cent = new Decimal(sign).div(100);
  const lacking = (index: number) => (due[index] ?? ZERO).minus(given[index] ?? ZERO).times(sign);
  const count = round(total).abs().times(100).toNumber();
  for (let step = 0; step < count; step += 1) {
    let best = 0;
    for (let index = 1; index < candidates.length; index += 1) {
      const order =
        lacking(index).comparedTo(lacking(best)) || (sizes[index] ?? ZERO).comparedTo(sizes[best] ?? ZERO);
      if (order > 0) best = index;
    }
    given[best] = (given[best] ?? ZERO).plus(cent);
  }
  return given;
}
