import type { Kysely } from 'kysely';
import type { DocumentType } from '../../../domain/sales-document.js';
import type { DocumentTransformation } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';

/**
 * The GesCom's own table of transformations, read from a cursor (the last row's id): whatever wrote a
 * row — navette, or another program sharing the database — the status sweep sees it once. One query.
 *
 * With no cursor and `from`, the rows made before `from` are passed over, and with none after it the
 * cursor is the last row's id (0 for an empty table): the next read starts after the history.
 */
export async function transformationsSince(
  db: Kysely<Schema>,
  cursor: string | undefined,
  limit: number,
  from?: string,
): Promise<{ readonly items: readonly DocumentTransformation[]; readonly cursor: string | undefined }> {
  const after = cursor === undefined ? 0 : Number(cursor);
  const since = cursor === undefined ? from : undefined;
  const rows = await db
    .selectFrom('transformations as t')
    .leftJoin('documents as d', 'd.number', 't.target_number')
    .select([
      't.id',
      't.source_number',
      't.source_type',
      't.target_number',
      't.target_type',
      't.at',
      'd.external_key',
      'd.tracking_number',
    ])
    .where('t.id', '>', Number.isSafeInteger(after) ? after : 0)
    .$if(since !== undefined, (query) => query.where('t.at', '>=', since!))
    .orderBy('t.id')
    .limit(Math.max(1, Math.trunc(limit)))
    .execute();
  const last = rows.at(-1);
  if (last === undefined && since !== undefined) {
    const newest = await db
      .selectFrom('transformations')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return { items: [], cursor: String(newest?.id ?? 0) };
  }
  return {
    items: rows.map((row) => ({
      sourceNumber: row.source_number,
      sourceType: row.source_type as DocumentType,
      number: row.target_number,
      type: row.target_type as DocumentType,
      externalKey: row.external_key ?? '',
      trackingNumber: row.tracking_number ?? '',
      at: row.at,
    })),
    cursor: last === undefined ? cursor : String(last.id),
  };
}
