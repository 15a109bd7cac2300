/**
 * Benchmark "webservice client and demo shop" (SPEC §8 "Cheap on the shop"): reading everything needed
 * to import 10,000 orders, the shop answering in 50 ms per call, navette's page-wise pattern
 * (`readOrders`: a page of orders, then the related records of the whole page) against the per-order
 * pattern of common connectors (`lib/per-order-reader.ts`), same client, same concurrency (3).
 *
 *   node dist/bench/bench/read-orders.js [orders=10000] [sample=500]
 *
 * Three measures, one demo shop (in this process: only calls and wall time are measured here):
 *  1. navette over all orders at 50 ms: calls and wall time;
 *  2. the per-order pattern over all orders with **no latency**: its exact call count (latency changes
 *     no count; at 50 ms it would take about 10,000 × 6 calls × 50 ms / 3 ≈ 17 minutes);
 *  3. both over the same first `sample` orders at 50 ms: wall time at equal size.
 *
 * Goals: at most 10 calls per 100 orders for navette, and at least 20 times fewer calls than per order.
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
const GOAL_PER_100 = 10;
const GOAL_RATIO = 20;

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

/** navette's read, as `runImport` does it (customer messages included: the default configuration). */
async function navetteRead(to: string, latencyMs: number): Promise<Measure> {
  const source = createPrestaShopOrderSource({
    url: shop.url,
    key: shop.key,
    fetch: shop.fetch,
    clock: systemClock,
    concurrency: CONCURRENCY,
  });
  const query: OrderQuery = { shopIds: [], stateIds, dateField: 'date_add', from, to, withMessages: true };
  return measure(shop, latencyMs, async () => {
    let orders = 0;
    for await (const page of source.readOrders(query)) orders += page.length;
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
const navetteAll = await navetteRead(fullTo, LATENCY_MS);
console.log(line('navette, page-wise, all', navetteAll));
const perOrderAll = await perOrderRead(fullTo, 0);
console.log(line('per order, all (count only)', perOrderAll));
const navetteSample = await navetteRead(sampleTo, LATENCY_MS);
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
  sample: { navette: navetteSample, perOrder: perOrderSample },
  navetteCallsPer100: navettePer100,
  perOrderCallsPer100: per100(perOrderAll.calls, perOrderAll.orders),
  callRatio: Math.round(callRatio * 10) / 10,
  sampleWallRatio: Math.round(wallRatio * 10) / 10,
  goals: { per100: navettePer100 <= GOAL_PER_100, ratio: callRatio >= GOAL_RATIO },
};
console.log(
  `navette: ${navettePer100} calls per 100 orders (goal ≤ ${GOAL_PER_100}: ${result.goals.per100 ? 'met' : 'MISSED'})`,
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
