import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DocumentFilter } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';
import { likeContains } from '../sql-helpers.js';
import { precompiled, precompiledRows } from '../precompiled.js';
import { chunks } from '../sql-helpers.js';
import type { DocumentRow } from './document-rows.js';

/**
 * The document an external key's chain ends at: the one not transformed into another. A live one wins
 * over a cancelled one (an order re-imported after its draft was cancelled), the newest over older ones.
 */
export async function headOfChain(
  db: Kysely<Schema>,
  externalKey: string,
  options: { liveOnly?: boolean } = {},
): Promise<DocumentRow | undefined> {
  if (externalKey === '') return undefined;
  let query = db
    .selectFrom('documents')
    .selectAll()
    .where('external_key', '=', externalKey)
    .where('transformed_into', 'is', null);
  if (options.liveOnly === true) query = query.where('cancelled', '=', 0);
  return query.orderBy('cancelled').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

const liveHead = precompiled((db, argument) =>
  db
    .selectFrom('documents')
    .selectAll()
    .where('external_key', '=', argument(0))
    .where('transformed_into', 'is', null)
    .where('cancelled', '=', 0)
    .orderBy('id', 'desc')
    .limit(1),
);

/** `headOfChain(db, externalKey, { liveOnly: true })`, compiled once: every imported order asks it. */
export async function liveHeadOfChain(
  db: Kysely<Schema>,
  externalKey: string,
): Promise<DocumentRow | undefined> {
  if (externalKey === '') return undefined;
  return (await liveHead(db, [externalKey])).rows[0];
}

const liveNumbers = precompiledRows(1, (db, keys) =>
  db
    .selectFrom('documents')
    .select(['external_key', 'number', 'id'])
    .where(
      'external_key',
      'in',
      keys.map((argument) => argument(0)),
    )
    .where('transformed_into', 'is', null)
    .where('cancelled', '=', 0),
);

/** Keys asked at once by `liveDocumentNumbers`: far below either database's limit of parameters. */
const KEYS_PER_QUERY = 256;

/**
 * The number of each external key's live document (`liveHeadOfChain` for many keys at once); keys with
 * none are absent. The list is padded (with its first key again) to a power of two, so that a few SQL
 * texts serve any count: each is prepared once and kept (statement-cache.ts).
 */
export async function liveDocumentNumbers(
  db: Kysely<Schema>,
  externalKeys: readonly string[],
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  const newest = new Map<string, number>();
  const keys = [...new Set(externalKeys)].filter((key) => key !== '');
  for (const chunk of chunks(keys, KEYS_PER_QUERY)) {
    let size = 1;
    while (size < chunk.length) size *= 2;
    while (chunk.length < size) chunk.push(chunk[0]!);
    for (const row of (await liveNumbers(db, size, chunk)).rows) {
      // The unique index allows one live document a key; the newest wins, as in `liveHeadOfChain`.
      if ((newest.get(row.external_key) ?? -Infinity) > row.id) continue;
      newest.set(row.external_key, row.id);
      numbers.set(row.external_key, row.number);
    }
  }
  return numbers;
}

export function filterConditions(
  eb: ExpressionBuilder<Schema, 'documents'>,
  filter: DocumentFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.type !== undefined) conditions.push(eb('type', '=', filter.type));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.from !== undefined) conditions.push(eb('date', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('date', '<=', filter.to));
  const contains = (columns: readonly (keyof DocumentRow)[], text: string) => {
    const pattern = likeContains(text);
    return eb.or(
      columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`),
    );
  };
  if (filter.customer !== undefined && filter.customer.trim() !== '') {
    conditions.push(contains(['customer_code', 'customer_name'], filter.customer.trim()));
  }
  if (filter.search !== undefined && filter.search.trim() !== '') {
    conditions.push(
      contains(['number', 'reference', 'external_key', 'shop_reference'], filter.search.trim()),
    );
  }
  return conditions;
}
