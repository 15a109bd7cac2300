import type { Kysely, Migration } from 'kysely';

/**
 * "Mise à jour des Statuts des Commandes" (SPEC §6): the tracking number a delivery carries, the outbox
 * entries that write one to the shop, and where the status sweep stopped reading the GesCom's
 * transformations (so that each is handled once).
 */
export function statusUpdatesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('documents')
        .addColumn('tracking_number', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      // null: a state change; set: a tracking number to write where the order's shipment has none.
      await db.schema.alterTable('outbox').addColumn('tracking_number', 'text').execute();
      await db.schema
        .createTable('sweep_cursors')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
