import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type EmbeddedDatabase } from '../src/adapters/embedded/database.js';
import { EmbeddedGescom } from '../src/adapters/embedded/gescom/embedded-gescom.js';
import { writeImportRecord } from '../src/adapters/embedded/store/import-record-writer.js';
import { SqlSyncStore } from '../src/adapters/embedded/store/sql-sync-store.js';
import type { Clock } from '../src/ports/clock.js';
import type { GescomTargetUnderTest } from './contract/gescom-target.contract.js';
import { ManualClock } from './contract/manual-clock.js';
import type { SyncStoreUnderTest } from './contract/sync-store.contract.js';

/** The embedded GesCom and its store over one database, as the contract suites want them. */
export function embeddedUnderTest(
  database: EmbeddedDatabase,
  clock: Clock,
  release: () => Promise<void>,
): GescomTargetUnderTest & SyncStoreUnderTest & { database: EmbeddedDatabase } {
  const target = new EmbeddedGescom(database, clock);
  const store = new SqlSyncStore(database, clock, { maxAttempts: 4, outcomePageSize: 700 });
  return {
    database,
    target,
    store,
    writeImport: (record, document) =>
      database.db
        .transaction()
        .execute((trx) => writeImportRecord(trx, record, document, clock.now().toISOString(), 'import')),
    async close() {
      await target.close();
      await store.close();
      await database.close();
      await release();
    },
  };
}

/** A fresh SQLite file in its own temporary folder (a file, not `:memory:`, so WAL is exercised). */
export async function openTemporarySqlite(clock: Clock = new ManualClock()) {
  const folder = mkdtempSync(join(tmpdir(), 'navette-embedded-'));
  const file = join(folder, 'navette.db');
  const database = await openDatabase(file, { clock });
  return {
    file,
    ...embeddedUnderTest(database, clock, async () => rmSync(folder, { recursive: true, force: true })),
  };
}
