import { setTimeout as delay } from 'node:timers/promises';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * better-sqlite3 under Kysely, with write transactions that take SQLite's write lock up front.
 *
 * Kysely begins SQLite transactions DEFERRED: two connections may both read, then the second to write
 * fails at once with SQLITE_BUSY (a deferred reader cannot wait for a writer in WAL mode). `BEGIN
 * IMMEDIATE` queues writers at the start instead, which is what lets two processes import into one file.
 *
 * better-sqlite3 waits for a busy lock synchronously, freezing the event loop (and, when both connections
 * live in one process, the very transaction it waits for). So `BEGIN IMMEDIATE` runs without the
 * synchronous `busy_timeout` and is retried with an asynchronous pause until `lockTimeoutMs`; the
 * synchronous timeout stays for the rare busy reads and the migrator's table checks.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #timeouts: SqliteTimeouts;

  constructor(config: SqliteDialectConfig, timeouts: SqliteTimeouts) {
    super(config);
    this.#config = config;
    this.#timeouts = timeouts;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.#config, this.#timeouts);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateTransactionSqliteDriver extends SqliteDriver {
  readonly #timeouts: SqliteTimeouts;
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig, timeouts: SqliteTimeouts) {
    super(config);
    this.#config = config;
    this.#timeouts = timeouts;
  }

  /**
   * SQLite ends a transaction by itself on some errors (disk full, I/O error): a rollback then fails with
   * "cannot rollback - no transaction is active", which would replace the real cause.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const { database } = this.#config;
    if (typeof database === 'object' && 'inTransaction' in database && database.inTransaction === false)
      return;
    await super.rollbackTransaction(connection);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const execute = (text: string) => connection.executeQuery(CompiledQuery.raw(text));
    await execute('pragma busy_timeout = 0');
    try {
      await retryWhileBusy(() => execute('begin immediate'), this.#timeouts.lockTimeoutMs);
    } finally {
      await execute(`pragma busy_timeout = ${Math.trunc(this.#timeouts.busyTimeoutMs)}`);
    }
  }
}

/**
 * SQLite does run DDL inside transactions. Saying so makes Kysely's Migrator wrap the migrations in one
 * (IMMEDIATE) transaction, so two processes opening a new file migrate it one after the other.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export interface SqliteTimeouts {
  /** How long a write transaction waits for another connection's write lock, asynchronously. */
  readonly lockTimeoutMs: number;
  /** SQLite's own (synchronous) busy_timeout, for statements outside write transactions. */
  readonly busyTimeoutMs: number;
}

/** Runs `attempt` again, after an asynchronous pause, while SQLite answers busy and time remains. */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      // Real time, not the injected clock: this waits on another connection's file lock.
      await delay(pause);
    }
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
