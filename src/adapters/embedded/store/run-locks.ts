import type { Kysely } from 'kysely';
import type { Clock } from '../../../ports/clock.js';
import type { Schema } from '../schema.js';

/** The run locks: one holder per name, taken over when expired or when its holder is known dead. */
export class SqlRunLocks {
  readonly #db: Kysely<Schema>;
  readonly #clock: Clock;

  constructor(db: Kysely<Schema>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.#clock.now();
    const nowText = now.toISOString();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    // One statement: insert the lock, or take it over when it is ours already or its holder let it expire.
    const taken = await this.#db.transaction().execute((trx) =>
      trx
        .insertInto('locks')
        .values({ name, owner, acquired_at: nowText, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner, acquired_at: nowText, expires_at: expiresAt })
            .where((eb) => eb.or([eb('locks.owner', '=', owner), eb('locks.expires_at', '<=', nowText)])),
        )
        .returning('owner')
        .executeTakeFirst(),
    );
    return taken !== undefined;
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
    const result = await this.#db.transaction().execute((trx) =>
      trx
        .updateTable('locks')
        .set({
          owner,
          acquired_at: now.toISOString(),
          expires_at: new Date(now.getTime() + ttlMs).toISOString(),
        })
        .where('name', '=', name)
        .where('owner', '=', deadOwner)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) === 1;
  }
}
