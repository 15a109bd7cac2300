/**
 * Benchmark "webservice client and demo shop" (SPEC §8 "Cheap on the shop", issue 9): reading everything
 * needed to import 10,000 orders, the shop answering in 50 ms per call, navette's pattern as a run reads
 * (`readOrderHeaders`: slim pages, then `completeOrders`: the orders to import read whole, batch by
 * batch, with the related records of each batch) against the per-order pattern of common connectors
 * (`lib/per-order-reader.ts`), same client, same concurrency (3).
 *
 *   node dist/bench/bench/read-orders.js [orders=10000] [sample=500]
 *
 * Four measures, one demo shop (in this process: only calls and wall time are measured here):
 *  1. navette over all orders at 50 ms: calls and wall time; then the same source (as a `navette serve`
 *     process keeps it) reading the same period again when nothing is new: its slim pages only;
 *  2. the per-order pattern over all orders with **no latency**: its exact call count (latency changes
 *     no count; at 50 ms it would take about 10,000 × 6 calls × 50 ms / 3 ≈ 17 minutes);
 *  3. both over the same first `sample` orders at 50 ms: wall time at equal size.
 *
 * Goals (issue 9): at most 3 calls per 100 orders for navette, one call when nothing is new (up to a
 * slim page, 2,000 orders), and at least 150 times fewer calls than per order.
 */
import { createPrestaShopOrderSource } from '../src/adapters/prestashop/prestashop-order-source.js';
import { WebserviceClient } from '../src/adapters/prestashop/webservice-client.js';
import { createDemoShop, type DemoShop } from '../src/demo-shop/index.js';
import type { OrderQuery } from '../src/ports/order-source.js';
import { systemClock } from '../src/ports/clock.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { readPerOrder } from './lib/per-order-reader.js';
import { DEMO_NOW, LATENCY_MS, PERIOD, SEED, per100 } from './lib/setup.js';

const total = Number(process.argv[2] ?? 10_000);
const sampleSize = Number(process.argv[3] ?? 500);
const CONCURRENCY = 3;
const GOAL_PER_100 = 3;
const GOAL_RATIO = 150;

interface Measure {
  readonly orders: number;
  readonly calls: number;
  readonly callsByResource: Record<string, number>;
  readonly wallMs: number;
  readonly latencyMs: number;
}

const machine = describeMachine();
const shop = createDemoShop({ now: DEMO_NOW, generated: { seed: SEED, count: total } });
const stateIds = [...shop.data.table('order_states').keys()];
const from = `${PERIOD.from} 00:00:00`;
const fullTo = `${PERIOD.to} 23:59:59`;
// The sample: the first orders by (date_add, id), which both patterns select by the same period.
const sampleTo = [...shop.data.orders()].map((order) => order.dateAdd).sort()[sampleSize - 1] ?? fullTo;

const newSource = () =>
  createPrestaShopOrderSource({
    url: shop.url,
    key: shop.key,
    fetch: shop.fetch,
    clock: systemClock,
    concurrency: CONCURRENCY,
  });

/**
 * navette's read, as `runImport` does it (customer messages included: the default configuration): the
 * states and shops, slim pages, and every order read whole (all are new) — or none (`nothing new`).
 */
async function navetteRead(
  source: ReturnType<typeof newSource>,
  to: string,
  latencyMs: number,
  nothingNew = false,
): Promise<Measure> {
  const query: OrderQuery = { shopIds: [], stateIds, dateField: 'date_add', from, to, withMessages: true };
  return measure(shop, latencyMs, async () => {
    await Promise.all([source.orderStates(), source.shops()]);
    let orders = 0;
    for await (const headers of source.readOrderHeaders(query)) {
      orders += nothingNew ? headers.length : (await source.completeOrders(headers, query)).length;
    }
    return orders;
  });
}

async function perOrderRead(to: string, latencyMs: number): Promise<Measure> {
  const client = new WebserviceClient({
    url: shop.url,
    key: shop.key,
    fetch: shop.fetch,
    clock: systemClock,
    concurrency: CONCURRENCY,
  });
  return measure(shop, latencyMs, () => readPerOrder(client, { stateIds, from, to }, () => undefined));
}

/** The shop counts the calls it receives: the same counter for both patterns. */
async function measure(demo: DemoShop, latencyMs: number, read: () => Promise<number>): Promise<Measure> {
  demo.faults.set({ latencyMs });
  demo.calls.reset();
  const started = performance.now();
  const orders = await read();
  const wallMs = Math.round(performance.now() - started);
  return { orders, calls: demo.calls.total(), callsByResource: demo.calls.byResource(), wallMs, latencyMs };
}

const line = (name: string, m: Measure): string =>
  `${name.padEnd(34)} ${String(m.orders).padStart(6)} orders ${String(m.calls).padStart(6)} calls ${String(
    per100(m.calls, m.orders),
  ).padStart(6)} /100 orders ${(m.wallMs / 1000).toFixed(1).padStart(7)} s  (${m.latencyMs} ms/call)`;

console.log(`read-orders — ${machineLine(machine)}`);
const kept = newSource();
const navetteAll = await navetteRead(kept, fullTo, LATENCY_MS);
console.log(line('navette, page-wise, all', navetteAll));
const nothingNewTo = [...shop.data.orders()].map((order) => order.dateAdd).sort()[1899] ?? fullTo;
const nothingNew = await navetteRead(kept, nothingNewTo, LATENCY_MS, true);
console.log(line('navette, nothing new (same process)', nothingNew));
const perOrderAll = await perOrderRead(fullTo, 0);
console.log(line('per order, all (count only)', perOrderAll));
const navetteSample = await navetteRead(newSource(), sampleTo, LATENCY_MS);
console.log(line(`navette, page-wise, first ${navetteSample.orders}`, navetteSample));
const perOrderSample = await perOrderRead(sampleTo, LATENCY_MS);
console.log(line(`per order, first ${perOrderSample.orders}`, perOrderSample));

const navettePer100 = per100(navetteAll.calls, navetteAll.orders);
const callRatio = perOrderAll.calls / navetteAll.calls;
const wallRatio = perOrderSample.wallMs / navetteSample.wallMs;
const result = {
  bench: 'read-orders',
  machine,
  orders: total,
  navette: navetteAll,
  perOrder: perOrderAll,
  nothingNew,
  sample: { navette: navetteSample, perOrder: perOrderSample },
  navetteCallsPer100: navettePer100,
  perOrderCallsPer100: per100(perOrderAll.calls, perOrderAll.orders),
  callRatio: Math.round(callRatio * 10) / 10,
  sampleWallRatio: Math.round(wallRatio * 10) / 10,
  goals: {
    per100: navettePer100 <= GOAL_PER_100,
    ratio: callRatio >= GOAL_RATIO,
    nothingNew: nothingNew.calls === 1,
  },
};
console.log(
  `navette: ${navettePer100} calls per 100 orders (goal ≤ ${GOAL_PER_100}: ${result.goals.per100 ? 'met' : 'MISSED'})`,
);
console.log(
  `nothing new among ${nothingNew.orders} orders: ${nothingNew.calls} call(s) (goal 1: ${result.goals.nothingNew ? 'met' : 'MISSED'})`,
);
console.log(
  `calls, all ${total} orders: per order ${perOrderAll.calls} / navette ${navetteAll.calls} = ${result.callRatio}× fewer (goal ≥ ${GOAL_RATIO}×: ${result.goals.ratio ? 'met' : 'MISSED'})`,
);
console.log(
  `wall time, same ${perOrderSample.orders} orders at ${LATENCY_MS} ms: per order ${(perOrderSample.wallMs / 1000).toFixed(1)} s / navette ${(navetteSample.wallMs / 1000).toFixed(1)} s = ${result.sampleWallRatio}× faster`,
);
console.log(`navette calls by resource: ${JSON.stringify(navetteAll.callsByResource)}`);
console.log(`per-order calls by resource: ${JSON.stringify(perOrderAll.callsByResource)}`);
console.log(JSON.stringify(result));
