import type { Kysely } from 'kysely';
import type { Clock } from '../../../ports/clock.js';
import type { Schema } from '../schema.js';
import { closeInterruptedRuns } from './interrupted-runs.js';

/**
 * The run locks: one holder per name, taken over when expired or when its holder is known dead. Whoever
 * gets a lock closes the runs a dead holder left "running" (interrupted-runs.ts).
 */
export class SqlRunLocks {
  readonly #db: Kysely<Schema>;
  readonly #clock: Clock;
  /** The locks this store holds now, by name: their owner is recorded on the runs started meanwhile. */
  readonly #held = new Map<string, string>();

  constructor(db: Kysely<Schema>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.#clock.now();
    const nowText = now.toISOString();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    // One statement: insert the lock, or take it over when it is ours already or its holder let it expire.
    const taken = await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('locks')
        .values({ name, owner, acquired_at: nowText, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner, acquired_at: nowText, expires_at: expiresAt })
            .where((eb) => eb.or([eb('locks.owner', '=', owner), eb('locks.expires_at', '<=', nowText)])),
        )
        .returning('owner')
        .executeTakeFirst();
      if (row !== undefined) await closeInterruptedRuns(trx, owner, now);
      return row !== undefined;
    });
    if (taken) this.#held.set(name, owner);
    return taken;
  }

  async refresh(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const expiresAt = new Date(this.#clock.now().getTime() + ttlMs).toISOString();
    const result = await this.#db
      .transaction()
      .execute((trx) =>
        trx
          .updateTable('locks')
          .set({ expires_at: expiresAt })
          .where('name', '=', name)
          .where('owner', '=', owner)
          .executeTakeFirst(),
      );
    return Number(result.numUpdatedRows) > 0;
  }

  async release(name: string, owner: string): Promise<void> {
    await this.#db
      .transaction()
      .execute((trx) =>
        trx.deleteFrom('locks').where('name', '=', name).where('owner', '=', owner).execute(),
      );
    if (this.#held.get(name) === owner) this.#held.delete(name);
  }

  /** The owner of a lock this store holds (one per process), if it holds any. */
  heldOwner(): string | undefined {
    return this.#held.values().next().value;
  }

  async holder(name: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('locks')
      .select('owner')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.owner;
  }

  async takeOver(name: string, owner: string, deadOwner: string, ttlMs: number): Promise<boolean> {
    const now = this.#clock.now();
    const taken = await this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('locks')
        .set({
          owner,
          acquired_at: now.toISOString(),
          expires_at: new Date(now.getTime() + ttlMs).toISOString(),
        })
        .where('name', '=', name)
        .where('owner', '=', deadOwner)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await closeInterruptedRuns(trx, owner, now);
      return true;
    });
    if (taken) this.#held.set(name, owner);
    return taken;
  }
}
