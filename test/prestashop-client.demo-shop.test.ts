import { describe, expect, it } from 'vitest';

import { createPrestaShopOrderSource } from '../src/adapters/prestashop/prestashop-order-source.js';
import { FakeClock } from '../src/adapters/prestashop/testing/fake-clock.js';
import type { FetchLike } from '../src/adapters/http/fetch-like.js';
import { createDemoShop, generateOrders } from '../src/demo-shop/index.js';
import type { SourcedOrder } from '../src/domain/shop-order.js';
import type { OrderQuery } from '../src/ports/order-source.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const QUERY: OrderQuery = {
  shopIds: [1, 2],
  stateIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  dateField: 'date_add',
  from: '2026-01-01 00:00:00',
  to: '2026-12-31 23:59:59',
  withMessages: false,
};

function sourceFor(shop: ReturnType<typeof createDemoShop>, key = shop.key, pageSize?: number) {
  return createPrestaShopOrderSource({
    url: shop.url,
    key,
    fetch: shop.fetch,
    clock: new FakeClock(),
    ...(pageSize === undefined ? {} : { pageSize }),
  });
}

const idOf = (order: SourcedOrder) => (order.ok ? order.order.key.orderId : order.key.orderId);

describe('PrestaShop client against the demo shop', () => {
  it('reads 1,050 generated orders across pages, each exactly once, while orders are added and changed', async () => {
    const shop = createDemoShop({ generated: { seed: 7, count: 1050 }, now: NOW });
    const expected = [...shop.data.orders()].map((order) => order.id);
    expect(expected).toHaveLength(1050);
    const seen: number[] = [];
    let pages = 0;
    // Pages of 100, so that many pages meet the shop's changes.
    for await (const page of sourceFor(shop, shop.key, 100).readOrders(QUERY)) {
      pages += 1;
      seen.push(...page.map(idOf));
      expect(page.every((order) => order.ok)).toBe(true);
      // The shop moves while the import reads: orders change state, new ones arrive (some dated
      // before the read position, which offset paging would turn into repeats).
      const changed = expected[(pages * 97) % expected.length];
      if (changed !== undefined) shop.data.setOrderState(changed, 2);
      generateOrders({ seed: pages, count: 3, now: NOW, data: shop.data });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(expected.every((id) => seen.includes(id))).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(10);
    // About seven calls per hundred orders, plus the reference data read once.
    const calls = shop.calls.byResource();
    expect(calls['orders']).toBeLessThanOrEqual(pages + 1);
    expect(calls['order_details']).toBeLessThanOrEqual(pages);
    expect(shop.calls.total()).toBeLessThanOrEqual(7 * (pages + 1) + 10);
  });

  it('reads a bulk state change, all invoiced in one second, once each in pages that never grow', async () => {
    const shop = createDemoShop({ generated: { seed: 11, count: 600 }, now: NOW });
    // A back-office bulk action: 100 orders reach an invoice state, and get their invoice_date, within
    // the same second.
    const bulk = [...shop.data.orders()]
      .filter((order) => order.invoiceNumber === 0)
      .slice(0, 100)
      .map((order) => order.id);
    for (const id of bulk) shop.data.setOrderState(id, 2);
    const second = shop.data.nowText();
    const expected = [...shop.data.orders()]
      .filter((order) => order.invoiceDate === second)
      .map((order) => order.id);
    expect(expected.length).toBeGreaterThanOrEqual(100);
    const rowsAsked: number[] = [];
    const fetch: FetchLike = (url, init) => {
      const asked = new URL(url);
      if (asked.pathname.endsWith('/api/orders'))
        rowsAsked.push(Number(asked.searchParams.get('limit')?.split(',')[1]));
      return shop.fetch(url, init);
    };
    const source = createPrestaShopOrderSource({
      url: shop.url,
      key: shop.key,
      fetch,
      clock: new FakeClock(),
      pageSize: 20,
    });
    const read: number[] = [];
    for await (const page of source.readOrders({
      ...QUERY,
      dateField: 'invoice_date',
      from: second,
      to: second,
    }))
      read.push(...page.map(idOf));
    expect(read.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(Math.max(...rowsAsked)).toBeLessThan(40);
  });

  it('filters by state, period and shop', async () => {
    const shop = createDemoShop({ generated: { seed: 3, count: 300 }, now: NOW });
    const query = {
      ...QUERY,
      shopIds: [2],
      stateIds: [2, 10],
      from: '2026-10-15 00:00:00',
      to: '2026-11-15 23:59:59',
    };
    const read = [];
    for await (const page of sourceFor(shop).readOrders(query)) read.push(...page);
    const want = [...shop.data.orders()].filter(
      (order) =>
        order.shopId === 2 &&
        [2, 10].includes(order.currentState) &&
        order.dateAdd >= query.from &&
        order.dateAdd <= query.to,
    );
    expect(read.map(idOf).sort((a, b) => a - b)).toEqual(want.map((order) => order.id).sort((a, b) => a - b));
  });

  it('retries injected faults and reads everything', async () => {
    const shop = createDemoShop({ generated: { seed: 5, count: 250 }, now: NOW });
    shop.faults.failNext('orders', 2, 503);
    shop.faults.failNext('order_details', 1, 'reset');
    shop.faults.failNext('customers', 1, 'truncate');
    shop.faults.failNext('addresses', 1, 'malformed');
    shop.faults.failNext('order_payments', 1, 429, { retryAfterSeconds: 2 });
    const read = [];
    for await (const page of sourceFor(shop).readOrders(QUERY)) read.push(...page);
    expect(read).toHaveLength(250);
    expect(read.every((order) => order.ok)).toBe(true);
  });

  it('reports a fault that outlasts the retries', async () => {
    const shop = createDemoShop({ generated: { seed: 5, count: 20 }, now: NOW });
    shop.faults.failNext('orders', 10, 502);
    const pages = sourceFor(shop).readOrders(QUERY);
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'server-error' });
  });

  it('gives each authentication and permission failure its own error', async () => {
    const shop = createDemoShop({ now: NOW });
    await expect(sourceFor(shop, 'WRONGKEY0000000000000000000000XX').checkConnection()).rejects.toMatchObject(
      { code: 'key-invalid' },
    );
    await expect(sourceFor(shop, 'short').checkConnection()).rejects.toMatchObject({ code: 'key-invalid' });
    shop.addKey({ key: 'INACTIVEKEY000000000000000000001', active: false });
    await expect(sourceFor(shop, 'INACTIVEKEY000000000000000000001').checkConnection()).rejects.toMatchObject(
      { code: 'key-inactive' },
    );

    shop.addKey({
      key: 'NODETAILSKEY00000000000000000001',
      permissions: { '*': ['GET', 'HEAD'], order_details: [] },
    });
    const limited = sourceFor(shop, 'NODETAILSKEY00000000000000000001');
    const report = await limited.checkConnection();
    expect(report.problems.map((problem) => problem.text).join('\n')).toContain(
      'La clé ne peut pas lire order_details : cochez GET pour order_details',
    );
    await expect(limited.readOrders(QUERY)[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: 'permission-denied',
      message: expect.stringContaining('order_details') as unknown,
    });

    shop.addKey({ key: 'SHOPONEKEY0000000000000000000001', shopIds: [1] });
    const shopTwo = sourceFor(shop, 'SHOPONEKEY0000000000000000000001').readOrders({
      ...QUERY,
      shopIds: [2],
    });
    await expect(shopTwo[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: 'shop-not-enabled-for-key',
    });

    shop.setWebserviceEnabled(false);
    await expect(sourceFor(shop).checkConnection()).rejects.toMatchObject({ code: 'webservice-disabled' });
    shop.setWebserviceEnabled(true);

    shop.setStripAuthorizationHeader(true);
    const report2 = await sourceFor(shop).checkConnection();
    expect(report2.version).not.toBe('');
    // Several first calls at once on such a hosting: every one of them moves to ws_key, none fails.
    const stripped = sourceFor(shop);
    const [states, shops] = await Promise.all([stripped.orderStates(), stripped.shops()]);
    expect(states.length).toBe(13);
    expect(shops.length).toBe(2);
  });

  it('tells the currencies the demo shop takes orders in, euros by default', async () => {
    const shop = createDemoShop({ now: NOW });
    const report = await sourceFor(shop).checkConnection();
    expect(report.currencies).toEqual(['EUR', 'USD']);
    expect(report.defaultCurrency).toBe('EUR');
  });

  it('changes a state and writes a tracking number on the demo shop', async () => {
    const shop = createDemoShop({ now: NOW });
    const source = sourceFor(shop);
    const order = [...shop.data.orders()].find(
      (candidate) => candidate.currentState === 3 && shop.data.orderCarrier(candidate.id),
    );
    if (!order) throw new Error('no order in preparation');
    const key = { shopId: order.shopId, orderId: order.id };
    expect(await source.changeState({ key, expectedStateId: 3, newStateId: 4, sendEmail: false })).toEqual({
      status: 'sent',
    });
    expect(shop.data.order(order.id)?.currentState).toBe(4);
    expect(
      await source.changeState({ key, expectedStateId: 3, newStateId: 4, sendEmail: false }),
    ).toMatchObject({ status: 'state-moved' });
    const tracking = shop.data.orderCarrier(order.id)?.trackingNumber ?? '';
    expect((await source.setTrackingNumber(key, '6A000111', { sendEmail: false })).status).toBe(
      tracking === '' ? 'written' : 'already-set',
    );
  });

  it.each(['1.7', '8'] as const)(
    'writes a tracking number on PrestaShop %s (PUT of the whole record before 8, PATCH after), never over another',
    async (version) => {
      const shop = createDemoShop({ now: NOW, version });
      const source = sourceFor(shop);
      const order = [...shop.data.orders()].find((candidate) => shop.data.orderCarrier(candidate.id));
      if (!order) throw new Error('no order with a carrier');
      const carrier = shop.data.orderCarrier(order.id)!;
      shop.data.replaceOrderCarrier(carrier.id, { trackingNumber: '' }, true);
      const weight = carrier.weight;
      const key = { shopId: order.shopId, orderId: order.id };
      shop.calls.reset();
      expect(await source.setTrackingNumber(key, '6A-NEW', { sendEmail: false })).toEqual({
        status: 'written',
      });
      expect(shop.calls.byResourceAndMethod()['order_carriers']).toMatchObject(
        version === '8' ? { PATCH: 1 } : { PUT: 1 },
      );
      expect(shop.data.orderCarrier(order.id)).toMatchObject({ trackingNumber: '6A-NEW', weight });
      expect(await source.setTrackingNumber(key, '6A-OTHER', { sendEmail: false })).toEqual({
        status: 'already-set',
        current: '6A-NEW',
      });
      expect(shop.data.orderCarrier(order.id)?.trackingNumber).toBe('6A-NEW');
    },
  );
});
