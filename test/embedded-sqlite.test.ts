import { describe, expect, it } from 'vitest';
import { describeGescomTargetContract } from './contract/gescom-target.contract.js';
import { ManualClock } from './contract/manual-clock.js';
import { draft, record } from './contract/sample-documents.js';
import { describeSyncStoreContract } from './contract/sync-store.contract.js';
import { embeddedSpecifics } from './embedded-specifics.js';
import { openTemporarySqlite } from './embedded-harness.js';

describeGescomTargetContract('embedded GesCom on SQLite', () => openTemporarySqlite());
describeSyncStoreContract('SQL store on SQLite', (clock) => openTemporarySqlite(clock));
embeddedSpecifics('SQLite', (clock) => openTemporarySqlite(clock));

describe('embedded database on SQLite', () => {
  it('opens an in-memory database too', async () => {
    const { openDatabase } = await import('../src/adapters/embedded/database.js');
    const database = await openDatabase(':memory:');
    expect(database.dialect).toBe('sqlite');
    const vat = await database.db.selectFrom('vat_codes').select('code').orderBy('code').execute();
    expect(vat.map((row) => row.code)).toEqual(['C00', 'C10', 'C20', 'C21', 'C55']);
    await database.close();
    await database.close();
  });

  it('is migrated and seeded once, however many times it is opened', async () => {
    const { openDatabase } = await import('../src/adapters/embedded/database.js');
    const first = await openTemporarySqlite(new ManualClock());
    const again = await Promise.all([openDatabase(first.file), openDatabase(first.file)]);
    for (const database of again) {
      expect((await database.db.selectFrom('articles').select('reference').execute()).length).toBe(4);
      await database.close();
    }
    await first.target.importDocument(draft({ shopId: 1, orderId: 1 }), record({ shopId: 1, orderId: 1 }));
    await first.close();
  });
});
