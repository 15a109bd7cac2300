import type { Kysely } from 'kysely';
import { FIELD_LIMITS, type DocumentLineDraft } from '../../../domain/sales-document.js';
import type { ArticleMatch } from '../../../ports/gescom-target.js';
import { truncateText } from '../../../domain/truncate.js';
import type { Schema } from '../schema.js';
import { chunks } from '../sql-helpers.js';
import { precompiledRows } from '../precompiled.js';
import type { VatCodeBook } from './vat-codes.js';

// Compiled once per count of references: every imported order asks it (precompiled.ts).
const articlesByReference = precompiledRows(1, (db, references) =>
  db
    .selectFrom('articles')
    .select(['reference', 'ean13', 'label'])
    .where(
      'reference',
      'in',
      references.map((argument) => argument(0)),
    ),
);

/**
 * Makes sure every article the lines name exists, creating those the draft allows to create. The sync
 * decides what to do with unknown products (DIVERS, create, refuse) before it builds the draft, so an
 * unknown reference without `createArticle` here is a bug of the caller, not a shop owner's problem.
 *
 * `known` holds the references the caller's transaction already found or created: they are not asked
 * again, and those this call finds or creates are added.
 */
export async function ensureArticles(
  db: Kysely<Schema>,
  lines: readonly DocumentLineDraft[],
  vatCodes: VatCodeBook,
  now: string,
  known: Set<string> = new Set(),
): Promise<void> {
  const byReference = new Map<string, DocumentLineDraft[]>();
  for (const line of lines) {
    const reference = truncateText(line.articleReference, FIELD_LIMITS.articleReference);
    if (known.has(reference)) continue;
    byReference.set(reference, [...(byReference.get(reference) ?? []), line]);
  }
  if (byReference.size === 0) return;
  for (const chunk of chunks([...byReference.keys()], 500))
    for (const row of (await articlesByReference(db, chunk.length, chunk)).rows) known.add(row.reference);
  for (const [reference, referenceLines] of byReference) {
    if (known.has(reference)) continue;
    const creatable = referenceLines.find((line) => line.createArticle);
    if (creatable === undefined) {
      throw new Error(`the article ${reference} does not exist and the document does not ask to create it`);
    }
    await db
      .insertInto('articles')
      .values({
        reference,
        label: truncateText(creatable.label, FIELD_LIMITS.label),
        ean13: '',
        vat_code: await vatCodes.codeFor(creatable.vatRate),
        special: 0,
        created_at: now,
      })
      .onConflict((oc) => oc.column('reference').doNothing())
      .execute();
    known.add(reference);
  }
}

export async function findArticles(
  db: Kysely<Schema>,
  query: { readonly references: readonly string[]; readonly ean13s: readonly string[] },
): Promise<ArticleMatch[]> {
  const references = [
    ...new Set(query.references.map((r) => truncateText(r, FIELD_LIMITS.articleReference))),
  ];
  const ean13s = [...new Set(query.ean13s.filter((ean) => ean.trim() !== ''))];
  const found = new Map<string, ArticleMatch>();
  const select = () => db.selectFrom('articles').select(['reference', 'ean13', 'label']);
  for (const chunk of chunks(references, 500)) {
    for (const row of await select().where('reference', 'in', chunk).execute()) found.set(row.reference, row);
  }
  for (const chunk of chunks(ean13s, 500)) {
    for (const row of await select().where('ean13', 'in', chunk).execute()) found.set(row.reference, row);
  }
  return [...found.values()];
}
