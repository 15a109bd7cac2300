#!/usr/bin/env node
// The built CLI lives in dist/ (npm run build); this shim keeps the bin path stable.
import { main } from '../dist/cli/main.js';

// `navette runs ID --csv | head`: a reader that stops early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
