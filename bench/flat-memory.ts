/**
 * Benchmark "flat memory" (SPEC §8): navette's peak memory importing 100,000 orders against 1,000 (and
 * 10,000 between them, to show the trend). Each size gets a demo shop in one process (its data for
 * 100,000 orders is ~450 MB of heap, which must not be counted) and navette in another, which measures
 * its own peak RSS (kernel maxRSS) and heap (sampled every 50 ms) and reports them.
 *
 *   node dist/bench/bench/flat-memory.js [sizes=1000,1000,1000,10000,100000] [latencyMs=0]
 *
 * The first size is the reference; repeated, the median of its runs is: a single 1,000-order run's peak
 * moves by ±5–10 MB with V8's start-up (bench/README.md), a third of the goal's margin.
 *
 * The shop answers with no added latency by default: memory does not depend on it, and at 50 ms the
 * 100,000-order import alone would take about ten minutes.
 *
 * Goal (issue 9): the peak RSS for 100,000 orders is at most 1.2 times the peak for 1,000 (peak heap shown too).
 */
import { describeMachine, machineLine } from './lib/machine.js';
import { measureImport, type MeasuredImport } from './lib/measure-import.js';
import { describeComposition } from './lib/memory.js';
import { per100 } from './lib/setup.js';

const sizes = (process.argv[2] ?? '1000,1000,1000,10000,100000').split(',').map(Number);
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
  console.log(`         ${describeComposition(run.peak.atHighestSample)}`);
}

// The reference is the first size; given several times (`1000,1000,1000,100000`), the median of its
// runs: a short run peaks where V8's start-up puts it, ±10 MB from one run to the next.
const smallest = runs[0]!;
const largest = runs[runs.length - 1]!;
const repeated = runs.filter((run) => run.size === smallest.size && run !== largest);
const references = repeated.length > 0 ? repeated : [smallest];
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const referenceRss = median(references.map((run) => run.measured.run.peak.rssMB));
const referenceHeap = median(references.map((run) => run.measured.run.peak.heapUsedMB));
const rssRatio = largest.measured.run.peak.rssMB / referenceRss;
const heapRatio = largest.measured.run.peak.heapUsedMB / referenceHeap;
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
  reference: { size: smallest.size, runs: references.length, rssMB: referenceRss, heapUsedMB: referenceHeap },
  rssRatio: round(rssRatio),
  heapRatio: round(heapRatio),
  goalMet: rssRatio <= GOAL_RATIO,
};
console.log(
  `${largest.size} vs ${smallest.size} orders${references.length > 1 ? ` (median of ${references.length} runs)` : ''}: peak RSS ×${result.rssRatio}, peak heap ×${result.heapRatio} (goal: peak RSS ≤ ×${GOAL_RATIO}: ${result.goalMet ? 'met' : 'MISSED'})`,
);
console.log(JSON.stringify(result));
