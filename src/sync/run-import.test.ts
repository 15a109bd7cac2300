import { describe, expect, it } from 'vitest';
import { configSchema, type NavetteConfigInput } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { ExpectedFailure } from '../domain/failure.js';
import type { OrderOutcome } from '../domain/import-report.js';
import type { ImportRules } from '../domain/rules.js';
import type { ShopOrder, ShopOrderKey } from '../domain/shop-order.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource, keyRefused, shopUnreachable } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import type { ImportOptions } from './import-options.js';
import type { RunEvent } from './run-events.js';
import { runImport } from './run-import.js';
import { importLockName } from './run-lock.js';

/**
 * The run on its own, over the in-memory source, GesCom and store (each passes its port's contract
 * suite): milliseconds a case, no database, no HTTP.
 */

const SHOP_URL = 'https://shop.example';
/** Now is 11:00 in Paris; a clean run moves the mark to its start. */
const STARTED_AT = '2026-11-27 11:00:00';
const BASE = expectedShopOrder(7);
const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;

/** Order 7 of the recorded shop (paid, three articles), under another key, date and state. */
function order(orderId: number, day: number, stateId = 2, shopId = 1): ShopOrder {
  return {
    ...BASE,
    key: { shopId, orderId },
    dateAdd: `2026-11-${String(day).padStart(2, '0')} 10:00:00`,
    state: stateOf(stateId),
  };
}

function rulesWith(overrides: Partial<NavetteConfigInput> = {}): ImportRules {
  return configSchema.parse({
    ...starterConfig(SHOP_URL),
    period: { kind: 'since-last-import', dateField: 'order', overlapMinutes: 60 },
    ...overrides,
  });
}

/** The state table with one rule changed. */
function withRule(stateId: number, change: Partial<ImportRules['states'][number]>) {
  return starterConfig(SHOP_URL).states.map((rule) => (rule.id === stateId ? { ...rule, ...change } : rule));
}

function setup(orders: readonly ShopOrder[], rules: ImportRules = rulesWith()) {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const { target, store } = openMemoryGescom(clock);
  target.addArticles(BASE.lines.map((line) => ({ reference: line.reference, ean13: '', label: line.name })));
  const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders, pageSize: 3 });
  const deps = { source, target, store, clock, lockOwner: 'this-run', webserviceCalls: () => source.calls };
  const events: RunEvent[] = [];
  const run = async (options: Partial<ImportOptions> = {}) => {
    const summary = await runImport(deps, rules, {
      trigger: 'cli',
      dryRun: false,
      onEvent: (event) => events.push(event),
      ...options,
    });
    const outcomes: OrderOutcome[] = [];
    for await (const outcome of store.runOutcomes(summary.runId)) outcomes.push(outcome);
    return { summary, outcomes, journal: await store.runJournal(summary.runId) };
  };
  return { source, target, store, clock, events, run };
}

const statusOf = (outcomes: readonly OrderOutcome[]) =>
  outcomes.map((outcome) => `${outcome.orderId}:${outcome.status}${outcome.code ? `:${outcome.code}` : ''}`);

/** A period that covers every order of these tests (the mark alone would not read them twice). */
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' } as const;

const SEVEN_ORDERS = [1, 2, 3, 4, 5, 6, 7].map((orderId) => order(orderId, 10 + orderId));

describe('runImport', () => {
  it('imports the selected orders page by page and tells each step', async () => {
    const { run, target, store, events, source } = setup(SEVEN_ORDERS);
    const { summary, outcomes } = await run();
    expect(summary).toMatchObject({ status: 'succeeded', fatal: undefined, dryRun: false, shopIds: [1] });
    expect(summary.counts).toEqual({ read: 7, imported: 7, upgraded: 0, skipped: 0, failed: 0, planned: 0 });
    expect(statusOf(outcomes)).toEqual([1, 2, 3, 4, 5, 6, 7].map((id) => `${id}:imported`));
    expect(outcomes[0]?.document).toEqual({ number: 'BC00001', type: 'order', status: 'confirmed' });
    expect((await target.listDocuments({})).total).toBe(7);
    expect((await store.findImports([{ shopId: 1, orderId: 7 }])).get('ps-1-7')?.runId).toBe(summary.runId);
    expect(summary.webserviceCalls).toBe(source.calls);
    expect(events[0]).toMatchObject({ type: 'started', runId: summary.runId });
    expect(events.filter((event) => event.type === 'outcome')).toHaveLength(7);
    expect(events.at(-1)).toEqual({ type: 'finished', summary });
  });

  it('writes nothing the second time', async () => {
    const { run, target } = setup(SEVEN_ORDERS);
    await run();
    const { summary, outcomes } = await run({ period: NOVEMBER });
    expect(summary.counts).toMatchObject({ read: 7, imported: 0, skipped: 7 });
    expect(new Set(outcomes.map((outcome) => outcome.code))).toEqual(new Set(['already-imported']));
    expect(target.writes.importDocument).toBe(7);
  });

  describe('refused and fatal runs', () => {
    it('is refused while another run holds the shop, and says so in the history', async () => {
      const { run, store, source, events } = setup(SEVEN_ORDERS);
      expect(await store.acquireLock(importLockName(SHOP_URL), 'other-host:1:other', 120_000)).toBe(true);
      const { summary } = await run();
      expect(summary).toMatchObject({ status: 'failed', fatal: { code: 'run-in-progress' }, dryRun: false });
      expect(source.calls).toBe(0);
      expect((await store.listRuns({ limit: 5 })).map((listed) => listed.runId)).toEqual([summary.runId]);
      expect(events).toEqual([{ type: 'finished', summary }]);
      expect(await store.lockHolder(importLockName(SHOP_URL))).toBe('other-host:1:other');
    });

    it('previews while another run holds the shop: an aperçu writes nothing', async () => {
      const { run, store } = setup(SEVEN_ORDERS);
      await store.acquireLock(importLockName(SHOP_URL), 'other-host:1:other', 120_000);
      const { summary } = await run({ dryRun: true });
      expect(summary).toMatchObject({ status: 'succeeded', fatal: undefined });
      expect(summary.counts.planned).toBe(7);
    });

    it('holds the lock while it runs and lets it go after', async () => {
      const { run, store } = setup(SEVEN_ORDERS);
      const holders: (string | undefined)[] = [];
      await run({
        onEvent: (event) => {
          if (event.type === 'started')
            void store.lockHolder(importLockName(SHOP_URL)).then((h) => holders.push(h));
        },
      });
      expect(holders).toEqual(['this-run']);
      expect(await store.lockHolder(importLockName(SHOP_URL))).toBeUndefined();
    });

    it.each([
      ['the shop does not answer', 'orderStates', shopUnreachable(), 'shop-unreachable'],
      ['the key is refused', 'shops', keyRefused(), 'key-invalid'],
      [
        'the states cannot be read',
        'orderStates',
        new ExpectedFailure('malformed-answer', 'Réponse illisible.'),
        'malformed-answer',
      ],
      ['the orders cannot be read', 'readOrders', shopUnreachable(), 'shop-unreachable'],
    ] as const)('ends with a fatal failure when %s', async (_case, method, failure, code) => {
      const { run, source, store, target } = setup(SEVEN_ORDERS);
      source.failures[method] = failure;
      const { summary, journal } = await run();
      expect(summary).toMatchObject({ status: 'failed', fatal: { code, message: failure.message } });
      expect(summary.counts.read).toBe(0);
      expect(journal.map((entry) => [entry.level, entry.message])).toEqual([['error', failure.message]]);
      expect(await store.getHighWaterMark(1)).toBeUndefined();
      expect(target.writes.importDocument).toBe(0);
      expect(await store.lockHolder(importLockName(SHOP_URL))).toBeUndefined();
    });

    it('keeps the values of the failure that stopped it on its journal line, for a page to say it', async () => {
      const { run, source } = setup(SEVEN_ORDERS);
      const data = { url: SHOP_URL, seconds: 30 };
      source.failures.readOrders = new ExpectedFailure('timeout', 'La boutique n’a pas répondu.', { data });
      const { summary, journal } = await run();
      expect(summary.fatal).toEqual({ code: 'timeout', message: 'La boutique n’a pas répondu.' });
      expect(journal.map((entry) => entry.note)).toEqual([
        { code: 'run-stopped', failureCode: 'timeout', data },
      ]);
      // A failure without values keeps its line as it was: a page shows its French message.
      source.failures.readOrders = shopUnreachable();
      expect((await run()).journal.map((entry) => entry.note)).toEqual([undefined]);
    });

    it('keeps what was imported before the shop stopped answering, and leaves the mark where it was', async () => {
      const { run, source, store } = setup(
        SEVEN_ORDERS,
        rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
      );
      const { summary, outcomes } = await run({
        onEvent: (event) => {
          if (event.type === 'outcome') source.failures.readOrders = shopUnreachable();
        },
      });
      expect(summary).toMatchObject({ status: 'failed', fatal: { code: 'shop-unreachable' } });
      expect(summary.counts).toMatchObject({ read: 3, imported: 3 });
      expect(outcomes).toHaveLength(3);
      expect(await store.getHighWaterMark(1)).toBeUndefined();
      // The outbox waits for the next run: nothing is sent by a run that did not finish reading.
      expect(source.sent).toEqual([]);
      expect(await store.countPendingStateChanges()).toBe(3);
    });

    it('lets a bug through, and still lets the lock go', async () => {
      const { run, source, store } = setup(SEVEN_ORDERS);
      source.failures.shops = new TypeError('a bug');
      await expect(run()).rejects.toThrow('a bug');
      expect(await store.lockHolder(importLockName(SHOP_URL))).toBeUndefined();
    });
  });

  it('stops between pages when aborted, sends nothing and leaves the mark', async () => {
    const { run, store, source } = setup(
      SEVEN_ORDERS,
      rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
    );
    const controller = new AbortController();
    const { summary, outcomes } = await run({
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'outcome') controller.abort();
      },
    });
    expect(summary).toMatchObject({ status: 'failed', fatal: { code: 'aborted' } });
    expect(outcomes).toHaveLength(3);
    expect(source.sent).toEqual([]);
    expect(await store.getHighWaterMark(1)).toBeUndefined();
  });

  it('leaves out the orders unticked in the aperçu', async () => {
    const { run, target } = setup(SEVEN_ORDERS);
    const excluded: ShopOrderKey[] = [
      { shopId: 1, orderId: 2 },
      { shopId: 1, orderId: 6 },
    ];
    const { summary, outcomes } = await run({ exclude: excluded });
    expect(statusOf(outcomes).filter((status) => status.includes('skipped'))).toEqual([
      '2:skipped:excluded',
      '6:skipped:excluded',
    ]);
    expect(summary.counts).toMatchObject({ imported: 5, skipped: 2 });
    expect(await target.findByExternalKey('ps-1-2')).toBeUndefined();
  });

  describe('the high-water mark', () => {
    it('moves to the start of a clean run, for every shop read', async () => {
      const { run, store } = setup([...SEVEN_ORDERS, order(8, 20, 2, 2)]);
      const { summary } = await run();
      expect(summary.shopIds).toEqual([1, 2]);
      expect(await store.getHighWaterMark(1)).toBe(STARTED_AT);
      expect(await store.getHighWaterMark(2)).toBe(STARTED_AT);
    });

    it('never passes a failed order, which the next run reads again', async () => {
      const { run, store, target } = setup(SEVEN_ORDERS);
      await store.setHighWaterMark(1, '2026-11-10 00:00:00');
      await store.setHighWaterMark(2, '2026-11-10 00:00:00');
      target.failNextWrite = undefined;
      let imports = 0;
      const failing = target.importDocument.bind(target);
      target.importDocument = async (draft, record) => {
        imports += 1;
        if (record.key.orderId === 4 && imports < 8) throw new Error('disque plein');
        return failing(draft, record);
      };
      const first = await run();
      expect(statusOf(first.outcomes)).toContain('4:failed:internal-error');
      expect(await store.getHighWaterMark(1)).toBe(order(4, 14).dateAdd);
      // From the mark minus the overlap: the failed order is read again, and imported this time.
      const second = await run();
      expect(statusOf(second.outcomes)).toContain('4:imported');
      expect(second.summary.period?.from).toBe('2026-11-14 09:00:00');
      expect(await store.getHighWaterMark(1)).toBe(STARTED_AT);
    });

    it('stops at the oldest of several failed orders, whatever the page', async () => {
      const { run, store, target } = setup(SEVEN_ORDERS);
      const importDocument = target.importDocument.bind(target);
      target.importDocument = async (draft, record) => {
        if ([2, 6].includes(record.key.orderId)) throw new Error('disque plein');
        return importDocument(draft, record);
      };
      const { outcomes } = await run();
      expect(statusOf(outcomes).filter((status) => status.includes('failed'))).toHaveLength(2);
      expect(await store.getHighWaterMark(1)).toBe(order(2, 12).dateAdd);
    });

    it('does not move when a failed order has no date (its answer was unreadable)', async () => {
      const { run, store, source } = setup(SEVEN_ORDERS);
      source.refuse({ shopId: 1, orderId: 3 }, 'malformed-order', 'La commande est illisible : total absent');
      const { outcomes } = await run();
      expect(outcomes.find((outcome) => outcome.orderId === 3)).toMatchObject({
        status: 'failed',
        code: 'malformed-order',
        reason: 'La commande est illisible : total absent',
        orderDate: '',
      });
      expect(await store.getHighWaterMark(1)).toBeUndefined();
      // Nor from a mark set before.
      await store.setHighWaterMark(1, '2026-11-05 00:00:00');
      await run();
      expect(await store.getHighWaterMark(1)).toBe('2026-11-05 00:00:00');
    });

    it('is not moved by an aperçu, which does not send the outbox either', async () => {
      const { run, store, source } = setup(
        SEVEN_ORDERS,
        rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
      );
      await store.setHighWaterMark(1, '2026-11-01 00:00:00');
      await store.setHighWaterMark(2, '2026-11-01 00:00:00');
      store.writeImport(
        {
          key: { shopId: 1, orderId: 99 },
          orderReference: 'X',
          orderStateId: 2,
          runId: 'earlier',
          stateChanges: [{ expectedStateId: 2, newStateId: 3, sendEmail: false }],
        },
        { number: 'BC00099', type: 'order', status: 'confirmed' },
      );
      const { summary } = await run({ dryRun: true });
      expect(summary.counts.planned).toBe(7);
      expect(await store.getHighWaterMark(1)).toBe('2026-11-01 00:00:00');
      expect(await store.getHighWaterMark(2)).toBe('2026-11-01 00:00:00');
      expect(source.sent).toEqual([]);
      expect(await store.countPendingStateChanges()).toBe(1);
    });
  });

  describe('upgrades', () => {
    it('turns the quote of an order paid since into an order, and previews it first', async () => {
      const { run, source, target, store } = setup([order(1, 20, 1)]);
      const first = await run();
      expect(first.outcomes[0]?.document).toMatchObject({ number: 'DE00001', type: 'quote' });
      source.moveOrder({ shopId: 1, orderId: 1 }, 2);
      const preview = await run({ dryRun: true, period: NOVEMBER });
      expect(statusOf(preview.outcomes)).toEqual(['1:would-upgrade']);
      expect(target.writes.transformDocument).toBe(0);
      const { outcomes, summary } = await run({ period: NOVEMBER });
      expect(statusOf(outcomes)).toEqual(['1:upgraded']);
      expect(summary.counts.upgraded).toBe(1);
      expect(outcomes[0]?.document).toEqual({ number: 'BC00001', type: 'order', status: 'confirmed' });
      expect((await store.findImports([{ shopId: 1, orderId: 1 }])).get('ps-1-1')?.documentNumber).toBe(
        'BC00001',
      );
    });

    it('sends the "Changer le statut en" of the rule that upgraded the document, once', async () => {
      // As seen on PrestaShop 8.1.2: 10 → 2 upgraded DE → BC, and 2's "changer en 3" must follow.
      const { run, source } = setup(
        [order(1, 20, 10)],
        rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
      );
      await run();
      expect(source.sent).toEqual([]);
      source.moveOrder({ shopId: 1, orderId: 1 }, 2);
      const { outcomes } = await run({ period: NOVEMBER });
      expect(statusOf(outcomes)).toEqual(['1:upgraded']);
      expect(source.sent.map((change) => [change.expectedStateId, change.newStateId])).toEqual([[2, 3]]);
      await run({ period: NOVEMBER });
      expect(source.sent).toHaveLength(1);
    });

    it('never turns an order back into a quote when the order goes back to awaiting payment', async () => {
      const { run, source, target } = setup([order(1, 20, 2)]);
      await run();
      source.moveOrder({ shopId: 1, orderId: 1 }, 1);
      for (const dryRun of [true, false]) {
        const { outcomes } = await run({ dryRun, period: NOVEMBER });
        expect(statusOf(outcomes)).toEqual(['1:skipped:already-imported']);
        expect(outcomes[0]?.reason).toContain('ne revient jamais en arrière');
      }
      expect(target.writes.transformDocument).toBe(0);
      expect((await target.findByExternalKey('ps-1-1'))?.type).toBe('order');
    });

    it('leaves the quote as it is when upgrades are off', async () => {
      const { run, source, target } = setup(
        [order(1, 20, 1)],
        rulesWith({ document: { upgradeOnStateChange: false } }),
      );
      await run();
      source.moveOrder({ shopId: 1, orderId: 1 }, 2);
      const { outcomes } = await run({ period: NOVEMBER });
      expect(statusOf(outcomes)).toEqual(['1:skipped:already-imported']);
      expect(target.writes.transformDocument).toBe(0);
    });

    it('cancels a draft whose order was cancelled in the shop, after an aperçu that cancels nothing', async () => {
      const { run, source, target } = setup(
        [order(1, 20, 1)],
        rulesWith({ document: { cancelDraftWhenOrderCancelled: true } }),
      );
      await run();
      source.moveOrder({ shopId: 1, orderId: 1 }, 6);
      await run({ dryRun: true, period: NOVEMBER });
      expect(target.writes.cancelDocument).toBe(0);
      const { outcomes } = await run({ period: NOVEMBER });
      expect(statusOf(outcomes)).toEqual(['1:skipped:cancelled-in-shop']);
      expect((await target.getDocument('DE00001'))?.cancelled).toBe(true);
    });

    it('reports a cancelled order whose document the GesCom no longer finds, and cancels nothing', async () => {
      const { run, source, target } = setup(
        [order(1, 20, 1)],
        rulesWith({ document: { cancelDraftWhenOrderCancelled: true } }),
      );
      await run();
      await target.releaseExternalKeys({ externalKeys: ['ps-1-1'] });
      source.moveOrder({ shopId: 1, orderId: 1 }, 6);
      const { outcomes } = await run({ period: NOVEMBER });
      expect(statusOf(outcomes)).toEqual(['1:skipped:cancelled-in-shop']);
      expect(outcomes[0]?.reason).toContain("n'a pas été retrouvé");
      expect(target.writes.cancelDocument).toBe(0);
      expect((await target.getDocument('DE00001'))?.cancelled).toBe(false);
    });

    it('reads cancelled orders never imported without a word about them', async () => {
      const { run } = setup([order(1, 20, 6), order(2, 21, 7), order(3, 22, 2)]);
      const { summary, outcomes } = await run();
      expect(statusOf(outcomes)).toEqual(['3:imported']);
      expect(summary.counts.read).toBe(1);
    });
  });

  describe('one bad order', () => {
    it('fails alone: the others are imported, the journal says which and why', async () => {
      const { run, target } = setup(SEVEN_ORDERS);
      target.failNextWrite = new Error('disque plein');
      const { summary, outcomes, journal } = await run();
      expect(statusOf(outcomes)[0]).toBe('1:failed:internal-error');
      expect(summary).toMatchObject({ status: 'partial', counts: { read: 7, imported: 6, failed: 1 } });
      expect(outcomes[0]?.reason).toContain('disque plein');
      expect(journal.map((entry) => [entry.level, entry.orderId])).toEqual([['error', 1]]);
    });

    it('keeps the GesCom refusal code, and names an unknown one', async () => {
      const { run, target } = setup(SEVEN_ORDERS.slice(0, 2));
      target.failNextWrite = new ExpectedFailure('document-not-draft', 'Le document n’est plus Saisi.');
      const first = await run({ period: NOVEMBER });
      expect(statusOf(first.outcomes)).toEqual(['1:failed:document-not-draft', '2:imported']);
      target.failNextWrite = new ExpectedFailure('gescom-offline', 'La gestion commerciale ne répond pas.');
      const second = await run({ period: NOVEMBER });
      expect(second.outcomes[0]).toMatchObject({
        status: 'failed',
        code: 'gescom-refused',
        reason: 'La gestion commerciale ne répond pas.',
      });
    });

    it('keeps the data a GesCom refusal was written from, for a page to say it in English', async () => {
      const { run, target } = setup(SEVEN_ORDERS.slice(0, 1));
      const data = {
        case: 'data-refused',
        method: 'POST',
        endpoint: 'thirdparties',
        detail: 'Data too long',
      };
      target.failNextWrite = new ExpectedFailure('data-refused', 'Dolibarr refuse les données.', { data });
      const { outcomes, journal } = await run({ period: NOVEMBER });
      expect(outcomes[0]).toMatchObject({ code: 'gescom-refused', reason: 'Dolibarr refuse les données.' });
      expect(outcomes[0]?.reasonData).toEqual(data);
      expect(journal[0]?.note).toMatchObject({ code: 'order-failed', reasonData: data });
    });

    it('fails an unreadable order of a selected state, and passes over one of a state never imported', async () => {
      const { run, source } = setup([order(1, 20, 2), order(2, 21, 6), order(3, 22, 2)]);
      source.refuse({ shopId: 1, orderId: 1 }, 'unknown-tax', 'Taxe inconnue.');
      source.refuse({ shopId: 1, orderId: 2 }, 'unknown-tax', 'Taxe inconnue.');
      const { outcomes } = await run();
      expect(statusOf(outcomes)).toEqual(['1:failed:unknown-tax', '3:imported']);
      expect(outcomes[0]).toMatchObject({ stateId: 2, stateName: 'Paiement accepté' });
    });
  });

  describe('the outbox', () => {
    it('sends the state changes once the documents are written, and journals them', async () => {
      const { run, source, events, store } = setup(
        SEVEN_ORDERS.slice(0, 4),
        rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
      );
      const { summary, journal } = await run();
      expect(summary.stateChanges).toEqual({ sent: 4, skipped: 0, failed: 0 });
      expect(
        source.sent.map((change) => [change.key.orderId, change.expectedStateId, change.newStateId]),
      ).toEqual([
        [1, 2, 3],
        [2, 2, 3],
        [3, 2, 3],
        [4, 2, 3],
      ]);
      const types = events.map((event) => event.type);
      expect(types.lastIndexOf('outcome')).toBeLessThan(types.indexOf('state-changes'));
      expect(journal.filter((entry) => entry.message.startsWith('Statut de la commande'))).toHaveLength(4);
      expect(await store.countPendingStateChanges()).toBe(0);
    });

    it('writes no state change for an order that failed', async () => {
      const { run, source, target } = setup(
        SEVEN_ORDERS.slice(0, 2),
        rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
      );
      target.failNextWrite = new Error('disque plein');
      await run();
      expect(source.sent.map((change) => change.key.orderId)).toEqual([2]);
    });
  });

  describe('what the run tells and records', () => {
    it('tells the period and shops at the start, the counts so far with each outcome, and the journal as it is written', async () => {
      const { run, source, target, events, clock } = setup(
        SEVEN_ORDERS.slice(0, 3),
        rulesWith({ states: withRule(2, { changeStateTo: 3 }) }),
      );
      target.failNextWrite = new Error('disque plein');
      const changeState = source.changeState.bind(source);
      source.changeState = async (change, known) => {
        if (change.key.orderId === 3)
          throw new ExpectedFailure('permission-denied', 'La clé ne peut pas écrire.');
        return changeState(change, known);
      };
      const { summary, outcomes, journal } = await run({ period: NOVEMBER });
      expect(events[0]).toEqual({
        type: 'started',
        runId: summary.runId,
        dryRun: false,
        period: { from: '2026-11-01 00:00:00', to: '2026-11-30 23:59:59', dateField: 'date_add' },
        shopIds: [1],
      });
      const counted = events.flatMap((event) =>
        event.type === 'outcome' ? [[event.outcome.orderId, event.counts.read, event.counts.failed]] : [],
      );
      expect(counted).toEqual([
        [1, 1, 1],
        [2, 2, 1],
        [3, 3, 1],
      ]);
      const failed = outcomes[0]!;
      const written = [
        {
          level: 'error',
          message: `${failed.reference} (n° 1) : ${failed.reason}`,
          shopId: 1,
          orderId: 1,
          // The same as data, for a page in another language.
          note: {
            code: 'order-failed',
            reference: failed.reference,
            orderId: 1,
            reasonCode: failed.code,
            reason: failed.reason,
            ...(failed.reasonData && { reasonData: failed.reasonData }),
          },
        },
        {
          level: 'info',
          message: 'Statut de la commande 2 : état 3 envoyé',
          shopId: 1,
          orderId: 2,
          note: { code: 'order-state', orderId: 2, sent: { code: 'state-sent', state: { id: 3 } } },
        },
        {
          level: 'warning',
          message: 'Statut de la commande 3 : La clé ne peut pas écrire.',
          shopId: 1,
          orderId: 3,
          note: {
            code: 'order-state',
            orderId: 3,
            sent: { code: 'send-failed', reason: 'La clé ne peut pas écrire.' },
          },
        },
      ];
      expect(failed.reason).toContain('disque plein');
      expect(journal.map(({ at: _at, ...entry }) => entry)).toEqual(written);
      const at = clock.now().toISOString();
      expect(events.filter((event) => event.type === 'journal')).toEqual(
        written.map((entry) => ({ type: 'journal', entry: { ...entry, at } })),
      );
      expect(events.filter((event) => event.type === 'state-changes')).toEqual([
        { type: 'state-changes', counts: { sent: 1, skipped: 0, failed: 1 } },
      ]);
      expect(summary.stateChanges).toEqual({ sent: 1, skipped: 0, failed: 1 });
    });

    it('counts only its own webservice calls, in all and by resource', async () => {
      const { source, target, store, clock } = setup(SEVEN_ORDERS.slice(0, 1));
      const byResource: Record<string, number> = { orders: 5, shops: 1 };
      const deps = {
        source,
        target,
        store,
        clock,
        lockOwner: 'this-run',
        webserviceCalls: () => 1_000 + source.calls,
        webserviceCallsByResource: () => ({ ...byResource }),
      };
      const options: ImportOptions = {
        trigger: 'cli',
        dryRun: false,
        onEvent: (event) => {
          if (event.type !== 'started') return;
          byResource.orders = 8;
          byResource.carriers = 2;
        },
      };
      const summary = await runImport(deps, rulesWith(), options);
      expect(summary.webserviceCalls).toBe(source.calls);
      expect(summary.webserviceCallsByResource).toEqual({ orders: 3, carriers: 2 });
      const { webserviceCalls: _calls, webserviceCallsByResource: _byResource, ...uncounted } = deps;
      const plain = await runImport(uncounted, rulesWith(), { ...options, period: NOVEMBER });
      expect(plain.webserviceCalls).toBeUndefined();
      expect(plain).not.toHaveProperty('webserviceCallsByResource');
    });

    it('records a refused run for the shops asked, else those configured, else none', async () => {
      const { run, store } = setup(SEVEN_ORDERS);
      await store.acquireLock(importLockName(SHOP_URL), 'other-host:1:other', 120_000);
      const { summary } = await run({ shopIds: [2], trigger: 'schedule' });
      expect(summary).toMatchObject({
        trigger: 'schedule',
        dryRun: false,
        period: undefined,
        shopIds: [2],
        counts: { read: 0, imported: 0, failed: 0 },
        stateChanges: { sent: 0, skipped: 0, failed: 0 },
        webserviceCalls: undefined,
        fatal: {
          code: 'run-in-progress',
          message:
            'Un import est déjà en cours pour cette boutique (lancé depuis la ligne de commande, la page web ou le planificateur) : réessayez quand il sera terminé.',
        },
      });
      const configured = setup(SEVEN_ORDERS, rulesWith({ shops: [3] }));
      await configured.store.acquireLock(importLockName(SHOP_URL), 'other-host:1:other', 120_000);
      expect((await configured.run()).summary.shopIds).toEqual([3]);
      expect((await run()).summary.shopIds).toEqual([]);
    });

    it('is refused without a listener too', async () => {
      const { source, target, store, clock } = setup(SEVEN_ORDERS);
      await store.acquireLock(importLockName(SHOP_URL), 'other-host:1:other', 120_000);
      const deps = { source, target, store, clock, lockOwner: 'this-run' };
      const summary = await runImport(deps, rulesWith(), { trigger: 'cli', dryRun: false });
      expect(summary.fatal?.code).toBe('run-in-progress');
    });

    it('journals a failed order without a listener too', async () => {
      const { source, target, store, clock } = setup(SEVEN_ORDERS.slice(0, 1));
      target.failNextWrite = new Error('disque plein');
      const deps = { source, target, store, clock, lockOwner: 'this-run' };
      const summary = await runImport(deps, rulesWith(), { trigger: 'cli', dryRun: false });
      expect(summary.counts.failed).toBe(1);
      expect((await store.runJournal(summary.runId)).map((entry) => entry.level)).toEqual(['error']);
    });

    it('records a fatal run as asked: aperçu or not, for the shops asked or configured', async () => {
      const { run, source } = setup(SEVEN_ORDERS);
      source.failures.orderStates = shopUnreachable();
      const asked = await run({ dryRun: true, shopIds: [2] });
      expect(asked.summary).toMatchObject({
        dryRun: true,
        shopIds: [2],
        fatal: { code: 'shop-unreachable' },
      });
      expect(asked.journal).toMatchObject([{ level: 'error', shopId: undefined, orderId: undefined }]);
      const configured = setup(SEVEN_ORDERS, rulesWith({ shops: [3] }));
      configured.source.failures.orderStates = shopUnreachable();
      expect((await configured.run()).summary).toMatchObject({ dryRun: false, shopIds: [3] });
      expect((await run()).summary.shopIds).toEqual([]);
    });

    it("dates the documents of the run's day in the shop's time zone when the setting says today", async () => {
      // 23:30 UTC on the 27th is already the 28th in Paris.
      const { run, target, clock } = setup(
        SEVEN_ORDERS.slice(0, 1),
        rulesWith({ document: { date: 'today' } }),
      );
      clock.advance(13.5 * 3_600_000);
      await run({ period: NOVEMBER });
      expect((await target.getDocument('BC00001'))?.date).toBe('2026-11-28');
    });

    it('says it was interrupted', async () => {
      const { run } = setup(SEVEN_ORDERS);
      const controller = new AbortController();
      controller.abort();
      const { summary, outcomes } = await run({ signal: controller.signal });
      expect(summary.fatal).toEqual({ code: 'aborted', message: "L'import a été interrompu." });
      expect(outcomes).toEqual([]);
    });
  });
});
