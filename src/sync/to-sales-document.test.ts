import { describe, expect, it } from 'vitest';
import { type NavetteConfig, type NavetteConfigInput, configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { amount, round } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder, expectedShopOrders, expectedTotals } from '../../test/support/expected-orders.js';
import { type ToSalesDocumentResult, toSalesDocument } from './to-sales-document.js';

type Overrides = Omit<Partial<NavetteConfigInput>, 'shop' | 'states'>;

function configWith(overrides: Overrides = {}): NavetteConfig {
  const starter = starterConfig('https://shop.example');
  return configSchema.parse({
    ...starter,
    ...overrides,
    payments: { methods: starter.payments.methods, ...overrides.payments },
  });
}

const ALL_REFERENCES = new Set(
  expectedShopOrders()
    .flatMap((order) => order.lines.map((line) => line.reference.toUpperCase()))
    .filter((reference) => reference !== ''),
);

function map(
  order: ShopOrder,
  options: { config?: NavetteConfig; known?: ReadonlySet<string>; ean?: ReadonlyMap<string, string> } = {},
): ToSalesDocumentResult {
  const config = options.config ?? configWith();
  const rule = config.states.find((candidate) => candidate.id === order.state.id);
  if (!rule) throw new Error(`no rule for state ${order.state.id}`);
  return toSalesDocument(order, {
    config,
    rule,
    knownArticles: options.known ?? ALL_REFERENCES,
    knownEan13: options.ean ?? new Map(),
    today: '2026-10-28',
  });
}

function mapped(order: ShopOrder, options: Parameters<typeof map>[1] = {}) {
  const result = map(order, options);
  if (!result.ok) throw new Error(`order ${order.key.orderId} refused: ${result.code} ${result.message}`);
  // The notes as the CLI prints them; their data are checked where they are written.
  return { ...result, notes: result.notes.map((note) => note.text) };
}

/** A line as text, for readable expectations: kind article qty × HT / TTC @rate = total HT / TTC. */
function show(line: DocumentLineDraft): string {
  return (
    `${line.kind} ${line.articleReference} ${line.quantity.toFixed()} × ${line.unitPriceTaxExcl.toFixed()} / ` +
    `${line.unitPriceTaxIncl.toFixed()} @${line.vatRate.toFixed()} = ${line.totalTaxExcl.toFixed(2)} / ${line.totalTaxIncl.toFixed(2)}`
  );
}

/**
 * The lines whose tax-included total carries a cent of the shop's VAT (reconcile-totals.ts): order →
 * order detail → the cent. PrestaShop 8 rounds the order's totals from unrounded line amounts.
 */
const VAT_CENT_ON: Readonly<Record<number, Readonly<Record<number, string>>>> = {
  8: { 17: '0.01' },
  16: { 38: '0.01' },
};

/** VAT = rate × base to the cent, what a VAT return by rate expects of a line. */
const agreesWithItsRate = (line: DocumentLineDraft) =>
  line.totalTaxIncl.minus(line.totalTaxExcl).equals(round(line.totalTaxExcl.times(line.vatRate).div(100)));

describe('toSalesDocument on the 18 recorded orders', () => {
  it.each(expectedShopOrders().map((order) => [order.key.orderId, order] as const))(
    'order %i: totals equal the shop, lines follow the order details',
    (orderId, order) => {
      const { draft } = mapped(order);
      const shop = expectedTotals(orderId);
      expect(draft.totals.taxExcl.toFixed(2)).toBe(amount(shop.taxExcl).toFixed(2));
      expect(draft.totals.taxIncl.toFixed(2)).toBe(amount(shop.taxIncl).toFixed(2));
      expect(draft.totals.tax.toFixed(2)).toBe(draft.totals.taxIncl.minus(draft.totals.taxExcl).toFixed(2));
      // The totals are the lines' own sums: a GesCom adding the lines up finds the same.
      const sumOf = (pick: (line: DocumentLineDraft) => typeof line.totalTaxExcl) =>
        draft.lines.reduce((total, line) => total.plus(pick(line)), amount(0)).toFixed(2);
      expect(sumOf((line) => line.totalTaxExcl)).toBe(draft.totals.taxExcl.toFixed(2));
      expect(sumOf((line) => line.totalTaxIncl)).toBe(draft.totals.taxIncl.toFixed(2));
      expect(draft.shopTotals.taxExcl.equals(order.totals.paidTaxExcl)).toBe(true);

      const products = draft.lines.filter((line) => line.kind === 'product');
      expect(products).toHaveLength(order.lines.length);
      products.forEach((line, index) => {
        const detail = order.lines[index]!;
        expect(line.articleReference).toBe(detail.reference || 'DIVERS');
        expect(line.quantity.toNumber()).toBe(detail.quantity);
        expect(line.unitPriceTaxExcl.equals(detail.unitPriceTaxExcl)).toBe(true);
        expect(line.unitPriceTaxIncl.equals(detail.unitPriceTaxIncl)).toBe(true);
        expect(line.vatRate.equals(detail.taxRate)).toBe(true);
        expect(line.sourceLineId).toBe(detail.detailId);
        // The shop's own line totals, to the cent, but for a cent of the shop's VAT.
        expect(line.totalTaxExcl.toFixed(2)).toBe(detail.totalTaxExcl.toFixed(2));
        const vatCent = VAT_CENT_ON[orderId]?.[detail.detailId] ?? '0';
        expect(line.totalTaxIncl.toFixed(2)).toBe(detail.totalTaxIncl.plus(vatCent).toFixed(2));
      });
      expect(draft.externalKey).toBe(`ps-${order.key.shopId}-${orderId}`);
      expect(draft.shopReference).toBe(order.reference);
      expect(draft.currency).toBe(order.currency.isoCode);
    },
  );

  it('order 6: three VAT rates, catalogue promotion kept for display, order note in the notes', () => {
    const { draft } = mapped(expectedShopOrder(6));
    expect(draft.lines.map(show)).toEqual([
      'product TS-COLIBRI-M-BLANC 2 × 19.12 / 22.944 @20 = 38.24 / 45.89',
      'product LIV-SAVEURS-PROV 1 × 23.601896 / 24.9 @5.5 = 23.60 / 24.90',
      'product BOUQ-CHAMPETRE 1 × 31.727273 / 34.9 @10 = 31.73 / 34.90',
      'shipping PORT 1 × 5.75 / 6.9 @20 = 5.75 / 6.90',
    ]);
    expect(draft.lines[0]!.discountPercent.toFixed()).toBe('20');
    expect(draft.lines[0]!.label).toBe('T-shirt imprimé colibri (Taille: M - Couleur: Blanc)');
    expect(draft.notes).toBe('Merci de laisser le colis chez la gardienne si je suis absente.');
    expect(draft.type).toBe('order');
    expect(draft.status).toBe('accepted');
    expect(draft.series).toBe('BC');
  });

  it('order 7: the -10 % cart rule on REMISE, split over 20 % and 2.1 % so that HT and TTC reconcile', () => {
    const { draft } = mapped(expectedShopOrder(7));
    const discounts = draft.lines.filter((line) => line.kind === 'discount');
    expect(discounts.map(show)).toEqual([
      'discount REMISE 1 × -3.77 / -4.52 @20 = -3.77 / -4.52',
      'discount REMISE 1 × -1.73 / -1.77 @2.1 = -1.73 / -1.77',
    ]);
    expect(discounts.map((line) => line.label)).toEqual([
      'Bienvenue : -10 % sur votre commande (TVA 20 %)',
      'Bienvenue : -10 % sur votre commande (TVA 2,1 %)',
    ]);
    // Together: the rule's 5.50 HT / 6.29 TTC, PrestaShop's total_discounts.
    expect(draft.lines.some((line) => line.kind === 'rounding')).toBe(false);
    expect(draft.shippingMode).toBe('Mondial Relay');
  });

  it('order 11: the 5 € voucher as one REMISE line (single rate), labelled with its name', () => {
    const { draft } = mapped(expectedShopOrder(11));
    const discounts = draft.lines.filter((line) => line.kind === 'discount');
    expect(discounts.map(show)).toEqual(['discount REMISE 1 × -4.17 / -5 @20 = -4.17 / -5.00']);
    expect(discounts[0]!.label).toBe("Remise de 5 € dès 30 € d'achat");
  });

  it('order 12: the free-shipping voucher cancels the shipping (no line by default, a zero line on request)', () => {
    const order = expectedShopOrder(12);
    const byDefault = mapped(order);
    expect(byDefault.draft.lines.map((line) => line.kind)).toEqual(['product', 'product', 'product']);
    expect(byDefault.notes.join(' ')).toContain('Livraison offerte');

    const zero = mapped(order, { config: configWith({ articles: { freeShippingLine: 'zero' } }) });
    const shipping = zero.draft.lines.filter((line) => line.kind === 'shipping');
    expect(shipping.map(show)).toEqual(['shipping PORT 1 × 0 / 0 @0 = 0.00 / 0.00']);
    expect(shipping[0]!.label).toBe('Frais de port offerts — Colissimo Domicile');
    expect(zero.draft.totals.taxIncl.toFixed(2)).toBe('93.26');
  });

  it('order 18: pick-up in store (shipping 0) gives no shipping line', () => {
    const { draft } = mapped(expectedShopOrder(18));
    expect(draft.lines.every((line) => line.kind === 'product')).toBe(true);
  });

  it('order 10: gift wrapping on EMBALLAGE at 20 %, the gift message in the notes', () => {
    const { draft } = mapped(expectedShopOrder(10));
    const wrapping = draft.lines.filter((line) => line.kind === 'wrapping');
    expect(wrapping.map(show)).toEqual(['wrapping EMBALLAGE 1 × 2.5 / 3 @20 = 2.50 / 3.00']);
    expect(wrapping[0]!.label).toBe('Emballage cadeau');
    expect(draft.notes).toBe("Message cadeau : Joyeux anniversaire Maman ! ? Je t'embrasse fort — Léa");
  });

  it('order 13: USD with its conversion rate; the shop total one cent below its lines gives a rounding line', () => {
    const { draft, notes } = mapped(expectedShopOrder(13));
    expect(draft.currency).toBe('USD');
    expect(draft.conversionRate.toFixed()).toBe('1.085');
    expect(draft.lines.at(-1)).toMatchObject({
      kind: 'rounding',
      articleReference: 'DIVERS',
      label: "Écart d'arrondi",
    });
    // At 0 %, the order's only rate (no VAT for the United States): VAT 0 = 0 % × -0.01.
    expect(show(draft.lines.at(-1)!)).toBe('rounding DIVERS 1 × -0.01 / -0.01 @0 = -0.01 / -0.01');
    expect(notes.some((note) => note.includes("Écart d'arrondi"))).toBe(true);
    expect(draft.payments.map((payment) => payment.amount.toFixed(2))).toEqual(['172.34']);
  });

  it('order 8: the shop total one cent below its lines HT only: an écart at 20 %, the VAT cent puts its speaker right', () => {
    const { draft, notes } = mapped(expectedShopOrder(8));
    // The speaker: 34.675 HT rounded up to 34.68, 41.61 TTC: the shop's own line is 6.93 of VAT where
    // 20 % of 34.68 is 6.94. The shop's total VAT (58.57) has that cent: the line gets it.
    expect(draft.lines.map(show).slice(3)).toEqual([
      'product ENC-BT-COLIBRI 1 × 34.675 / 41.61 @20 = 34.68 / 41.62',
      'shipping PORT 1 × 5.75 / 6.9 @20 = 5.75 / 6.90',
      'rounding DIVERS 1 × -0.01 / -0.01 @20 = -0.01 / -0.01',
    ]);
    expect(draft.lines.at(-1)!.label).toBe("Écart d'arrondi (TVA 20 %)");
    expect(
      [draft.totals.taxExcl, draft.totals.tax, draft.totals.taxIncl].map((total) => total.toFixed(2)),
    ).toEqual(['316.06', '58.57', '374.63']);
    expect(notes.filter((note) => note.includes('arrondi'))).toEqual([
      "Écart d'arrondi avec les totaux de la boutique (-0,01 HT, +0,00 TTC EUR) : ligne « Écart d'arrondi (TVA 20 %) » " +
        'de -0,01 HT, -0,01 TTC (TVA 20 % : +0,00).',
      'TVA arrondie par la boutique sur ses totaux (+0,01 EUR) : portée sur la ligne « Enceinte Bluetooth Colibri » ' +
        '(TVA 20 %), 41,62 TTC au lieu de 41,61.',
    ]);
  });

  it('order 16: the shop total one cent above its lines TTC only: VAT alone, on the 20 % line it comes from', () => {
    const { draft, notes } = mapped(expectedShopOrder(16));
    expect(draft.lines.some((line) => line.kind === 'rounding')).toBe(false);
    // 2 × 22.944 = 45.888 TTC: the shop's total counts 45.89 where its two lines show 22.94 each.
    expect(show(draft.lines[0]!)).toBe('product TS-COLIBRI-L-BLANC 1 × 19.12 / 22.944 @20 = 19.12 / 22.95');
    expect(show(draft.lines[1]!)).toBe('product TS-COLIBRI-L-NOIR 1 × 19.12 / 22.944 @20 = 19.12 / 22.94');
    expect(notes.filter((note) => note.includes('arrondi'))).toEqual([
      'TVA arrondie par la boutique sur ses totaux (+0,01 EUR) : portée sur la ligne ' +
        '« T-shirt imprimé colibri (Taille: L - Couleur: Blanc) » (TVA 20 %), 22,95 TTC au lieu de 22,94.',
    ]);
  });

  it('every line agrees with its rate (VAT = rate × base) except the one line where the shop’s figures forbid it', () => {
    const disagreeing: string[] = [];
    for (const order of expectedShopOrders()) {
      const { draft } = mapped(order);
      const rates = new Set(
        draft.lines.filter((line) => line.kind !== 'rounding').map((line) => line.vatRate.toFixed()),
      );
      for (const line of draft.lines) {
        if (line.kind === 'rounding') {
          // An écart line is at a rate the order's own lines carry, and agrees with it.
          expect(rates.has(line.vatRate.toFixed()), `order ${order.key.orderId}`).toBe(true);
          expect(agreesWithItsRate(line), `order ${order.key.orderId}`).toBe(true);
        } else if (!agreesWithItsRate(line)) disagreeing.push(`${order.key.orderId}: ${show(line)}`);
      }
    }
    // Order 16: its lines carry 15.38 of VAT, its totals 15.39 (119.00 HT, 134.39 TTC); no line of a
    // base can carry one cent of VAT alone, and every line already agrees: the cent goes on the line
    // whose exact VAT (3.824) the rounding shorted, which then shows it rounded up.
    expect(disagreeing).toEqual(['16: product TS-COLIBRI-L-BLANC 1 × 19.12 / 22.944 @20 = 19.12 / 22.95']);
  });

  it('order 8 (B2B): ecotax per unit carried, group and amount reductions kept for display', () => {
    const { draft } = mapped(expectedShopOrder(8));
    const speaker = draft.lines.find((line) => line.articleReference === 'ENC-BT-COLIBRI')!;
    expect(speaker.ecotaxTaxExcl.toFixed()).toBe('0.5');
    const cushion = draft.lines.find((line) => line.articleReference === 'COUS-RENARD-BLANC')!;
    expect(cushion.discountAmountTaxExcl.toFixed()).toBe('2.5');
    expect(draft.type).toBe('quote'); // state 3 "En cours de préparation": Devis in SPEC §2's table
  });

  it('order 8: company, BE VAT number, SIRET, billing in Belgium and delivery in Lille', () => {
    const { draft } = mapped(expectedShopOrder(8));
    expect(draft.customer).toMatchObject({
      code: 'WEB000005',
      name: 'Brasserie Van den Broeck SA',
      company: 'Brasserie Van den Broeck SA',
      vatNumber: 'BE04287594988',
      siret: '51234567900017',
      email: 'compta@brasserie-vandenbroeck.example',
      phone: '+32 2 640 12 34',
      generic: false,
    });
    expect(draft.billingAddress).toMatchObject({
      city: 'Ixelles',
      countryIso: 'BE',
      line1: 'Avenue Louise 231',
    });
    expect(draft.deliveryAddress).toMatchObject({
      city: 'Lille',
      countryIso: 'FR',
      company: 'Brasserie Van den Broeck SA – Dépôt de Lille',
      line2: 'Quai n° 3',
    });
    expect(draft.customer.address).toEqual(draft.billingAddress);
  });
});

describe('guest and unknown articles (order 9)', () => {
  const order = expectedShopOrder(9);

  it('a guest goes on the guest account when one is set, on its own account otherwise', () => {
    expect(mapped(order).draft.customer.code).toBe('WEB000006');
    const guest = mapped(order, { config: configWith({ customers: { guestAccount: 'INVITEWEB' } }) });
    expect(guest.draft.customer).toMatchObject({ code: 'INVITEWEB', generic: true });
    // The guest's addresses are on the document itself.
    expect(guest.draft.billingAddress).toMatchObject({ name: 'Zoé Nguyễn', city: 'Toulouse' });
  });

  it('the product without reference goes on DIVERS with the shop label, and a note says so', () => {
    const { draft, notes } = mapped(order);
    const keyRing = draft.lines.find((line) => line.sourceLineId === 20)!;
    expect(keyRing).toMatchObject({
      articleReference: 'DIVERS',
      label: 'Porte-clés en bois gravé',
      createArticle: false,
    });
    expect(notes.some((note) => note.includes('Porte-clés en bois gravé') && note.includes('DIVERS'))).toBe(
      true,
    );
  });

  it('with "refuse", the order fails naming the product', () => {
    const result = map(order, { config: configWith({ articles: { unknown: 'refuse' } }) });
    expect(result).toMatchObject({ ok: false, code: 'article-unknown' });
    expect(!result.ok && result.message).toContain('Porte-clés en bois gravé');
  });

  it('with "create", an unknown referenced product asks for its article; one without reference still uses DIVERS', () => {
    const known = new Set([...ALL_REFERENCES].filter((reference) => reference !== 'THE-SENCHA-100G'));
    const { draft } = mapped(order, { config: configWith({ articles: { unknown: 'create' } }), known });
    expect(draft.lines[0]).toMatchObject({ articleReference: 'THE-SENCHA-100G', createArticle: true });
    expect(draft.lines.find((line) => line.sourceLineId === 20)).toMatchObject({
      articleReference: 'DIVERS',
    });
  });

  it('by EAN13 when the setting asks', () => {
    const known = new Set<string>();
    const ean = new Map([['3760123459013', 'ENCEINTE-BT']]);
    const byEan = mapped(order, { config: configWith({ articles: { matchByEan13: true } }), known, ean });
    expect(byEan.draft.lines[1]!.articleReference).toBe('ENCEINTE-BT');
    const withoutSetting = mapped(order, { known, ean });
    expect(withoutSetting.draft.lines[1]!.articleReference).toBe('DIVERS');
  });

  it('matches references without regard to case', () => {
    const { draft } = mapped(expectedShopOrder(1));
    expect(draft.lines[0]!.articleReference).toBe('demo_1');
  });
});

describe('payments', () => {
  it('only for paid states', () => {
    const paid = new Map(
      expectedShopOrders().map((order) => [order.key.orderId, mapped(order).draft.payments]),
    );
    for (const unpaid of [1, 3, 4, 5, 9, 12, 15]) expect(paid.get(unpaid), `order ${unpaid}`).toEqual([]);
    for (const orderId of [2, 6, 7, 8, 10, 11, 13, 14, 16, 17, 18])
      expect(paid.get(orderId)!.length).toBeGreaterThan(0);
  });

  it('order 16: two payments, each with its own mode, date and transaction id', () => {
    const { draft } = mapped(expectedShopOrder(16));
    expect(draft.payments.map((payment) => ({ ...payment, amount: payment.amount.toFixed(2) }))).toEqual([
      {
        modeCode: 'VIR',
        journal: 'BQ',
        amount: '50.00',
        date: '2026-10-23',
        transactionId: 'VIR-SEPA-20261002-0042',
        label: 'Virement bancaire',
      },
      {
        modeCode: 'CHQ',
        journal: 'BQ',
        amount: '84.39',
        date: '2026-10-24',
        transactionId: 'Chèque n° 0004127 – Crédit Agricole',
        label: 'Chèque',
      },
    ]);
  });

  it('the default mode for a module not in the table; the module for an English demo label', () => {
    const order = expectedShopOrder(2);
    expect(mapped(order).draft.payments[0]).toMatchObject({ modeCode: 'CHQ', label: 'Payments by check' });
    const bare = mapped(order, { config: configWith({ payments: { methods: [] } }) });
    expect(bare.draft.payments[0]).toMatchObject({ modeCode: 'AUTRE', journal: '' });
  });

  it('none when "Créer les règlements" is off; one of the total paid on request', () => {
    const order = expectedShopOrder(16);
    expect(mapped(order, { config: configWith({ payments: { create: false } }) }).draft.payments).toEqual([]);
    const total = mapped(order, { config: configWith({ payments: { amountFrom: 'total-paid' } }) }).draft
      .payments;
    expect(total.map((payment) => [payment.modeCode, payment.amount.toFixed(2)])).toEqual([
      ['VIR', '134.39'],
    ]);
  });

  it('a payment shared by orders of one reference: the order takes its own total', () => {
    const order = expectedShopOrder(6);
    const shared: ShopOrder = {
      ...order,
      payments: [{ ...order.payments[0]!, amount: amount('250.00') }],
    };
    const { draft, notes } = mapped(shared);
    expect(draft.payments.map((payment) => payment.amount.toFixed(2))).toEqual(['112.59']);
    expect(notes.join(' ')).toContain('plusieurs commandes');
  });

  it('a paid order with no payment recorded: one payment of its total paid', () => {
    const order = expectedShopOrder(6);
    const { draft } = mapped({ ...order, payments: [] });
    expect(draft.payments).toMatchObject([{ modeCode: 'VIR', date: '2026-10-02' }]);
    expect(draft.payments[0]!.amount.toFixed(2)).toBe('112.59');
  });
});

describe('rounding per item (PrestaShop 1.6 default)', () => {
  // Order 14 as a shop rounding each unit price before multiplying would have billed it.
  const order = expectedShopOrder(14);
  const perItem = (roundType: number): ShopOrder => ({
    ...order,
    roundType,
    totals: { ...order.totals, paidTaxExcl: amount('388.17'), paidTaxIncl: amount('465.74') },
  });

  it('unit prices are the rounded ones the customer paid, and the totals match without a rounding line', () => {
    const { draft } = mapped(perItem(1));
    expect(draft.lines.map(show)).toEqual([
      'product demo_12 6 × 11.31 / 13.57 @20 = 67.86 / 81.42',
      'product CARN-COLIBRI-VIERGE 20 × 12.26 / 14.71 @20 = 245.20 / 294.20',
      'product ENC-BT-COLIBRI 2 × 34.68 / 41.61 @20 = 69.36 / 83.22',
      'shipping PORT 1 × 5.75 / 6.9 @20 = 5.75 / 6.90',
    ]);
  });

  it('the same amounts read as per-line rounding do not reconcile', () => {
    expect(map(perItem(2))).toMatchObject({ ok: false, code: 'totals-mismatch' });
  });
});

describe('totals reconciliation', () => {
  const order = expectedShopOrder(6);
  const withPaid = (taxExcl: string, taxIncl: string): ShopOrder => ({
    ...order,
    totals: { ...order.totals, paidTaxExcl: amount(taxExcl), paidTaxIncl: amount(taxIncl) },
  });

  it('a 1-cent difference the rounding does not explain goes on the largest base, both totals exact', () => {
    const { draft, notes } = mapped(withPaid('99.33', '112.60'));
    // The lines' rounding explains less than a thousandth of it: it goes pro rata, to 20 % (43.99 HT).
    expect(show(draft.lines.at(-1)!)).toBe('rounding DIVERS 1 × 0.01 / 0.01 @20 = 0.01 / 0.01');
    expect(draft.lines.at(-1)!.label).toBe("Écart d'arrondi (TVA 20 %)");
    expect(draft.totals.taxExcl.toFixed(2)).toBe('99.33');
    expect(draft.totals.taxIncl.toFixed(2)).toBe('112.60');
    expect(notes.some((note) => note.includes('+0,01 HT'))).toBe(true);
  });

  it('a 0.20 difference fails with the two totals side by side', () => {
    const result = map(withPaid('99.32', '112.79'));
    expect(result).toMatchObject({ ok: false, code: 'totals-mismatch' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain('boutique 99,32 HT / 112,79 TTC');
    expect(message).toContain('document 99,32 HT / 112,59 TTC');
  });

  it('a difference exactly equal to the default tolerance (0.05) is accepted; 0.06 is refused', () => {
    for (const [taxExcl, taxIncl] of [
      ['99.37', '112.64'],
      ['99.27', '112.54'],
      ['99.32', '112.64'],
    ] as const) {
      const { draft } = mapped(withPaid(taxExcl, taxIncl));
      expect([draft.totals.taxExcl.toFixed(2), draft.totals.taxIncl.toFixed(2)]).toEqual([taxExcl, taxIncl]);
    }
    for (const [taxExcl, taxIncl] of [
      ['99.38', '112.65'],
      ['99.26', '112.53'],
      ['99.32', '112.65'],
    ] as const)
      expect(map(withPaid(taxExcl, taxIncl)), `${taxExcl} / ${taxIncl}`).toMatchObject({
        ok: false,
        code: 'totals-mismatch',
      });
  });

  it('the tolerance is a setting', () => {
    const config = configWith({ totals: { roundingTolerance: '0.50' } });
    expect(map(withPaid('99.52', '112.79'))).toMatchObject({ ok: false, code: 'totals-mismatch' });
    const { draft } = mapped(withPaid('99.52', '112.79'), { config });
    expect([draft.totals.taxExcl.toFixed(2), draft.totals.taxIncl.toFixed(2)]).toEqual(['99.52', '112.79']);
    for (const line of draft.lines.filter((candidate) => candidate.kind === 'rounding'))
      expect(agreesWithItsRate(line)).toBe(true);
  });
});

describe('header', () => {
  const order = expectedShopOrder(6);

  it('dates: order date, invoice date, today; an order without invoice takes its order date', () => {
    expect(mapped(order).draft.date).toBe('2026-10-01');
    const invoice = configWith({ document: { date: 'invoice' } });
    expect(mapped(order, { config: invoice }).draft.date).toBe('2026-10-02');
    expect(mapped({ ...order, invoiceDate: undefined }, { config: invoice }).draft.date).toBe('2026-10-01');
    expect(mapped(order, { config: configWith({ document: { date: 'today' } }) }).draft.date).toBe(
      '2026-10-28',
    );
  });

  it('reference, remark, series, warehouse and shipping mode from the settings', () => {
    const { draft } = mapped(order, {
      config: configWith({
        document: {
          referenceTemplate: 'WEB-{id_order}-{reference}',
          remarkTemplate: '{customer} · {carrier} · {date} · {payment} · {id_shop} · {inconnu}',
          warehouse: 'LYON',
          series: { quote: 'DW', order: 'CW', delivery: 'BL', invoice: 'FA' },
        },
        articles: { carriers: { '2': 'COLISSIMO' } },
      }),
    });
    expect(draft.reference).toBe('WEB-6-QPJBQPNWB');
    expect(draft.remark).toBe(
      "Hélène D'Aubigné · Colissimo Domicile · 01/10/2026 · Virement bancaire · 1 · {inconnu}",
    );
    expect(draft.series).toBe('CW');
    expect(draft.warehouse).toBe('LYON');
    expect(draft.shippingMode).toBe('COLISSIMO');
  });

  it('the default remark template', () => {
    expect(mapped(order).draft.remark).toBe('Commande web QPJBQPNWB (n° 6) — Virement bancaire');
    expect(mapped(order).draft.reference).toBe('QPJBQPNWB');
  });

  it('messages: none, first or all', () => {
    const twoMessages: ShopOrder = { ...order, messages: ['Premier\r\nmessage', 'Second'] };
    const notes = (messages: 'none' | 'first' | 'all') =>
      mapped(twoMessages, { config: configWith({ document: { messages } }) }).draft.notes;
    expect(notes('none')).toBe('');
    expect(notes('first')).toBe('Premier\nmessage');
    expect(notes('all')).toBe('Premier\nmessage\n\nSecond');
    const withBlank: ShopOrder = { ...order, messages: ['Premier', ' \r\n ', 'Second'] };
    expect(mapped(withBlank, { config: configWith({ document: { messages: 'all' } }) }).draft.notes).toBe(
      'Premier\n\nSecond',
    );
  });

  it('the gift message only for a gift; no shipping mode without a carrier', () => {
    const order10 = expectedShopOrder(10);
    expect(mapped({ ...order10, gift: false }).draft.notes).toBe('');
    expect(mapped({ ...order, carrier: undefined }).draft.shippingMode).toBe('');
  });
});

describe('field limits', () => {
  it('order 11: the long company name cut to 69, the reference to 17', () => {
    const { draft } = mapped(expectedShopOrder(11), {
      config: configWith({ document: { referenceTemplate: '{reference}-{customer}' } }),
    });
    expect(draft.customer.name).toBe("Société Coopérative d'Intérêt Collectif des Artisans Boulangers-Pâtis");
    expect(draft.customer.name.length).toBeLessThanOrEqual(69);
    expect(draft.reference).toBe('FEVOAJXDR-Société');
  });

  it('a long product name with an emoji at the cut keeps the emoji whole', () => {
    const order = expectedShopOrder(6);
    const named = (name: string): ShopOrder => ({
      ...order,
      lines: [{ ...order.lines[0]!, name }, ...order.lines.slice(1)],
    });
    // 67 characters, then a fox (two UTF-16 units) ending exactly on the limit, then more.
    const fits = mapped(named(`${'Coussin brodé main '.repeat(3)}et son ami🦊 renard`)).draft.lines[0]!.label;
    expect(fits).toBe(`${'Coussin brodé main '.repeat(3)}et son ami🦊`);
    expect(fits.length).toBe(69);
    // A fox straddling the limit is dropped whole, never half a surrogate pair.
    const straddles = mapped(named(`${'x'.repeat(68)}🦊`)).draft.lines[0]!.label;
    expect(straddles).toBe('x'.repeat(68));
  });
});

describe('refusals', () => {
  const order = expectedShopOrder(6);

  it('a customer record gone from the shop: a clear failure in per-customer mode, the generic account otherwise', () => {
    const result = map({ ...order, customer: undefined });
    expect(result).toMatchObject({ ok: false, code: 'customer-missing' });
    expect(!result.ok && result.message).toContain("n'existe plus dans la boutique");
    expect(!result.ok && result.message).toContain('compte générique');
    const generic = mapped(
      { ...order, customer: undefined },
      { config: configWith({ customers: { mode: 'generic' } }) },
    );
    expect(generic.draft.customer).toMatchObject({ code: 'CLIENTWEB', generic: true });
    expect(generic.draft.billingAddress).toMatchObject({ name: "Hélène D'Aubigné" });
  });

  it('no address at all', () => {
    expect(map({ ...order, invoiceAddress: undefined, deliveryAddress: undefined })).toMatchObject({
      ok: false,
      code: 'address-missing',
    });
  });

  it('the billing address falls back to the delivery one', () => {
    const { draft } = mapped({ ...expectedShopOrder(8), invoiceAddress: undefined });
    expect(draft.billingAddress).toMatchObject({ city: 'Lille' });
    expect(draft.customer.vatNumber).toBe('');
  });
});
