import type { OutcomeNote, ReasonData } from '../domain/import-report.js';
import type { ArticleSettings } from '../domain/rules.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { cartRuleLines, productBasesByRate, rulesToTheCent } from './discount-lines.js';
import { type ArticleCatalogue, productLines } from './product-lines.js';
import { applyFreeShippingRules, shippingLines } from './shipping-lines.js';
import { wrappingLines } from './wrapping-lines.js';

/**
 * The lines of the document for one order (SPEC §3.1 "Lines", "Shipping", "Discounts", "Gift
 * wrapping"): one line per order detail, then shipping, gift wrapping and one negative line per cart
 * rule and VAT rate. Every line's totals are its quantity × unit prices rounded to the cent, as a
 * GesCom computes them; reconciling with the shop's totals is reconcile-totals.ts's job.
 */

export type LinesResult =
  | {
      readonly ok: true;
      readonly lines: readonly DocumentLineDraft[];
      readonly notes: readonly OutcomeNote[];
    }
  | {
      readonly ok: false;
      readonly code: 'article-unknown';
      readonly message: string;
      readonly data: ReasonData;
    };

/** All the document's lines for an order, before reconciliation with the shop's totals. */
export function documentLines(
  order: ShopOrder,
  settings: ArticleSettings,
  catalogue: ArticleCatalogue,
): LinesResult {
  const notes: OutcomeNote[] = [];
  const products = productLines(order, settings, catalogue, notes);
  if (!Array.isArray(products)) return { ok: false, ...products };

  const shipping = applyFreeShippingRules(order);
  const bases = productBasesByRate(products);
  const discountRules = rulesToTheCent([
    ...order.cartRules.filter((rule) => !rule.freeShipping),
    ...shipping.leftovers,
  ]);
  const discounts = discountRules.flatMap((rule) => cartRuleLines(rule, bases, settings));

  return {
    ok: true,
    lines: [
      ...products,
      ...shippingLines(order, settings, shipping, notes),
      ...wrappingLines(order, settings),
      ...discounts,
    ],
    notes,
  };
}
