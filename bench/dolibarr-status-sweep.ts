/**
 * Benchmark "status sweep over Dolibarr" (issue 11, SPEC §6 "Cheap"): generated demo orders imported into
 * the simulated Dolibarr (no latency: dolibarr-import.ts measures that), then `transformed` of its
 * validated orders shipped in Dolibarr with a tracking number (as Dolibarr's own screens do, over its
 * REST API), then `sweepStatuses()` with both sides answering in 50 ms per call, then a second sweep with
 * nothing new.
 *
 *   node dist/bench/bench/dolibarr-status-sweep.js [orders=1000] [transformed=100] [latencyMs=50]
 *
 * Goal: nothing new → 0 calls to the shop and one call to Dolibarr per kind (shipments, invoices, orders).
 */
import { z } from 'zod';
import { openNavetteWithAdapters } from '../src/app/compose.js';
import type { StatusSweepReport } from '../src/app/navette.js';
import { DolibarrClient } from '../src/adapters/dolibarr/dolibarr-client.js';
import { configSchema } from '../src/config/config-schema.js';
import { createDemoDolibarr } from '../src/demo-dolibarr/index.js';
import { createDemoShop } from '../src/demo-shop/index.js';
import { systemClock } from '../src/ports/clock.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { benchConfig, DEMO_NOW, LATENCY_MS, SEED } from './lib/setup.js';

const orders = Number(process.argv[2] ?? 1_000);
const transformedCount = Number(process.argv[3] ?? 100);
const latencyMs = Number(process.argv[4] ?? LATENCY_MS);

interface SweepMeasure {
  readonly report: StatusSweepReport;
  readonly wallMs: number;
  readonly shopCalls: number;
  readonly dolibarrCalls: number;
  readonly dolibarrCallsByEndpoint: Record<string, Record<string, number>>;
}

const machine = describeMachine();
const shop = createDemoShop({ now: DEMO_NOW, generated: { seed: SEED, count: orders } });
// Dolibarr's clock moves on 5 minutes per sweep, as between sweeps scheduled every 5 minutes (more than
// the cursor's 2-minute margin: what was reported is not listed again).
let dolibarrNow = DEMO_NOW.getTime();
const dolibarr = createDemoDolibarr({ now: () => new Date(dolibarrNow) });
dolibarr.setModule('expedition', true);
const client = new DolibarrClient({
  url: dolibarr.url,
  key: dolibarr.key,
  fetch: dolibarr.fetch,
  clock: systemClock,
});
const bankAccountId = await client.createBankAccount();
const base = benchConfig(shop.url, ':memory:');
const config = configSchema.parse({
  ...base,
  gescom: { target: 'dolibarr', database: ':memory:', dolibarr: { url: dolibarr.url, bankAccountId } },
  payments: { ...base.payments, defaultMode: 'CB' },
  statusUpdates: {
    onOrder: 3,
    onDelivery: 4,
    onInvoice: 5,
    sendEmail: false,
    tracking: { enabled: true, sendEmail: false, setStateTo: null },
  },
});
const navette = await openNavetteWithAdapters(config, {
  fetch: shop.fetch,
  shopKey: shop.key,
  dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
});

async function sweep(): Promise<SweepMeasure> {
  dolibarrNow += 300_000;
  shop.calls.reset();
  dolibarr.calls.reset();
  const started = performance.now();
  const report = await navette.sweepStatuses();
  return {
    report,
    wallMs: Math.round(performance.now() - started),
    shopCalls: shop.calls.total(),
    dolibarrCalls: dolibarr.calls.total(),
    dolibarrCallsByEndpoint: dolibarr.calls.byResourceAndMethod(),
  };
}

try {
  const importStarted = performance.now();
  const summary = await navette.runImport({ trigger: 'cli', dryRun: false });
  const importSeconds = Math.round((performance.now() - importStarted) / 100) / 10;
  const primed = await sweep();
  // Paid orders first ("Paiement accepté"): a shipment moves them to « Expédié », the case to measure.
  const validated = [...dolibarr.store.documents.commande.values()].filter(
    (doc) => String(doc.row.ref_ext).startsWith('ps-') && doc.row.status === '1',
  );
  const paid = (refExt: unknown) =>
    shop.data.order(Number(String(refExt).split('-')[2]))?.currentState === 2 ? 0 : 1;
  const chosen = validated
    .sort((a, b) => paid(a.row.ref_ext) - paid(b.row.ref_ext))
    .slice(0, transformedCount);
  dolibarrNow += 60_000;
  const shipStarted = performance.now();
  for (const [index, order] of chosen.entries()) {
    const id = await client.create('shipments', {
      socid: Number(order.row.socid),
      origin_id: order.id,
      origin_type: 'commande',
      tracking_number: `6A${String(index).padStart(11, '0')}`,
      lines: order.lines.map((line) => ({ origin_line_id: line.id, qty: Number(line.row.qty) })),
    });
    await client.action(`shipments/${id}/validate`, z.unknown());
  }
  const shipMs = Math.round(performance.now() - shipStarted);

  shop.faults.set({ latencyMs });
  dolibarr.faults.configure({ latencyMs });
  const first = await sweep();
  const second = await sweep();
  const result = {
    bench: 'dolibarr-status-sweep',
    machine,
    orders,
    imported: summary.counts.imported,
    importSeconds,
    primed: { transformations: primed.report.transformations, shopCalls: primed.shopCalls },
    shipped: chosen.length,
    shipMs,
    latencyMs,
    first,
    second,
    goalMet:
      second.shopCalls === 0 &&
      second.dolibarrCalls === 3 &&
      first.report.failed === 0 &&
      first.report.transformations === chosen.length,
  };
  console.log(`dolibarr-status-sweep — ${machineLine(machine)}`);
  console.log(
    `${summary.counts.imported} orders imported of ${orders} (${importSeconds} s, no latency); ${chosen.length} orders shipped in Dolibarr with a tracking number (${shipMs} ms)`,
  );
  const line = (name: string, measure: SweepMeasure) =>
    `${name}: ${measure.report.transformations} transformations read, ${measure.report.queued} queued, ${measure.report.sent} sent, ${measure.report.skipped} not sent, ${measure.report.failed} failed — ${measure.wallMs} ms, shop ${measure.shopCalls} calls, Dolibarr ${measure.dolibarrCalls} calls ${JSON.stringify(measure.dolibarrCallsByEndpoint)}`;
  console.log(`latency ${latencyMs} ms/call on both sides`);
  console.log(line('sweep after the shipments', first));
  console.log(line('second sweep, nothing new', second));
  console.log(
    `nothing new → shop ${second.shopCalls} calls, Dolibarr ${second.dolibarrCalls} (goal 0 and 3: ${result.goalMet ? 'met' : 'MISSED'})`,
  );
  console.log(JSON.stringify(result));
} finally {
  await navette.close();
}
