import { closeSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { systemClock, type Clock } from '../../ports/clock.js';
import { embeddedMigrations } from './migrations/index.js';
import { seedReferenceData } from './gescom/reference-data.js';
import type { Schema } from './schema.js';
import type { SqlDialectName } from './sql-dialect-name.js';
import { cachingStatements } from './statement-cache.js';
import { ImmediateSqliteDialect, retryWhileBusy } from './sqlite-dialect.js';
import { StorageFailureDialect } from './storage-failure-dialect.js';
import { isStorageFailure, toStorageFailure } from './storage-failure.js';

/** One open database holding the embedded GesCom and navette's store, migrated and seeded. */
export interface EmbeddedDatabase {
  readonly db: Kysely<Schema>;
  readonly dialect: SqlDialectName;
  /** Closes the connections; a second call does nothing. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** How long an SQLite write waits for another process's write (default 15 s). */
  readonly lockTimeoutMs?: number;
  /** Dates the seeded rows. */
  readonly clock?: Clock;
  /** PostgreSQL pool size (default 10). */
  readonly maxConnections?: number;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * A pool whose idle connections may be cut by the server (a restart, an administrator, a dropped
 * database): pg then emits 'error' on the pool, which would end the process if nobody listened. The
 * pool has already discarded the dead connection and the next query opens a new one, so there is
 * nothing more to do; a query that was running fails on its own and is reported where it was made.
 */
function postgresPool(connectionString: string, max: number): pg.Pool {
  // A server that does not answer at all must give an error, not a wait without end.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Opens `location` — an SQLite file path, `:memory:`, or a `postgres://` URL — runs the pending
 * migrations (safe when several processes open the same database at once) and seeds the reference data.
 */
export async function openDatabase(
  location: string,
  options: OpenDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const dialect: SqlDialectName = POSTGRES_URL.test(location) ? 'postgres' : 'sqlite';
  const lockTimeoutMs = options.lockTimeoutMs ?? 15_000;
  const db = new Kysely<Schema>({
    dialect: new StorageFailureDialect(
      dialect === 'postgres'
        ? new PostgresDialect({ pool: postgresPool(location, options.maxConnections ?? 10) })
        : new ImmediateSqliteDialect(
            { database: cachingStatements(openSqliteFile(location)) },
            { lockTimeoutMs, busyTimeoutMs: 2_000 },
          ),
      location,
    ),
  });

  let closed = false;
  const database: EmbeddedDatabase = {
    db,
    dialect,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
  try {
    // Two processes opening a new SQLite file race on its creation (WAL switch, migration tables).
    const prepare = async () => {
      await migrate(db, dialect);
      await seedReferenceData(db, (options.clock ?? systemClock).now().toISOString());
    };
    await (dialect === 'sqlite' ? retryWhileBusy(prepare, lockTimeoutMs) : prepare());
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** SQLite's page cache per connection, in KiB (`pragma cache_size` takes it negative). */
const PAGE_CACHE_KIB = 2000;

function openSqliteFile(location: string): BetterSqlite3.Database {
  const inMemory = location === ':memory:' || location === '';
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    if (!inMemory) createPrivateFile(location);
    sqlite = new BetterSqlite3(location, { timeout: 2_000 });
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    // Safe with WAL: a power cut may lose the last commits, never corrupt the file.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // SQLite's own default page cache, 2 MB a connection (better-sqlite3 builds SQLite with 16 MB): the
    // cache fills as the file grows, so with 16 MB a long import's memory grew with the database, where
    // a short one's never reached it. Reads past it come from the system's file cache.
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw toStorageFailure(error, location) ?? error;
  }
}

/**
 * A new database file is created readable by its owner only (0600): it holds customers' names and
 * addresses. SQLite gives its -wal and -shm files the mode of the database file.
 */
function createPrivateFile(location: string): void {
  try {
    closeSync(openSync(location, 'wx', 0o600));
  } catch (error) {
    // Already there (a database, or something SQLite will refuse with a clear failure): left as it is.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

async function migrate(db: Kysely<Schema>, dialect: SqlDialectName): Promise<void> {
  const migrator = new Migrator({ db, provider: embeddedMigrations(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    if (isStorageFailure(error)) throw error;
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(
      `database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
}
