import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialectName } from '../sql-dialect-name.js';
import { columnTypes } from './column-types.js';

/** The embedded GesCom: reference data, customer accounts, articles, documents and their chain. */
export function gescomMigration(dialect: SqlDialectName): Migration {
  const { decimal, addSerialId } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('vat_codes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('rate', decimal, (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('payment_modes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('warehouses')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('numbering_series')
        .addColumn('prefix', 'text', (c) => c.primaryKey())
        .addColumn('document_type', 'text', (c) => c.notNull())
        .addColumn('counter', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('customers')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('vat_number', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('siret', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('billing_address', 'text')
        .addColumn('delivery_address', 'text')
        .addColumn('generic', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customers_email').on('customers').column('email').execute();
      await db.schema
        .createTable('articles')
        .addColumn('reference', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('ean13', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('vat_code', 'text', (c) => c.notNull().references('vat_codes.code'))
        .addColumn('special', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_ean13').on('articles').column('ean13').execute();

      await addSerialId(db.schema.createTable('documents'), 'id')
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('customer_code', 'text', (c) => c.notNull().references('customers.code'))
        .addColumn('customer_name', 'text', (c) => c.notNull())
        .addColumn('billing_address', 'text')
        .addColumn('delivery_address', 'text')
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('remark', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('conversion_rate', decimal, (c) => c.notNull())
        .addColumn('total_tax_excl', decimal, (c) => c.notNull())
        .addColumn('total_tax', decimal, (c) => c.notNull())
        .addColumn('total_tax_incl', decimal, (c) => c.notNull())
        .addColumn('shop_total_tax_excl', decimal, (c) => c.notNull())
        .addColumn('shop_total_tax_incl', decimal, (c) => c.notNull())
        .addColumn('external_key', 'text', (c) => c.notNull())
        .addColumn('shop_reference', 'text', (c) => c.notNull())
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('warehouse', 'text', (c) => c.notNull().references('warehouses.code'))
        .addColumn('shipping_mode', 'text', (c) => c.notNull())
        .addColumn('source_number', 'text')
        .addColumn('transformed_into', 'text')
        .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('cancelled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_external_key').on('documents').column('external_key').execute();
      // The guarantee behind "never twice": one live document (the head of its chain, not cancelled) per
      // external key, whatever two processes read before writing.
      await db.schema
        .createIndex('documents_one_live_per_external_key')
        .on('documents')
        .column('external_key')
        .unique()
        .where(sql<boolean>`transformed_into is null and cancelled = 0 and external_key <> ''`)
        .execute();
      await db.schema.createIndex('documents_date').on('documents').columns(['date', 'id']).execute();
      await db.schema.createIndex('documents_customer').on('documents').column('customer_code').execute();

      await addSerialId(db.schema.createTable('document_lines'), 'id')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('article_reference', 'text', (c) => c.notNull().references('articles.reference'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('quantity', decimal, (c) => c.notNull())
        .addColumn('unit_price_tax_excl', decimal, (c) => c.notNull())
        .addColumn('unit_price_tax_incl', decimal, (c) => c.notNull())
        .addColumn('discount_percent', decimal, (c) => c.notNull())
        .addColumn('discount_amount_tax_excl', decimal, (c) => c.notNull())
        .addColumn('vat_code', 'text', (c) => c.notNull().references('vat_codes.code'))
        .addColumn('vat_rate', decimal, (c) => c.notNull())
        .addColumn('total_tax_excl', decimal, (c) => c.notNull())
        .addColumn('total_tax_incl', decimal, (c) => c.notNull())
        .addColumn('ecotax_tax_excl', decimal, (c) => c.notNull())
        .addColumn('source_line_id', 'integer')
        .addColumn('origin_line_id', 'integer', (c) => c.references('document_lines.id'))
        .execute();
      await db.schema
        .createIndex('document_lines_document')
        .on('document_lines')
        .columns(['document_id', 'position'])
        .execute();

      await addSerialId(db.schema.createTable('document_payments'), 'id')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('mode_code', 'text', (c) => c.notNull().references('payment_modes.code'))
        .addColumn('journal', 'text', (c) => c.notNull())
        .addColumn('amount', decimal, (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('transaction_id', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('document_payments_document')
        .on('document_payments')
        .column('document_id')
        .execute();

      await addSerialId(db.schema.createTable('transformations'), 'id')
        .addColumn('source_number', 'text', (c) => c.notNull().references('documents.number'))
        .addColumn('target_number', 'text', (c) => c.notNull().references('documents.number'))
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
