import type { Kysely } from 'kysely';
import { FIELD_LIMITS, type DocumentType } from '../../../domain/sales-document.js';
import type { Schema } from '../schema.js';

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
  await db
    .insertInto('numbering_series')
    .values({ prefix, document_type: type, counter: 0, is_default: 0 })
    .onConflict((oc) => oc.column('prefix').doNothing())
    .execute();
  const { counter } = await db
    .updateTable('numbering_series')
    .set((eb) => ({ counter: eb('counter', '+', 1) }))
    .where('prefix', '=', prefix)
    .returning('counter')
    .executeTakeFirstOrThrow();
  const number = `${prefix}${String(counter).padStart(5, '0')}`;
  if (number.length > FIELD_LIMITS.documentNumber) {
    throw new Error(
      `the series ${prefix} is exhausted: ${number} is longer than ${FIELD_LIMITS.documentNumber}`,
    );
  }
  return number;
}
