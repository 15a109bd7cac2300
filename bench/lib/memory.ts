/** Peak memory of this process, in MB (10^6 bytes). */
export interface PeakMemory {
  /** Peak resident set size, from the kernel (`getrusage` maxRSS): exact, whatever the sampling. */
  readonly rssMB: number;
  /** Largest V8 heap in use seen by sampling every `intervalMs`. */
  readonly heapUsedMB: number;
  /** Largest memory outside the heap (Buffers, SQLite's pages…) seen by sampling. */
  readonly externalMB: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

/**
 * Samples `process.memoryUsage()` every `intervalMs` (50 ms). The heap is only seen when sampled, so a
 * spike shorter than the interval can be missed; the RSS peak comes from the kernel and cannot.
 */
export function startMemorySampler(intervalMs = 50): { stop(): PeakMemory } {
  let heapUsed = 0;
  let external = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    heapUsed = Math.max(heapUsed, usage.heapUsed);
    external = Math.max(external, usage.external);
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
      };
    },
  };
}
