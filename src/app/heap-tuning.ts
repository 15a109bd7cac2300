import { setFlagsFromString } from 'node:v8';

/**
 * What navette keeps during a run is small and constant (~25–30 MB), but V8's default policy lets the
 * heap grow to up to four times what the last full collection kept before collecting again: in a long
 * import the peak then climbs with the length of the run (a 100,000-order import peaked at × 1.8 the
 * memory of a 1,000-order one, bench/README.md). Growing by 20 % at most between full collections keeps
 * the peak nearly flat (× 1.16–1.23) for about a quarter more CPU than V8's default; `--optimize-for-size`,
 * used before, kept it as flat for twice the CPU (30,000 orders: 26.6 s by default, 33.8 s with this,
 * 55.9 s with that), as it also makes V8 compile and collect for size everywhere. The flag is read at
 * each collection, so setting it at run time acts (heap-size flags such as `--max-old-space-size` would
 * not). Set first thing in the process, before the work allocates.
 *
 * What is left of the rise (bench/README.md, "Where the rest of the peak is"): V8 lets the old generation
 * grow to what the last full collection kept plus the larger of 20 % and 8 MB, plus the young
 * generation's capacity (16 MB once a run has allocated enough, which even a 1,000-order run does) — a
 * headroom a long run fills and a short one does not. Neither term can be changed once the process has
 * started, nor can the C allocator's heap, the other part that grows (~8 MB).
 */
export function keepHeapFlat(): void {
  setFlagsFromString('--heap-growing-percent=20');
}
