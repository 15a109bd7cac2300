/**
 * Benchmark "order import" (SPEC §8 "Fast"): 10,000 demo orders, the shop answering in 50 ms per call,
 * imported into a fresh embedded GesCom on SQLite with every state selected. The shop runs in its own
 * process, so the memory shown is navette's alone.
 *
 *   node dist/bench/bench/import.js [orders=10000] [latencyMs=50]
 *
 * Goal (issue 9): at least 30,000 orders per minute at that latency, with at most 3 concurrent calls.
 */
import { describeMachine, machineLine } from './lib/machine.js';
import { measureImport } from './lib/measure-import.js';
import { LATENCY_MS, per100 } from './lib/setup.js';

const orders = Number(process.argv[2] ?? 10_000);
const latencyMs = Number(process.argv[3] ?? LATENCY_MS);
const GOAL_PER_MINUTE = 30_000;

const machine = describeMachine();
const { shop, shopCalls, run } = await measureImport(orders, latencyMs);
const perSecond = run.counts.read / (run.wallMs / 1000);
const perMinute = perSecond * 60;
const result = {
  bench: 'import',
  machine,
  orders: shop.orders,
  latencyMs,
  read: run.counts.read,
  imported: run.counts.imported,
  skipped: run.counts.skipped,
  failed: run.counts.failed,
  status: run.status,
  wallSeconds: Math.round(run.wallMs / 100) / 10,
  cpuSeconds: Math.round(run.cpuMs / 100) / 10,
  cpuMsPerOrder: Math.round((run.cpuMs / Math.max(1, run.counts.read)) * 100) / 100,
  ordersPerSecond: Math.round(perSecond),
  ordersPerMinute: Math.round(perMinute),
  calls: run.calls,
  shopCalls: shopCalls.total,
  callsPer100Orders: per100(run.calls, run.counts.read),
  callsByResource: run.callsByResource,
  stateChangesSent: run.stateChanges.sent,
  memoryBeforeRunMB: run.before,
  peakMemoryMB: run.peak,
  retainedHeapMB: run.retainedHeapMB,
  goalMet: perMinute >= GOAL_PER_MINUTE && run.counts.failed === 0,
};

console.log(`import — ${machineLine(machine)}`);
console.log(
  `${result.read} orders read (of ${result.orders}), ${result.imported} imported, ${result.skipped} skipped, ${result.failed} failed — shop latency ${latencyMs} ms/call`,
);
console.log(
  `${result.wallSeconds} s: ${result.ordersPerSecond} orders/s = ${result.ordersPerMinute} orders/min (goal ≥ ${GOAL_PER_MINUTE}/min: ${result.goalMet ? 'met' : 'MISSED'})`,
);
console.log(
  `navette's CPU: ${result.cpuSeconds} s = ${result.cpuMsPerOrder} ms an order (${Math.round(60_000 / Math.max(0.01, result.cpuMsPerOrder))} orders/min if nothing else ran)`,
);
console.log(
  `${result.calls} webservice calls (shop counted ${result.shopCalls}) = ${result.callsPer100Orders} per 100 orders; ${JSON.stringify(result.callsByResource)}`,
);
console.log(
  `peak memory: RSS ${run.peak.rssMB} MB, heap ${run.peak.heapUsedMB} MB, external ${run.peak.externalMB} MB (after opening: RSS ${run.before.rssMB} MB, heap ${run.before.heapUsedMB} MB; retained heap after the run and a GC: ${run.retainedHeapMB} MB)`,
);
console.log(JSON.stringify(result));
