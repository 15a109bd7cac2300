import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
  DatabaseIntrospector,
} from 'kysely';
import { toStorageFailure, type StorageFailure } from './storage-failure.js';

/** How long writes fail at once after one failed for lack of room or rights (real time). */
const WRITE_BLOCK_MS = 5_000;

/**
 * Wraps a Kysely dialect so that every failure of the database itself (full disk, read-only file, not a
 * database, server down) surfaces as one StorageFailure naming the database, wherever it happens.
 *
 * After a write failed for lack of room or rights, the next write transactions fail at once with the
 * same failure for a few seconds: a run then stops on its first failed document instead of writing its
 * journal and its next orders into whatever space is left (each document and its ledger entry are one
 * transaction, so nothing is half-written either way).
 */
export class StorageFailureDialect implements Dialect {
  readonly #inner: Dialect;
  readonly #location: string;

  constructor(inner: Dialect, location: string) {
    this.#inner = inner;
    this.#location = location;
  }

  createDriver(): Driver {
    return new StorageFailureDriver(this.#inner.createDriver(), this.#location);
  }

  createQueryCompiler(): QueryCompiler {
    return this.#inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.#inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.#inner.createIntrospector(db);
  }
}

class StorageFailureDriver implements Driver {
  readonly #inner: Driver;
  readonly #location: string;
  readonly #innerOf = new WeakMap<DatabaseConnection, DatabaseConnection>();
  #blocked: { failure: StorageFailure; until: number } | undefined;

  constructor(inner: Driver, location: string) {
    this.#inner = inner;
    this.#location = location;
  }

  init(): Promise<void> {
    return this.#mapped(() => this.#inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#mapped(() => this.#inner.acquireConnection());
    const wrapped: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> =>
        this.#mapped(() => inner.executeQuery<R>(query)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> =>
        this.#mappedStream(inner.streamQuery<R>(query, chunkSize)),
    };
    this.#innerOf.set(wrapped, inner);
    return wrapped;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const blocked = this.#blocked;
    if (blocked !== undefined && Date.now() < blocked.until) throw blocked.failure;
    await this.#mapped(() => this.#inner.beginTransaction(this.#unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#mapped(() => this.#inner.commitTransaction(this.#unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#mapped(() => this.#inner.rollbackTransaction(this.#unwrap(connection)));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#innerOf.get(connection) ?? connection;
  }

  async #mapped<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.#failureOf(error);
    }
  }

  async *#mappedStream<R>(
    stream: AsyncIterableIterator<QueryResult<R>>,
  ): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* stream;
    } catch (error) {
      throw this.#failureOf(error);
    }
  }

  #failureOf(error: unknown): unknown {
    const failure = toStorageFailure(error, this.#location);
    if (failure === undefined) return error;
    if (failure.blocksWrites) this.#blocked = { failure, until: Date.now() + WRITE_BLOCK_MS };
    return failure;
  }
}
