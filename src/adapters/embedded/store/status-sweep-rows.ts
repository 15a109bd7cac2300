import type { Kysely } from 'kysely';
import type { JournalEntry } from '../../../domain/import-report.js';
import { STATUS_JOURNAL, STATUS_JOURNAL_KEPT, type StatusSweepRecord } from '../../../ports/sync-store.js';
import type { Schema } from '../schema.js';
import { chunks } from '../sql-helpers.js';
import { toJournalEntry } from './run-rows.js';

/** The one cursor of the status sweep (a name, so that another kind of sweep can keep its own). */
const CURSOR_NAME = 'transformations';

export async function readStatusSweepCursor(db: Kysely<Schema>): Promise<string | undefined> {
  const row = await db
    .selectFrom('sweep_cursors')
    .select('value')
    .where('name', '=', CURSOR_NAME)
    .executeTakeFirst();
  return row?.value;
}

/** The outbox entries, the cursor and the journal of one sweep pass, in one transaction. */
export async function writeStatusSweep(
  db: Kysely<Schema>,
  record: StatusSweepRecord,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(record.updates, 500)) {
      await trx
        .insertInto('outbox')
        .values(
          batch.map((update) => ({
            shop_id: update.key.shopId,
            order_id: update.key.orderId,
            expected_state_id: 'trackingNumber' in update ? 0 : update.expectedStateId,
            new_state_id: 'trackingNumber' in update ? 0 : update.newStateId,
            tracking_number: 'trackingNumber' in update ? update.trackingNumber : null,
            send_email: update.sendEmail ? 1 : 0,
            status: 'pending',
            attempts: 0,
            lease_until: null,
            detail: '',
            run_id: STATUS_JOURNAL,
            created_at: now,
            resolved_at: null,
          })),
        )
        .execute();
    }
    if (record.cursor !== undefined) {
      await trx
        .insertInto('sweep_cursors')
        .values({ name: CURSOR_NAME, value: record.cursor, updated_at: now })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: record.cursor, updated_at: now }))
        .execute();
    }
    for (const batch of chunks(record.journal, 500)) {
      await trx
        .insertInto('journal')
        .values(
          batch.map((entry) => ({
            run_id: STATUS_JOURNAL,
            at: now,
            level: entry.level,
            message: entry.message,
            shop_id: entry.shopId ?? null,
            order_id: entry.orderId ?? null,
            note: entry.note === undefined ? null : JSON.stringify(entry.note),
          })),
        )
        .execute();
    }
    await pruneStatusJournal(trx, now);
  });
}

/**
 * Keeps the status journal to STATUS_JOURNAL_KEPT: the newest entries always (what the page and the CLI
 * can show), the older ones for so many days. Called with each write of the journal, in its transaction:
 * one indexed look-up (`journal_run`), and a delete only when something is that old.
 */
export async function pruneStatusJournal(db: Kysely<Schema>, now: string): Promise<void> {
  const newestKept = await db
    .selectFrom('journal')
    .select('id')
    .where('run_id', '=', STATUS_JOURNAL)
    .orderBy('id', 'desc')
    .limit(1)
    .offset(STATUS_JOURNAL_KEPT.newest - 1)
    .executeTakeFirst();
  if (newestKept === undefined) return;
  const before = new Date(Date.parse(now) - STATUS_JOURNAL_KEPT.days * 86_400_000).toISOString();
  await db
    .deleteFrom('journal')
    .where('run_id', '=', STATUS_JOURNAL)
    .where('id', '<', newestKept.id)
    .where('at', '<', before)
    .execute();
}

export async function readStatusJournal(db: Kysely<Schema>, limit: number): Promise<readonly JournalEntry[]> {
  const rows = await db
    .selectFrom('journal')
    .selectAll()
    .where('run_id', '=', STATUS_JOURNAL)
    .orderBy('id', 'desc')
    .limit(Math.max(1, Math.min(1_000, Math.trunc(limit))))
    .execute();
  return rows.map(toJournalEntry);
}
