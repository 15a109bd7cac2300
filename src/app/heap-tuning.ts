import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags that act only on node's command line, where `bin/navette.js`'s first line gives them
 * (`#!/usr/bin/env -S node …`, which npm's command shims on Windows read too): V8 sizes its young
 * generation when the process starts.
 *
 * A 2 MB semi-space instead of the 16 MB V8 grows to: the young generation is 4 MB instead of 32, and
 * V8 lets the old generation grow by that much less between full collections (it adds the young
 * generation's capacity to the room it leaves). Every run peaks ~20–30 MB lower, and a 100,000-order run
 * peaks at × 1.16–1.19 a 1,000-order one instead of × 1.16–1.27, for ~15 % more CPU (bench/README.md,
 * "Where the rest of the peak is"; 4 MB gave × 1.18–1.21).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/**
 * What navette keeps during a run is small and constant (~25–30 MB), but V8's default policy lets the
 * heap grow to up to four times what the last full collection kept before collecting again: in a long
 * import the peak then climbs with the length of the run (a 100,000-order import peaked at × 1.8 the
 * memory of a 1,000-order one, bench/README.md). Growing by 20 % at most between full collections keeps
 * it near flat for about a quarter more CPU than V8's default; `--optimize-for-size`, used before, kept
 * it as flat for twice the CPU (30,000 orders: 26.6 s by default, 33.8 s with this, 55.9 s with that),
 * as it also makes V8 compile and collect for size everywhere. The flag is read at each collection, so
 * setting it at run time acts (heap-size flags such as `--max-semi-space-size` would not: `NODE_FLAGS`).
 * Set first thing in the process, before the work allocates.
 *
 * What is left of the rise: V8 lets the old generation grow to what the last full collection kept plus
 * the larger of 20 % and 8 MB (a floor no flag changes), plus the young generation's capacity — a room
 * a long run fills and a short one does not.
 */
export function keepHeapFlat(): void {
  setFlagsFromString('--heap-growing-percent=20');
}
