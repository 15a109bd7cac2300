import type { Kysely, Migration } from 'kysely';
import type { SqlDialectName } from '../sql-dialect-name.js';
import { columnTypes } from './column-types.js';

/** navette's own memory: import ledger, outbox, runs with outcomes and journal, locks, high-water marks. */
export function syncStoreMigration(dialect: SqlDialectName): Migration {
  const { decimal, addSerialId } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('import_ledger')
        .addColumn('shop_id', 'integer', (c) => c.notNull())
        .addColumn('order_id', 'integer', (c) => c.notNull())
        .addColumn('order_reference', 'text', (c) => c.notNull())
        .addColumn('document_number', 'text', (c) => c.notNull())
        .addColumn('document_type', 'text', (c) => c.notNull())
        .addColumn('document_status', 'text', (c) => c.notNull())
        .addColumn('order_state_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_ledger_pk', ['shop_id', 'order_id'])
        .execute();

      await addSerialId(db.schema.createTable('ledger_resets'), 'id')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('shop_id', 'integer')
        .addColumn('order_keys', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('forgotten', 'integer', (c) => c.notNull())
        .execute();

      await addSerialId(db.schema.createTable('outbox'), 'id')
        .addColumn('shop_id', 'integer', (c) => c.notNull())
        .addColumn('order_id', 'integer', (c) => c.notNull())
        .addColumn('expected_state_id', 'integer', (c) => c.notNull())
        .addColumn('new_state_id', 'integer', (c) => c.notNull())
        .addColumn('send_email', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', 'text')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'id']).execute();

      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('dry_run', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('duration_ms', 'integer')
        .addColumn('period_from', 'text')
        .addColumn('period_to', 'text')
        .addColumn('period_date_field', 'text')
        .addColumn('shop_ids', 'text', (c) => c.notNull())
        .addColumn('read_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('imported_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('upgraded_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('planned_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state_changes_sent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state_changes_skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state_changes_failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('webservice_calls', 'integer')
        .addColumn('fatal_code', 'text')
        .addColumn('fatal_message', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('runs_started_at').on('runs').column('started_at').execute();

      await addSerialId(db.schema.createTable('run_outcomes'), 'id', true)
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('shop_id', 'integer', (c) => c.notNull())
        .addColumn('order_id', 'integer', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('order_date', 'text', (c) => c.notNull())
        .addColumn('state_id', 'integer', (c) => c.notNull())
        .addColumn('state_name', 'text', (c) => c.notNull())
        .addColumn('customer_name', 'text', (c) => c.notNull())
        .addColumn('total_tax_incl', decimal, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('document_number', 'text')
        .addColumn('document_type', 'text')
        .addColumn('document_status', 'text')
        .addColumn('code', 'text')
        .addColumn('reason', 'text')
        .addColumn('notes', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('run_outcomes_run').on('run_outcomes').columns(['run_id', 'id']).execute();

      await addSerialId(db.schema.createTable('journal'), 'id', true)
        .addColumn('run_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('shop_id', 'integer')
        .addColumn('order_id', 'integer')
        .execute();
      await db.schema.createIndex('journal_run').on('journal').columns(['run_id', 'id']).execute();

      await db.schema
        .createTable('locks')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('acquired_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('high_water_marks')
        .addColumn('shop_id', 'integer', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
