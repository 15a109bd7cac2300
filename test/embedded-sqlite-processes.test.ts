import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/adapters/embedded/database.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

/**
 * Real processes on one SQLite file. The adapter is compiled to test-output/ (tsx is not available) and
 * two `node` processes import the same orders and fight for the run lock at the same time.
 */
describe('two processes on one SQLite file', () => {
  const output = join(root, 'test-output', `embedded-processes-${process.pid}`);
  const folder = mkdtempSync(join(tmpdir(), 'navette-processes-'));
  const file = join(folder, 'navette.db');
  const worker = join(output, 'worker.mjs');

  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    const tsconfig = join(output, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          outDir: output,
          rootDir: root,
          noEmit: false,
          declaration: false,
          sourceMap: false,
        },
        include: [],
        files: [
          join(root, 'src/adapters/embedded/gescom/embedded-gescom.ts'),
          join(root, 'src/adapters/embedded/store/sql-sync-store.ts'),
          join(root, 'test/contract/sample-documents.ts'),
        ],
      }),
    );
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
      cwd: root,
    });
    writeFileSync(
      worker,
      `
import { openDatabase } from './src/adapters/embedded/database.js';
import { EmbeddedGescom } from './src/adapters/embedded/gescom/embedded-gescom.js';
import { SqlSyncStore } from './src/adapters/embedded/store/sql-sync-store.js';
import { systemClock } from './src/ports/clock.js';
import { draft, record } from './test/contract/sample-documents.js';

const [file, name, count] = process.argv.slice(2);
const database = await openDatabase(file);
const target = new EmbeddedGescom(database, systemClock);
const store = new SqlSyncStore(database, systemClock);
const lock = await store.acquireLock('import', name, 60_000);
let imported = 0;
let refused = 0;
for (let orderId = 1; orderId <= Number(count); orderId += 1) {
  const key = { shopId: 1, orderId };
  try {
    await target.importDocument(draft(key), record(key, { runId: name }));
    imported += 1;
  } catch (error) {
    if (error.code !== 'already-imported') throw error;
    refused += 1;
  }
}
await database.close();
console.log(JSON.stringify({ lock, imported, refused }));
`,
    );
  }, 120_000);

  afterAll(() => {
    rmSync(output, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('never both succeed', async () => {
    const count = 60;
    const results = await Promise.all(
      ['alpha', 'beta', 'gamma'].map(async (name) => {
        const { stdout } = await run(process.execPath, [worker, file, name, String(count)], { cwd: output });
        return JSON.parse(stdout) as { lock: boolean; imported: number; refused: number };
      }),
    );
    expect(results.filter((result) => result.lock)).toHaveLength(1);
    expect(results.reduce((total, result) => total + result.imported, 0)).toBe(count);
    expect(results.every((result) => result.imported + result.refused === count)).toBe(true);

    const database = await openDatabase(file);
    try {
      const documents = await database.db
        .selectFrom('documents')
        .select(['number', 'external_key'])
        .execute();
      expect(documents).toHaveLength(count);
      expect(new Set(documents.map((document) => document.number)).size).toBe(count);
      expect(new Set(documents.map((document) => document.external_key)).size).toBe(count);
      const ledger = await database.db.selectFrom('import_ledger').select('order_id').execute();
      expect(ledger).toHaveLength(count);
    } finally {
      await database.close();
    }
  }, 60_000);
});
