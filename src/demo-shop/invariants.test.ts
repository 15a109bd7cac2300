import { describe, expect, it } from 'vitest';
import { psRound, ROUND_MODE, ShopDecimal as Decimal, type RoundMode } from './data/shop-money.js';
import { stateById } from './data/catalogue.js';
import type { OrderRecord } from './data/model.js';
import { DemoShopData } from './data/shop-data.js';
import { generateOrders } from './generator.js';
import { createDemoShop } from './index.js';

const NOW = new Date('2026-11-27T09:52:00Z');
const d = (text: string): InstanceType<typeof Decimal> => new Decimal(text);

/** Every order must add up as PrestaShop computes it, and its life must match its histories. */
function checkOrder(data: DemoShopData, o: OrderRecord): void {
  const t = o.totals;
  for (const l of o.lines) {
    if (o.roundType !== 1) {
      expect(d(l.totalTaxExcl).toFixed(2), `order ${o.id} line ${l.id}`).toBe(
        d(l.unitTaxExcl).times(l.quantity).toDecimalPlaces(2).toFixed(2),
      );
      expect(d(l.totalTaxIncl).toFixed(2)).toBe(
        d(l.unitTaxIncl).times(l.quantity).toDecimalPlaces(2).toFixed(2),
      );
    }
  }
  const sumExcl = o.lines.reduce((s, l) => s.plus(l.totalTaxExcl), d('0'));
  const sumIncl = o.lines.reduce((s, l) => s.plus(l.totalTaxIncl), d('0'));
  if (o.roundType === 3) expect(sumIncl.minus(t.productsWt).abs().lessThanOrEqualTo('0.01')).toBe(true);
  else {
    expect(d(t.products).equals(sumExcl), `order ${o.id} products`).toBe(true);
    expect(d(t.productsWt).equals(sumIncl), `order ${o.id} products_wt`).toBe(true);
  }
  expect(
    d(t.paidTaxIncl).equals(
      d(t.productsWt).minus(t.discountsTaxIncl).plus(t.shippingTaxIncl).plus(t.wrappingTaxIncl),
    ),
  ).toBe(true);
  expect(
    d(t.paidTaxExcl).equals(
      d(t.products).minus(t.discountsTaxExcl).plus(t.shippingTaxExcl).plus(t.wrappingTaxExcl),
    ),
  ).toBe(true);
  const rules = o.cartRules.reduce((s, r) => s.plus(r.value), d('0'));
  expect(rules.equals(t.discountsTaxIncl)).toBe(true);
  // Histories: the path to the current state, date_upd at the last one.
  const last = o.histories[o.histories.length - 1];
  expect(last?.stateId).toBe(o.currentState);
  expect(o.dateUpd).toBe(last?.date);
  const states = o.histories.map((h) => stateById(h.stateId));
  const everPaid = states.some((s) => s?.paid);
  const payments = data.payments(o.reference);
  if (everPaid) {
    expect(payments.length, `order ${o.id} payments`).toBeGreaterThan(0);
    const siblings = data.ordersByReference(o.reference);
    const due = siblings.reduce((s, x) => s.plus(x.totals.paidTaxIncl), d('0'));
    expect(payments.reduce((s, p) => s.plus(p.amount), d('0')).equals(due), `order ${o.id} paid`).toBe(true);
    const firstPaid = o.histories.find((h) => stateById(h.stateId)?.paid);
    const paidBy = o.payments[0]?.date ?? siblings.flatMap((x) => x.payments)[0]?.date;
    if (o.payments.length > 0) expect(paidBy).toBe(firstPaid?.date);
  } else if (o.currentState !== 8) expect(payments).toEqual([]);
  const invoiced = o.histories.find((h) => stateById(h.stateId)?.invoice);
  expect(o.invoiceNumber > 0).toBe(invoiced !== undefined);
  if (invoiced) expect(o.invoiceDate).toBe(invoiced.date);
  expect(o.valid).toBe(stateById(o.currentState)?.logable);
  if (o.carrierId === 0) expect(o.orderCarrier).toBeUndefined();
  else expect(o.orderCarrier?.shippingTaxIncl).toBe(t.shippingTaxIncl);
}

describe('curated orders', () => {
  const shop = createDemoShop({ now: NOW });
  const orders = [...shop.data.orders()];

  it('are internally consistent', () => {
    expect(orders.length).toBeGreaterThanOrEqual(55);
    for (const o of orders) checkOrder(shop.data, o);
  });

  it('cover every state and every case', () => {
    const finals = new Set(orders.map((o) => o.currentState));
    for (let id = 1; id <= 13; id += 1) expect(finals.has(id), `state ${id}`).toBe(true);
    expect(orders.some((o) => new Set(o.lines.map((l) => l.taxRate)).size >= 3)).toBe(true);
    expect(orders.some((o) => o.lines.some((l) => l.combinationId > 0))).toBe(true);
    expect(orders.some((o) => o.lines.some((l) => l.reductionPercent !== '0.00'))).toBe(true);
    expect(orders.some((o) => o.lines.some((l) => l.reductionAmountTaxIncl !== '0.000000'))).toBe(true);
    expect(orders.some((o) => o.cartRules.some((r) => r.freeShipping))).toBe(true);
    expect(orders.some((o) => o.gift && o.giftMessage !== '')).toBe(true);
    expect(orders.some((o) => o.lines.some((l) => l.ecotax !== '0.000000'))).toBe(true);
    expect(orders.some((o) => o.currencyId === 2)).toBe(true);
    expect(orders.some((o) => data(o).payments.length > 1)).toBe(true);
    expect(orders.some((o) => shop.data.ordersByReference(o.reference).length === 2)).toBe(true);
    expect(orders.some((o) => o.carrierId === 0 && o.orderCarrier === undefined)).toBe(true);
    expect(orders.some((o) => o.module === 'ps_cashondelivery' && o.payments.length > 0)).toBe(true);
    expect(orders.some((o) => o.lines.some((l) => l.reference === ''))).toBe(true);
    expect(orders.some((o) => o.lines.some((l) => l.name.length > 69))).toBe(true);
    expect(orders.some((o) => o.addressDeliveryId !== o.addressInvoiceId)).toBe(true);
    expect(orders.some((o) => o.shopId === 2)).toBe(true);
    const rounding = orders.filter((o) => {
      const sum = o.lines.reduce((s, l) => s.plus(l.totalTaxIncl), d('0'));
      return !sum.equals(o.totals.productsWt);
    });
    expect(rounding.length).toBeGreaterThan(0);
    function data(o: OrderRecord): { payments: unknown[] } {
      return { payments: shop.data.payments(o.reference) };
    }
  });

  it('change state as the back office does', () => {
    const order = orders.find((o) => o.currentState === 10);
    if (!order) throw new Error('no order awaiting a wire');
    const before = order.histories.length;
    shop.data.advance(5);
    shop.data.setOrderState(order.id, 2);
    expect(shop.data.histories(order.id)).toHaveLength(before + 1);
    expect(order.dateUpd).toBe(shop.data.nowText());
    expect(shop.data.payments(order.reference)).toHaveLength(1);
    checkOrder(shop.data, order);
  });
});

describe('generated orders', () => {
  it('are deterministic and consistent', () => {
    const a = generateOrders({ seed: 3, count: 300, now: NOW });
    const b = generateOrders({ seed: 3, count: 300, now: NOW });
    expect([...a.orders()].map((o) => o.totals.paidTaxIncl)).toEqual(
      [...b.orders()].map((o) => o.totals.paidTaxIncl),
    );
    for (const o of a.orders()) checkOrder(a, o);
  });
});

describe("the shop's round mode", () => {
  /** The same cart placed in a shop rounding in `mode`: lines whose tax-included totals fall between cents. */
  function placeIn(mode: RoundMode): OrderRecord {
    const data = new DemoShopData({ now: NOW });
    const customerId = data.addCustomer({
      shopId: 1,
      firstname: 'Ada',
      lastname: 'Lovelace',
      email: 'ada@example.fr',
      dateAdd: '2026-01-01 10:00:00',
    });
    const addressId = data.addAddress({
      customerId,
      firstname: 'Ada',
      lastname: 'Lovelace',
      address1: '1 rue de la Paix',
      postcode: '75002',
      city: 'Paris',
      dateAdd: '2026-01-01 10:00:00',
    });
    return data.addOrder({
      shopId: 1,
      customerId,
      addressDeliveryId: addressId,
      addressInvoiceId: addressId,
      carrierId: 3,
      lines: [
        { productId: 1, quantity: 3, reductionPercent: '7' },
        { productId: 2, quantity: 7, reductionPercent: '3' },
        { productId: 4, quantity: 3, reductionPercent: '11' },
      ],
      payment: 'card',
      path: [2],
      placedAt: '2026-11-20 10:00:00',
      roundMode: mode,
    });
  }

  it('rounds every line total in that mode, and the order says which mode it used', () => {
    for (const mode of Object.values(ROUND_MODE)) {
      const order = placeIn(mode);
      expect(order.roundMode).toBe(mode);
      for (const line of order.lines) {
        const raw = d(line.unitTaxIncl).times(line.quantity);
        expect(d(line.totalTaxIncl).equals(psRound(raw, 2, mode)), `mode ${mode} line ${line.id}`).toBe(true);
      }
      const lines = order.lines.reduce((s, l) => s.plus(l.totalTaxIncl), d('0'));
      expect(d(order.totals.productsWt).equals(lines)).toBe(true);
    }
  });

  it('makes a difference: rounding up costs the customer more than rounding down', () => {
    const up = placeIn(ROUND_MODE.up);
    const down = placeIn(ROUND_MODE.down);
    expect(d(up.totals.productsWt).greaterThan(down.totals.productsWt)).toBe(true);
    const raw = up.lines.reduce((s, l) => s.plus(d(l.unitTaxIncl).times(l.quantity)), d('0'));
    expect(d(up.totals.productsWt).greaterThanOrEqualTo(raw)).toBe(true);
    expect(d(down.totals.productsWt).lessThanOrEqualTo(raw)).toBe(true);
  });
});
