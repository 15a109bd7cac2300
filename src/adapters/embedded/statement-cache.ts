import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared: the per-order writes are a few dozen; IN-lists of varied length are many. */
const DEFAULT_CAPACITY = 500;

/**
 * The SQLite database as Kysely sees it, with its statements prepared once per SQL text and reused.
 *
 * Kysely's SQLite driver prepares every query afresh: for an import, SQLite's parsing and planning of the
 * same few dozen INSERTs and SELECTs made about an eighth of the whole run's time (bench/README.md,
 * "Where an import spends its time"). A prepared statement is reusable with new parameters; SQLite
 * re-prepares it by itself when the schema changes (a migration). The least recently used text is
 * dropped past `capacity`. A statement still being iterated (a streamed query) is not shared: the
 * caller gets a fresh one.
 */
export function cachingStatements(
  database: BetterSqlite3.Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase & { readonly inTransaction: boolean } {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    get inTransaction() {
      return database.inTransaction;
    },
    close() {
      prepared.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = prepared.get(sql);
      if (cached !== undefined) {
        if (cached.busy) return database.prepare(sql);
        // Moved to the end: the Map's order is the order of last use.
        prepared.delete(sql);
        prepared.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      prepared.set(sql, statement);
      if (prepared.size > capacity) prepared.delete(prepared.keys().next().value!);
      return statement;
    },
  };
}
