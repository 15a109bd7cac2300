import type { ArticleSettings } from '../domain/rules.js';
import { Decimal, round } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { singleLine } from './line-draft.js';
import { vatRateFor } from './vat-and-allocation.js';

/** The gift-wrapping line of a document (SPEC §3.1 "Gift wrapping"), when the order was wrapped. */
export function wrappingLines(order: ShopOrder, settings: ArticleSettings): DocumentLineDraft[] {
  const { wrappingTaxExcl, wrappingTaxIncl } = order.totals;
  if (round(wrappingTaxExcl).isZero() && round(wrappingTaxIncl).isZero()) return [];
  // PrestaShop stores no rate for wrapping: it is the one its amounts carry (20 % in France).
  const { rate } = vatRateFor(wrappingTaxExcl, wrappingTaxIncl, new Decimal(20));
  return [
    singleLine(
      'wrapping',
      settings.wrapping,
      'Emballage cadeau',
      round(wrappingTaxExcl),
      round(wrappingTaxIncl),
      rate,
    ),
  ];
}
