/**
 * Benchmark "status sweep" (issue 11, SPEC §6 "Cheap"): 10,000 generated orders imported into a fresh
 * embedded GesCom on SQLite, then 100 of its bons de commande transformed into bons de livraison with a
 * tracking number (as the GesCom's users do), then `sweepStatuses()` — what `navette status-updates`,
 * the page's button and the scheduler run — with the shop answering in 50 ms per call.
 *
 *   node dist/bench/bench/status-sweep.js [orders=10000] [transformed=100] [latencyMs=50]
 *
 * The import runs with no added latency (it is measured by import.ts); only the sweeps are at 50 ms.
 * Measured: calls to the shop (counted by the shop and by navette's side) and wall time of the sweep over
 * the 100 transformations, then of a second sweep with nothing new (goal: 0 calls).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNavette } from '../src/app/compose.js';
import type { StatusSweepReport } from '../src/app/navette.js';
import { configSchema } from '../src/config/config-schema.js';
import { createDemoShop } from '../src/demo-shop/index.js';
import { systemClock } from '../src/ports/clock.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { CountingFetch, DEMO_NOW, LATENCY_MS, SEED, benchConfig, per100 } from './lib/setup.js';

const orders = Number(process.argv[2] ?? 10_000);
const transformedCount = Number(process.argv[3] ?? 100);
const latencyMs = Number(process.argv[4] ?? LATENCY_MS);

/** SPEC §6 as the tests set it: Commande → 3, Livraison → Expédié (4), Facture → 5, tracking on. */
const STATUS_UPDATES = {
  onOrder: 3,
  onDelivery: 4,
  onInvoice: 5,
  sendEmail: false,
  tracking: { enabled: true, sendEmail: false, setStateTo: null },
};

interface SweepMeasure {
  readonly report: StatusSweepReport;
  readonly wallMs: number;
  readonly shopCalls: number;
  readonly calls: number;
  readonly callsByResource: Record<string, number>;
}

const machine = describeMachine();
const shop = createDemoShop({ now: DEMO_NOW, generated: { seed: SEED, count: orders } });
const counting = new CountingFetch(shop.fetch);
const dir = await mkdtemp(join(tmpdir(), 'navette-bench-sweep-'));
const config = configSchema.parse({
  ...benchConfig(shop.url, join(dir, 'gescom.db')),
  statusUpdates: STATUS_UPDATES,
});
const navette = await openNavette(config, { fetch: counting.fetch, shopKey: shop.key, clock: systemClock });

async function sweep(): Promise<SweepMeasure> {
  shop.calls.reset();
  counting.reset();
  const started = performance.now();
  const report = await navette.sweepStatuses();
  return {
    report,
    wallMs: Math.round(performance.now() - started),
    shopCalls: shop.calls.total(),
    calls: counting.total(),
    callsByResource: counting.byResource(),
  };
}

try {
  const importStarted = performance.now();
  const summary = await navette.runImport({ trigger: 'cli', dryRun: false });
  const importSeconds = Math.round((performance.now() - importStarted) / 100) / 10;
  const { items, total: documents } = await navette.listDocuments({ limit: orders * 2 });
  const candidates = items.filter(
    (item) => item.type === 'order' && item.transformedInto === undefined && !item.cancelled,
  );
  // Paid orders first ("Paiement accepté"): a delivery moves them to « Expédié », the case to measure;
  // an order already delivered keeps its state (the journal says why), only its tracking number is sent.
  const paid = (externalKey: string) =>
    shop.data.order(Number(externalKey.split('-')[2]))?.currentState === 2 ? 0 : 1;
  const chosen = [...candidates]
    .sort((a, b) => paid(a.externalKey) - paid(b.externalKey))
    .slice(0, transformedCount);
  const transformStarted = performance.now();
  for (const [index, document] of chosen.entries())
    await navette.transformDocument(document.number, {
      to: 'delivery',
      trackingNumber: `6A${String(index).padStart(11, '0')}`,
    });
  const transformMs = Math.round(performance.now() - transformStarted);

  shop.faults.set({ latencyMs });
  const first = await sweep();
  const second = await sweep();
  // What the journal says of each order, numbers blanked: why a state was or was not sent.
  const journal: Record<string, number> = {};
  for (const entry of await navette.statusJournal(transformedCount * 10)) {
    const kind = entry.message.replace(/\b[A-Z]{0,3}\d[\dA-Z-]*\b/g, '#');
    journal[kind] = (journal[kind] ?? 0) + 1;
  }
  const result = {
    bench: 'status-sweep',
    machine,
    orders,
    imported: summary.counts.imported,
    importSeconds,
    documents,
    transformed: chosen.length,
    transformMs,
    latencyMs,
    first: { ...first, wallSeconds: Math.round(first.wallMs / 100) / 10 },
    second,
    journal,
    callsPer100Transformed: per100(first.calls, chosen.length),
    goalMet: second.shopCalls === 0 && first.report.failed === 0,
  };
  console.log(`status-sweep — ${machineLine(machine)}`);
  console.log(
    `${summary.counts.imported} orders imported of ${orders} (${importSeconds} s, no latency) → ${documents} documents; ${chosen.length} bons de commande transformed into deliveries with a tracking number (${transformMs} ms)`,
  );
  const line = (name: string, measure: SweepMeasure) =>
    `${name}: ${measure.report.transformations} transformations read, ${measure.report.queued} queued, ${measure.report.sent} sent, ${measure.report.skipped} not sent, ${measure.report.failed} failed — ${measure.wallMs} ms, ${measure.shopCalls} calls (navette counted ${measure.calls}) ${JSON.stringify(measure.callsByResource)}`;
  console.log(`shop latency ${latencyMs} ms/call`);
  console.log(line('sweep after the transformations', first));
  console.log(line('second sweep, nothing new', second));
  for (const [kind, count] of Object.entries(journal)) console.log(`  journal ×${count}: ${kind}`);
  console.log(
    `${result.callsPer100Transformed} calls per 100 transformed documents; nothing new → ${second.shopCalls} calls (goal 0: ${result.goalMet ? 'met' : 'MISSED'})`,
  );
  console.log(JSON.stringify(result));
} finally {
  await navette.close();
  await rm(dir, { recursive: true, force: true });
}
