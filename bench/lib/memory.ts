import { getHeapSpaceStatistics } from 'node:v8';

/** Peak memory of this process, in MB (10^6 bytes). */
export interface PeakMemory {
  /** Peak resident set size, from the kernel (`getrusage` maxRSS): exact, whatever the sampling. */
  readonly rssMB: number;
  /** Largest V8 heap in use seen by sampling every `intervalMs`. */
  readonly heapUsedMB: number;
  /** Largest memory outside the heap (Buffers, SQLite's pages…) seen by sampling. */
  readonly externalMB: number;
  /** What the process held at the sample of highest RSS: where a peak comes from. */
  readonly atHighestSample: MemoryComposition;
}

/**
 * The resident memory of one moment, split as V8 sees it. V8's spaces are what it has committed (pages
 * taken from the system), not what its objects use; `outsideHeapMB` is the rest of the resident memory:
 * node's own code, the C allocator's heaps (SQLite's pages, sockets' buffers, compilers' zones) and V8
 * pages freed but not yet given back.
 */
export interface MemoryComposition {
  readonly rssMB: number;
  readonly heapUsedMB: number;
  /** The young generation: semi-spaces and young large objects. */
  readonly youngMB: number;
  readonly oldMB: number;
  readonly largeObjectsMB: number;
  readonly codeMB: number;
  readonly arrayBuffersMB: number;
  readonly outsideHeapMB: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

/**
 * Samples `process.memoryUsage()` every `intervalMs` (50 ms). The heap is only seen when sampled, so a
 * spike shorter than the interval can be missed; the RSS peak comes from the kernel and cannot.
 */
export function startMemorySampler(intervalMs = 50): { stop(): PeakMemory } {
  let heapUsed = 0;
  let external = 0;
  let highest = composition(process.memoryUsage());
  const sample = (): void => {
    const usage = process.memoryUsage();
    heapUsed = Math.max(heapUsed, usage.heapUsed);
    external = Math.max(external, usage.external);
    if (usage.rss > highest.rssMB * 1e6) highest = composition(usage);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      // maxRSS is in kilobytes.
      return {
        rssMB: mb(process.resourceUsage().maxRSS * 1024),
        heapUsedMB: mb(heapUsed),
        externalMB: mb(external),
        atHighestSample: highest,
      };
    },
  };
}

function composition(usage: NodeJS.MemoryUsage): MemoryComposition {
  const committed = new Map(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]));
  const space = (...names: string[]): number =>
    mb(names.reduce((sum, name) => sum + (committed.get(name) ?? 0), 0));
  return {
    rssMB: mb(usage.rss),
    heapUsedMB: mb(usage.heapUsed),
    youngMB: space('new_space', 'new_large_object_space'),
    oldMB: space('old_space'),
    largeObjectsMB: space('large_object_space'),
    codeMB: space('code_space', 'code_large_object_space'),
    arrayBuffersMB: mb(usage.arrayBuffers),
    outsideHeapMB: mb(usage.rss - usage.heapTotal),
  };
}

/** `at its highest sampled RSS (166.5 MB, heap used 40.2): V8 committed young 8.4, old 44.8, …; outside V8's heap 102.2 MB`. */
export function describeComposition(at: MemoryComposition): string {
  return (
    `at its highest sampled RSS (${at.rssMB} MB, heap used ${at.heapUsedMB}): V8 committed young ${at.youngMB}, old ${at.oldMB},` +
    ` large objects ${at.largeObjectsMB}, code ${at.codeMB}; ArrayBuffers ${at.arrayBuffersMB}; outside V8's heap ${at.outsideHeapMB} MB`
  );
}
