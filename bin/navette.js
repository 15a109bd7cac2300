#!/usr/bin/env node
// The built CLI lives in dist/ (npm run build); this shim keeps the bin path stable.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
