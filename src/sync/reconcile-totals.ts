import { type Amount, Decimal, ZERO, format, round, sum } from '../domain/money.js';
import { type DocumentLineDraft, type DocumentTotals, FIELD_LIMITS } from '../domain/sales-document.js';
import { truncateText } from '../domain/truncate.js';

/**
 * SPEC §3.1 "Totals": the document's totals must equal the shop's (`total_paid_tax_excl`,
 * `total_paid_tax_incl`) to the cent, HT and TTC.
 *
 * The document's totals are the sums of its lines' totals (each line: quantity × unit price, rounded to
 * the cent, tax excluded and tax included), so that any GesCom adding up the lines finds the same
 * figures. PrestaShop's own totals are not always the sum of its rounded lines (it rounds per item, per
 * line or on the total, and sometimes adds unrounded amounts: order 13 of the recorded shop pays
 * 172.34 for lines that add up to 172.35). A small difference becomes an explicit "écart d'arrondi"
 * line; a larger one means the mapping missed something, and the order fails rather than importing
 * wrong figures.
 */

export type ReconcileResult =
  | {
      readonly ok: true;
      readonly lines: readonly DocumentLineDraft[];
      readonly totals: DocumentTotals;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly code: 'totals-mismatch'; readonly message: string };

export interface ShopTotals {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

export const ROUNDING_LABEL = "Écart d'arrondi";

/** The sums of the lines' totals; the tax is what lies between them. */
export function linesTotals(lines: readonly DocumentLineDraft[]): DocumentTotals {
  const taxExcl = sum(lines.map((documentLine) => documentLine.totalTaxExcl));
  const taxIncl = sum(lines.map((documentLine) => documentLine.totalTaxIncl));
  return { taxExcl, tax: taxIncl.minus(taxExcl), taxIncl };
}

/** VAT by rate (the figures a French invoice shows at its foot), highest rate first. */
export function vatBreakdown(
  lines: readonly DocumentLineDraft[],
): { readonly rate: Amount; readonly base: Amount; readonly tax: Amount }[] {
  const byRate = new Map<string, { rate: Amount; base: Amount; tax: Amount }>();
  for (const documentLine of lines) {
    const key = documentLine.vatRate.toFixed();
    const entry = byRate.get(key) ?? { rate: documentLine.vatRate, base: ZERO, tax: ZERO };
    entry.base = entry.base.plus(documentLine.totalTaxExcl);
    entry.tax = entry.tax.plus(documentLine.totalTaxIncl.minus(documentLine.totalTaxExcl));
    byRate.set(key, entry);
  }
  return [...byRate.values()].sort((a, b) => b.rate.comparedTo(a.rate));
}

/** French amounts in messages: `316,06`, `+0,01`. */
const french = (value: Amount) => format(value).replace('.', ',');
const signed = (value: Amount) => (value.isNegative() ? french(value) : `+${french(value)}`);

/**
 * Adds a rounding line when the lines' totals differ from the shop's by at most `tolerance` (each of
 * HT and TTC), so that both totals match exactly; fails above it.
 *
 * The rounding line carries the HT difference as its tax-excluded amount and the TTC difference as its
 * tax-included amount, with VAT rate 0: when the two differences are equal it is a plain zero-rated
 * adjustment; when they differ, its tax part (TTC − HT) is a VAT rounding adjustment, not the product of
 * a rate — the only way both totals can match at once (order 16 of the recorded shop differs on TTC
 * only, order 8 on HT only).
 */
export function reconcileTotals(
  lines: readonly DocumentLineDraft[],
  shop: ShopTotals,
  options: { readonly tolerance: Amount; readonly roundingArticle: string; readonly currency: string },
): ReconcileResult {
  const document = linesTotals(lines);
  const shopExcl = round(shop.taxExcl);
  const shopIncl = round(shop.taxIncl);
  const differenceExcl = shopExcl.minus(document.taxExcl);
  const differenceIncl = shopIncl.minus(document.taxIncl);
  if (differenceExcl.isZero() && differenceIncl.isZero())
    return { ok: true, lines, totals: document, notes: [] };

  if (
    differenceExcl.abs().greaterThan(options.tolerance) ||
    differenceIncl.abs().greaterThan(options.tolerance)
  )
    return {
      ok: false,
      code: 'totals-mismatch',
      message:
        `Les totaux du document ne correspondent pas à ceux de la boutique : boutique ${french(shopExcl)} HT / ` +
        `${french(shopIncl)} TTC, document ${french(document.taxExcl)} HT / ${french(document.taxIncl)} TTC ` +
        `(écart ${signed(differenceExcl)} HT, ${signed(differenceIncl)} TTC ${options.currency} ; ` +
        `tolérance ${french(options.tolerance)}). Vérifiez les lignes, remises et frais de port de la commande ` +
        'dans la boutique ; la tolérance se règle dans les réglages des totaux.',
    };

  const rounding: DocumentLineDraft = {
    kind: 'rounding',
    articleReference: options.roundingArticle,
    createArticle: false,
    label: truncateText(ROUNDING_LABEL, FIELD_LIMITS.label),
    quantity: new Decimal(1),
    unitPriceTaxExcl: differenceExcl,
    unitPriceTaxIncl: differenceIncl,
    discountPercent: ZERO,
    discountAmountTaxExcl: ZERO,
    vatRate: ZERO,
    totalTaxExcl: differenceExcl,
    totalTaxIncl: differenceIncl,
    ecotaxTaxExcl: ZERO,
    sourceLineId: undefined,
  };
  const reconciled = [...lines, rounding];
  return {
    ok: true,
    lines: reconciled,
    totals: linesTotals(reconciled),
    notes: [
      `Écart d'arrondi avec les totaux de la boutique (${signed(differenceExcl)} HT, ${signed(differenceIncl)} ` +
        `TTC ${options.currency}) : ajouté en ligne « ${ROUNDING_LABEL} ».`,
    ],
  };
}
