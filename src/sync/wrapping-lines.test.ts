import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { amount } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { wrappingLines } from './wrapping-lines.js';

const settings = configSchema.parse(starterConfig('https://shop.example')).articles;

/** Order 10 of the recorded shop (gift-wrapped, 2.50 HT / 3.00 TTC) with other wrapping amounts. */
function wrappedAt(taxExcl: string, taxIncl: string): ShopOrder {
  const order = expectedShopOrder(10);
  return {
    ...order,
    totals: { ...order.totals, wrappingTaxExcl: amount(taxExcl), wrappingTaxIncl: amount(taxIncl) },
  };
}

const show = (line: DocumentLineDraft) =>
  `${line.kind} ${line.articleReference} «${line.label}» ${line.totalTaxExcl.toFixed(2)} / ` +
  `${line.totalTaxIncl.toFixed(2)} @${line.vatRate.toFixed()}`;

describe('wrappingLines', () => {
  it('order 10: one line on the wrapping article, at the rate its amounts carry', () => {
    expect(wrappingLines(expectedShopOrder(10), settings).map(show)).toEqual([
      'wrapping EMBALLAGE «Emballage cadeau» 2.50 / 3.00 @20',
    ]);
    expect(wrappingLines(wrappedAt('2.5', '2.6375'), { ...settings, wrapping: 'PAPIER' }).map(show)).toEqual([
      'wrapping PAPIER «Emballage cadeau» 2.50 / 2.64 @5.5',
    ]);
  });

  it('no line for an order not wrapped, nor for a wrapping that rounds to nothing', () => {
    expect(wrappingLines(expectedShopOrder(7), settings)).toEqual([]);
    expect(wrappingLines(wrappedAt('0.004', '0.0048'), settings)).toEqual([]);
  });

  it('a line as soon as one of its amounts is a cent: the customer paid it', () => {
    // 0.0045 HT at 20 % is 0.0054 TTC: nothing HT, a cent TTC once rounded.
    expect(wrappingLines(wrappedAt('0.0045', '0.0054'), settings).map(show)).toEqual([
      'wrapping EMBALLAGE «Emballage cadeau» 0.00 / 0.01 @20',
    ]);
  });
});
