import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type EmbeddedDatabase } from '../../src/adapters/embedded/database.js';
import { SqlSyncStore } from '../../src/adapters/embedded/store/sql-sync-store.js';
import { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';
import { DolibarrGescom } from '../../src/adapters/dolibarr/dolibarr-gescom.js';
import { createDemoDolibarr, type DemoDolibarr } from '../../src/demo-dolibarr/index.js';
import type { FetchLike } from '../../src/adapters/http/fetch-like.js';
import { systemClock } from '../../src/ports/clock.js';
import { ManualClock } from '../contract/manual-clock.js';
import { customer, draft, payment, record } from '../contract/sample-documents.js';

/**
 * Orders written into Dolibarr at once, as the sync does with the target's `writeConcurrency`: what
 * they share is created once, and what Dolibarr numbers is never asked twice at the same time. The
 * simulator answers in 10 ms, so that calls of different orders really overlap.
 */

/** Calls in flight, at most, by endpoint kind (`orders validate`, `all`…). */
class Overlaps {
  readonly #now = new Map<string, number>();
  readonly most = new Map<string, number>();

  wrap(inner: FetchLike): FetchLike {
    return async (url, init) => {
      const path = new URL(url).pathname;
      const kinds = ['all'];
      const validate = /\/(proposals|orders|invoices)\/\d+\/validate$/.exec(path);
      if (validate) kinds.push(`${validate[1]} validate`);
      if (path.endsWith('/paymentsdistributed')) kinds.push('payments');
      for (const kind of kinds) {
        const now = (this.#now.get(kind) ?? 0) + 1;
        this.#now.set(kind, now);
        this.most.set(kind, Math.max(now, this.most.get(kind) ?? 0));
      }
      try {
        return await inner(url, init);
      } finally {
        for (const kind of kinds) this.#now.set(kind, (this.#now.get(kind) ?? 1) - 1);
      }
    };
  }
}

describe('Dolibarr target: orders written at once', () => {
  let dolibarr: DemoDolibarr;
  let database: EmbeddedDatabase;
  let target: DolibarrGescom;
  let overlaps: Overlaps;

  beforeEach(async () => {
    const clock = new ManualClock();
    dolibarr = createDemoDolibarr({ empty: true, now: () => clock.now() });
    overlaps = new Overlaps();
    const client = new DolibarrClient({
      url: dolibarr.url,
      key: dolibarr.key,
      fetch: overlaps.wrap(dolibarr.fetch),
      clock: systemClock,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const bankAccountId = await client.createBankAccount();
    database = await openDatabase(':memory:', { clock });
    target = new DolibarrGescom(client, new SqlSyncStore(database, clock), { bankAccountId });
    dolibarr.faults.configure({ latencyMs: 10 });
  });
  afterEach(async () => {
    await target.close();
    await database.close();
  });

  const thirdParties = () => [...dolibarr.store.thirdparties.values()];
  const productRefs = () =>
    [...dolibarr.store.products.values()].map((product) => String(product.ref)).sort();

  it('declares the concurrency the sync applies (4 by default)', () => {
    expect(target.writeConcurrency).toBe(4);
  });

  it('two orders of one new customer written at once make one third party, and each article once', async () => {
    const keys = [1, 2].map((orderId) => ({ shopId: 1, orderId }));
    await target.findByExternalKeys(keys.map((key) => `ps-1-${key.orderId}`));
    const written = await Promise.all(
      keys.map((key) =>
        target.importDocument(draft(key, { type: 'order', status: 'confirmed' }), record(key)),
      ),
    );
    expect(written.map((document) => document.customerCode)).toEqual(['WEB000042', 'WEB000042']);
    expect(thirdParties().map((thirdParty) => thirdParty['code_client'])).toEqual(['WEB000042']);
    expect(productRefs()).toEqual(['PORT', 'REMISE', 'THE-VERT-100']);
    expect(overlaps.most.get('all')).toBeGreaterThan(1);
  });

  it('matched by e-mail, two customers of one e-mail written at once make one third party, as one by one', async () => {
    const keys = [3, 4].map((orderId) => ({ shopId: 1, orderId }));
    const byEmail = (code: string) => customer({ code, matchByEmail: true, email: 'camille@example.fr' });
    await Promise.all(
      keys.map((key) =>
        target.importDocument(
          draft(key, { type: 'order', status: 'confirmed', customer: byEmail(`WEB00000${key.orderId}`) }),
          record(key),
        ),
      ),
    );
    expect(thirdParties()).toHaveLength(1);
  });

  it('validates the documents of one kind, and records payments, one at a time', async () => {
    const paidByCard = (orderId: number) =>
      payment({ date: '2025-03-11', transactionId: `TX-${orderId}`, label: 'Carte' });
    const keys = Array.from({ length: 8 }, (_, index) => ({ shopId: 1, orderId: 10 + index }));
    const written = await Promise.all(
      keys.map((key, index) =>
        target.importDocument(
          index % 2 === 0
            ? draft(key, { type: 'order', status: 'confirmed' })
            : draft(key, { type: 'invoice', status: 'confirmed', payments: [paidByCard(key.orderId)] }),
          record(key),
        ),
      ),
    );
    // Every document numbered, each number once.
    const numbers = written.map((document) => document.number);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.some((number) => number.startsWith('(PROV'))).toBe(false);
    expect(dolibarr.store.payments).toHaveLength(4);
    expect(overlaps.most.get('orders validate')).toBe(1);
    expect(overlaps.most.get('invoices validate')).toBe(1);
    expect(overlaps.most.get('payments')).toBe(1);
    // The rest went side by side.
    expect(overlaps.most.get('all')).toBeGreaterThanOrEqual(4);
  });
});
