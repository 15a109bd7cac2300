import type { Kysely, Migration } from 'kysely';

/**
 * Each run keeps the calls it made to the GesCom (JSON, `{"target":"dolibarr","total":3,
 * "byResource":{"orders":3}}`), beside the shop's: what a run into Dolibarr cost Dolibarr, resource by
 * resource; for the embedded GesCom, that it cost no network call. Older runs have none.
 */
export function runGescomCallsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runs').addColumn('gescom_calls', 'text').execute();
    },
  };
}
