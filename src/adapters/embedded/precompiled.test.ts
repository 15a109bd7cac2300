import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type EmbeddedDatabase } from './database.js';
import { precompiled, precompiledInsert } from './precompiled.js';

describe('precompiled queries', () => {
  const opened: EmbeddedDatabase[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
  });
  const open = async () => {
    const database = await openDatabase(':memory:');
    opened.push(database);
    return database.db;
  };

  it('runs the query built once with each call’s values, fixed values kept, a value used twice bound twice', async () => {
    const db = await open();
    let builds = 0;
    const upsert = precompiled((builder, argument) => {
      builds += 1;
      return builder
        .insertInto('payment_modes')
        .values({ code: argument(0), label: argument(1) })
        .onConflict((oc) => oc.column('code').doUpdateSet({ label: argument(1) }));
    });
    const byCode = precompiled((builder, argument) =>
      builder.selectFrom('payment_modes').select(['code', 'label']).where('code', '=', argument(0)).limit(1),
    );
    await upsert(db, ['TWINT', 'Twint']);
    await upsert(db, ['TWINT', 'Twint (Suisse)']);
    await db.transaction().execute((trx) => upsert(trx, ['SEPA', 'Prélèvement']));
    expect((await byCode(db, ['TWINT'])).rows).toEqual([{ code: 'TWINT', label: 'Twint (Suisse)' }]);
    expect((await byCode(db, ['SEPA'])).rows).toEqual([{ code: 'SEPA', label: 'Prélèvement' }]);
    expect((await byCode(db, ['NONE'])).rows).toEqual([]);
    // The same dialect, in a transaction or not: built once.
    expect(builds).toBe(1);
  });

  it('inserts any number of rows and gives back the columns asked; binds an undefined value as NULL', async () => {
    const db = await open();
    const insert = precompiledInsert('vat_codes', ['code', 'rate', 'label'], { returning: ['code', 'rate'] });
    const one = await insert(db, [{ code: 'C77', rate: '7.7', label: 'TVA 7,7 %' }]);
    expect(one.rows).toEqual([{ code: 'C77', rate: '7.7' }]);
    const two = await insert(db, [
      { code: 'C25', rate: '2.5', label: 'TVA 2,5 %' },
      { code: 'C38', rate: '3.8', label: 'TVA 3,8 %' },
    ]);
    expect(two.rows.map((row) => row.code)).toEqual(['C25', 'C38']);
    const silent = precompiledInsert('vat_codes', ['code', 'rate', 'label']);
    expect((await silent(db, [{ code: 'C42', rate: '4.2', label: 'TVA 4,2 %' }])).rows).toEqual([]);
    const withNull = precompiled((builder, argument) =>
      builder.insertInto('outbox').values({
        shop_id: 1,
        order_id: argument(0),
        expected_state_id: 3,
        new_state_id: 4,
        send_email: 0,
        status: 'pending',
        attempts: 0,
        detail: '',
        run_id: 'r1',
        created_at: '2026-12-01T00:00:00.000Z',
        lease_until: argument(1),
      }),
    );
    await withNull(db, [2, undefined]);
    expect(await db.selectFrom('outbox').select(['order_id', 'lease_until']).execute()).toEqual([
      { order_id: 2, lease_until: null },
    ]);
  });
});
