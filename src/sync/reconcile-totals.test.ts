import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { expectedShopOrder, expectedTotals } from '../../test/support/expected-orders.js';
import { documentLines } from './document-lines.js';
import { vatBreakdown } from './reconcile-totals.js';

describe('vatBreakdown', () => {
  it('order 7: VAT by rate after the split cart rule, adding up to the shop total_vat', () => {
    const config = configSchema.parse(starterConfig('https://shop.example'));
    const order = expectedShopOrder(7);
    const lines = documentLines(order, config.articles, {
      knownArticles: new Set(order.lines.map((line) => line.reference.toUpperCase())),
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
});
