import type { ArticleSettings } from '../domain/rules.js';
import { type Amount, Decimal, ZERO, format, round, sum } from '../domain/money.js';
import { type DocumentLineDraft, FIELD_LIMITS, type LineKind } from '../domain/sales-document.js';
import type { OrderCartRule, OrderLine, ShopOrder } from '../domain/shop-order.js';
import { truncateText } from '../domain/truncate.js';
import { allocateCents, vatAt, vatRateFor } from './vat-and-allocation.js';

/**
 * The lines of the document for one order (SPEC §3.1 "Lines", "Shipping", "Discounts", "Gift
 * wrapping"): one line per order detail, then shipping, gift wrapping and one negative line per cart
 * rule and VAT rate. Every line's totals are its quantity × unit prices rounded to the cent, as a
 * GesCom computes them; reconciling with the shop's totals is reconcile-totals.ts's job.
 */

export interface ArticleCatalogue {
  /** References the GesCom knows, upper-cased (GesComs compare references without case). */
  readonly knownArticles: ReadonlySet<string>;
  /** EAN13 → the GesCom reference that carries it. */
  readonly knownEan13: ReadonlyMap<string, string>;
}

export type LinesResult =
  | { readonly ok: true; readonly lines: readonly DocumentLineDraft[]; readonly notes: readonly string[] }
  | { readonly ok: false; readonly code: 'article-unknown'; readonly message: string };

const ONE = new Decimal(1);
const label = (text: string) => truncateText(text, FIELD_LIMITS.label);

/** `5.5` → `5,5 %`, as a French label writes a rate. */
export function frenchRate(rate: Amount): string {
  return `${rate.toFixed().replace('.', ',')} %`;
}

/** French amount for labels and notes: `6,90`. */
function frenchAmount(value: Amount): string {
  return format(value).replace('.', ',');
}

interface LineAmounts {
  readonly quantity: Amount;
  readonly unitPriceTaxExcl: Amount;
  readonly unitPriceTaxIncl: Amount;
  readonly vatRate: Amount;
}

function line(
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
function singleLine(
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

type ArticleChoice =
  | { readonly ok: true; readonly reference: string; readonly createArticle: boolean; readonly note?: string }
  | { readonly ok: false; readonly code: 'article-unknown'; readonly message: string };

function describeProduct(detail: OrderLine): string {
  const reference = detail.reference.trim();
  return reference
    ? `« ${detail.name} » (référence ${reference})`
    : `« ${detail.name} » (sans référence dans la boutique)`;
}

/**
 * The GesCom article of an order detail: by reference (the detail's reference already is the
 * combination's when there is one), then by EAN13 when the setting asks; otherwise the `unknown`
 * setting decides.
 */
export function chooseArticle(
  detail: OrderLine,
  settings: ArticleSettings,
  catalogue: ArticleCatalogue,
): ArticleChoice {
  const reference = detail.reference.trim();
  if (reference && catalogue.knownArticles.has(reference.toUpperCase()))
    return { ok: true, reference, createArticle: false };
  const ean13 = detail.ean13.trim();
  if (settings.matchByEan13 && ean13) {
    const byEan = catalogue.knownEan13.get(ean13);
    if (byEan !== undefined) return { ok: true, reference: byEan, createArticle: false };
  }

  const generic = (why: string): ArticleChoice => ({
    ok: true,
    reference: settings.generic,
    createArticle: false,
    note: `Produit ${describeProduct(detail)} ${why} : importé sur l'article générique ${settings.generic}.`,
  });
  switch (settings.unknown) {
    case 'generic':
      return generic('inconnu de la gestion commerciale');
    case 'create':
      if (!reference) return generic("sans référence pour créer l'article");
      if (reference.length > FIELD_LIMITS.articleReference)
        return generic(`avec une référence de plus de ${FIELD_LIMITS.articleReference} caractères`);
      return {
        ok: true,
        reference,
        createArticle: true,
        note: `L'article ${reference} n'existe pas dans la gestion commerciale : il sera créé.`,
      };
    case 'refuse':
      return {
        ok: false,
        code: 'article-unknown',
        message:
          `Le produit ${describeProduct(detail)} n'est pas un article de la gestion commerciale. ` +
          "Créez l'article dans la gestion commerciale (ou donnez une référence au produit dans la boutique), " +
          "ou choisissez l'article générique pour les articles inconnus dans les réglages.",
      };
  }
}

/** PrestaShop's `round_type` 1: every unit price is rounded to the cent before it is multiplied. */
const ROUND_PER_ITEM = 1;

/**
 * The unit prices as the shop charged them. A shop rounding per item (PrestaShop 1.6's default) bills
 * 20 × 14.71 = 294.20 for a unit price stored as 14.706, where rounding the line gives 294.12: its
 * document must carry 14.71 for the lines to add up to what the customer paid.
 */
function chargedUnitPrices(
  order: ShopOrder,
  detail: OrderLine,
): { readonly unitPriceTaxExcl: Amount; readonly unitPriceTaxIncl: Amount } {
  if (order.roundType === ROUND_PER_ITEM)
    return {
      unitPriceTaxExcl: round(detail.unitPriceTaxExcl),
      unitPriceTaxIncl: round(detail.unitPriceTaxIncl),
    };
  return { unitPriceTaxExcl: detail.unitPriceTaxExcl, unitPriceTaxIncl: detail.unitPriceTaxIncl };
}

/**
 * One line per order detail. Ecotax is part of the unit prices (PrestaShop adds it to the product's
 * price): it is carried on the line for display, never as a line of its own, which would count it twice.
 */
function productLines(
  order: ShopOrder,
  settings: ArticleSettings,
  catalogue: ArticleCatalogue,
  notes: string[],
): DocumentLineDraft[] | { readonly code: 'article-unknown'; readonly message: string } {
  const lines: DocumentLineDraft[] = [];
  for (const detail of order.lines) {
    const article = chooseArticle(detail, settings, catalogue);
    if (!article.ok) return { code: article.code, message: article.message };
    if (article.note !== undefined) notes.push(article.note);
    const vat = vatRateFor(detail.unitPriceTaxExcl, detail.unitPriceTaxIncl, detail.taxRate);
    if (vat.derived)
      notes.push(
        `Produit ${describeProduct(detail)} : le taux de TVA de la boutique (${frenchRate(detail.taxRate)}) ` +
          `ne correspond pas à ses prix ; ${frenchRate(vat.rate)} (déduit des prix) est utilisé.`,
      );
    lines.push(
      line(
        'product',
        article.reference,
        detail.name.trim() ? detail.name : detail.reference,
        {
          quantity: new Decimal(detail.quantity),
          ...chargedUnitPrices(order, detail),
          vatRate: vat.rate,
        },
        {
          createArticle: article.createArticle,
          // Kept for display only: the unit prices above are already the reduced ones.
          discountPercent: detail.reductionPercent.isZero()
            ? detail.groupReductionPercent
            : detail.reductionPercent,
          discountAmountTaxExcl: detail.reductionAmountTaxExcl,
          ecotaxTaxExcl: detail.ecotaxTaxExcl,
          sourceLineId: detail.detailId,
        },
      ),
    );
  }
  return lines;
}

/** What the free-shipping cart rules take off the shipping cost, and what is left of each rule. */
interface ShippingAfterFreeRules {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
  readonly cancelledBy: readonly OrderCartRule[];
  /** The part of each free-shipping rule beyond the shipping cost (a rule may also give a reduction). */
  readonly leftovers: readonly OrderCartRule[];
}

/**
 * PrestaShop records a free-shipping voucher by keeping the shipping cost on the order
 * (`total_shipping` 6.90) and adding the voucher's value to the discounts (`total_discounts` 6.90) —
 * order 12 of the recorded shop. For the GesCom the shipping is simply free: the voucher's value
 * cancels the shipping cost instead of appearing as a discount, and any excess stays a discount.
 */
function applyFreeShippingRules(order: ShopOrder): ShippingAfterFreeRules {
  let taxExcl = order.totals.shippingTaxExcl;
  let taxIncl = order.totals.shippingTaxIncl;
  const cancelledBy: OrderCartRule[] = [];
  const leftovers: OrderCartRule[] = [];
  for (const rule of order.cartRules.filter((candidate) => candidate.freeShipping)) {
    const cancelExcl = Decimal.min(rule.valueTaxExcl, taxExcl);
    const cancelIncl = Decimal.min(rule.valueTaxIncl, taxIncl);
    taxExcl = taxExcl.minus(cancelExcl);
    taxIncl = taxIncl.minus(cancelIncl);
    if (!cancelIncl.isZero() || !cancelExcl.isZero()) cancelledBy.push(rule);
    const leftover = {
      ...rule,
      valueTaxExcl: rule.valueTaxExcl.minus(cancelExcl),
      valueTaxIncl: rule.valueTaxIncl.minus(cancelIncl),
    };
    if (!round(leftover.valueTaxExcl).isZero() || !round(leftover.valueTaxIncl).isZero())
      leftovers.push(leftover);
  }
  return { taxExcl, taxIncl, cancelledBy, leftovers };
}

function shippingLines(
  order: ShopOrder,
  settings: ArticleSettings,
  shipping: ShippingAfterFreeRules,
  notes: string[],
): DocumentLineDraft[] {
  const carrierName = order.carrier?.name.trim() ?? '';
  const withCarrier = (text: string) => (carrierName ? `${text} — ${carrierName}` : text);
  for (const rule of shipping.cancelledBy)
    notes.push(
      `Bon de réduction « ${rule.name} » (livraison offerte) : les frais de port de ` +
        `${frenchAmount(order.totals.shippingTaxIncl)} ${order.currency.isoCode} TTC sont annulés plutôt que remisés.`,
    );

  if (round(shipping.taxExcl).isZero() && round(shipping.taxIncl).isZero()) {
    // An order of virtual products has no carrier and nothing to ship: no line whatever the setting.
    if (settings.freeShippingLine === 'none' || order.carrier === undefined) return [];
    return [
      singleLine('shipping', settings.shipping, withCarrier('Frais de port offerts'), ZERO, ZERO, ZERO),
    ];
  }
  const vat = vatRateFor(shipping.taxExcl, shipping.taxIncl, order.totals.carrierTaxRate);
  if (vat.derived)
    notes.push(
      `Frais de port : le taux de TVA du transporteur (${frenchRate(order.totals.carrierTaxRate)}) ne ` +
        `correspond pas aux montants facturés ; ${frenchRate(vat.rate)} (déduit des montants) est utilisé.`,
    );
  return [
    singleLine(
      'shipping',
      settings.shipping,
      withCarrier('Frais de port'),
      round(shipping.taxExcl),
      round(shipping.taxIncl),
      vat.rate,
    ),
  ];
}

function wrappingLines(order: ShopOrder, settings: ArticleSettings): DocumentLineDraft[] {
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

interface RateBase {
  readonly rate: Amount;
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

/** The products' amounts by VAT rate, highest rate first: the base a cart rule is shared over. */
function productBasesByRate(lines: readonly DocumentLineDraft[]): RateBase[] {
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
function cartRuleLines(
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
function rulesToTheCent(rules: readonly OrderCartRule[]): OrderCartRule[] {
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

/** All the document's lines for an order, before reconciliation with the shop's totals. */
export function documentLines(
  order: ShopOrder,
  settings: ArticleSettings,
  catalogue: ArticleCatalogue,
): LinesResult {
  const notes: string[] = [];
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
