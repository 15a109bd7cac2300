import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/adapters/embedded/database.js';
import { describeGescomTargetContract } from './contract/gescom-target.contract.js';
import { ManualClock } from './contract/manual-clock.js';
import { describeSyncStoreContract } from './contract/sync-store.contract.js';
import { embeddedUnderTest } from './embedded-harness.js';
import { connectPostgresTestServer, type PostgresTestServer } from './embedded-postgres-server.js';
import { embeddedSpecifics } from './embedded-specifics.js';

/** The same suites on PostgreSQL (the server on 127.0.0.1:5432 of the project's machines). */
const connection = await connectPostgresTestServer();
const server: PostgresTestServer | undefined = 'unavailable' in connection ? undefined : connection;
const unavailable = 'unavailable' in connection ? connection.unavailable : undefined;

if (server === undefined) {
  // The project's machines all run PostgreSQL on 127.0.0.1:5432: its absence is a failure, never a skip.
  describe('embedded GesCom on PostgreSQL', () => {
    it('needs the PostgreSQL server on 127.0.0.1:5432', () => {
      throw new Error(
        `PostgreSQL is unreachable (${unavailable ?? ''}): start it (npm run setup:test does).`,
      );
    });
  });
} else {
  const postgres = server;
  afterAll(async () => {
    await postgres.dispose();
  });

  const openFresh = async (clock = new ManualClock()) => {
    const { url, drop } = await postgres.createDatabase();
    const database = await openDatabase(url, { clock });
    return embeddedUnderTest(database, clock, drop);
  };

  describeGescomTargetContract('embedded GesCom on PostgreSQL', () => openFresh());
  describeSyncStoreContract('SQL store on PostgreSQL', (clock) => openFresh(clock));
  embeddedSpecifics('PostgreSQL', (clock) => openFresh(clock));

  describe('embedded database on PostgreSQL', () => {
    let url: string;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ url, drop } = await postgres.createDatabase());
    });
    afterAll(async () => {
      await drop();
    });

    it('migrates and seeds once when several processes open it at once', async () => {
      const opened = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
      expect(opened.every((database) => database.dialect === 'postgres')).toBe(true);
      const [first] = opened;
      if (first === undefined) throw new Error('opened');
      expect((await first.db.selectFrom('numbering_series').select('prefix').execute()).length).toBe(5);
      const column = await first.db
        .selectFrom('information_schema.columns' as never)
        .select(['data_type' as never])
        .where('table_name' as never, '=', 'documents' as never)
        .where('column_name' as never, '=', 'total_tax_incl' as never)
        .executeTakeFirstOrThrow();
      expect(column).toEqual({ data_type: 'numeric' });
      for (const database of opened) await database.close();
    });
  });
}
