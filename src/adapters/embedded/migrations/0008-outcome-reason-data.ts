import type { Kysely, Migration } from 'kysely';

/**
 * An outcome keeps the values its reason was written from (ReasonData, JSON), so that each page says it
 * in its own language, where the reason column keeps the French text the CLI and the reports print.
 * Null for reasons without data, and for those written before.
 */
export function outcomeReasonDataMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('run_outcomes').addColumn('reason_data', 'text').execute();
    },
  };
}
