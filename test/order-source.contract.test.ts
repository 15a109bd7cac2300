import { createPrestaShopOrderSource } from '../src/adapters/prestashop/prestashop-order-source.js';
import { FakeClock } from '../src/adapters/prestashop/testing/fake-clock.js';
import { createDemoShop } from '../src/demo-shop/index.js';
import type { OrderQuery } from '../src/ports/order-source.js';
import { describeOrderSourceContract } from './contract/order-source.contract.js';
import { keyRefused, MemoryOrderSource, shopUnreachable } from './fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrders } from './support/expected-orders.js';

const EVERYTHING: OrderQuery = {
  shopIds: [1, 2],
  stateIds: ORDER_STATES_8_1_2.map((state) => state.id),
  dateField: 'date_add',
  from: '2000-01-01 00:00:00',
  to: '2099-12-31 23:59:59',
  withMessages: false,
};

describeOrderSourceContract('PrestaShop source against the demo shop', () => {
  const shop = createDemoShop({ generated: { seed: 11, count: 120 }, now: new Date('2026-11-27T10:00:00Z') });
  const sourceFor = (options: { key?: string; fetch?: typeof fetch } = {}) =>
    createPrestaShopOrderSource({
      url: shop.url,
      key: options.key ?? shop.key,
      fetch: options.fetch ?? shop.fetch,
      clock: new FakeClock(),
      pageSize: 25,
    });
  return {
    source: sourceFor(),
    everything: EVERYTHING,
    moveOrder: (key, stateId) => {
      shop.data.setOrderState(key.orderId, stateId);
    },
    refusedKey: sourceFor({ key: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456' }),
    unreachable: sourceFor({
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      },
    }),
    secret: shop.key,
  };
});

describeOrderSourceContract('in-memory source', () => {
  const open = () =>
    new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders: expectedShopOrders(), pageSize: 5 });
  const source = open();
  const refused = open();
  refused.failures.orderStates = refused.failures.readOrders = keyRefused();
  const unreachable = open();
  unreachable.failures.orderStates = unreachable.failures.readOrders = shopUnreachable();
  return {
    source,
    everything: EVERYTHING,
    moveOrder: (key, stateId) => source.moveOrder(key, stateId),
    refusedKey: refused,
    unreachable,
    secret: '',
  };
});
