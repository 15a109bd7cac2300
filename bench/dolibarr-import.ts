/**
 * Benchmark "import into Dolibarr" (issue 10): generated demo orders imported into the simulated Dolibarr,
 * both sides answering in 50 ms per call, every state selected. Shop, Dolibarr and navette share this
 * process (both simulators in process, their latency waited for real).
 *
 *   node dist/bench/bench/dolibarr-import.js [orders=1000] [latencyMs=50] [concurrency=4]
 *
 * `concurrency` is `gescom.dolibarr.concurrency`, the orders written into Dolibarr at once (default 4).
 *
 * Goals: at most 4 Dolibarr calls per imported order, at least 1,000 orders per minute.
 */
import { openNavetteWithAdapters } from '../src/app/compose.js';
import { DolibarrClient } from '../src/adapters/dolibarr/dolibarr-client.js';
import { configSchema } from '../src/config/config-schema.js';
import { createDemoDolibarr } from '../src/demo-dolibarr/index.js';
import { createDemoShop } from '../src/demo-shop/index.js';
import { systemClock } from '../src/ports/clock.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { benchConfig, DEMO_NOW, LATENCY_MS, SEED } from './lib/setup.js';

const orders = Number(process.argv[2] ?? 1_000);
const latencyMs = Number(process.argv[3] ?? LATENCY_MS);
const concurrency = process.argv[4] === undefined ? undefined : Number(process.argv[4]);

const machine = describeMachine();
const shop = createDemoShop({ now: DEMO_NOW, generated: { seed: SEED, count: orders } });
shop.faults.set({ latencyMs });
const dolibarr = createDemoDolibarr({ now: () => DEMO_NOW });
// Multi-devises on, so that the generated orders in USD are written too (in USD), not refused.
dolibarr.setModule('multicurrency', true);
const setupClient = new DolibarrClient({
  url: dolibarr.url,
  key: dolibarr.key,
  fetch: dolibarr.fetch,
  clock: systemClock,
});
const bankAccountId = await setupClient.createBankAccount();
dolibarr.faults.configure({ latencyMs });
dolibarr.calls.reset();

const base = benchConfig(shop.url, ':memory:');
const config = configSchema.parse({
  ...base,
  gescom: {
    target: 'dolibarr',
    database: ':memory:',
    dolibarr: { url: dolibarr.url, bankAccountId, ...(concurrency !== undefined && { concurrency }) },
  },
  payments: { ...base.payments, defaultMode: 'CB' },
});
const navette = await openNavetteWithAdapters(config, {
  fetch: shop.fetch,
  shopKey: shop.key,
  dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
});
const started = performance.now();
const cpuBefore = process.cpuUsage();
const run = await navette.runImport({ trigger: 'cli', dryRun: false });
const wallMs = performance.now() - started;
// navette and both simulators share this process: its CPU time against the wall time tells a run that
// waited on the 50 ms calls from one that waited for a core (a loaded machine).
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = Math.round((cpu.user + cpu.system) / 100_000) / 10;
// What failed, by reason (the first words of each), to tell a bug from a refusal.
const failures = new Map<string, number>();
for await (const outcome of navette.runOutcomes(run.runId))
  if (outcome.status === 'failed') {
    const reason = `${outcome.code}: ${(outcome.reason ?? '').slice(0, 120)}`;
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
  }
await navette.close();

const written = run.counts.imported + run.counts.upgraded;
const dolibarrCalls = dolibarr.calls.total();
const perMinute = run.counts.read / (wallMs / 60_000);
const result = {
  bench: 'dolibarr-import',
  machine,
  latencyMs,
  concurrency: config.gescom.dolibarr?.concurrency,
  read: run.counts.read,
  imported: run.counts.imported,
  skipped: run.counts.skipped,
  failed: run.counts.failed,
  status: run.status,
  fatal: run.fatal,
  wallSeconds: Math.round(wallMs / 100) / 10,
  ordersPerMinute: Math.round(perMinute),
  cpuSeconds,
  shopCalls: run.webserviceCalls,
  dolibarrCalls,
  /** What the run's own report says it cost Dolibarr (must equal what the simulator counted). */
  reportedDolibarrCalls: run.gescomCalls?.total,
  reportedDolibarrCallsByResource: run.gescomCalls?.byResource,
  dolibarrCallsPerImportedOrder: written === 0 ? null : Math.round((dolibarrCalls / written) * 100) / 100,
  dolibarrCallsByEndpoint: dolibarr.calls.byResourceAndMethod(),
  failures: Object.fromEntries(failures),
  goalMet: perMinute >= 1_000 && written > 0 && dolibarrCalls / written <= 4,
};
console.log(`dolibarr-import — ${machineLine(machine)}`);
console.log(
  `${result.read} orders read, ${result.imported} imported, ${result.skipped} skipped, ${result.failed} failed — ${latencyMs} ms/call on both sides, ${result.concurrency} orders written at once`,
);
console.log(
  `${result.wallSeconds} s (process CPU ${cpuSeconds} s) = ${result.ordersPerMinute} orders/min; Dolibarr ${dolibarrCalls} calls = ${result.dolibarrCallsPerImportedOrder} per imported order; shop ${result.shopCalls} calls (goal ≤ 4 Dolibarr calls/order, ≥ 1,000 orders/min: ${result.goalMet ? 'met' : 'MISSED'})`,
);
console.log(JSON.stringify(result));
