import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE_TABLE } from '../../src/config/defaults.js';
import { amount, format, round } from '../../src/domain/money.js';
import { FIELD_LIMITS, type SalesDocument } from '../../src/domain/sales-document.js';
import type { OrderRecord } from '../../src/demo-shop/index.js';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

/**
 * Every curated demo order — every state, every case of SPEC §3.1 — imported with every state selected:
 * each document equals its order to the cent, and each case has the lines it should.
 */
describe('every case of the demo shop, imported', () => {
  let demo: DemoNavette;
  let documents: Map<number, SalesDocument>;
  let orders: OrderRecord[];

  beforeAll(async () => {
    const states = DEFAULT_STATE_TABLE.map((rule) => ({ ...rule, selected: true, changeStateTo: null }));
    demo = await openDemoNavette({ config: { states } });
    const summary = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.counts.failed).toBe(0);
    orders = [...demo.shop.data.orders()];
    documents = new Map();
    for (const order of orders) {
      const head = await demo.navette.target.findByExternalKey(`ps-${order.shopId}-${order.id}`);
      const document = head && (await demo.navette.target.getDocument(head.number));
      if (document) documents.set(order.id, document);
    }
  });
  afterAll(async () => demo?.close());

  const documentOf = (order: OrderRecord): SalesDocument => {
    const document = documents.get(order.id);
    if (!document) throw new Error(`order ${order.id} has no document`);
    return document;
  };
  const lines = (order: OrderRecord, article: string) =>
    documentOf(order).lines.filter((line) => line.articleReference === article);

  it('imports every order, in every state, with the shop’s totals to the cent', () => {
    expect(orders.length).toBeGreaterThanOrEqual(60);
    for (const order of orders) {
      const document = documentOf(order);
      expect({
        order: order.id,
        ht: format(document.totals.taxExcl),
        ttc: format(document.totals.taxIncl),
      }).toEqual({
        order: order.id,
        ht: format(amount(order.totals.paidTaxExcl)),
        ttc: format(amount(order.totals.paidTaxIncl)),
      });
    }
  });

  it('gives every line the VAT of its rate on its base, wherever the shop’s own figures allow it', () => {
    // VAT = rate × base to the cent: what a VAT return by rate can place.
    const agrees = (rate: string, taxExcl: string, taxIncl: string) =>
      amount(taxIncl)
        .minus(taxExcl)
        .equals(round(amount(taxExcl).times(rate).div(100)));
    const shopOwn: string[] = [];
    let ecarts = 0;
    for (const order of orders) {
      const document = documentOf(order);
      const rates = new Set(
        document.lines.filter((line) => line.kind !== 'rounding').map((line) => line.vatRate.toFixed()),
      );
      for (const line of document.lines) {
        const figures = [line.vatRate, line.totalTaxExcl, line.totalTaxIncl].map((value) => value.toFixed());
        const where = `order ${order.id}: ${line.kind} ${figures.join(' / ')}`;
        if (line.kind === 'rounding') {
          ecarts += 1;
          // An écart is at a rate of the order's own lines (never a made-up 0 %), and agrees with it.
          expect(rates.has(line.vatRate.toFixed()), where).toBe(true);
          expect(agrees(figures[0]!, figures[1]!, figures[2]!), where).toBe(true);
          continue;
        }
        if (agrees(figures[0]!, figures[1]!, figures[2]!)) continue;
        // Otherwise the line is the shop's own figures, which already disagree with their rate
        // (PrestaShop rounds a line's HT and TTC each on its own: 24.0379 → 24.04, 25.365 → 25.37).
        const detail = order.lines.find((candidate) => candidate.id === line.sourceLineId);
        const own =
          line.kind === 'product' && detail
            ? [detail.totalTaxExcl, detail.totalTaxIncl]
            : line.kind === 'shipping'
              ? [order.totals.shippingTaxExcl, order.totals.shippingTaxIncl]
              : undefined;
        expect(own, where).toBeDefined();
        expect([format(amount(own![0]!)), format(amount(own![1]!))], where).toEqual([
          format(line.totalTaxExcl),
          format(line.totalTaxIncl),
        ]);
        shopOwn.push(where);
      }
    }
    // The demo shop has such lines, and one order rounded on its total (an écart).
    expect(shopOwn.length).toBeGreaterThan(0);
    expect(ecarts).toBeGreaterThan(0);
  });

  it('puts cart rules on REMISE, named, and free shipping as no shipping cost', () => {
    const withRules = orders.filter((order) => order.cartRules.some((rule) => !rule.freeShipping));
    expect(withRules.length).toBeGreaterThan(0);
    for (const order of withRules) {
      const discounts = lines(order, 'REMISE');
      expect(discounts.length, `order ${order.id}`).toBeGreaterThan(0);
      expect(discounts.every((line) => line.totalTaxIncl.isNegative())).toBe(true);
      const name = order.cartRules[0]!.name.slice(0, 20);
      expect(discounts.some((line) => line.label.startsWith(name))).toBe(true);
    }
    const freeShipping = orders.filter((order) => order.cartRules.some((rule) => rule.freeShipping));
    expect(freeShipping.length).toBeGreaterThan(0);
    for (const order of freeShipping) {
      expect(lines(order, 'PORT').every((line) => line.totalTaxIncl.isZero())).toBe(true);
    }
  });

  it('puts gift wrapping on EMBALLAGE and the gift message in the notes', () => {
    const gifts = orders.filter((order) => order.gift && !amount(order.totals.wrappingTaxIncl).isZero());
    expect(gifts.length).toBeGreaterThan(0);
    for (const order of gifts) {
      expect(format(lines(order, 'EMBALLAGE')[0]!.totalTaxIncl)).toBe(
        format(amount(order.totals.wrappingTaxIncl)),
      );
      if (order.giftMessage) expect(documentOf(order).notes).toContain(order.giftMessage.slice(0, 30));
    }
  });

  it('keeps the currency of a foreign-currency order, and gives an order without carrier no shipping line', () => {
    const usd = orders.filter((order) => order.currencyId === 2);
    expect(usd.length).toBeGreaterThan(0);
    for (const order of usd) expect(documentOf(order).currency).toBe('USD');
    const virtual = orders.filter((order) => order.carrierId === 0);
    expect(virtual.length).toBeGreaterThan(0);
    for (const order of virtual) expect(lines(order, 'PORT')).toEqual([]);
  });

  it('gives the two orders of a split cart two documents that share the shop reference', () => {
    const byReference = new Map<string, OrderRecord[]>();
    for (const order of orders)
      byReference.set(order.reference, [...(byReference.get(order.reference) ?? []), order]);
    const split = [...byReference.values()].find((siblings) => siblings.length > 1);
    expect(split).toBeDefined();
    const numbers = split!.map((order) => documentOf(order).number);
    expect(new Set(numbers).size).toBe(split!.length);
    expect(new Set(split!.map((order) => documentOf(order).shopReference))).toEqual(
      new Set([split![0]!.reference]),
    );
  });

  it('cuts long names to the GesCom’s lengths and keeps accents, apostrophes and emoji whole', () => {
    for (const document of documents.values()) {
      expect([...document.customerName].length).toBeLessThanOrEqual(FIELD_LIMITS.accountName);
      expect(document.reference.length).toBeLessThanOrEqual(FIELD_LIMITS.reference);
      for (const line of document.lines) {
        expect([...line.label].length).toBeLessThanOrEqual(FIELD_LIMITS.label);
        expect(line.label).not.toMatch(/[\uD800-\uDBFF]$/);
      }
    }
    expect([...documents.values()].some((document) => /[’']/.test(document.customerName))).toBe(true);
  });

  it('records the payments of paid orders only, every part of a several-payment order', () => {
    for (const order of orders) {
      const document = documentOf(order);
      const paid = order.payments.length > 0 && [2, 3, 4, 5, 9, 11].includes(order.currentState);
      if (!paid) continue;
      const total = document.payments.reduce((sum, payment) => sum.plus(payment.amount), amount(0));
      expect({ order: order.id, paid: format(total) }).toEqual({
        order: order.id,
        paid: format(amount(order.totals.paidTaxIncl)),
      });
    }
    const severalPayments = orders.find(
      (order) => order.payments.length > 1 && new Set(order.payments.map((p) => p.method)).size > 1,
    );
    expect(severalPayments).toBeDefined();
    expect(documentOf(severalPayments!).payments.length).toBeGreaterThan(1);
  });
});
