import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { amount, round, sum } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { OrderCartRule, ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { documentLines } from './document-lines.js';

const config = configSchema.parse(starterConfig('https://shop.example'));

function discountsOf(order: ShopOrder): DocumentLineDraft[] {
  const result = documentLines(order, config.articles, {
    knownArticles: new Set(order.lines.map((line) => line.reference.toUpperCase())),
    knownEan13: new Map(),
  });
  if (!result.ok) throw new Error(result.message);
  return result.lines.filter((line) => line.kind === 'discount');
}

const show = (line: DocumentLineDraft) =>
  `${line.totalTaxExcl.toFixed(2)} / ${line.totalTaxIncl.toFixed(2)} @${line.vatRate.toFixed()}`;

const agrees = (line: DocumentLineDraft) =>
  line.totalTaxIncl.minus(line.totalTaxExcl).equals(round(line.totalTaxExcl.times(line.vatRate).div(100)));

/** Order 7 (products at 20 % and 2.1 %) with other cart rules. */
function order7With(...rules: [string, string][]): ShopOrder {
  const order = expectedShopOrder(7);
  const template = order.cartRules[0]!;
  const cartRules: OrderCartRule[] = rules.map(([valueTaxExcl, valueTaxIncl], index) => ({
    ...template,
    id: index + 1,
    name: `Remise ${index + 1}`,
    valueTaxExcl: amount(valueTaxExcl),
    valueTaxIncl: amount(valueTaxIncl),
  }));
  return { ...order, cartRules };
}

describe('cart rules over several VAT rates', () => {
  it('order 7 as recorded: the pro rata split already agrees with both rates', () => {
    expect(discountsOf(expectedShopOrder(7)).map(show)).toEqual(['-3.77 / -4.52 @20', '-1.73 / -1.77 @2.1']);
  });

  it('when pro rata misses the rule’s VAT by a cent, a cent of base moves between the rates', () => {
    // 5.50 HT pro rata is 3.77 at 20 % and 1.73 at 2.1 %: VAT 0.75 + 0.04 = 0.79, the rule says 0.80.
    const lines = discountsOf(order7With(['5.5', '6.3']));
    expect(lines.map(show)).toEqual(['-3.78 / -4.54 @20', '-1.72 / -1.76 @2.1']);
    expect(lines.every(agrees)).toBe(true);
  });

  it('a rule whose values no split can agree with is shared pro rata, HT and TTC each', () => {
    const lines = discountsOf(order7With(['5.5', '7']));
    expect(lines.map(show)).toEqual(['-3.77 / -5.03 @20', '-1.73 / -1.97 @2.1']);
    expect(sum(lines.map((line) => line.totalTaxIncl)).toFixed(2)).toBe('-7.00');
  });

  it('several rules add up to their sum rounded once, as PrestaShop subtracts it', () => {
    // 2.503 + 2.503 = 5.006 → 5.01 HT, 2.8623 + 2.8623 = 5.7246 → 5.72 TTC; rounding each rule on its
    // own would give 5.00 HT.
    const lines = discountsOf(order7With(['2.503', '2.8623'], ['2.503', '2.8623']));
    expect(sum(lines.map((line) => line.totalTaxExcl)).toFixed(2)).toBe('-5.01');
    expect(sum(lines.map((line) => line.totalTaxIncl)).toFixed(2)).toBe('-5.72');
    expect(lines.every(agrees)).toBe(true);
  });
});
