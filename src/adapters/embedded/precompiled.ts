import {
  CompiledQuery,
  type Compilable,
  type Insertable,
  type Kysely,
  type QueryResult,
  type Selectable,
} from 'kysely';
import type { Schema } from './schema.js';

/** Stands for the `index`-th argument while the query is built: a text no real value looks like. */
const SENTINEL = '\u0000navette-argument:';

/** One parameter of the compiled SQL: the caller's argument at `argument`, or a value fixed at build time. */
type Slot = { readonly argument: number } | { readonly value: unknown };

interface Compiled {
  readonly sql: string;
  readonly slots: readonly Slot[];
}

/**
 * A query built with Kysely once per database dialect, then run with new values: the same SQL text (which
 * SQLite keeps prepared, statement-cache.ts), only the parameters change.
 *
 * Why: an import runs the same few INSERTs and SELECTs for every order, and building and compiling each
 * with Kysely made about a sixth of an import's time and much of its garbage (bench/README.md). `build`
 * gets `argument(i)` to put where the i-th value of `run(db, values)` goes (typed `never`, so it fits any
 * column); everything else it writes is fixed. An `undefined` value is bound as NULL.
 */
export function precompiled<R>(
  build: (db: Kysely<Schema>, argument: (index: number) => never) => Compilable<R>,
): (db: Kysely<Schema>, values: readonly unknown[]) => Promise<QueryResult<R>> {
  // Per dialect: SQLite and PostgreSQL write parameters differently. A transaction shares its database's adapter.
  const byAdapter = new WeakMap<object, Compiled>();
  return (db, values) => {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (compiled === undefined) {
      compiled = compile(build(db, (index) => `${SENTINEL}${index}` as never));
      byAdapter.set(adapter, compiled);
    }
    const parameters = compiled.slots.map((slot) =>
      'argument' in slot ? (values[slot.argument] ?? null) : slot.value,
    );
    return db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
  };
}

function compile(query: Compilable<unknown>): Compiled {
  const { sql, parameters } = query.compile();
  return {
    sql,
    slots: parameters.map((parameter) =>
      typeof parameter === 'string' && parameter.startsWith(SENTINEL)
        ? { argument: Number(parameter.slice(SENTINEL.length)) }
        : { value: parameter },
    ),
  };
}

/**
 * The same for an INSERT of a varying number of rows: one compiled text per row count, `columns`
 * arguments a row (row r's column c is argument `r * columns + c`).
 */
export function precompiledRows<R>(
  columns: number,
  build: (db: Kysely<Schema>, rows: readonly ((column: number) => never)[]) => Compilable<R>,
): (db: Kysely<Schema>, rowCount: number, values: readonly unknown[]) => Promise<QueryResult<R>> {
  const byCount = new Map<number, ReturnType<typeof precompiled<R>>>();
  return (db, rowCount, values) => {
    let query = byCount.get(rowCount);
    if (query === undefined) {
      query = precompiled((builder, argument) =>
        build(
          builder,
          Array.from({ length: rowCount }, (_, row) => (column: number) => argument(row * columns + column)),
        ),
      );
      byCount.set(rowCount, query);
    }
    return query(db, values);
  };
}

/**
 * An INSERT of whole rows into `table`, compiled once per row count: `insert(db, rows)` writes the rows
 * (each with every column named, in any order), all in one statement, and gives back the `returning`
 * columns of the inserted rows (none unless asked: a column read back is a value to build for nothing).
 */
export function precompiledInsert<
  T extends keyof Schema,
  K extends keyof Selectable<Schema[T]> & string = never,
>(
  table: T,
  columns: readonly (keyof Insertable<Schema[T]> & string)[],
  options: { readonly returning?: readonly K[] } = {},
): (
  db: Kysely<Schema>,
  rows: readonly Insertable<Schema[T]>[],
) => Promise<QueryResult<Pick<Selectable<Schema[T]>, K>>> {
  const returning = options.returning ?? [];
  const query = precompiledRows<Pick<Selectable<Schema[T]>, K>>(columns.length, (db, rows) => {
    const values = rows.map((argument) =>
      Object.fromEntries(columns.map((column, index) => [column, argument(index)])),
    );
    const insert = db.insertInto(table).values(values as never);
    // Its rows are typed by the signature above: Kysely cannot follow `returning` through a generic table.
    return returning.length > 0 ? insert.returning(returning as never) : insert;
  });
  return (db, rows) => {
    const values: unknown[] = [];
    for (const row of rows) for (const column of columns) values.push(row[column]);
    return query(db, rows.length, values);
  };
}
