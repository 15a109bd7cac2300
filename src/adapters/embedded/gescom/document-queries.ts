import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DocumentFilter } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';
import { likeContains } from '../sql-helpers.js';
import { precompiled } from '../precompiled.js';
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
