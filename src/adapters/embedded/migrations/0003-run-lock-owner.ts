import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Each real run remembers the owner of the run lock it ran under, so that the next holder of the lock
 * can tell a run whose process died (SIGKILL, power cut) from one still going, and close it.
 */
export function runLockOwnerMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runs').addColumn('lock_owner', 'text').execute();
      // Runs left "running" by an earlier version are closed by the next lock holder too.
      await sql`update runs set lock_owner = 'unknown' where status = 'running' and dry_run = 0`.execute(db);
    },
  };
}
