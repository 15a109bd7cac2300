import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { resetOrders } from './reset-orders.js';
import { runImport } from './run-import.js';

const BASE = expectedShopOrder(7);
const order = (shopId: number, orderId: number): ShopOrder => ({
  ...BASE,
  key: { shopId, orderId },
  dateAdd: '2026-11-20 10:00:00',
});
const ORDERS = [order(1, 1), order(1, 2), order(2, 3)];

/** Three orders of two shops imported by a real run over the in-memory GesCom and store. */
async function imported() {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const { target, store } = openMemoryGescom(clock);
  target.addArticles(BASE.lines.map((line) => ({ reference: line.reference, ean13: '', label: line.name })));
  const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders: ORDERS });
  const rules = configSchema.parse(starterConfig('https://shop.example'));
  await runImport(
    { source, target, store, clock, lockOwner: 'test', webserviceCalls: () => source.calls },
    rules,
    { trigger: 'cli', dryRun: false, onEvent: () => {}, period: { from: '2026-11-01', to: '2026-11-30' } },
  );
  const keys = ORDERS.map((each) => each.key);
  const state = async () => ({
    ledger: [...(await store.findImports(keys)).keys()],
    documents: [...(await target.findByExternalKeys(['ps-1-1', 'ps-1-2', 'ps-2-3'])).keys()],
  });
  return { target, store, state };
}

describe('resetOrders', () => {
  it('releases the documents of the orders named and forgets them in the ledger, with the reason', async () => {
    const { target, store, state } = await imported();
    expect(await state()).toEqual({
      ledger: ['ps-1-1', 'ps-1-2', 'ps-2-3'],
      documents: ['ps-1-1', 'ps-1-2', 'ps-2-3'],
    });
    expect(await resetOrders(target, store, { keys: [{ shopId: 1, orderId: 2 }] }, 'réimport demandé')).toBe(
      1,
    );
    expect(await state()).toEqual({ ledger: ['ps-1-1', 'ps-2-3'], documents: ['ps-1-1', 'ps-2-3'] });
    expect(store.resets).toEqual([{ reason: 'réimport demandé', forgotten: 1 }]);
  });

  it('releases and forgets every order of one shop', async () => {
    const { target, store, state } = await imported();
    expect(await resetOrders(target, store, { shopId: 1 }, 'boutique réinitialisée')).toBe(2);
    expect(await state()).toEqual({ ledger: ['ps-2-3'], documents: ['ps-2-3'] });
  });
});
