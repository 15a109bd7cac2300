import type { Kysely } from 'kysely';
import type { Schema } from '../schema.js';

export const INTERRUPTED_RUN = {
  code: 'run-interrupted',
  message:
    "Import interrompu avant la fin (programme arrêté, panne, ou gestion commerciale devenue inaccessible). Les commandes comptées ici sont dans la gestion commerciale ; l'import suivant reprend les autres.",
} as const;

/**
 * Closes the real runs still "running" whose lock owner no longer holds any lock: their process died
 * (a SIGKILL leaves no chance to finish the run). Called by the new holder of a run lock, in the
 * transaction that gives it the lock; each run gets the counts of the outcomes it had recorded.
 */
export async function closeInterruptedRuns(
  trx: Kysely<Schema>,
  newOwner: string,
  now: Date,
): Promise<number> {
  const orphans = await trx
    .selectFrom('runs')
    .select('id')
    .where('status', '=', 'running')
    .where('lock_owner', 'is not', null)
    .where('lock_owner', '!=', newOwner)
    .where('lock_owner', 'not in', trx.selectFrom('locks').select('owner'))
    .execute();
  for (const { id } of orphans) {
    const byStatus = await trx
      .selectFrom('run_outcomes')
      .select((eb) => ['status', eb.fn.countAll().as('total')])
      .where('run_id', '=', id)
      .groupBy('status')
      .execute();
    const count = (...statuses: string[]) =>
      byStatus
        .filter((row) => statuses.includes(row.status))
        .reduce((sum, row) => sum + Number(row.total), 0);
    await trx
      .updateTable('runs')
      .set({
        finished_at: now.toISOString(),
        read_count: byStatus.reduce((sum, row) => sum + Number(row.total), 0),
        imported_count: count('imported'),
        upgraded_count: count('upgraded'),
        skipped_count: count('skipped'),
        failed_count: count('failed'),
        planned_count: count('would-import', 'would-upgrade'),
        fatal_code: INTERRUPTED_RUN.code,
        fatal_message: INTERRUPTED_RUN.message,
        status: 'failed',
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
    await trx
      .insertInto('journal')
      .values({
        run_id: id,
        at: now.toISOString(),
        level: 'error',
        message: INTERRUPTED_RUN.message,
        shop_id: null,
        order_id: null,
        // Its code, for a page in another language (the words depend on the code alone).
        note: JSON.stringify({ code: 'run-stopped', failureCode: INTERRUPTED_RUN.code, data: {} }),
      })
      .execute();
  }
  return orphans.length;
}
