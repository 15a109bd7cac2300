#!/usr/bin/env -S node --max-semi-space-size=2
// The built CLI lives in dist/ (npm run build); this shim keeps the bin path stable. Its first line
// gives node the flags only a command line can (NODE_FLAGS in src/app/heap-tuning.ts).
import { keepHeapFlat } from '../dist/app/heap-tuning.js';

// Before anything else allocates: a run's peak memory must not grow with its length.
keepHeapFlat();

// `navette runs ID --csv | head`: a reader that stops early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
