import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { SqlDialectName } from '../sql-dialect-name.js';

/**
 * The few places where one schema needs two spellings. Everything else is plain SQL both dialects read
 * the same way.
 */
export function columnTypes(dialect: SqlDialectName) {
  return {
    /** Exact decimals: NUMERIC on PostgreSQL; SQLite's NUMERIC affinity would turn them into floats, TEXT keeps them. */
    decimal: dialect === 'postgres' ? ('numeric' as const) : ('text' as const),
    /** A generated integer primary key. */
    addSerialId<T extends string>(
      this: void,
      table: CreateTableBuilder<T, never>,
      name: string,
      big = false,
    ) {
      if (dialect === 'postgres') {
        return table.addColumn(name, big ? 'bigserial' : 'serial', (column: ColumnDefinitionBuilder) =>
          column.primaryKey(),
        );
      }
      return table.addColumn(name, 'integer', (column: ColumnDefinitionBuilder) =>
        column.primaryKey().autoIncrement(),
      );
    },
  };
}
