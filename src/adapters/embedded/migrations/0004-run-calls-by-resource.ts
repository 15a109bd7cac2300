import type { Kysely, Migration } from 'kysely';

/**
 * Each run keeps its webservice calls by resource (JSON, `{"orders":1}`), so that its report shows what
 * it cost the shop, resource by resource. Older runs have none.
 */
export function runCallsByResourceMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runs').addColumn('webservice_calls_by_resource', 'text').execute();
    },
  };
}
