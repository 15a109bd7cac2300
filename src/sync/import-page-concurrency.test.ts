import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { ExpectedFailure } from '../domain/failure.js';
import type { OrderOutcome } from '../domain/import-report.js';
import type { ShopOrder } from '../domain/shop-order.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { OrderHeader } from '../ports/order-source.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import type { MemoryGescom } from '../../test/fakes/memory-gescom.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { importPage, type PageContext } from './import-page.js';

/**
 * A page written into a GesCom that takes several orders at once (`writeConcurrency`): the writes
 * overlap, never more than it says, and what comes out is what one-by-one writing gives.
 */

const BASE = expectedShopOrder(7);
const REFERENCES = BASE.lines.map((line) => line.reference);
const paid = ORDER_STATES_8_1_2.find((state) => state.id === 2)!;
const order = (orderId: number): ShopOrder => ({
  ...BASE,
  key: { shopId: 1, orderId },
  dateAdd: `2026-11-20 10:00:${String(orderId).padStart(2, '0')}`,
  state: paid,
});

/**
 * The memory GesCom with a slower write for the first orders of the page (the later ones end first),
 * counting the writes in flight; `failAt` makes that order's write find the GesCom out of reach.
 */
function slowed(target: MemoryGescom, options: { writeConcurrency: number; failAt?: number }) {
  const seen = { inFlight: 0, most: 0, ended: [] as number[] };
  const importDocument: GescomTarget['importDocument'] = async (draft, record) => {
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      await sleep(Math.max(1, 40 - record.key.orderId * 4));
      if (record.key.orderId === options.failAt)
        throw new ExpectedFailure('gescom-unavailable', 'La gestion commerciale ne répond pas.');
      return await target.importDocument(draft, record);
    } finally {
      seen.inFlight -= 1;
      seen.ended.push(record.key.orderId);
    }
  };
  const wrapped = new Proxy(target, {
    get(memory, property) {
      if (property === 'writeConcurrency') return options.writeConcurrency;
      if (property === 'importDocument') return importDocument;
      const value: unknown = Reflect.get(memory, property, memory);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(memory) : value;
    },
  });
  return { wrapped, seen };
}

async function setup(count: number, options: { writeConcurrency: number; failAt?: number }) {
  const config = configSchema.parse(starterConfig('https://shop.example'));
  const { target, store } = openMemoryGescom(new ManualClock('2026-11-27T10:00:00.000Z'));
  target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
  const orders = Array.from({ length: count }, (_, index) => order(index + 1));
  const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders });
  const { wrapped, seen } = slowed(target, options);
  const context: PageContext = {
    source: { completeOrders: (headers) => source.completeOrders(headers) },
    withMessages: false,
    target: wrapped,
    store,
    config,
    rules: new Map(config.states.map((rule) => [rule.id, rule])),
    statesById: new Map(ORDER_STATES_8_1_2.map((state) => [state.id, state])),
    excluded: new Set(),
    dryRun: false,
    runId: 'run-1',
    today: '2026-11-27',
  };
  const page: OrderHeader[] = [];
  for await (const part of source.readOrderHeaders({
    shopIds: [1],
    stateIds: [2],
    dateField: 'date_add',
    from: '2026-11-01 00:00:00',
    to: '2026-11-30 23:59:59',
    withMessages: false,
  }))
    page.push(...part);
  return { page, context, seen, store, target };
}

const summary = (outcomes: readonly (OrderOutcome | undefined)[]) =>
  outcomes.map((outcome) => `${outcome?.orderId}:${outcome?.status}:${outcome?.document?.number}`);

describe('importPage into a GesCom that takes several orders at once', () => {
  it('overlaps the writes up to what the GesCom says, and keeps the page’s order and each ledger entry', async () => {
    const { page, context, seen, store } = await setup(8, { writeConcurrency: 3 });
    const outcomes = await importPage(page, context);
    expect(outcomes.map((outcome) => outcome?.orderId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(outcomes.every((outcome) => outcome?.status === 'imported')).toBe(true);
    expect(seen.most).toBe(3);
    // The slower first orders ended after later ones: the page's order is not the order of the ends.
    expect(seen.ended).not.toEqual([...seen.ended].sort((a, b) => a - b));
    const ledger = await store.findImports(page.map((header) => header.key));
    expect(ledger.size).toBe(8);
    for (const outcome of outcomes)
      expect(ledger.get(`ps-1-${outcome?.orderId}`)?.documentNumber).toBe(outcome?.document?.number);
  });

  it('one at a time when the GesCom says 1 (the embedded GesCom)', async () => {
    const { page, context, seen } = await setup(5, { writeConcurrency: 1 });
    const outcomes = await importPage(page, context);
    expect(seen.most).toBe(1);
    expect(seen.ended).toEqual([1, 2, 3, 4, 5]);
    expect(summary(outcomes).map((line) => line.split(':')[1])).toEqual(Array(5).fill('imported'));
  });

  it('a GesCom out of reach: no further order is started, those started end before the page throws', async () => {
    const { page, context, seen, store } = await setup(10, { writeConcurrency: 3, failAt: 2 });
    await expect(importPage(page, context)).rejects.toThrow('La gestion commerciale ne répond pas.');
    // Nothing still in flight once the page has thrown, and nothing started after the failure was seen.
    expect(seen.inFlight).toBe(0);
    const started = seen.ended.length;
    expect(started).toBeLessThan(10);
    await sleep(60);
    expect(seen.ended).toHaveLength(started);
    // The orders that ended have their ledger entry; the one out of reach has none.
    const ledger = await store.findImports(page.map((header) => header.key));
    expect(ledger.has('ps-1-2')).toBe(false);
    expect(ledger.size).toBe(started - 1);
  });
});
