import { CompiledQuery, type Kysely } from 'kysely';
import type { ImportAttempt, ImportItem } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';
import { isStorageFailure } from '../storage-failure.js';
import { alreadyImportedIfRaced, writeNewDocument, type WriterContext } from './document-writer.js';
import { WriteSession } from './write-session.js';

const SAVEPOINT = CompiledQuery.raw('savepoint navette_document');
const RELEASE = CompiledQuery.raw('release savepoint navette_document');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint navette_document');

/**
 * A group of new documents in one transaction, each behind its own savepoint: each document is still
 * written whole with its record (ledger + outbox) or not at all, and a document the GesCom refuses rolls
 * back alone, as its attempt. What the transaction made sure of (the live documents of the group's
 * external keys, VAT codes, payment modes, warehouse, series, customer accounts, articles) is asked once
 * for the group.
 *
 * Why a group: one transaction per document made its BEGIN, COMMIT and the look-ups every document
 * repeated the largest costs of an import into SQLite (bench/README.md). Exactly once holds as before: a
 * crash before the commit loses the group's documents together with their records, and the next run
 * imports them; after it, both are there. The database itself failing (disk full, read-only, server
 * gone) fails the whole group: its transaction may already be over.
 */
export async function importDocuments(
  db: Kysely<Schema>,
  items: readonly ImportItem[],
  context: WriterContext,
): Promise<ImportAttempt[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const session = new WriteSession(trx);
    // One question for the whole group instead of one a document: WriteSession says why it guards as well.
    await session.readLiveDocuments(items.map(({ draft }) => draft.externalKey));
    const attempts: ImportAttempt[] = [];
    for (const { draft, record } of items) {
      session.documentBegins();
      await trx.executeQuery(SAVEPOINT);
      try {
        const document = await writeNewDocument(trx, draft, record, context, session);
        await trx.executeQuery(RELEASE);
        session.written(draft.externalKey, document.number);
        attempts.push({ ok: true, document });
      } catch (error) {
        if (isStorageFailure(error)) throw error;
        await trx.executeQuery(ROLLBACK_TO);
        await trx.executeQuery(RELEASE);
        session.forget();
        attempts.push({ ok: false, error: await alreadyImportedIfRaced(trx, draft, error) });
      }
    }
    await session.storeCounters();
    return attempts;
  });
}
