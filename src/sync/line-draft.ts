import { type Amount, Decimal, ZERO, round } from '../domain/money.js';
import { type DocumentLineDraft, FIELD_LIMITS, type LineKind } from '../domain/sales-document.js';
import { truncateText } from '../domain/truncate.js';

/**
 * One document line drafted from its amounts: every line's totals are its quantity × unit prices
 * rounded to the cent, as a GesCom computes them. Shared by the product, shipping, wrapping and
 * discount lines, with the French wording of rates and amounts their labels and notes use.
 */

const ONE = new Decimal(1);
const label = (text: string) => truncateText(text, FIELD_LIMITS.label);

/** `5.5` → `5,5 %`, as a French label writes a rate. */
export function frenchRate(rate: Amount): string {
  return `${rate.toFixed().replace('.', ',')} %`;
}

export interface LineAmounts {
  readonly quantity: Amount;
  readonly unitPriceTaxExcl: Amount;
  readonly unitPriceTaxIncl: Amount;
  readonly vatRate: Amount;
}

export function line(
  kind: LineKind,
  articleReference: string,
  text: string,
  amounts: LineAmounts,
  extra: Partial<
    Pick<
      DocumentLineDraft,
      'createArticle' | 'discountPercent' | 'discountAmountTaxExcl' | 'ecotaxTaxExcl' | 'sourceLineId'
    >
  > = {},
): DocumentLineDraft {
  return {
    kind,
    articleReference,
    createArticle: extra.createArticle ?? false,
    label: label(text),
    quantity: amounts.quantity,
    unitPriceTaxExcl: amounts.unitPriceTaxExcl,
    unitPriceTaxIncl: amounts.unitPriceTaxIncl,
    discountPercent: extra.discountPercent ?? ZERO,
    discountAmountTaxExcl: extra.discountAmountTaxExcl ?? ZERO,
    vatRate: amounts.vatRate,
    totalTaxExcl: round(amounts.quantity.times(amounts.unitPriceTaxExcl)),
    totalTaxIncl: round(amounts.quantity.times(amounts.unitPriceTaxIncl)),
    ecotaxTaxExcl: extra.ecotaxTaxExcl ?? ZERO,
    sourceLineId: extra.sourceLineId,
  };
}

/** A line of one unit at the given totals (shipping, wrapping, a cart rule's share). */
export function singleLine(
  kind: LineKind,
  articleReference: string,
  text: string,
  taxExcl: Amount,
  taxIncl: Amount,
  vatRate: Amount,
): DocumentLineDraft {
  return line(kind, articleReference, text, {
    quantity: ONE,
    unitPriceTaxExcl: taxExcl,
    unitPriceTaxIncl: taxIncl,
    vatRate,
  });
}
