import { describe, expect, it } from 'vitest';
import { configSchema, type NavetteConfigInput } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import type { ImportRules } from '../domain/rules.js';
import type { ShopOrder, SourcedOrder } from '../domain/shop-order.js';
import type { OrderQuery } from '../ports/order-source.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { reconcile } from './reconcile.js';
import { runImport } from './run-import.js';

/**
 * The reconciliation report over the in-memory shop, GesCom and store: orders in « Paiement accepté »
 * (2) are imported, then the shop and the GesCom drift apart. Now is 11:00 in Paris on 2026-11-27.
 */

const SHOP_URL = 'https://shop.example';
const BASE = expectedShopOrder(7);
const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;

const order = (orderId: number, stateId = 2, shopId = 1): ShopOrder => ({
  ...BASE,
  key: { shopId, orderId },
  dateAdd: '2026-11-20 10:00:00',
  state: stateOf(stateId),
});

function rulesWith(overrides: Partial<NavetteConfigInput> = {}): ImportRules {
  return configSchema.parse({
    ...starterConfig(SHOP_URL),
    period: { kind: 'since-last-import', dateField: 'order', overlapMinutes: 60 },
    ...overrides,
  });
}

/** Imports `imported`, then gives the report a shop holding `inShop` (the shop as it is now). */
async function setup(imported: readonly ShopOrder[]) {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const { target, store } = openMemoryGescom(clock);
  target.addArticles(BASE.lines.map((line) => ({ reference: line.reference, ean13: '', label: line.name })));
  const before = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders: imported });
  const summary = await runImport(
    { source: before, target, store, clock, lockOwner: 'test', webserviceCalls: () => 0 },
    rulesWith(),
    { trigger: 'cli', dryRun: false },
  );
  const numberOf = async (orderId: number, shopId = 1) =>
    (await target.findByExternalKey(`ps-${shopId}-${orderId}`))!.number;
  /** The queries the shop was asked; `twice` reads the first page again at the end (an order moved meanwhile). */
  const queries: OrderQuery[] = [];
  const report = (
    inShop: readonly ShopOrder[],
    options: Parameters<typeof reconcile>[2] = {},
    rules = rulesWith(),
    twice = false,
  ) => {
    const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders: inShop, pageSize: 2 });
    const readOrders = source.readOrders.bind(source);
    source.readOrders = async function* (query) {
      queries.push(query);
      let first: readonly SourcedOrder[] | undefined;
      for await (const page of readOrders(query)) {
        first ??= page;
        yield page;
      }
      if (twice && first) yield first;
    };
    // Calls made before the report (the counter is the process's) are not the report's.
    const counted = { webserviceCalls: () => 1_000 + source.calls };
    return reconcile({ source, target, store, clock, ...counted }, rules, options);
  };
  return { target, store, runId: summary.runId, numberOf, report, queries };
}

const kinds = (report: Awaited<ReturnType<typeof reconcile>>) =>
  report.differences.map((difference) => `${difference.key.orderId}:${difference.kind}`);

describe('reconcile', () => {
  it('finds nothing when the shop and the GesCom agree, over the last 30 days for "since the last import"', async () => {
    const { report, queries } = await setup([order(1), order(2)]);
    const result = await report([order(1), order(2)]);
    // Orders alone, without their messages: one call a page.
    expect(queries).toMatchObject([{ withMessages: false, ordersOnly: true }]);
    expect(result).toEqual({
      period: { from: '2026-10-29 00:00:00', to: '2026-11-27 23:59:59', dateField: 'date_add' },
      shopIds: [1],
      ordersChecked: 2,
      documentsChecked: 2,
      differences: [],
      webserviceCalls: 4,
    });
  });

  it('names each difference, the order gone from the shop last, with the run that imported it', async () => {
    const { target, report, numberOf, runId } = await setup([
      order(1),
      order(2),
      order(3),
      order(4),
      order(6, 10),
      order(7),
    ]);
    await target.releaseExternalKeys({ externalKeys: ['ps-1-2'] });
    await target.transformDocument(await numberOf(3), { type: 'delivery', status: 'confirmed' });
    await target.cancelDocument(await numberOf(6), 'Annulée à la main');
    // Now: 2's document is no longer the order's, 5 is new, 4 and 6 are gone (6's document cancelled),
    // 7 moved to a state the report does not read.
    const result = await report([order(1), order(2), order(3), order(5), order(7, 3)]);
    expect(kinds(result)).toEqual(['2:document-missing', '5:not-imported', '4:order-missing']);
    expect(result.ordersChecked).toBe(4);
    // BC 1, BL of 3, BC 4, 6 and 7: not 2's (released) nor 3's bon de commande (transformed since).
    expect(result.documentsChecked).toBe(5);
    const missing = result.differences[2]!;
    expect(missing).toMatchObject({
      kind: 'order-missing',
      key: { shopId: 1, orderId: 4 },
      order: undefined,
      document: { number: await numberOf(4), type: 'order', status: 'confirmed' },
      runId,
    });
    expect(missing.action).toMatch(/\S/);
    expect(result.differences[0]?.runId).toBe(runId);
    expect(result.differences[1]?.runId).toBeUndefined();
  });

  it('looks up the unread documents in the shop once per hundred', async () => {
    const orders = Array.from({ length: 101 }, (_, index) => order(index + 1));
    const { report } = await setup(orders);
    const result = await report([]);
    expect(result.differences).toHaveLength(101);
    expect(new Set(kinds(result))).toEqual(new Set(orders.map((o) => `${o.key.orderId}:order-missing`)));
    // The reference data (states, shops), one slim page, two batches of current states.
    expect(result.webserviceCalls).toBe(5);
  });

  it("reads the GesCom's documents of the period 500 at a time, to the last one", async () => {
    // 500 orders of the 20th, one of the 19th.
    const orders = Array.from({ length: 501 }, (_, index) =>
      index < 500 ? order(index + 1) : { ...order(index + 1), dateAdd: '2026-11-19 10:00:00' },
    );
    const { target, report } = await setup(orders);
    const asked: { limit: number | undefined; offset: number | undefined }[] = [];
    const listDocuments = target.listDocuments.bind(target);
    target.listDocuments = (filter) => {
      asked.push({ limit: filter.limit, offset: filter.offset });
      return listDocuments(filter);
    };
    // The shop still has the first order: the 500 others are gone, wherever their document was listed.
    const result = await report([orders[0]!]);
    expect(asked).toEqual([
      { limit: 500, offset: 0 },
      { limit: 500, offset: 500 },
    ]);
    expect(result.documentsChecked).toBe(501);
    expect(new Set(kinds(result))).toEqual(
      new Set(orders.slice(1).map((o) => `${o.key.orderId}:order-missing`)),
    );
    expect(result.differences).toHaveLength(500);

    // Exactly one page of documents (the 20th's): asked once.
    asked.length = 0;
    const onePage = await report([orders[0]!], { period: { from: '2026-11-20', to: '2026-11-20' } });
    expect(asked).toEqual([{ limit: 500, offset: 0 }]);
    expect(onePage.documentsChecked).toBe(500);
    expect(onePage.differences).toHaveLength(499);
  });

  it('stops at the first empty page of documents, whatever total the GesCom announced', async () => {
    const { target, report } = await setup([order(1), order(2)]);
    const offsets: (number | undefined)[] = [];
    const listDocuments = target.listDocuments.bind(target);
    // A GesCom whose count is ahead of its list (documents deleted between the two questions).
    target.listDocuments = async (filter) => {
      offsets.push(filter.offset);
      const { items } = await listDocuments(filter);
      return { items, total: 1_600 };
    };
    const result = await report([]);
    expect(offsets).toEqual([0, 500]);
    expect(kinds(result)).toEqual(['2:order-missing', '1:order-missing']);
  });

  it('keeps to the shops and the period asked', async () => {
    const { report } = await setup([order(1), order(2, 2, 2)]);
    const shopTwo = await report([], { shopIds: [2] });
    expect(kinds(shopTwo)).toEqual(['2:order-missing']);
    expect(shopTwo.documentsChecked).toBe(1);
    const october = await report([], { period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(october).toMatchObject({
      period: { from: '2026-10-01 00:00:00', to: '2026-10-31 23:59:59' },
      // The shop as it is now lists one shop: its documents only are checked.
      shopIds: [1],
      documentsChecked: 0,
      differences: [],
    });
    const today = await report(
      [],
      {},
      rulesWith({ period: { kind: 'today', dateField: 'invoice', overlapMinutes: 0 } }),
    );
    expect(today.period).toEqual({
      from: '2026-11-27 00:00:00',
      to: '2026-11-27 23:59:59',
      dateField: 'invoice_date',
    });
  });

  it('counts an order read twice once', async () => {
    const { report } = await setup([order(1), order(2), order(3)]);
    const result = await report([order(1), order(2), order(3)], {}, rulesWith(), true);
    expect(result).toMatchObject({ ordersChecked: 3, differences: [] });
  });

  it('checks the documents of the first day of the period, and names no run for a document the ledger forgot', async () => {
    const { report, store } = await setup([order(1)]);
    await store.resetImports({ keys: [{ shopId: 1, orderId: 1 }] }, 'test');
    const result = await report([], { period: { from: '2026-11-20', to: '2026-11-20' } });
    expect(result.documentsChecked).toBe(1);
    expect(result.differences).toMatchObject([{ kind: 'order-missing', runId: undefined }]);
  });

  it('reports no webservice calls when it cannot count them', async () => {
    const { target, store } = await setup([]);
    const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2 });
    const clock = new ManualClock('2026-11-27T10:00:00.000Z');
    const result = await reconcile({ source, target, store, clock }, rulesWith(), {});
    expect(result.webserviceCalls).toBeUndefined();
  });
});
