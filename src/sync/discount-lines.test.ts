import { describe, expect, it } from 'vitest';
import { articleSettingsSchema } from '../config/config-schema.js';
import { amount } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { OrderCartRule } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { cartRuleLines, productBasesByRate } from './discount-lines.js';
import { singleLine } from './line-draft.js';

const settings = articleSettingsSchema.parse({ discount: 'REMISE' });
const product = (taxExcl: string, taxIncl: string, rate: string) =>
  singleLine('product', 'ART', 'Article', amount(taxExcl), amount(taxIncl), amount(rate));
const rule = (name: string, taxExcl: string, taxIncl: string): OrderCartRule => ({
  ...expectedShopOrder(7).cartRules[0]!,
  name,
  valueTaxExcl: amount(taxExcl),
  valueTaxIncl: amount(taxIncl),
});
const show = (documentLine: DocumentLineDraft) =>
  `${documentLine.articleReference} «${documentLine.label}» ${documentLine.totalTaxExcl.toFixed(2)} / ` +
  `${documentLine.totalTaxIncl.toFixed(2)} @${documentLine.vatRate.toFixed()}`;

describe('productBasesByRate', () => {
  it('adds up the products by rate, highest rate first, leaving out lines of nothing', () => {
    const bases = productBasesByRate([
      product('10', '10.55', '5.5'),
      product('20', '24', '20'),
      product('0', '0', '10'),
      product('5', '6', '20'),
      product('0', '0.01', '2.1'),
    ]);
    expect(
      bases.map((base) => [base.rate.toFixed(), base.taxExcl.toFixed(2), base.taxIncl.toFixed(2)]),
    ).toEqual([
      ['20', '25.00', '30.00'],
      ['5.5', '10.00', '10.55'],
      ['2.1', '0.00', '0.01'],
    ]);
  });
});

describe('cartRuleLines', () => {
  const twoRates = productBasesByRate([product('20', '24', '20'), product('10', '10.55', '5.5')]);

  it('no line for a rule worth nothing once rounded, a line as soon as one of its amounts is a cent', () => {
    const oneRate = productBasesByRate([product('20', '24', '20')]);
    expect(cartRuleLines(rule('Rien', '0.004', '0.0048'), twoRates, settings)).toEqual([]);
    expect(cartRuleLines(rule('Rien', '0.004', '0.0048'), oneRate, settings)).toEqual([]);
    expect(cartRuleLines(rule('Centime', '0.004', '0.006'), oneRate, settings).map(show)).toEqual([
      'REMISE «Centime» 0.00 / -0.01 @20',
    ]);
  });

  it('one line named after the rule when the products have one rate, or none (its amounts give the rate)', () => {
    const oneRate = productBasesByRate([product('20', '24', '20')]);
    expect(cartRuleLines(rule('Bienvenue', '5', '6'), oneRate, settings).map(show)).toEqual([
      'REMISE «Bienvenue» -5.00 / -6.00 @20',
    ]);
    expect(cartRuleLines(rule('Bienvenue', '10', '10.55'), [], settings).map(show)).toEqual([
      'REMISE «Bienvenue» -10.00 / -10.55 @5.5',
    ]);
  });

  it('over several rates, one line a rate, its rate in the label, a long name cut to fit it', () => {
    // 3.00 HT pro rata over 20.00 and 10.00: 2.00 at 20 % (VAT 0.40) and 1.00 at 5.5 % (VAT 0.055 → 0.06).
    expect(cartRuleLines(rule('Dix pour cent', '3', '3.46'), twoRates, settings).map(show)).toEqual([
      'REMISE «Dix pour cent (TVA 20 %)» -2.00 / -2.40 @20',
      'REMISE «Dix pour cent (TVA 5,5 %)» -1.00 / -1.06 @5.5',
    ]);
    const long = cartRuleLines(rule('R'.repeat(80), '3', '3.46'), twoRates, settings);
    expect(long.map((documentLine) => documentLine.label)).toEqual([
      `${'R'.repeat(58)} (TVA 20 %)`,
      `${'R'.repeat(57)} (TVA 5,5 %)`,
    ]);
    expect(long.every((documentLine) => documentLine.label.length === 69)).toBe(true);
  });

  it('over three rates, the cent of base moves between two of them and the third keeps its share', () => {
    // 1.00 HT pro rata over 20.00, 10.00 and 10.00 is 0.50 / 0.25 / 0.25: VAT 0.10 + 0.03 + 0.01 = 0.14,
    // the rule says 0.13; 0.51 at 20 % and 0.24 at 10 % agree with it.
    const threeRates = productBasesByRate([
      product('20', '24', '20'),
      product('10', '11', '10'),
      product('10', '10.55', '5.5'),
    ]);
    expect(cartRuleLines(rule('Un euro', '1', '1.13'), threeRates, settings).map(show)).toEqual([
      'REMISE «Un euro (TVA 20 %)» -0.51 / -0.61 @20',
      'REMISE «Un euro (TVA 10 %)» -0.24 / -0.26 @10',
      'REMISE «Un euro (TVA 5,5 %)» -0.25 / -0.26 @5.5',
    ]);
  });

  it('a line for a rate whose share is a cent of tax included alone', () => {
    // 0.01 HT goes to the 20 % base; the 0.02 TTC, shared pro rata on its own, gives the 5.5 % base a cent.
    expect(cartRuleLines(rule('Centimes', '0.01', '0.02'), twoRates, settings).map(show)).toEqual([
      'REMISE «Centimes (TVA 20 %)» -0.01 / -0.01 @20',
      'REMISE «Centimes (TVA 5,5 %)» 0.00 / -0.01 @5.5',
    ]);
  });

  it('no line for a rate whose share is nothing', () => {
    // One cent HT and TTC over two rates: the whole cent goes to the larger base.
    expect(cartRuleLines(rule('Centime', '0.01', '0.01'), twoRates, settings).map(show)).toEqual([
      'REMISE «Centime (TVA 20 %)» -0.01 / -0.01 @20',
    ]);
  });
});
