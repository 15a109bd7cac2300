import { beforeEach, describe, expect, it } from 'vitest';
import { isExpectedFailure } from '../../src/domain/failure.js';
import { formatShopOrderKey, type ShopOrder, type ShopOrderKey } from '../../src/domain/shop-order.js';
import type { OrderHeader, OrderQuery, OrderSource } from '../../src/ports/order-source.js';

export interface OrderSourceUnderTest {
  readonly source: OrderSource;
  /** A query that covers every order of the shop: every shop, every state, every date. */
  readonly everything: OrderQuery;
  /** A change made in the shop itself (the back office), while navette reads. */
  moveOrder(key: ShopOrderKey, stateId: number): void;
  /** The same shop, asked with a key it refuses. */
  readonly refusedKey: OrderSource;
  /** The same shop, not answering. */
  readonly unreachable: OrderSource;
  /** The key, which no failure's message may show. */
  readonly secret: string;
}

async function readAll(
  source: OrderSource,
  query: OrderQuery,
): Promise<{ orders: ShopOrder[]; pages: number }> {
  const orders: ShopOrder[] = [];
  let pages = 0;
  for await (const page of source.readOrders(query)) {
    pages += 1;
    expect(page.length).toBeGreaterThan(0);
    for (const sourced of page) {
      expect(sourced.ok, sourced.ok ? '' : `${sourced.code}: ${sourced.message}`).toBe(true);
      if (sourced.ok) orders.push(sourced.order);
    }
  }
  return { orders, pages };
}

const idOf = (order: ShopOrder) => formatShopOrderKey(order.key);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function firstHeaders(
  source: OrderSource,
  query: OrderQuery,
): Promise<readonly OrderHeader[] | undefined> {
  for await (const page of source.readOrderHeaders(query)) return page;
  return undefined;
}

async function firstPage(source: OrderSource, query: OrderQuery): Promise<unknown> {
  for await (const page of source.readOrders(query)) return page;
  return undefined;
}

/**
 * The suite every OrderSource passes (ports/order-source.ts): the PrestaShop source against the demo
 * shop, and the in-memory source the sync's unit tests use. `open` gives a shop of a few pages of
 * well-formed orders.
 */
export function describeOrderSourceContract(name: string, open: () => OrderSourceUnderTest): void {
  describe(`OrderSource contract: ${name}`, () => {
    let subject: OrderSourceUnderTest;
    beforeEach(() => {
      subject = open();
    });

    it('reads every order once, oldest first by date then id, page by page', async () => {
      const { orders, pages } = await readAll(subject.source, subject.everything);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(new Set(orders.map(idOf)).size).toBe(orders.length);
      const sorted = [...orders].sort(
        (a, b) => a.dateAdd.localeCompare(b.dateAdd) || a.key.orderId - b.key.orderId,
      );
      expect(orders.map(idOf)).toEqual(sorted.map(idOf));
    });

    it('reads exactly the orders of a shop, states and period', async () => {
      const { orders: all } = await readAll(subject.source, subject.everything);
      const from = all[Math.floor(all.length / 4)]!.dateAdd;
      const to = all[Math.floor((3 * all.length) / 4)]!.dateAdd;
      const middle = all[Math.floor(all.length / 2)]!;
      const other = all.find((order) => order.state.id !== middle.state.id) ?? middle;
      const query: OrderQuery = {
        ...subject.everything,
        shopIds: [middle.key.shopId],
        stateIds: [middle.state.id, other.state.id],
        from,
        to,
      };
      const expected = all.filter(
        (order) =>
          order.key.shopId === middle.key.shopId &&
          query.stateIds.includes(order.state.id) &&
          order.dateAdd >= from &&
          order.dateAdd <= to,
      );
      expect(expected.length).toBeGreaterThan(0);
      const { orders } = await readAll(subject.source, query);
      expect(orders.map(idOf)).toEqual(expected.map(idOf));
    });

    it('reads each order once while the shop changes them', async () => {
      const { orders: before } = await readAll(subject.source, subject.everything);
      const read: string[] = [];
      for await (const page of subject.source.readOrders(subject.everything)) {
        for (const sourced of page) if (sourced.ok) read.push(idOf(sourced.order));
        // Orders not read yet change state: the paging must neither skip nor repeat them.
        for (const order of before.filter((candidate) => !read.includes(idOf(candidate))).slice(0, 3)) {
          const to = subject.everything.stateIds.find((stateId) => stateId !== order.state.id)!;
          subject.moveOrder(order.key, to);
        }
      }
      expect(read).toHaveLength(before.length);
      expect(new Set(read)).toEqual(new Set(before.map(idOf)));
    });

    it('reads slim pages of the same orders, and reads any batch of them whole, in the batch order', async () => {
      const { orders } = await readAll(subject.source, subject.everything);
      const headers: OrderHeader[] = [];
      for await (const page of subject.source.readOrderHeaders(subject.everything)) headers.push(...page);
      expect(headers.map((header) => formatShopOrderKey(header.key))).toEqual(orders.map(idOf));
      expect(headers.map((header) => header.stateId)).toEqual(orders.map((order) => order.state.id));
      expect(headers.map((header) => header.totalPaidTaxIncl.toFixed(2))).toEqual(
        orders.map((order) => order.totals.paidTaxIncl.toFixed(2)),
      );

      const batch = headers.filter((_, index) => index % 3 === 0).reverse();
      const whole = await subject.source.completeOrders(batch, { withMessages: false });
      expect(whole.map((sourced) => (sourced.ok ? idOf(sourced.order) : ''))).toEqual(
        batch.map((header) => formatShopOrderKey(header.key)),
      );
      for (const sourced of whole) {
        const read = orders.find((order) => sourced.ok && idOf(order) === idOf(sourced.order));
        expect(sourced.ok && sourced.order.totals.paidTaxIncl.equals(read!.totals.paidTaxIncl)).toBe(true);
        expect(sourced.ok && sourced.order.lines.length).toBe(read!.lines.length);
      }
      expect(await subject.source.completeOrders([], { withMessages: false })).toEqual([]);
    });

    it('refuses, without throwing, an order of a batch that the shop does not have', async () => {
      const [header] = (await firstHeaders(subject.source, subject.everything)) ?? [];
      const missing: OrderHeader = { ...header!, key: { shopId: header!.key.shopId, orderId: 987_654 } };
      const [sourced] = await subject.source.completeOrders([missing], { withMessages: false });
      expect(sourced).toMatchObject({ ok: false, key: missing.key, code: 'shop-read-failed' });
    });

    it('knows the states and shops of its orders', async () => {
      const [states, shops] = await Promise.all([subject.source.orderStates(), subject.source.shops()]);
      const { orders } = await readAll(subject.source, subject.everything);
      const stateIds = new Set(states.map((state) => state.id));
      const shopIds = new Set(shops.map((shop) => shop.id));
      expect(orders.every((order) => stateIds.has(order.state.id) && shopIds.has(order.key.shopId))).toBe(
        true,
      );
      expect(
        orders.every((order) => order.state.name === states.find((s) => s.id === order.state.id)?.name),
      ).toBe(true);
    });

    it('sends a state change only while the order is in the expected state', async () => {
      const { orders } = await readAll(subject.source, subject.everything);
      const order = orders[0]!;
      const from = order.state.id;
      const to = subject.everything.stateIds.find((stateId) => stateId !== from)!;
      const change = { key: order.key, expectedStateId: from, newStateId: to, sendEmail: false };
      expect(await subject.source.changeState(change)).toEqual({ status: 'sent' });
      expect((await subject.source.currentStates([order.key])).get(order.key.orderId)).toBe(to);
      expect(await subject.source.changeState(change)).toEqual({ status: 'state-moved', currentStateId: to });
      const history = (await subject.source.stateHistories([order.key])).get(order.key.orderId) ?? [];
      expect(history).toContain(from);
      expect(history.at(-1)).toBe(to);

      const missing = { shopId: order.key.shopId, orderId: 987_654 };
      expect(await subject.source.changeState({ ...change, key: missing })).toEqual({
        status: 'order-missing',
      });
      expect((await subject.source.currentStates([missing])).has(missing.orderId)).toBe(false);
    });

    it('fails with an expected failure, never showing the key, when the shop does not answer or refuses the key', async () => {
      for (const source of [subject.unreachable, subject.refusedKey]) {
        for (const error of [
          await failureOf(source.orderStates()),
          await failureOf(firstPage(source, subject.everything)),
          await failureOf(firstHeaders(source, subject.everything)),
        ]) {
          expect(isExpectedFailure(error), `expected an ExpectedFailure, got ${String(error)}`).toBe(true);
          if (isExpectedFailure(error) && subject.secret !== '')
            expect(error.message).not.toContain(subject.secret);
        }
      }
    });
  });
}
