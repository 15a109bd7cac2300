import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { amount, round, sum } from '../domain/money.js';
import type { DocumentLineDraft, LineKind } from '../domain/sales-document.js';
import { expectedShopOrder, expectedShopOrders, expectedTotals } from '../../test/support/expected-orders.js';
import { documentLines } from './document-lines.js';
import { reconcileTotals, vatBreakdown } from './reconcile-totals.js';

const OPTIONS = { tolerance: amount('0.05'), roundingArticle: 'DIVERS', currency: 'EUR' } as const;

/** A line as the mapping builds it: totals = quantity × unit prices rounded, or given. */
function line(
  quantity: number,
  unitExcl: string,
  unitIncl: string,
  rate: string,
  totals?: { taxExcl: string; taxIncl: string },
  kind: LineKind = 'product',
): DocumentLineDraft {
  const q = amount(quantity);
  return {
    kind,
    articleReference: 'ART',
    createArticle: false,
    label: `${kind} ${unitExcl}`,
    quantity: q,
    unitPriceTaxExcl: amount(unitExcl),
    unitPriceTaxIncl: amount(unitIncl),
    discountPercent: amount(0),
    discountAmountTaxExcl: amount(0),
    vatRate: amount(rate),
    totalTaxExcl: totals ? amount(totals.taxExcl) : round(q.times(unitExcl)),
    totalTaxIncl: totals ? amount(totals.taxIncl) : round(q.times(unitIncl)),
    ecotaxTaxExcl: amount(0),
    sourceLineId: undefined,
  };
}

const text = (lines: readonly DocumentLineDraft[]) =>
  lines.map(
    (documentLine) =>
      `${documentLine.kind} ${documentLine.totalTaxExcl.toFixed(2)} / ${documentLine.totalTaxIncl.toFixed(2)} @${documentLine.vatRate.toFixed()}`,
  );

const agrees = (documentLine: DocumentLineDraft) =>
  documentLine.totalTaxIncl
    .minus(documentLine.totalTaxExcl)
    .equals(round(documentLine.totalTaxExcl.times(documentLine.vatRate).div(100)));

describe('vatBreakdown', () => {
  it('order 7: VAT by rate after the split cart rule, adding up to the shop total_vat', () => {
    const config = configSchema.parse(starterConfig('https://shop.example'));
    const order = expectedShopOrder(7);
    const lines = documentLines(order, config.articles, {
      knownArticles: new Set(order.lines.map((orderLine) => orderLine.reference.toUpperCase())),
      knownEan13: new Map(),
    });
    if (!lines.ok) throw new Error(lines.message);
    const breakdown = vatBreakdown(lines.lines).map(({ rate, base, tax }) => [
      rate.toFixed(),
      base.toFixed(2),
      tax.toFixed(2),
    ]);
    expect(breakdown).toEqual([
      ['20', '36.35', '7.27'],
      ['2.1', '15.61', '0.32'],
    ]);
    expect(expectedTotals(7).vat).toBe('7.59');
  });

  it('lists the highest rate first, whatever the order of the lines', () => {
    const lines = [line(1, '10', '10.55', '5.5'), line(1, '10', '12', '20'), line(1, '10', '11', '10')];
    expect(
      vatBreakdown(lines).map(({ rate, base, tax }) => [rate.toFixed(), base.toFixed(2), tax.toFixed(2)]),
    ).toEqual([
      ['20', '10.00', '2.00'],
      ['10', '10.00', '1.00'],
      ['5.5', '10.00', '0.55'],
    ]);
  });
});

describe('where the recorded shop’s differences come from', () => {
  // PrestaShop 8.1.2 with round_type 2 (per line) stores each order detail rounded to the cent, but
  // Calculator::getTotal adds up the rows' *unrounded* amounts (CartRow keeps them unrounded outside
  // per-item rounding), adds the rounded shipping and wrapping, subtracts the rounded discounts, and
  // rounds that sum once. This reproduces the totals of all 18 recorded orders; the sum of the rounded
  // details misses three of them by a cent.
  const psTotal = (pick: 'excl' | 'incl', orderId: number) => {
    const order = expectedShopOrder(orderId);
    const unrounded = sum(
      order.lines.map((detail) =>
        amount(detail.quantity).times(pick === 'excl' ? detail.unitPriceTaxExcl : detail.unitPriceTaxIncl),
      ),
    );
    const t = order.totals;
    const fees =
      pick === 'excl'
        ? round(t.shippingTaxExcl).plus(round(t.wrappingTaxExcl)).minus(round(t.discountsTaxExcl))
        : round(t.shippingTaxIncl).plus(round(t.wrappingTaxIncl)).minus(round(t.discountsTaxIncl));
    return round(unrounded.plus(fees));
  };
  const roundedDetails = (pick: 'excl' | 'incl', orderId: number) => {
    const order = expectedShopOrder(orderId);
    const t = order.totals;
    const lines = sum(
      order.lines.map((detail) => (pick === 'excl' ? detail.totalTaxExcl : detail.totalTaxIncl)),
    );
    return pick === 'excl'
      ? lines.plus(t.shippingTaxExcl).plus(t.wrappingTaxExcl).minus(t.discountsTaxExcl)
      : lines.plus(t.shippingTaxIncl).plus(t.wrappingTaxIncl).minus(t.discountsTaxIncl);
  };

  it('the shop’s totals are its unrounded lines rounded once, for every recorded order', () => {
    for (const order of expectedShopOrders()) {
      const id = order.key.orderId;
      expect([psTotal('excl', id).toFixed(2), psTotal('incl', id).toFixed(2)], `order ${id}`).toEqual([
        order.totals.paidTaxExcl.toFixed(2),
        order.totals.paidTaxIncl.toFixed(2),
      ]);
    }
  });

  it('orders 8, 13 and 16 are the ones whose total is not the sum of their rounded details', () => {
    const differences = expectedShopOrders().flatMap((order) => {
      const id = order.key.orderId;
      const excl = order.totals.paidTaxExcl.minus(roundedDetails('excl', id));
      const incl = order.totals.paidTaxIncl.minus(roundedDetails('incl', id));
      return excl.isZero() && incl.isZero() ? [] : [`${id}: ${excl.toFixed(2)} HT, ${incl.toFixed(2)} TTC`];
    });
    expect(differences).toEqual([
      '8: -0.01 HT, 0.00 TTC',
      '13: -0.01 HT, -0.01 TTC',
      '16: 0.00 HT, 0.01 TTC',
    ]);
  });
});

describe('reconcileTotals', () => {
  // 3 × 5.778648 = 17.335944 HT (17.34), 3 × 5.9 = 17.70 TTC at 2.1 %; 2 × 12.255 = 24.51 / 29.41 at 20 %.
  const lines = [line(3, '5.778648', '5.9', '2.1'), line(2, '12.255', '14.706', '20')];
  const shop = (taxExcl: string, taxIncl: string) => ({ taxExcl: amount(taxExcl), taxIncl: amount(taxIncl) });

  it('equal totals: the lines as they are, no note', () => {
    const result = reconcileTotals(lines, shop('41.85', '47.11'), OPTIONS);
    expect(result).toMatchObject({ ok: true, notes: [] });
    expect(result.ok && result.lines).toBe(lines);
  });

  it('a difference exactly equal to the tolerance is accepted, a cent more is refused (HT and TTC)', () => {
    const accepted = [
      shop('41.90', '47.16'),
      shop('41.80', '47.06'),
      shop('41.85', '47.16'),
      shop('41.90', '47.11'),
    ];
    for (const totals of accepted) {
      const result = reconcileTotals(lines, totals, OPTIONS);
      expect(result.ok, `${totals.taxExcl.toFixed(2)} / ${totals.taxIncl.toFixed(2)}`).toBe(true);
      if (!result.ok) continue;
      expect(sum(result.lines.map((documentLine) => documentLine.totalTaxExcl)).toFixed(2)).toBe(
        totals.taxExcl.toFixed(2),
      );
      expect(sum(result.lines.map((documentLine) => documentLine.totalTaxIncl)).toFixed(2)).toBe(
        totals.taxIncl.toFixed(2),
      );
    }
    const refused = [
      shop('41.91', '47.17'),
      shop('41.79', '47.05'),
      shop('41.85', '47.17'),
      shop('41.85', '47.05'),
    ];
    expect(reconcileTotals(lines, shop('41.91', '47.05'), OPTIONS)).toEqual({
      ok: false,
      code: 'totals-mismatch',
      message:
        'Les totaux du document ne correspondent pas à ceux de la boutique : boutique 41,91 HT / 47,05 TTC, ' +
        'document 41,85 HT / 47,11 TTC (écart +0,06 HT, -0,06 TTC EUR ; tolérance 0,05). Vérifiez les lignes, ' +
        'remises et frais de port de la commande dans la boutique ; la tolérance se règle dans les réglages des totaux.',
      data: {
        shopExcl: '41.91',
        shopIncl: '47.05',
        documentExcl: '41.85',
        documentIncl: '47.11',
        differenceExcl: '0.06',
        differenceIncl: '-0.06',
        currency: 'EUR',
        tolerance: '0.05',
      },
    });
    for (const totals of refused)
      expect(reconcileTotals(lines, totals, OPTIONS), `${totals.taxExcl.toFixed(2)}`).toMatchObject({
        ok: false,
        code: 'totals-mismatch',
      });
    // The bound is the setting's, not a constant.
    expect(reconcileTotals(lines, shop('41.91', '47.17'), { ...OPTIONS, tolerance: amount('0.06') }).ok).toBe(
      true,
    );
  });

  it('an HT and TTC difference goes to an écart at the rate whose rounding caused it, agreeing with it', () => {
    // The shop rounds 17.335944 + 24.51 = 41.845944 to 41.85 and 17.70 + 29.412 = 47.112 to 47.11: the
    // lines say the same. A shop at 41.84 / 47.10 lacks a cent that the 2.1 % line's rounding added.
    const result = reconcileTotals(lines, shop('41.84', '47.10'), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.lines).at(-1)).toBe('rounding -0.01 / -0.01 @2.1');
    expect(result.lines.at(-1)).toMatchObject({
      articleReference: 'DIVERS',
      // The écart is booked on the configured article as it is: it never creates one.
      createArticle: false,
      label: "Écart d'arrondi (TVA 2,1 %)",
    });
    expect(result.lines.every(agrees)).toBe(true);
  });

  it('a VAT cent alone goes first to a line the shop left a cent off its rate, which it puts right', () => {
    // 34.675 HT → 34.68, 41.61 TTC: 6.93 of VAT where 20 % of 34.68 is 6.94 (order 8's speaker).
    const speaker = line(1, '34.675', '41.61', '20');
    const cushion = line(6, '15.58', '18.696', '20');
    expect(agrees(speaker)).toBe(false);
    const result = reconcileTotals([cushion, speaker], shop('128.16', '153.80'), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.lines)).toEqual(['product 93.48 / 112.18 @20', 'product 34.68 / 41.62 @20']);
    expect(result.lines.every(agrees)).toBe(true);
  });

  it('the line the shop left off its rate goes first, even where another rate lost more to rounding', () => {
    // 24.04 HT, 25.37 TTC at 5.5 %: 1.33 of VAT where 5.5 % of 24.04 is 1.32. The 20 % line agrees, and
    // its rounding took more from its VAT (22.936 → 22.94) than the book's did.
    const book = line(1, '24.0375', '25.3656', '5.5');
    const shirt = line(1, '19.12', '22.936', '20');
    expect([agrees(book), agrees(shirt)]).toEqual([false, true]);
    const result = reconcileTotals([book, shirt], shop('43.16', '48.30'), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.lines)).toEqual(['product 24.04 / 25.36 @5.5', 'product 19.12 / 22.94 @20']);
    expect(result.lines.every(agrees)).toBe(true);
  });

  it('otherwise to the line of the rate whose exact VAT the rounding shorted most, with a note', () => {
    // Two lines of 22.944 TTC (VAT 3.824 each, 3.82 shown): the shop's total counts 45.89.
    const shirt = line(1, '19.12', '22.944', '20');
    const book = line(1, '23.601896', '24.9', '5.5');
    const result = reconcileTotals([book, shirt, shirt], shop('61.84', '70.79'), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.lines)).toEqual([
      'product 23.60 / 24.90 @5.5',
      'product 19.12 / 22.95 @20',
      'product 19.12 / 22.94 @20',
    ]);
    expect(result.notes).toEqual([
      {
        code: 'vat-rounded',
        text:
          'TVA arrondie par la boutique sur ses totaux (+0,01 EUR) : portée sur la ligne « product 19.12 » (TVA 20 %), ' +
          '22,95 TTC au lieu de 22,94.',
        data: {
          cents: '0.01',
          currency: 'EUR',
          label: 'product 19.12',
          vatRate: '20',
          lineIncl: '22.95',
          before: '22.94',
        },
      },
    ]);
  });

  it('VAT on an order whose lines have no VAT rate fails: no line can carry it', () => {
    const result = reconcileTotals([line(1, '10', '10', '0')], shop('10', '10.01'), OPTIONS);
    expect(result).toMatchObject({ ok: false, code: 'totals-mismatch' });
    expect(!result.ok && result.message).toBe(
      'Les totaux de la boutique (boutique 10,00 HT / 10,01 TTC) comptent +0,01 EUR de TVA ' +
        "qu'aucune ligne soumise à la TVA ne peut porter. Vérifiez les taxes de la commande dans la boutique.",
    );
  });

  it('between two rates that lost as much VAT on as large a base, the first line’s rate takes the cent', () => {
    // 2.004 of exact VAT each, 2.00 shown: both agree with their rate, both lost 0.004.
    const shirt = line(1, '10', '12.004', '20');
    const book = line(1, '10', '10.554', '5.5');
    const result = reconcileTotals([shirt, book], shop('20.00', '22.56'), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.lines)).toEqual(['product 10.00 / 12.01 @20', 'product 10.00 / 10.55 @5.5']);
    const reversed = reconcileTotals([book, shirt], shop('20.00', '22.56'), OPTIONS);
    expect(reversed.ok && text(reversed.lines)).toEqual([
      'product 10.00 / 10.56 @5.5',
      'product 10.00 / 12.00 @20',
    ]);
  });

  it('a line of nothing (free shipping at zero) lends the écart no rate', () => {
    const freeShipping = line(1, '0', '0', '0', undefined, 'shipping');
    const result = reconcileTotals(
      [line(1, '10.004', '12.0048', '20'), freeShipping],
      shop('9.99', '11.99'),
      OPTIONS,
    );
    expect(result.ok && result.lines.at(-1)).toMatchObject({ label: "Écart d'arrondi", vatRate: amount(20) });
  });

  it('a line of no base but a cent of VAT (HT rounded to zero) still counts its rate', () => {
    // A wrapping fee of 0.0042 HT at 20 %: 0.00 HT, 0.01 TTC. The écart names its rate among two.
    const fee = line(1, '0.0042', '0.00504', '20', undefined, 'wrapping');
    expect(text([fee])).toEqual(['wrapping 0.00 / 0.01 @20']);
    const result = reconcileTotals(
      [line(1, '10.004', '10.55422', '5.5'), fee],
      shop('9.99', '10.55'),
      OPTIONS,
    );
    expect(result.ok && result.lines.at(-1)?.label).toBe("Écart d'arrondi (TVA 5,5 %)");
  });

  it('an order with one rate gets a plain écart label; an order without lines, an écart at 0 %', () => {
    const single = reconcileTotals([line(1, '10.004', '10.004', '0')], shop('9.99', '9.99'), OPTIONS);
    expect(single.ok && single.lines.at(-1)).toMatchObject({ label: "Écart d'arrondi", kind: 'rounding' });
    const empty = reconcileTotals([], shop('0.01', '0.01'), OPTIONS);
    expect(empty.ok && text(empty.lines)).toEqual(['rounding 0.01 / 0.01 @0']);
  });

  it('a discount line (negative) carries a VAT cent the same way', () => {
    // A 5 € voucher at 20 %: 4.166667 HT exactly, shown −4.17 / −5.00 (VAT −0.83 of an exact −0.833333).
    const product = line(1, '10', '12', '20');
    const voucher = line(1, '-4.166667', '-5', '20', undefined, 'discount');
    const result = reconcileTotals([product, voucher], shop('5.83', '6.99'), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.lines)).toEqual(['product 10.00 / 12.00 @20', 'discount -4.17 / -5.01 @20']);
  });
});
