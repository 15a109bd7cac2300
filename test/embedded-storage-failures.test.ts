import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type EmbeddedDatabase } from '../src/adapters/embedded/database.js';
import { EmbeddedGescom } from '../src/adapters/embedded/gescom/embedded-gescom.js';
import { ExpectedFailure } from '../src/domain/failure.js';
import { ManualClock } from './contract/manual-clock.js';
import { draft, record } from './contract/sample-documents.js';
import { isRoot, mountSmallVolume, type SmallVolume } from './embedded-storage-faults.js';

/** The failure `work` ends with (the test fails if it ends well). */
async function failureOf(work: () => Promise<unknown>): Promise<ExpectedFailure> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectedFailure);
    return error as ExpectedFailure;
  }
  throw new Error('expected a failure');
}

describe('a database that cannot be used', () => {
  let dir: string;
  let volume: SmallVolume | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'navette-storage-'));
  });
  afterEach(() => {
    volume?.close();
    volume = undefined;
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a directory given as the database, and says what to give instead', async () => {
    mkdirSync(join(dir, 'gescom'));
    const failure = await failureOf(() => openDatabase(join(dir, 'gescom')));
    expect(failure.code).toBe('storage-unavailable');
    expect(failure.message).toContain(`${join(dir, 'gescom')} est un dossier`);
  });

  it('names a file that is not a database (garbage bytes)', async () => {
    writeFileSync(
      join(dir, 'gescom.db'),
      Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37) % 256)),
    );
    const failure = await failureOf(() => openDatabase(join(dir, 'gescom.db')));
    expect(failure.code).toBe('storage-not-a-database');
    expect(failure.message).toContain(join(dir, 'gescom.db'));
  });

  it('names the missing folder of a database path, and creates nothing', async () => {
    const failure = await failureOf(() => openDatabase(join(dir, 'missing', 'gescom.db')));
    expect(failure.code).toBe('storage-unavailable');
    expect(failure.message).toContain(`Le dossier ${join(dir, 'missing')}`);
  });

  it('says a PostgreSQL server does not answer, without its password', async () => {
    const failure = await failureOf(() => openDatabase('postgres://navette:s3cr3t-pw@127.0.0.1:9/gescom'));
    expect(failure.code).toBe('storage-unavailable');
    expect(failure.message).toContain('postgres://navette:***@127.0.0.1:9/gescom');
    expect(failure.message).toMatch(/ne répond pas/);
    expect(failure.message).not.toContain('s3cr3t-pw');
  });

  it('refuses a read-only database with one message naming the file', async () => {
    const location = join(dir, 'gescom.db');
    if (isRoot()) {
      // Root writes through file modes: only a read-only file system stops it.
      volume = mountSmallVolume(4096);
      if (volume === undefined) throw new Error('as root, this test needs the right to mount a tmpfs');
      const onVolume = join(volume.dir, 'gescom.db');
      await (await openDatabase(onVolume)).close();
      volume.readOnly();
      const failure = await failureOf(() => openDatabase(onVolume));
      expect(['storage-read-only', 'storage-unavailable']).toContain(failure.code);
      expect(failure.message).toContain(onVolume);
      expect(failure.message).toMatch(/écri/);
      return;
    }
    await (await openDatabase(location)).close();
    chmodSync(location, 0o444);
    chmodSync(dir, 0o555);
    const failure = await failureOf(() => openDatabase(location));
    expect(failure.message).toContain(location);
    expect(failure.message).toMatch(/écri/);
  });

  it('creates a new database, and its -wal and -shm files, readable by its owner only', async () => {
    const location = join(dir, 'gescom.db');
    const database = await openDatabase(location);
    try {
      for (const file of [location, `${location}-wal`, `${location}-shm`])
        expect({ file, mode: (statSync(file).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
    } finally {
      await database.close();
    }
  });

  describe('a full disk', () => {
    let database: EmbeddedDatabase | undefined;
    afterEach(async () => {
      await database?.close();
      database = undefined;
    });

    it('stops the writes with one clear message, and leaves no document without its ledger entry', async () => {
      volume = mountSmallVolume(1024);
      const location = join(volume?.dir ?? dir, 'gescom.db');
      database = await openDatabase(location);
      // Without a tmpfs to fill, SQLite's own page limit gives the same "database or disk is full".
      if (volume === undefined) await sql`pragma max_page_count = 300`.execute(database.db);
      const gescom = new EmbeddedGescom(database, new ManualClock());
      let failure: unknown;
      for (let orderId = 1; orderId <= 2_000 && failure === undefined; orderId += 1) {
        const key = { shopId: 1, orderId };
        await gescom
          .importDocument(draft(key, { notes: 'Note de la commande. '.repeat(2_000) }), record(key))
          .catch((error: unknown) => (failure = error));
      }
      expect(failure).toBeInstanceOf(ExpectedFailure);
      const full = failure as ExpectedFailure;
      expect(full.code).toBe('storage-full');
      expect(full.message).toContain(location);
      expect(full.message).toMatch(/disque est plein/);
      expect(full.message).not.toMatch(/rollback/);

      // The next write fails at once, with the same message, instead of filling what is left.
      const key = { shopId: 1, orderId: 9_999 };
      const next = await failureOf(() => gescom.importDocument(draft(key), record(key)));
      expect(next.message).toBe(full.message);

      const { documents } = await database.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll().as('documents'))
        .executeTakeFirstOrThrow();
      const { ledger } = await database.db
        .selectFrom('import_ledger')
        .select((eb) => eb.fn.countAll().as('ledger'))
        .executeTakeFirstOrThrow();
      expect(Number(documents)).toBeGreaterThan(0);
      expect(Number(ledger)).toBe(Number(documents));
    }, 60_000);
  });
});
