import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialectName } from '../sql-dialect-name.js';
import { gescomMigration } from './0001-gescom.js';
import { syncStoreMigration } from './0002-sync-store.js';
import { runLockOwnerMigration } from './0003-run-lock-owner.js';
import { runCallsByResourceMigration } from './0004-run-calls-by-resource.js';
import { statusUpdatesMigration } from './0005-status-updates.js';
import { runGescomCallsMigration } from './0006-run-gescom-calls.js';
import { journalNotesMigration } from './0007-journal-notes.js';
import { outcomeReasonDataMigration } from './0008-outcome-reason-data.js';

/**
 * The migrations, listed in code rather than read from a folder at run time, so that they work the same
 * from `src/` under vitest and from the compiled `dist/`. Names sort in the order they run; never rename one.
 */
export function embeddedMigrations(dialect: SqlDialectName): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-gescom': gescomMigration(dialect),
        '0002-sync-store': syncStoreMigration(dialect),
        '0003-run-lock-owner': runLockOwnerMigration(),
        '0004-run-calls-by-resource': runCallsByResourceMigration(),
        '0005-status-updates': statusUpdatesMigration(),
        '0006-run-gescom-calls': runGescomCallsMigration(),
        '0007-journal-notes': journalNotesMigration(),
        '0008-outcome-reason-data': outcomeReasonDataMigration(),
      };
    },
  };
}
