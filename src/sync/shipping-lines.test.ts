import { describe, expect, it } from 'vitest';
import type { OutcomeNote } from '../domain/import-report.js';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { amount } from '../domain/money.js';
import type { ArticleSettings } from '../domain/rules.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { OrderCartRule, ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { applyFreeShippingRules, shippingLines } from './shipping-lines.js';

const ARTICLES = configSchema.parse(starterConfig('https://shop.example')).articles;

/** Order 12 of the recorded shop: 5.75 HT / 6.90 TTC of shipping at 20 % by Colissimo Domicile. */
const ORDER_12 = expectedShopOrder(12);

function withShipping(
  taxExcl: string,
  taxIncl: string,
  changes: Partial<Pick<ShopOrder, 'cartRules' | 'carrier'>> & { carrierTaxRate?: string } = {},
): ShopOrder {
  const { carrierTaxRate, ...rest } = changes;
  return {
    ...ORDER_12,
    cartRules: [],
    totals: {
      ...ORDER_12.totals,
      shippingTaxExcl: amount(taxExcl),
      shippingTaxIncl: amount(taxIncl),
      carrierTaxRate: amount(carrierTaxRate ?? '20'),
    },
    ...rest,
  };
}

const freeShipping = (id: number, taxExcl: string, taxIncl: string): OrderCartRule => ({
  id,
  cartRuleId: id,
  name: `Livraison offerte ${id}`,
  valueTaxExcl: amount(taxExcl),
  valueTaxIncl: amount(taxIncl),
  freeShipping: true,
});

/** What is left of the shipping, which rules cancelled some of it, and what each rule has left over. */
function after(order: ShopOrder) {
  const result = applyFreeShippingRules(order);
  return {
    left: `${result.taxExcl.toFixed(2)} / ${result.taxIncl.toFixed(2)}`,
    cancelledBy: result.cancelledBy.map((rule) => rule.id),
    leftovers: result.leftovers.map(
      (rule) => `${rule.id}: ${rule.valueTaxExcl.toFixed(2)} / ${rule.valueTaxIncl.toFixed(2)}`,
    ),
  };
}

const show = (line: DocumentLineDraft) =>
  `${line.articleReference} « ${line.label} » ${line.totalTaxExcl.toFixed(2)} / ${line.totalTaxIncl.toFixed(2)} @${line.vatRate.toFixed()}`;

function linesOf(order: ShopOrder, settings: Partial<ArticleSettings> = {}) {
  const notes: OutcomeNote[] = [];
  const lines = shippingLines(order, { ...ARTICLES, ...settings }, applyFreeShippingRules(order), notes);
  return { lines: lines.map(show), notes: notes.map((note) => note.text) };
}

describe('applyFreeShippingRules', () => {
  it('order 12: the voucher worth the shipping cancels it all and leaves nothing over', () => {
    expect(after(ORDER_12)).toEqual({ left: '0.00 / 0.00', cancelledBy: [3], leftovers: [] });
  });

  it('a rule worth more than the shipping cancels it and keeps the rest as a reduction', () => {
    expect(after(withShipping('5.75', '6.90', { cartRules: [freeShipping(1, '10', '12')] }))).toEqual({
      left: '0.00 / 0.00',
      cancelledBy: [1],
      leftovers: ['1: 4.25 / 5.10'],
    });
  });

  it('a rule worth less than the shipping cancels that much of it', () => {
    expect(after(withShipping('5.75', '6.90', { cartRules: [freeShipping(1, '2.50', '3')] }))).toEqual({
      left: '3.25 / 3.90',
      cancelledBy: [1],
      leftovers: [],
    });
  });

  it('a second rule finds nothing left to cancel: it stays a reduction, and is not named as cancelling', () => {
    const order = withShipping('5.75', '6.90', {
      cartRules: [freeShipping(1, '5.75', '6.90'), freeShipping(2, '5.75', '6.90')],
    });
    expect(after(order)).toEqual({ left: '0.00 / 0.00', cancelledBy: [1], leftovers: ['2: 5.75 / 6.90'] });
  });

  it('a rule that cancels only one of the two amounts is still named; a leftover on one side only is kept', () => {
    // The first rule takes all the tax-excluded cost and part of the tax-included one…
    const first = withShipping('5.75', '6.90', {
      cartRules: [freeShipping(1, '5.75', '5.75'), freeShipping(2, '0', '1.15')],
    });
    expect(after(first)).toEqual({ left: '0.00 / 0.00', cancelledBy: [1, 2], leftovers: [] });
    // … and a rule worth more tax excluded only keeps that part.
    const oneSided = withShipping('5.75', '6.90', { cartRules: [freeShipping(1, '6', '6.90')] });
    expect(after(oneSided)).toEqual({ left: '0.00 / 0.00', cancelledBy: [1], leftovers: ['1: 0.25 / 0.00'] });
    const otherSide = withShipping('5.75', '6.90', { cartRules: [freeShipping(1, '5.75', '7.50')] });
    expect(after(otherSide).leftovers).toEqual(['1: 0.00 / 0.60']);
  });

  it('a leftover under half a cent is none', () => {
    const order = withShipping('5.75', '6.90', { cartRules: [freeShipping(1, '5.754', '6.904')] });
    expect(after(order).leftovers).toEqual([]);
  });

  it('leaves the other cart rules alone', () => {
    const order = withShipping('5.75', '6.90', {
      cartRules: [{ ...freeShipping(1, '5.75', '6.90'), freeShipping: false }],
    });
    expect(after(order)).toEqual({ left: '5.75 / 6.90', cancelledBy: [], leftovers: [] });
  });
});

describe('shippingLines', () => {
  it('one line of the shipping cost on the shipping article, named with the carrier', () => {
    expect(linesOf(withShipping('5.75', '6.90'))).toEqual({
      lines: ['PORT « Frais de port — Colissimo Domicile » 5.75 / 6.90 @20'],
      notes: [],
    });
    expect(linesOf(withShipping('5.75', '6.90'), { shipping: 'TRANSPORT' }).lines).toEqual([
      'TRANSPORT « Frais de port — Colissimo Domicile » 5.75 / 6.90 @20',
    ]);
  });

  it('the carrier’s name trimmed; no name, or no carrier at all, leaves the label bare', () => {
    const carrier = ORDER_12.carrier!;
    expect(
      linesOf(withShipping('5.75', '6.90', { carrier: { ...carrier, name: '  Colissimo  ' } })).lines,
    ).toEqual(['PORT « Frais de port — Colissimo » 5.75 / 6.90 @20']);
    expect(linesOf(withShipping('5.75', '6.90', { carrier: { ...carrier, name: '   ' } })).lines).toEqual([
      'PORT « Frais de port » 5.75 / 6.90 @20',
    ]);
    expect(linesOf(withShipping('5.75', '6.90', { carrier: undefined })).lines).toEqual([
      'PORT « Frais de port » 5.75 / 6.90 @20',
    ]);
  });

  it('order 12: the shipping cancelled by its voucher, said in a note; a zero line only on request', () => {
    const note =
      'Bon de réduction « Livraison offerte » (livraison offerte) : les frais de port de 6,90 EUR TTC ' +
      'sont annulés plutôt que remisés.';
    expect(linesOf(ORDER_12)).toEqual({ lines: [], notes: [note] });
    expect(linesOf(ORDER_12, { freeShippingLine: 'zero' })).toEqual({
      lines: ['PORT « Frais de port offerts — Colissimo Domicile » 0.00 / 0.00 @0'],
      notes: [note],
    });
  });

  it('no line for an order without carrier (virtual products), even when a zero line is asked', () => {
    expect(
      linesOf(withShipping('0', '0', { carrier: undefined }), { freeShippingLine: 'zero' }).lines,
    ).toEqual([]);
  });

  it('a line while anything is left to pay for the shipping, were it the tax-included cost only', () => {
    const order = withShipping('5.75', '6.90', { cartRules: [freeShipping(1, '5.75', '5.75')] });
    expect(linesOf(order).lines).toEqual(['PORT « Frais de port — Colissimo Domicile » 0.00 / 1.15 @20']);
  });

  it('the rate from the amounts when the carrier’s rate does not give them, and a note that says so', () => {
    // PrestaShop's demo orders: carrier_tax_rate 0 on 7.00 HT / 8.40 TTC.
    expect(linesOf(withShipping('7', '8.40', { carrierTaxRate: '0' }))).toEqual({
      lines: ['PORT « Frais de port — Colissimo Domicile » 7.00 / 8.40 @20'],
      notes: [
        'Frais de port : le taux de TVA du transporteur (0 %) ne correspond pas aux montants facturés ; ' +
          '20 % (déduit des montants) est utilisé.',
      ],
    });
  });
});
