import type { Kysely } from 'kysely';
import type { Clock } from '../../../ports/clock.js';
import type { PendingStateChange, StateChangeResolution } from '../../../ports/sync-store.js';
import type { Schema } from '../schema.js';
import type { SqlDialectName } from '../sql-dialect-name.js';

/** The outbox of shop state changes: leased to one sender at a time, retried until `maxAttempts`. */
export class SqlOutbox {
  readonly #db: Kysely<Schema>;
  readonly #dialect: SqlDialectName;
  readonly #clock: Clock;
  readonly #maxAttempts: number;

  constructor(db: Kysely<Schema>, dialect: SqlDialectName, clock: Clock, maxAttempts: number) {
    this.#db = db;
    this.#dialect = dialect;
    this.#clock = clock;
    this.#maxAttempts = maxAttempts;
  }

  async claim(limit: number, leaseMs: number): Promise<readonly PendingStateChange[]> {
    if (limit <= 0) return [];
    const now = this.#clock.now();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const rows = await this.#db.transaction().execute(async (trx) => {
      let claimable = trx
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now.toISOString())]))
        .orderBy('id')
        .limit(limit);
      // PostgreSQL: two claimers skip each other's rows instead of waiting and handing them out twice.
      // SQLite needs nothing more: the IMMEDIATE transaction already runs claimers one at a time.
      if (this.#dialect === 'postgres') claimable = claimable.forUpdate().skipLocked();
      return trx
        .updateTable('outbox')
        .set({ lease_until: leaseUntil })
        .where('id', 'in', claimable)
        .returningAll()
        .execute();
    });
    return rows
      .map((row) => ({
        id: row.id,
        key: { shopId: row.shop_id, orderId: row.order_id },
        expectedStateId: row.expected_state_id,
        newStateId: row.new_state_id,
        sendEmail: row.send_email === 1,
        attempts: row.attempts,
        createdAt: row.created_at,
        ...(row.tracking_number === null ? {} : { trackingNumber: row.tracking_number }),
      }))
      .sort((a, b) => a.id - b.id);
  }

  async releaseLeases(): Promise<void> {
    await this.#db
      .transaction()
      .execute((trx) =>
        trx.updateTable('outbox').set({ lease_until: null }).where('status', '=', 'pending').execute(),
      );
  }

  async resolve(id: number, resolution: StateChangeResolution): Promise<void> {
    const now = this.#clock.now().toISOString();
    await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox')
        .select(['attempts', 'status'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined || row.status !== 'pending') return;
      if (resolution.status !== 'failed') {
        await trx
          .updateTable('outbox')
          .set({
            status: resolution.status,
            detail: resolution.status === 'skipped' ? resolution.detail : '',
            lease_until: null,
            resolved_at: now,
          })
          .where('id', '=', id)
          .execute();
        return;
      }
      const attempts = row.attempts + 1;
      const givenUp = attempts >= this.#maxAttempts;
      await trx
        .updateTable('outbox')
        .set({
          attempts,
          detail: resolution.detail,
          // The lease stays: the run that failed does not claim the entry again; the next run will.
          ...(givenUp ? { status: 'failed', resolved_at: now, lease_until: null } : {}),
        })
        .where('id', '=', id)
        .execute();
    });
  }

  async countPending(): Promise<number> {
    const { total } = await this.#db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('total'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(total);
  }
}
