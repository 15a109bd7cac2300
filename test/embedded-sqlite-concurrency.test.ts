import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/adapters/embedded/database.js';
import { isExpectedFailure } from '../src/domain/failure.js';
import { ManualClock } from './contract/manual-clock.js';
import { draft, record } from './contract/sample-documents.js';
import { embeddedUnderTest, openTemporarySqlite } from './embedded-harness.js';

/**
 * Two navette processes on one SQLite file: here two separate connections (each its own better-sqlite3
 * handle, as two processes would have), interleaving their writes in one event loop.
 */
describe('two connections on one SQLite file', () => {
  it('never import the same order twice, and never give the same number twice', async () => {
    const clock = new ManualClock();
    const first = await openTemporarySqlite(clock);
    const second = embeddedUnderTest(await openDatabase(first.file, { clock }), clock, async () => undefined);
    try {
      const keys = Array.from({ length: 25 }, (_, index) => ({ shopId: 1, orderId: index + 1 }));
      const attempts = keys.flatMap((key) =>
        [first, second].map((side) =>
          side.target.importDocument(
            draft(key),
            record(key, { stateChanges: [{ expectedStateId: 1, newStateId: 2, sendEmail: false }] }),
          ),
        ),
      );
      const results = await Promise.allSettled(attempts);
      const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      expect(created).toHaveLength(25);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(isExpectedFailure(result.reason) ? result.reason.code : result.reason).toBe(
            'already-imported',
          );
        }
      }
      expect(new Set(created.map((document) => document.number)).size).toBe(25);
      expect((await second.target.listDocuments({ limit: 100 })).total).toBe(25);
      expect((await first.store.findImports(keys)).size).toBe(25);
      expect(await second.store.countPendingStateChanges()).toBe(25);

      const claims = await Promise.all(
        [first, second, first, second].map((side) => side.store.claimStateChanges(10, 60_000)),
      );
      const ids = claims.flat().map((change) => change.id);
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(25);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('give the run lock to one of them only, and to the other once it has expired', async () => {
    const clock = new ManualClock();
    const first = await openTemporarySqlite(clock);
    const second = embeddedUnderTest(await openDatabase(first.file, { clock }), clock, async () => undefined);
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 === 0 ? first : second).store.acquireLock('import', `process-${index}`, 30_000),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `process-${results.indexOf(true)}`;
      expect(await second.store.acquireLock('import', 'late-comer', 30_000)).toBe(false);
      clock.advance(30_001);
      expect(await second.store.acquireLock('import', 'late-comer', 30_000)).toBe(true);
      expect(await first.store.refreshLock('import', winner, 30_000)).toBe(false);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
