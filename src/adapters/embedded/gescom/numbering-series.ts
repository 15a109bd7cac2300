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

/** The next number of a series that exists (`ensureSeries`). */
export async function nextNumber(db: Kysely<Schema>, prefix: string): Promise<string> {
  const [row] = (await increment(db, [prefix])).rows;
  if (row === undefined) throw new Error(`the series ${prefix} does not exist`);
  const { counter } = row;
  const number = `${prefix}${String(counter).padStart(5, '0')}`;
  if (number.length > FIELD_LIMITS.documentNumber) {
    throw new Error(
      `the series ${prefix} is exhausted: ${number} is longer than ${FIELD_LIMITS.documentNumber}`,
    );
  }
  return number;
}
