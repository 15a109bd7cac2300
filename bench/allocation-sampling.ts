/**
 * Samples what navette's process allocates, the objects the garbage collector has already taken back
 * included (`--heap-prof` keeps only what is still alive at exit, which says nothing of garbage), and
 * writes a `.heapprofile` when the process exits. Loaded into the import child by `--import`:
 *
 *   BENCH_ALLOCATIONS_DIR=/tmp/alloc BENCH_IMPORT_NODE_ARGS="--import ./dist/bench/bench/allocation-sampling.js" \
 *     node dist/bench/bench/import.js 3000 0
 *   node dist/bench/bench/profile-summary.js /tmp/alloc
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env['BENCH_ALLOCATIONS_DIR'] ?? '.';
const session = new Session();
session.connect();
session.post('HeapProfiler.enable');
session.post('HeapProfiler.startSampling', {
  samplingInterval: 16_384,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
process.on('exit', () => {
  // The session of the process's own inspector answers at once, so the profile is written before exit.
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) console.error(`allocation sampling: ${error.message}`);
    else
      writeFileSync(join(folder, `allocations-${process.pid}.heapprofile`), JSON.stringify(result.profile));
  });
});
