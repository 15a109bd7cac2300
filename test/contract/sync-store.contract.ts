import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderOutcome } from '../../src/domain/import-report.js';
import type { DocumentStatus, DocumentType } from '../../src/domain/sales-document.js';
import type { ShopOrderKey } from '../../src/domain/shop-order.js';
import type { ImportRecord } from '../../src/ports/gescom-target.js';
import { STATUS_JOURNAL, STATUS_JOURNAL_KEPT, type SyncStore } from '../../src/ports/sync-store.js';
import { ManualClock } from './manual-clock.js';
import { record } from './sample-documents.js';

export interface SyncStoreUnderTest {
  readonly store: SyncStore;
  /** Records an import the way the store's GesCom does it (the port has no such write of its own). */
  writeImport(
    record: ImportRecord,
    document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
  ): Promise<void>;
  close(): Promise<void>;
}

function outcome(index: number): OrderOutcome {
  return {
    shopId: 1 + (index % 2),
    orderId: index,
    reference: `REF${index}`,
    orderDate: '2025-03-10 14:02:00',
    stateId: 2,
    stateName: 'Paiement accepté',
    customerName: 'Camille Dupré',
    totalTaxIncl: '123.456789',
    currency: 'EUR',
    status: index % 3 === 0 ? 'skipped' : 'imported',
    document:
      index % 3 === 0
        ? undefined
        : { number: `BC${String(index).padStart(5, '0')}`, type: 'order', status: 'confirmed' },
    code: index % 3 === 0 ? 'already-imported' : undefined,
    reason: index % 3 === 0 ? 'Déjà importée' : undefined,
    notes: index % 5 === 0 ? ['écart d’arrondi de 0,01 €'] : [],
  };
}

const ZERO_COUNTS = { read: 0, imported: 0, upgraded: 0, skipped: 0, failed: 0, planned: 0 };
const NO_STATE_CHANGES = { sent: 0, skipped: 0, failed: 0 };

/**
 * The suite every SyncStore passes (SPEC §3.2): ledger, outbox, runs, locks, high-water marks. `open`
 * gives a fresh, empty store that reads time from `clock`.
 */
export function describeSyncStoreContract(
  name: string,
  open: (clock: ManualClock) => Promise<SyncStoreUnderTest>,
): void {
  describe(`SyncStore contract: ${name}`, () => {
    let clock: ManualClock;
    let subject: SyncStoreUnderTest;
    let store: SyncStore;

    beforeEach(async () => {
      clock = new ManualClock();
      subject = await open(clock);
      store = subject.store;
    });
    afterEach(async () => {
      await subject.close();
    });

    const imported = (key: ShopOrderKey, changes: ImportRecord['stateChanges'] = []) =>
      subject.writeImport(record(key, { stateChanges: changes }), {
        number: `DE${String(key.orderId).padStart(5, '0')}`,
        type: 'quote',
        status: 'draft',
      });

    describe('import ledger', () => {
      it('finds imported orders among many keys, shop by shop', async () => {
        const keys: ShopOrderKey[] = [];
        for (let orderId = 1; orderId <= 1_200; orderId += 1)
          keys.push({ shopId: 1 + (orderId % 2), orderId });
        for (const key of keys.filter((k) => k.orderId % 3 === 0)) await imported(key);
        const found = await store.findImports([...keys, { shopId: 9, orderId: 3 }]);
        expect(found.size).toBe(400);
        expect(found.get('ps-2-3')).toMatchObject({
          key: { shopId: 2, orderId: 3 },
          documentNumber: 'DE00003',
          documentType: 'quote',
        });
        expect(found.has('ps-1-3')).toBe(false);
        expect((await store.findImports([])).size).toBe(0);
      });

      it('records an import on its own for a remote GesCom, and moves it along on a transformation', async () => {
        const key = { shopId: 1, orderId: 5 };
        await store.recordImport(
          record(key, { stateChanges: [{ expectedStateId: 1, newStateId: 3, sendEmail: false }] }),
          { number: 'PR2611-0001', type: 'quote', status: 'confirmed' },
          'import',
        );
        await store.recordImport(
          record(key, { orderStateId: 2 }),
          { number: 'CO2611-0001', type: 'order', status: 'confirmed' },
          'transform',
        );
        expect((await store.findImports([key])).get('ps-1-5')).toMatchObject({
          documentNumber: 'CO2611-0001',
          documentType: 'order',
          orderStateId: 2,
        });
        expect(await store.countPendingStateChanges()).toBe(1);
      });

      it('forgets chosen orders, or a whole shop, on reset', async () => {
        for (const orderId of [1, 2, 3]) await imported({ shopId: 1, orderId });
        await imported({ shopId: 2, orderId: 1 });
        expect(
          await store.resetImports(
            {
              keys: [
                { shopId: 1, orderId: 2 },
                { shopId: 1, orderId: 9 },
              ],
            },
            'ré-import demandé par la compta',
          ),
        ).toBe(1);
        expect([
          ...(await store.findImports([1, 2, 3].map((orderId) => ({ shopId: 1, orderId })))).keys(),
        ]).toEqual(['ps-1-1', 'ps-1-3']);
        expect(await store.resetImports({ shopId: 1 }, 'boutique réinitialisée')).toBe(2);
        expect(
          (
            await store.findImports([
              { shopId: 1, orderId: 1 },
              { shopId: 2, orderId: 1 },
            ])
          ).size,
        ).toBe(1);
        await imported({ shopId: 1, orderId: 2 });
        expect((await store.findImports([{ shopId: 1, orderId: 2 }])).size).toBe(1);
      });
    });

    describe('outbox', () => {
      it('leases state changes so that nobody gets them twice at once', async () => {
        await imported({ shopId: 1, orderId: 1 }, [{ expectedStateId: 2, newStateId: 3, sendEmail: true }]);
        await imported({ shopId: 1, orderId: 2 }, [
          { expectedStateId: 2, newStateId: 3, sendEmail: false },
          { expectedStateId: 3, newStateId: 4, sendEmail: true },
        ]);
        expect(await store.countPendingStateChanges()).toBe(3);
        const first = await store.claimStateChanges(2, 60_000);
        expect(first.map((change) => [change.key.orderId, change.newStateId, change.sendEmail])).toEqual([
          [1, 3, true],
          [2, 3, false],
        ]);
        const second = await store.claimStateChanges(10, 60_000);
        expect(second.map((change) => change.newStateId)).toEqual([4]);
        expect(await store.claimStateChanges(10, 60_000)).toEqual([]);
        clock.advance(60_001);
        expect((await store.claimStateChanges(10, 60_000)).length).toBe(3);
        // The holder of the run lock frees what killed runs left leased.
        await store.releaseStateChangeLeases();
        expect((await store.claimStateChanges(10, 60_000)).length).toBe(3);
      });

      it('never hands the same change to two claimers at once', async () => {
        for (let orderId = 1; orderId <= 12; orderId += 1) {
          await imported({ shopId: 1, orderId }, [{ expectedStateId: 2, newStateId: 3, sendEmail: false }]);
        }
        const claims = await Promise.all([1, 2, 3, 4].map(() => store.claimStateChanges(5, 60_000)));
        const ids = claims.flat().map((change) => change.id);
        expect(ids.length).toBe(12);
        expect(new Set(ids).size).toBe(12);
      });

      it('resolves sent and skipped changes for good, and retries failed ones a bounded number of times', async () => {
        await imported({ shopId: 1, orderId: 1 }, [
          { expectedStateId: 2, newStateId: 3, sendEmail: true },
          { expectedStateId: 2, newStateId: 4, sendEmail: true },
          { expectedStateId: 2, newStateId: 5, sendEmail: true },
        ]);
        const [sent, skipped, failing] = await store.claimStateChanges(10, 1_000);
        if (sent === undefined || skipped === undefined || failing === undefined)
          throw new Error('three claimed');
        await store.resolveStateChange(sent.id, { status: 'sent' });
        await store.resolveStateChange(skipped.id, {
          status: 'skipped',
          detail: 'la commande a changé d’état',
        });
        await store.resolveStateChange(failing.id, { status: 'failed', detail: 'HTTP 503' });
        expect(await store.countPendingStateChanges()).toBe(1);
        // The run that failed it does not get it back before the lease ends; the next run does.
        expect(await store.claimStateChanges(10, 1_000)).toEqual([]);
        let attempts = 1;
        for (let round = 0; round < 50 && (await store.countPendingStateChanges()) > 0; round += 1) {
          clock.advance(1_001);
          const [again] = await store.claimStateChanges(10, 1_000);
          expect(again?.id).toBe(failing.id);
          expect(again?.attempts).toBe(attempts);
          await store.resolveStateChange(failing.id, { status: 'failed', detail: 'HTTP 503' });
          attempts += 1;
        }
        expect(await store.countPendingStateChanges()).toBe(0);
        expect(attempts).toBeGreaterThan(1);
        clock.advance(1_001);
        expect(await store.claimStateChanges(10, 1_000)).toEqual([]);
        // Resolving again changes nothing.
        await store.resolveStateChange(sent.id, { status: 'failed', detail: 'late' });
        expect(await store.countPendingStateChanges()).toBe(0);
      });
    });

    describe('runs', () => {
      it('keeps a run, its outcomes in order and its journal', async () => {
        const runId = await store.startRun({
          trigger: 'cli',
          dryRun: false,
          shopIds: [1, 2],
          period: { from: '2025-03-01', to: '2025-03-14', dateField: 'order' },
        });
        const running = await store.getRun(runId);
        expect(running).toMatchObject({
          runId,
          trigger: 'cli',
          dryRun: false,
          status: 'running',
          shopIds: [1, 2],
          finishedAt: undefined,
        });
        expect(running?.period).toEqual({ from: '2025-03-01', to: '2025-03-14', dateField: 'order' });

        const total = 10_000;
        for (let start = 0; start < total; start += 1_000) {
          await store.recordOutcomes(
            runId,
            Array.from({ length: 1_000 }, (_, index) => outcome(start + index)),
          );
        }
        await store.appendJournal(runId, [
          { level: 'info', message: 'Lecture des commandes', shopId: undefined, orderId: undefined },
          { level: 'error', message: 'Commande 7 : totaux différents', shopId: 1, orderId: 7 },
        ]);
        clock.advance(2_500);
        const summary = await store.finishRun(runId, {
          counts: { ...ZERO_COUNTS, read: total, imported: 6_666, skipped: 3_334 },
          stateChanges: { sent: 3, skipped: 0, failed: 0 },
          webserviceCalls: 42,
          webserviceCallsByResource: { orders: 10, order_details: 30, '': 2 },
          gescomCalls: { target: 'dolibarr', total: 7, byResource: { orders: 5, thirdparties: 2 } },
          fatal: undefined,
        });
        expect(summary).toMatchObject({
          status: 'succeeded',
          durationMs: 2_500,
          webserviceCalls: 42,
          webserviceCallsByResource: { orders: 10, order_details: 30, '': 2 },
          fatal: undefined,
        });
        expect((await store.getRun(runId))?.webserviceCallsByResource).toEqual({
          orders: 10,
          order_details: 30,
          '': 2,
        });
        expect((await store.getRun(runId))?.gescomCalls).toEqual({
          target: 'dolibarr',
          total: 7,
          byResource: { orders: 5, thirdparties: 2 },
        });
        expect(summary.counts.imported).toBe(6_666);
        expect(summary.stateChanges.sent).toBe(3);

        let count = 0;
        for await (const read of store.runOutcomes(runId)) {
          if (count === 0 || count === 5 || count === total - 1) expect(read).toEqual(outcome(count));
          expect(read.orderId).toBe(count);
          count += 1;
        }
        expect(count).toBe(total);

        const journal = await store.runJournal(runId);
        expect(journal.map((entry) => [entry.level, entry.message, entry.orderId])).toEqual([
          ['info', 'Lecture des commandes', undefined],
          ['error', 'Commande 7 : totaux différents', 7],
        ]);
        expect(journal[0]?.at).toBe(new Date(Date.parse('2025-03-14T09:00:00.000Z')).toISOString());
      });

      it("keeps an outcome's reason data and the import journal's notes, for a page in another language", async () => {
        const runId = await store.startRun({
          trigger: 'web',
          dryRun: false,
          shopIds: [1],
          period: undefined,
        });
        const failed: OrderOutcome = {
          ...outcome(1),
          status: 'failed',
          document: undefined,
          code: 'totals-mismatch',
          reason: 'Les totaux du document ne correspondent pas…',
          reasonData: { shopExcl: '21.94', differenceExcl: '0.01', currency: 'EUR' },
        };
        // An imported order's notes keep their data beside their French text; plain notes stay plain.
        const noted: OrderOutcome = {
          ...outcome(2),
          notes: ['Le client WEB000002 est supprimé dans la boutique ; son compte est utilisé quand même.'],
          noteData: [{ code: 'customer-deleted', data: { accountCode: 'WEB000002' } }],
        };
        const plain: OrderOutcome = { ...outcome(4), notes: ['Une note d’une version précédente.'] };
        await store.recordOutcomes(runId, [failed, noted, outcome(3), plain]);
        const orderFailed = {
          code: 'order-failed',
          reference: 'REF1',
          orderId: 1,
          reasonCode: 'totals-mismatch',
          reason: failed.reason!,
          reasonData: failed.reasonData!,
        } as const;
        const orderState = {
          code: 'order-state',
          orderId: 2,
          sent: { code: 'state-moved', current: { id: 4 }, expected: { id: 2 } },
        } as const;
        const runStopped = {
          code: 'run-stopped',
          failureCode: 'timeout',
          data: { url: 'https://shop.example/api/orders', seconds: 30 },
        } as const;
        await store.appendJournal(runId, [
          { level: 'error', message: 'REF1 (n° 1) : Les totaux…', shopId: 1, orderId: 1, note: orderFailed },
          { level: 'info', message: 'Statut de la commande 2 : …', shopId: 1, orderId: 2, note: orderState },
          {
            level: 'error',
            message: 'La boutique n’a pas répondu…',
            shopId: undefined,
            orderId: undefined,
            note: runStopped,
          },
        ]);
        const read: OrderOutcome[] = [];
        for await (const each of store.runOutcomes(runId)) read.push(each);
        expect(read).toEqual([failed, noted, outcome(3), plain]);
        expect(read[2]).not.toHaveProperty('reasonData');
        expect(read[3]).not.toHaveProperty('noteData');
        expect((await store.runJournal(runId)).map((entry) => entry.note)).toEqual([
          orderFailed,
          orderState,
          runStopped,
        ]);
      });

      it('says how a run ended and lists runs newest first', async () => {
        const failed = await store.startRun({
          trigger: 'schedule',
          dryRun: false,
          shopIds: [1],
          period: undefined,
        });
        const fatal = await store.finishRun(failed, {
          counts: ZERO_COUNTS,
          stateChanges: NO_STATE_CHANGES,
          webserviceCalls: undefined,
          fatal: { code: 'shop-unreachable', message: 'La boutique ne répond pas' },
        });
        expect(fatal).toMatchObject({
          status: 'failed',
          fatal: { code: 'shop-unreachable', message: 'La boutique ne répond pas' },
          period: undefined,
        });
        clock.advance(1_000);
        const partial = await store.startRun({
          trigger: 'web',
          dryRun: true,
          shopIds: [1],
          period: undefined,
        });
        expect(
          (
            await store.finishRun(partial, {
              counts: { ...ZERO_COUNTS, failed: 1 },
              stateChanges: NO_STATE_CHANGES,
              webserviceCalls: 3,
              fatal: undefined,
            })
          ).status,
        ).toBe('partial');
        clock.advance(1_000);
        const empty = await store.startRun({
          trigger: 'demo',
          dryRun: false,
          shopIds: [],
          period: undefined,
        });
        expect(await store.getRun('no-such-run')).toBeUndefined();
        expect((await store.listRuns({ limit: 10 })).map((run) => run.runId)).toEqual([
          empty,
          partial,
          failed,
        ]);
        expect((await store.listRuns({ limit: 1, offset: 1 })).map((run) => [run.runId, run.dryRun])).toEqual(
          [[partial, true]],
        );
        const none: OrderOutcome[] = [];
        for await (const read of store.runOutcomes(empty)) none.push(read);
        expect(none).toEqual([]);
      });
    });

    describe('locks', () => {
      it('gives a lock to one owner at a time, until it expires', async () => {
        expect(await store.acquireLock('import:1', 'alice', 30_000)).toBe(true);
        expect(await store.acquireLock('import:1', 'bob', 30_000)).toBe(false);
        expect(await store.acquireLock('import:2', 'bob', 30_000)).toBe(true);
        clock.advance(20_000);
        expect(await store.refreshLock('import:1', 'alice', 30_000)).toBe(true);
        expect(await store.refreshLock('import:1', 'bob', 30_000)).toBe(false);
        clock.advance(20_000);
        // Refreshed: still alice's 40 s after she took it.
        expect(await store.acquireLock('import:1', 'bob', 30_000)).toBe(false);
        clock.advance(10_001);
        // Alice's process died: after its ttl the lock can be taken over.
        expect(await store.acquireLock('import:1', 'bob', 30_000)).toBe(true);
        expect(await store.refreshLock('import:1', 'alice', 30_000)).toBe(false);
        await store.releaseLock('import:1', 'alice');
        expect(await store.acquireLock('import:1', 'alice', 30_000)).toBe(false);
        await store.releaseLock('import:1', 'bob');
        expect(await store.acquireLock('import:1', 'alice', 30_000)).toBe(true);
      });

      it('moves a lock from a dead holder only if that holder still has it', async () => {
        expect(await store.lockHolder('import:1')).toBeUndefined();
        expect(await store.acquireLock('import:1', 'killed', 30_000)).toBe(true);
        expect(await store.lockHolder('import:1')).toBe('killed');
        expect(await store.takeOverLock('import:1', 'bob', 'someone-else', 30_000)).toBe(false);
        expect(await store.takeOverLock('import:1', 'bob', 'killed', 30_000)).toBe(true);
        expect(await store.lockHolder('import:1')).toBe('bob');
        expect(await store.takeOverLock('import:1', 'carol', 'killed', 30_000)).toBe(false);
        expect(await store.acquireLock('import:1', 'carol', 30_000)).toBe(false);
      });

      it('closes, for its next holder, the runs a dead holder left running, with what they had done', async () => {
        const start = { trigger: 'cli', shopIds: [1], period: undefined } as const;
        expect(await store.acquireLock('import:1', 'killed', 30_000)).toBe(true);
        const killed = await store.startRun({ ...start, dryRun: false });
        await store.recordOutcomes(killed, [
          outcome(1),
          outcome(2),
          outcome(3),
          { ...outcome(4), status: 'failed', code: 'totals-mismatch', reason: 'Écart' },
        ]);
        const preview = await store.startRun({ ...start, dryRun: true });
        // Still held: nobody may call the run dead.
        expect(await store.acquireLock('import:1', 'bob', 30_000)).toBe(false);
        expect((await store.getRun(killed))?.status).toBe('running');

        clock.advance(30_001);
        expect(await store.acquireLock('import:1', 'bob', 30_000)).toBe(true);
        const closed = await store.getRun(killed);
        expect(closed).toMatchObject({
          status: 'failed',
          fatal: { code: 'run-interrupted' },
          counts: { read: 4, imported: 2, upgraded: 0, skipped: 1, failed: 1, planned: 0 },
        });
        expect(closed?.finishedAt).toBe(clock.now().toISOString());
        expect(closed?.fatal?.message).toMatch(/interrompu/);
        expect((await store.runJournal(killed)).map((entry) => [entry.level, entry.note])).toEqual([
          ['error', { code: 'run-stopped', failureCode: 'run-interrupted', data: {} }],
        ]);
        // An aperçu holds no lock: the lock's next holder cannot tell whether it still runs.
        expect((await store.getRun(preview))?.status).toBe('running');

        // Bob's own run is left alone while he holds the lock, and closed by whoever takes it from him.
        const bobs = await store.startRun({ ...start, dryRun: false });
        expect(await store.acquireLock('import:1', 'bob', 30_000)).toBe(true);
        expect((await store.getRun(bobs))?.status).toBe('running');
        expect(await store.takeOverLock('import:1', 'carol', 'bob', 30_000)).toBe(true);
        expect(await store.getRun(bobs)).toMatchObject({
          status: 'failed',
          fatal: { code: 'run-interrupted' },
          counts: { read: 0, imported: 0 },
        });
      });

      it('lets only one of many simultaneous claimants win', async () => {
        const owners = ['a', 'b', 'c', 'd', 'e', 'f'];
        const results = await Promise.all(
          owners.map((owner) => store.acquireLock('import:all', owner, 30_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('high-water marks', () => {
      it('remembers where the next "since the last import" starts, per shop', async () => {
        expect(await store.getHighWaterMark(1)).toBeUndefined();
        await store.setHighWaterMark(1, '2025-03-10 14:02:00');
        await store.setHighWaterMark(2, '2025-01-01 00:00:00');
        expect(await store.getHighWaterMark(1)).toBe('2025-03-10 14:02:00');
        await store.setHighWaterMark(1, '2025-03-11 08:00:00');
        expect(await store.getHighWaterMark(1)).toBe('2025-03-11 08:00:00');
        // A run that met a failed order sets the mark back before it, so that it is read again.
        await store.setHighWaterMark(1, '2024-12-31 23:59:59');
        expect(await store.getHighWaterMark(1)).toBe('2024-12-31 23:59:59');
        expect(await store.getHighWaterMark(2)).toBe('2025-01-01 00:00:00');
      });

      it('records a status sweep at once: its state changes and tracking numbers, its cursor and its journal', async () => {
        expect(await store.statusSweepCursor()).toBeUndefined();
        const key = { shopId: 1, orderId: 42 };
        await store.recordStatusSweep({
          cursor: '17',
          updates: [
            { key, expectedStateId: 2, newStateId: 4, sendEmail: false },
            { key, trackingNumber: '6A123', sendEmail: true },
          ],
          journal: [{ level: 'info', message: 'BL00001 : état 4 demandé', shopId: 1, orderId: 42 }],
        });
        expect(await store.statusSweepCursor()).toBe('17');
        const claimed = await store.claimStateChanges(10, 60_000);
        expect(claimed.map((change) => [change.newStateId, change.trackingNumber, change.sendEmail])).toEqual(
          [
            [4, undefined, false],
            [0, '6A123', true],
          ],
        );
        // Nothing new: the cursor stays where it was.
        await store.recordStatusSweep({ cursor: undefined, updates: [], journal: [] });
        expect(await store.statusSweepCursor()).toBe('17');
        await store.appendJournal(STATUS_JOURNAL, [
          { level: 'warning', message: 'non envoyé', shopId: 1, orderId: 42 },
        ]);
        expect((await store.statusJournal(10)).map((entry) => entry.message)).toEqual([
          'non envoyé',
          'BL00001 : état 4 demandé',
        ]);
      });

      it('keeps the status journal notes, and keeps the journal to its newest entries and the last 90 days', async () => {
        const note = { code: 'state-sent', state: { id: 4, name: 'Expédié' } } as const;
        const entry = (message: string) => ({ level: 'info' as const, message, shopId: 1, orderId: 42 });
        await store.recordStatusSweep({
          cursor: '1',
          updates: [],
          journal: [{ ...entry('old, noted'), note }],
        });
        expect((await store.statusJournal(1))[0]?.note).toEqual(note);
        const many = (label: string) =>
          Array.from({ length: 150 }, (_, index) => entry(`${label} #${index}`));
        const messages = async () => (await store.statusJournal(1_000)).map((item) => item.message);
        await store.appendJournal(STATUS_JOURNAL, many('day 0'));
        clock.advance((STATUS_JOURNAL_KEPT.days - 1) * 86_400_000);
        await store.appendJournal(STATUS_JOURNAL, many('day 89'));
        // 89 days on: nothing is old enough to go.
        expect(await messages()).toHaveLength(301);
        clock.advance(2 * 86_400_000);
        await store.recordStatusSweep({ cursor: '2', updates: [], journal: [entry('day 91')] });
        // 91 days on: the day-0 entries go, those of the last 90 days stay.
        const kept = await messages();
        expect(kept).toHaveLength(151);
        expect([kept[0], kept[1], kept.at(-1)]).toEqual(['day 91', 'day 89 #149', 'day 89 #0']);
        // A shop quiet for a year still shows its newest entries.
        clock.advance(300 * 86_400_000);
        await store.appendJournal(STATUS_JOURNAL, [entry('day 391')]);
        const quiet = await messages();
        expect(quiet).toHaveLength(STATUS_JOURNAL_KEPT.newest);
        expect([quiet[0], quiet[1], quiet.at(-1)]).toEqual(['day 391', 'day 91', 'day 89 #52']);
        // An import's journal is not the status journal's: left as it is.
        const runId = await store.startRun({
          trigger: 'cli',
          dryRun: false,
          shopIds: [1],
          period: undefined,
        });
        await store.appendJournal(runId, [entry('run')]);
        expect(await store.runJournal(runId)).toHaveLength(1);
      });
    });
  });
}
