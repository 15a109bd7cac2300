import type { Kysely } from 'kysely';
import { FIELD_LIMITS, type DocumentType } from '../../../domain/sales-document.js';
import type { Schema } from '../schema.js';
import { precompiled } from '../precompiled.js';

/**
 * Takes the next number of a series (souche): prefix + counter on at least 5 digits (`DE00001`), as
 * Sage numbers its pieces. A series named in the configuration but missing is created for the type.
 * The increment is one UPDATE … RETURNING, so two writers never get the same number.
 */
export async function allocateNumber(
  db: Kysely<Schema>,
  type: DocumentType,
  prefix: string,
): Promise<string> {
  await ensureSeries(db, type, prefix);
  return nextNumber(db, prefix);
}

/** Creates the series for the type unless it exists. */
export async function ensureSeries(db: Kysely<Schema>, type: DocumentType, prefix: string): Promise<void> {
  await db
    .insertInto('numbering_series')
    .values({ prefix, document_type: type, counter: 0, is_default: 0 })
    .onConflict((oc) => oc.column('prefix').doNothing())
    .execute();
}

// Compiled once: every new document takes a number (precompiled.ts).
const increment = precompiled((db, argument) =>
  db
    .updateTable('numbering_series')
    .set((eb) => ({ counter: eb('counter', '+', 1) }))
    .where('prefix', '=', argument(0))
    .returning('counter'),
);

const storeCounter = precompiled((db, argument) =>
  db
    .updateTable('numbering_series')
    .set({ counter: argument(0) })
    .where('prefix', '=', argument(1)),
);

/** The next number of a series that exists (`ensureSeries`). */
export async function nextNumber(db: Kysely<Schema>, prefix: string): Promise<string> {
  return numberOf(prefix, await incrementCounter(db, prefix));
}

/**
 * Takes the next counter of a series that exists, in the database: from then on, the caller's
 * transaction holds the series (SQLite's one writer; PostgreSQL's row lock) until it ends.
 */
export async function incrementCounter(db: Kysely<Schema>, prefix: string): Promise<number> {
  const [row] = (await increment(db, [prefix])).rows;
  if (row === undefined) throw new Error(`the series ${prefix} does not exist`);
  return row.counter;
}

/** Stores the last counter given by a transaction that holds the series (`incrementCounter`). */
export async function storeCounterOf(db: Kysely<Schema>, prefix: string, counter: number): Promise<void> {
  await storeCounter(db, [counter, prefix]);
}

/** The number of the `counter`-th document of a series: prefix + counter on at least 5 digits. */
export function numberOf(prefix: string, counter: number): string {
  const number = `${prefix}${String(counter).padStart(5, '0')}`;
  if (number.length > FIELD_LIMITS.documentNumber) {
    throw new Error(
      `the series ${prefix} is exhausted: ${number} is longer than ${FIELD_LIMITS.documentNumber}`,
    );
  }
  return number;
}
