import type { ArticleSettings } from '../domain/rules.js';
import { type Amount, Decimal, ZERO, round, sum } from '../domain/money.js';
import { type DocumentLineDraft, FIELD_LIMITS } from '../domain/sales-document.js';
import type { OrderCartRule } from '../domain/shop-order.js';
import { truncateText } from '../domain/truncate.js';
import { frenchRate, singleLine } from './line-draft.js';
import { allocateCents, vatAt, vatRateFor } from './vat-and-allocation.js';

/**
 * The discount lines of a document (SPEC §3.1 "Discounts"): each cart rule as negative lines on the
 * discount article, one per VAT rate of the products it reduces.
 */

interface RateBase {
  readonly rate: Amount;
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

/** The products' amounts by VAT rate, highest rate first: the base a cart rule is shared over. */
export function productBasesByRate(lines: readonly DocumentLineDraft[]): RateBase[] {
  const byRate = new Map<string, { rate: Amount; taxExcl: Amount[]; taxIncl: Amount[] }>();
  for (const productLine of lines) {
    if (productLine.totalTaxExcl.isZero() && productLine.totalTaxIncl.isZero()) continue;
    const key = productLine.vatRate.toFixed();
    const entry = byRate.get(key) ?? { rate: productLine.vatRate, taxExcl: [], taxIncl: [] };
    entry.taxExcl.push(productLine.totalTaxExcl);
    entry.taxIncl.push(productLine.totalTaxIncl);
    byRate.set(key, entry);
  }
  return [...byRate.values()]
    .map((entry) => ({ rate: entry.rate, taxExcl: sum(entry.taxExcl), taxIncl: sum(entry.taxIncl) }))
    .sort((a, b) => b.rate.comparedTo(a.rate));
}

/** How far a discount's split may move from pro rata, in cents of base, to agree with the VAT rates. */
const MAX_SPLIT_SHIFT_CENTS = 10;

/**
 * Shares a cart rule's tax-excluded value over the VAT rates of the products it reduces, so that every
 * part carries the VAT of its rate on its base and the parts add up to the rule's values exactly.
 * Pro rata of the rates' bases first; when the parts' VAT then misses the rule's by a cent (each part
 * rounded on its own), the split moving the fewest cents of base between two rates that makes it
 * agree. Undefined when none within a few cents does.
 */
function splitAgreeingWithRates(
  taxExcl: Amount,
  taxIncl: Amount,
  bases: readonly RateBase[],
): Amount[] | undefined {
  const proRata = allocateCents(
    taxExcl,
    bases.map((base) => base.taxExcl),
  );
  const vat = taxIncl.minus(taxExcl);
  const agrees = (parts: readonly Amount[]) =>
    sum(parts.map((part, index) => vatAt(bases[index]?.rate ?? ZERO, part))).equals(vat);
  if (agrees(proRata)) return proRata;
  const sign = taxExcl.isNegative() ? -1 : 1;
  for (let cents = 1; cents <= MAX_SPLIT_SHIFT_CENTS; cents += 1) {
    const shift = new Decimal(cents * sign).div(100);
    for (const [from, fromPart] of proRata.entries())
      for (const [to, toPart] of proRata.entries()) {
        // Never empty a part nor turn it over: a discount part stays a discount.
        if (from === to || fromPart.abs().lessThanOrEqualTo(shift.abs()) || toPart.isZero()) continue;
        const parts = proRata.map((part, index) =>
          index === from ? part.minus(shift) : index === to ? part.plus(shift) : part,
        );
        if (agrees(parts)) return parts;
      }
  }
  return undefined;
}

/**
 * A cart rule as negative lines on the discount article. PrestaShop spreads a cart rule's tax over the
 * VAT rates of the products it reduces, pro rata; the document does the same with one line per rate,
 * each agreeing with its rate (VAT = rate × base) and together adding up to the rule's values exactly.
 * When the rule's own values allow no such split, the tax-included value is shared pro rata on its
 * own, as the shop would.
 */
export function cartRuleLines(
  rule: OrderCartRule,
  bases: readonly RateBase[],
  settings: ArticleSettings,
): DocumentLineDraft[] {
  const taxExcl = round(rule.valueTaxExcl);
  const taxIncl = round(rule.valueTaxIncl);
  if (taxExcl.isZero() && taxIncl.isZero()) return [];
  const only = bases.length === 1 ? bases[0] : undefined;
  if (bases.length === 0 || only) {
    const { rate } = vatRateFor(taxExcl, taxIncl, only?.rate ?? ZERO);
    return [singleLine('discount', settings.discount, rule.name, taxExcl.neg(), taxIncl.neg(), rate)];
  }
  const agreeing = splitAgreeingWithRates(taxExcl, taxIncl, bases);
  const excludedParts =
    agreeing ??
    allocateCents(
      taxExcl,
      bases.map((base) => base.taxExcl),
    );
  const includedParts = agreeing
    ? agreeing.map((part, index) => part.plus(vatAt(bases[index]?.rate ?? ZERO, part)))
    : allocateCents(
        taxIncl,
        bases.map((base) => base.taxIncl),
      );
  return bases.flatMap((base, index) => {
    const partExcl = excludedParts[index] ?? ZERO;
    const partIncl = includedParts[index] ?? ZERO;
    if (partExcl.isZero() && partIncl.isZero()) return [];
    const suffix = ` (TVA ${frenchRate(base.rate)})`;
    const text = truncateText(rule.name, FIELD_LIMITS.label - suffix.length) + suffix;
    return [singleLine('discount', settings.discount, text, partExcl.neg(), partIncl.neg(), base.rate)];
  });
}

/**
 * The discount rules' values to the cent. PrestaShop subtracts all the discounts from the order's
 * total as one sum rounded once (`Calculator::getTotal`), while each `order_cart_rules` row keeps its
 * unrounded value (order 7 of the recorded shop: 6.294 / 5.504): rounding each rule on its own can miss
 * that sum by a cent when there are several. The rounded sum is shared back over the rules instead.
 */
export function rulesToTheCent(rules: readonly OrderCartRule[]): OrderCartRule[] {
  const taxExcl = allocateCents(
    sum(rules.map((rule) => rule.valueTaxExcl)),
    rules.map((rule) => rule.valueTaxExcl),
  );
  const taxIncl = allocateCents(
    sum(rules.map((rule) => rule.valueTaxIncl)),
    rules.map((rule) => rule.valueTaxIncl),
  );
  return rules.map((rule, index) => ({
    ...rule,
    valueTaxExcl: taxExcl[index] ?? ZERO,
    valueTaxIncl: taxIncl[index] ?? ZERO,
  }));
}
