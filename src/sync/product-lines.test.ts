import { describe, expect, it } from 'vitest';
import { articleSettingsSchema } from '../config/config-schema.js';
import type { OutcomeNote } from '../domain/import-report.js';
import { amount } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { OrderLine, ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { type ArticleCatalogue, chooseArticle, productLines } from './product-lines.js';

const settings = (fields: Record<string, unknown> = {}) => articleSettingsSchema.parse(fields);
const catalogue = (references: string[] = [], ean13: [string, string][] = []): ArticleCatalogue => ({
  knownArticles: new Set(references.map((reference) => reference.toUpperCase())),
  knownEan13: new Map(ean13),
});

/** Order 9's first detail: THE-SENCHA-100G, 8.436019 HT / 8.90 TTC at 5.5 %. */
const sencha = expectedShopOrder(9).lines[0]!;
const detail = (fields: Partial<OrderLine>): OrderLine => ({ ...sencha, ...fields });

describe('chooseArticle', () => {
  it('the GesCom article of the reference, trimmed, whatever its case', () => {
    expect(
      chooseArticle(detail({ reference: ' the-sencha-100g ' }), settings(), catalogue(['THE-SENCHA-100G'])),
    ).toEqual({ ok: true, reference: 'the-sencha-100g', createArticle: false });
  });

  it('by EAN13 (trimmed) only when the setting asks, and never for a blank code', () => {
    const byEan = catalogue([], [['3760123459013', 'ENCEINTE-BT']]);
    const speaker = detail({ reference: 'ENC-BT-COLIBRI', ean13: ' 3760123459013 ' });
    expect(chooseArticle(speaker, settings({ matchByEan13: true }), byEan)).toEqual({
      ok: true,
      reference: 'ENCEINTE-BT',
      createArticle: false,
    });
    expect(chooseArticle(speaker, settings(), byEan)).toMatchObject({ reference: 'DIVERS' });
    const blank = catalogue([], [['', 'VIDE']]);
    expect(chooseArticle(detail({ ean13: '  ' }), settings({ matchByEan13: true }), blank)).toMatchObject({
      reference: 'DIVERS',
    });
  });

  const SENCHA = { productName: 'Thé vert bio Sencha – boîte 100 g', productReference: 'THE-SENCHA-100G' };

  it('an unknown product on the generic article, with a note naming it by reference or as without one', () => {
    expect(chooseArticle(sencha, settings({ generic: 'ARTWEB' }), catalogue())).toEqual({
      ok: true,
      reference: 'ARTWEB',
      createArticle: false,
      note: {
        code: 'generic-article',
        text:
          'Produit « Thé vert bio Sencha – boîte 100 g » (référence THE-SENCHA-100G) inconnu de la gestion ' +
          "commerciale : importé sur l'article générique ARTWEB.",
        data: { ...SENCHA, generic: 'ARTWEB', case: 'unknown' },
      },
    });
    expect(chooseArticle(detail({ reference: ' ' }), settings(), catalogue())).toMatchObject({
      note: {
        text:
          'Produit « Thé vert bio Sencha – boîte 100 g » (sans référence dans la boutique) inconnu de la gestion ' +
          "commerciale : importé sur l'article générique DIVERS.",
        data: { productReference: '', generic: 'DIVERS', case: 'unknown' },
      },
    });
  });

  it('"create": the article to create, unless it has no reference or one longer than 18 characters', () => {
    const create = settings({ unknown: 'create' });
    expect(chooseArticle(sencha, create, catalogue())).toEqual({
      ok: true,
      reference: 'THE-SENCHA-100G',
      createArticle: true,
      note: {
        code: 'article-created',
        text: "L'article THE-SENCHA-100G n'existe pas dans la gestion commerciale : il sera créé.",
        data: { reference: 'THE-SENCHA-100G' },
      },
    });
    expect(chooseArticle(detail({ reference: 'R'.repeat(18) }), create, catalogue())).toMatchObject({
      reference: 'R'.repeat(18),
      createArticle: true,
    });
    expect(chooseArticle(detail({ reference: 'R'.repeat(19) }), create, catalogue())).toMatchObject({
      reference: 'DIVERS',
      createArticle: false,
      note: {
        text: expect.stringContaining(
          `(référence ${'R'.repeat(19)}) avec une référence de plus de 18 caractères : importé sur l'article générique DIVERS.`,
        ) as string,
        data: { case: 'reference-too-long', max: 18 },
      },
    });
    expect(chooseArticle(detail({ reference: '' }), create, catalogue())).toMatchObject({
      reference: 'DIVERS',
      note: {
        text: expect.stringContaining(
          "(sans référence dans la boutique) sans référence pour créer l'article :",
        ) as string,
        data: { case: 'no-reference' },
      },
    });
  });

  it('"refuse": the order fails, saying what to do', () => {
    expect(chooseArticle(sencha, settings({ unknown: 'refuse' }), catalogue())).toEqual({
      ok: false,
      code: 'article-unknown',
      message:
        "Le produit « Thé vert bio Sencha – boîte 100 g » (référence THE-SENCHA-100G) n'est pas un article de " +
        "la gestion commerciale. Créez l'article dans la gestion commerciale (ou donnez une référence au produit " +
        "dans la boutique), ou choisissez l'article générique pour les articles inconnus dans les réglages.",
      data: { productName: 'Thé vert bio Sencha – boîte 100 g', productReference: 'THE-SENCHA-100G' },
    });
  });
});

describe('productLines', () => {
  const show = (documentLine: DocumentLineDraft) =>
    `${documentLine.articleReference} «${documentLine.label}» ${documentLine.quantity.toFixed()} × ` +
    `${documentLine.unitPriceTaxExcl.toFixed()} / ${documentLine.unitPriceTaxIncl.toFixed()} ` +
    `@${documentLine.vatRate.toFixed()} −${documentLine.discountPercent.toFixed()} %`;
  const orderOf = (...lines: OrderLine[]): ShopOrder => ({ ...expectedShopOrder(9), lines });

  it('one line per detail, labelled by its name or else its reference, the line reduction shown first', () => {
    const notes: OutcomeNote[] = [];
    const lines = productLines(
      orderOf(
        detail({ quantity: 3, reductionPercent: amount(10), groupReductionPercent: amount(5) }),
        detail({ detailId: 99, name: '  ', reductionPercent: amount(0), groupReductionPercent: amount(5) }),
      ),
      settings(),
      catalogue(['THE-SENCHA-100G']),
      notes,
    );
    expect(Array.isArray(lines) && lines.map(show)).toEqual([
      'THE-SENCHA-100G «Thé vert bio Sencha – boîte 100 g» 3 × 8.436019 / 8.9 @5.5 −10 %',
      'THE-SENCHA-100G «THE-SENCHA-100G» 2 × 8.436019 / 8.9 @5.5 −5 %',
    ]);
    expect(Array.isArray(lines) && lines.map((documentLine) => documentLine.sourceLineId)).toEqual([18, 99]);
    expect(notes).toEqual([]);
  });

  it('a rate the prices do not carry: the rate they carry, and a note', () => {
    const notes: OutcomeNote[] = [];
    const lines = productLines(
      orderOf(detail({ taxRate: amount(20) })),
      settings(),
      catalogue(['THE-SENCHA-100G']),
      notes,
    );
    expect(Array.isArray(lines) && lines[0]?.vatRate.toFixed()).toBe('5.5');
    expect(notes).toEqual([
      {
        code: 'product-vat-derived',
        text:
          'Produit « Thé vert bio Sencha – boîte 100 g » (référence THE-SENCHA-100G) : le taux de TVA de la ' +
          'boutique (20 %) ne correspond pas à ses prix ; 5,5 % (déduit des prix) est utilisé.',
        data: {
          productName: 'Thé vert bio Sencha – boîte 100 g',
          productReference: 'THE-SENCHA-100G',
          shopRate: '20',
          rate: '5.5',
        },
      },
    ]);
  });

  it('stops at the first product refused, with its reason', () => {
    const notes: OutcomeNote[] = [];
    const result = productLines(orderOf(sencha), settings({ unknown: 'refuse' }), catalogue(), notes);
    expect(result).toMatchObject({
      code: 'article-unknown',
      message: expect.stringContaining('THE-SENCHA-100G') as string,
    });
  });
});
