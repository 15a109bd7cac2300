import type { Kysely, Migration } from 'kysely';

/**
 * The status sweep's journal entries keep what they say as data too (a StatusNote, JSON): each page says
 * it in its own language, where the message column keeps the French text the CLI prints. Null for the
 * other entries, and for those written before.
 */
export function journalNotesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('journal').addColumn('note', 'text').execute();
    },
  };
}
