/**
 * One navette import, measured from inside its own process: a fresh embedded GesCom (SQLite file in a
 * temporary folder), every state selected, the shop at `url`. Nothing else lives in this process, so
 * its peak memory is navette's.
 *
 *   node --expose-gc import-child.js <shopUrl> <key>
 *
 * Prints one JSON line: `ImportMeasure`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNavette } from '../../src/app/compose.js';
import { keepHeapFlat } from '../../src/app/heap-tuning.js';
import { systemClock } from '../../src/ports/clock.js';
import type { OutcomeCounts, StateChangeCounts } from '../../src/domain/import-report.js';
import { startMemorySampler, type PeakMemory } from '../lib/memory.js';
import { CountingFetch, benchConfig } from '../lib/setup.js';

export interface ImportMeasure {
  readonly counts: OutcomeCounts;
  readonly stateChanges: StateChangeCounts;
  readonly status: string;
  readonly fatal: string | undefined;
  readonly wallMs: number;
  /**
   * CPU time navette's process spent on the run (user + system): on a machine shared with other work,
   * wall time measures the others too, CPU time much less so.
   */
  readonly cpuMs: number;
  readonly calls: number;
  readonly callsByResource: Record<string, number>;
  /** After navette is open, before the run: what the run itself adds is `peak - before`. */
  readonly before: { readonly rssMB: number; readonly heapUsedMB: number };
  readonly peak: PeakMemory;
  /** Heap still in use after the run and a full garbage collection: what navette holds, not what V8 lets lie. */
  readonly retainedHeapMB: number | undefined;
}

// As the navette command does (bin/navette.js): measure the product as it runs.
keepHeapFlat();
const [url, key] = process.argv.slice(2);
if (url === undefined || key === undefined) {
  process.stderr.write('usage: import-child.js <shopUrl> <key>\n');
  process.exit(2);
}

const sampler = startMemorySampler(50);
const dir = await mkdtemp(join(tmpdir(), 'navette-bench-'));
const counting = new CountingFetch((input, init) => fetch(input, init));
// The real clock: the period is a fixed custom one, and the run's duration must be real time.
const navette = await openNavette(benchConfig(url, join(dir, 'gescom.db')), {
  fetch: counting.fetch,
  shopKey: key,
  clock: systemClock,
});
const usage = process.memoryUsage();
const before = { rssMB: Math.round(usage.rss / 1e5) / 10, heapUsedMB: Math.round(usage.heapUsed / 1e5) / 10 };
try {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = await navette.runImport({ trigger: 'cli', dryRun: false });
  const wallMs = Math.round(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  const measure: ImportMeasure = {
    counts: summary.counts,
    stateChanges: summary.stateChanges,
    status: summary.status,
    fatal: summary.fatal?.message,
    wallMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    calls: counting.total(),
    callsByResource: counting.byResource(),
    before,
    peak: sampler.stop(),
    retainedHeapMB: retainedHeap(),
  };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
} finally {
  await navette.close();
  await rm(dir, { recursive: true, force: true });
}

/** After the peak is taken: a forced collection must not lower the peak it measures. */
function retainedHeap(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return undefined;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
}
