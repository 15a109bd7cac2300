/**
 * Benchmark "flat memory" (SPEC §8): navette's peak memory importing 100,000 orders against 1,000 (and
 * 10,000 between them, to show the trend). Each size gets a demo shop in one process (its data for
 * 100,000 orders is ~450 MB of heap, which must not be counted) and navette in another, which measures
 * its own peak RSS (kernel maxRSS) and heap (sampled every 50 ms) and reports them.
 *
 *   node dist/bench/bench/flat-memory.js [sizes=1000,10000,100000] [latencyMs=0]
 *
 * The shop answers with no added latency by default: memory does not depend on it, and at 50 ms the
 * 100,000-order import alone would take about ten minutes.
 *
 * Goal (issue 9): the peak RSS for 100,000 orders is at most 1.2 times the peak for 1,000 (peak heap shown too).
 */
import { describeMachine, machineLine } from './lib/machine.js';
import { measureImport, type MeasuredImport } from './lib/measure-import.js';
import { per100 } from './lib/setup.js';

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const latencyMs = Number(process.argv[3] ?? 0);
const GOAL_RATIO = 1.2;

const machine = describeMachine();
console.log(`flat-memory — ${machineLine(machine)} — shop latency ${latencyMs} ms/call`);
const runs: { size: number; measured: MeasuredImport }[] = [];
for (const size of sizes) {
  const measured = await measureImport(size, latencyMs);
  runs.push({ size, measured });
  const { run, shop } = measured;
  console.log(
    `${String(size).padStart(7)} orders: peak RSS ${run.peak.rssMB} MB, heap ${run.peak.heapUsedMB} MB, external ${run.peak.externalMB} MB, retained heap after GC ${run.retainedHeapMB} MB` +
      ` (after opening: RSS ${run.before.rssMB}, heap ${run.before.heapUsedMB}) — ${run.counts.imported} imported, ${run.counts.failed} failed,` +
      ` ${(run.wallMs / 1000).toFixed(1)} s (navette's CPU ${(run.cpuMs / 1000).toFixed(1)} s), ${per100(run.calls, run.counts.read)} calls/100 (shop generated in ${(shop.generatedMs / 1000).toFixed(1)} s)`,
  );
}

const smallest = runs[0]!;
const largest = runs[runs.length - 1]!;
const rssRatio = largest.measured.run.peak.rssMB / smallest.measured.run.peak.rssMB;
const heapRatio = largest.measured.run.peak.heapUsedMB / smallest.measured.run.peak.heapUsedMB;
const round = (value: number): number => Math.round(value * 100) / 100;
const result = {
  bench: 'flat-memory',
  machine,
  latencyMs,
  runs: runs.map(({ size, measured }) => ({
    size,
    imported: measured.run.counts.imported,
    failed: measured.run.counts.failed,
    wallMs: measured.run.wallMs,
    cpuMs: measured.run.cpuMs,
    calls: measured.run.calls,
    before: measured.run.before,
    peak: measured.run.peak,
    retainedHeapMB: measured.run.retainedHeapMB,
    shopGeneratedMs: measured.shop.generatedMs,
  })),
  rssRatio: round(rssRatio),
  heapRatio: round(heapRatio),
  goalMet: rssRatio <= GOAL_RATIO,
};
console.log(
  `${largest.size} vs ${smallest.size} orders: peak RSS ×${result.rssRatio}, peak heap ×${result.heapRatio} (goal: peak RSS ≤ ×${GOAL_RATIO}: ${result.goalMet ? 'met' : 'MISSED'})`,
);
console.log(JSON.stringify(result));
