import type { OutcomeNote, ReasonData } from '../domain/import-report.js';
import type { ArticleSettings } from '../domain/rules.js';
import { type Amount, Decimal, round } from '../domain/money.js';
import { type DocumentLineDraft, FIELD_LIMITS } from '../domain/sales-document.js';
import type { OrderLine, ShopOrder } from '../domain/shop-order.js';
import { frenchRate, line } from './line-draft.js';
import { vatRateFor } from './vat-and-allocation.js';

/**
 * The product lines of a document (SPEC §3.1 "Lines"): one line per order detail, on the GesCom
 * article its reference or EAN13 names, or on what the `unknown` setting says for the others.
 */

export interface ArticleCatalogue {
  /** References the GesCom knows, upper-cased (GesComs compare references without case). */
  readonly knownArticles: ReadonlySet<string>;
  /** EAN13 → the GesCom reference that carries it. */
  readonly knownEan13: ReadonlyMap<string, string>;
}

type ArticleChoice =
  | {
      readonly ok: true;
      readonly reference: string;
      readonly createArticle: boolean;
      readonly note?: OutcomeNote;
    }
  | {
      readonly ok: false;
      readonly code: 'article-unknown';
      readonly message: string;
      readonly data: ReasonData;
    };

/** A product as the messages' data name it: as the shop names it, with its reference ('' for none). */
function productData(detail: OrderLine): ReasonData {
  return { productName: detail.name, productReference: detail.reference.trim() };
}

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

  // `case` says why: unknown to the GesCom, no reference to create it with, a reference too long.
  const generic = (why: string, data: ReasonData): ArticleChoice => ({
    ok: true,
    reference: settings.generic,
    createArticle: false,
    note: {
      code: 'generic-article',
      text: `Produit ${describeProduct(detail)} ${why} : importé sur l'article générique ${settings.generic}.`,
      data: { ...productData(detail), generic: settings.generic, ...data },
    },
  });
  switch (settings.unknown) {
    case 'generic':
      return generic('inconnu de la gestion commerciale', { case: 'unknown' });
    case 'create':
      if (!reference) return generic("sans référence pour créer l'article", { case: 'no-reference' });
      if (reference.length > FIELD_LIMITS.articleReference)
        return generic(`avec une référence de plus de ${FIELD_LIMITS.articleReference} caractères`, {
          case: 'reference-too-long',
          max: FIELD_LIMITS.articleReference,
        });
      return {
        ok: true,
        reference,
        createArticle: true,
        note: {
          code: 'article-created',
          text: `L'article ${reference} n'existe pas dans la gestion commerciale : il sera créé.`,
          data: { reference },
        },
      };
    case 'refuse':
      return {
        ok: false,
        code: 'article-unknown',
        message:
          `Le produit ${describeProduct(detail)} n'est pas un article de la gestion commerciale. ` +
          "Créez l'article dans la gestion commerciale (ou donnez une référence au produit dans la boutique), " +
          "ou choisissez l'article générique pour les articles inconnus dans les réglages.",
        data: productData(detail),
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
export function productLines(
  order: ShopOrder,
  settings: ArticleSettings,
  catalogue: ArticleCatalogue,
  notes: OutcomeNote[],
):
  | DocumentLineDraft[]
  | { readonly code: 'article-unknown'; readonly message: string; readonly data: ReasonData } {
  const lines: DocumentLineDraft[] = [];
  for (const detail of order.lines) {
    const article = chooseArticle(detail, settings, catalogue);
    if (!article.ok) return { code: article.code, message: article.message, data: article.data };
    if (article.note !== undefined) notes.push(article.note);
    const vat = vatRateFor(detail.unitPriceTaxExcl, detail.unitPriceTaxIncl, detail.taxRate);
    if (vat.derived)
      notes.push({
        code: 'product-vat-derived',
        text:
          `Produit ${describeProduct(detail)} : le taux de TVA de la boutique (${frenchRate(detail.taxRate)}) ` +
          `ne correspond pas à ses prix ; ${frenchRate(vat.rate)} (déduit des prix) est utilisé.`,
        data: { ...productData(detail), shopRate: detail.taxRate.toFixed(), rate: vat.rate.toFixed() },
      });
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
