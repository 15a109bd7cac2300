import { amount, type Amount } from '../../domain/money.js';
import type { DocumentLineDraft, SalesDocumentDraft } from '../../domain/sales-document.js';

/** The shop's line amounts are rounded to the cent: each is within half a cent of the true amount. */
const HALF_CENT = amount('0.005');

/**
 * The VAT rates (percent) a line's amounts allow: the rates r for which some true HT and TTC, each
 * within half a cent of the shop's rounded HT and TTC, have TTC = HT × (1 + r/100). That is
 * [(|TTC| − ½c) / (|HT| + ½c) − 1, (|TTC| + ½c) / (|HT| − ½c) − 1]. Undefined for a line whose HT is
 * within half a cent of zero (any rate fits it: nothing to learn from its amounts).
 */
export function allowedRates(line: DocumentLineDraft): { low: Amount; high: Amount } | undefined {
  const taxExcl = line.totalTaxExcl.abs();
  const taxIncl = line.totalTaxIncl.abs();
  if (taxExcl.lessThanOrEqualTo(HALF_CENT)) return undefined;
  const low = taxIncl.minus(HALF_CENT).div(taxExcl.plus(HALF_CENT)).minus(1).times(100);
  const high = taxIncl.plus(HALF_CENT).div(taxExcl.minus(HALF_CENT)).minus(1).times(100);
  return { low, high };
}

/**
 * The line's rate, or the active Dolibarr rate nearest to it when its own is not active and the
 * line's amounts allow that one as well (see `allowedRates`). A rate the sync derived from the
 * shop's amounts (19.96 % on a carrier charged 4.17 HT / 5.00 TTC, PrestaShop's own rounding of a
 * 20 % price) is only as precise as those cents: 20 % gives the same amounts, so Dolibarr, which
 * accepts only its active rates, gets 20 %. A rate the amounts do not allow is kept, and refused.
 */
export function snappedRate(line: DocumentLineDraft, active: readonly Amount[]): Amount {
  if (active.some((rate) => rate.equals(line.vatRate))) return line.vatRate;
  const bounds = allowedRates(line);
  if (bounds === undefined) return line.vatRate;
  const fitting = active.filter(
    (rate) => rate.greaterThanOrEqualTo(bounds.low) && rate.lessThanOrEqualTo(bounds.high),
  );
  const distance = (rate: Amount): Amount => rate.minus(line.vatRate).abs();
  return (
    fitting.reduce<Amount | undefined>(
      (best, rate) => (best === undefined || distance(rate).lessThan(distance(best)) ? rate : best),
      undefined,
    ) ?? line.vatRate
  );
}

/** The draft with each line's rate snapped to an active Dolibarr rate where its amounts allow it. */
export function snapVatRates(draft: SalesDocumentDraft, active: readonly Amount[]): SalesDocumentDraft {
  const lines = draft.lines.map((line) => {
    const rate = snappedRate(line, active);
    return rate.equals(line.vatRate) ? line : { ...line, vatRate: rate };
  });
  return lines.every((line, index) => line === draft.lines[index]) ? draft : { ...draft, lines };
}
