import { describe, expect, it } from 'vitest';
import { ExpectedFailure } from '../domain/failure.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { MemoryOrderSource, shopUnreachable } from '../../test/fakes/memory-order-source.js';
import { MemorySyncStore } from '../../test/fakes/memory-sync-store.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { sendStateChanges } from './write-back.js';

const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;
const order = (orderId: number, stateId = 2): ShopOrder => ({
  ...expectedShopOrder(7),
  key: { shopId: 1, orderId },
  state: stateOf(stateId),
});

/** A shop of orders in state 2, and an outbox asking to move each to 3. */
function setup(count: number) {
  const clock = new ManualClock();
  const store = new MemorySyncStore(clock, { maxAttempts: 3 });
  const source = new MemoryOrderSource({
    states: ORDER_STATES_8_1_2,
    orders: Array.from({ length: count }, (_, index) => order(index + 1)),
  });
  for (let orderId = 1; orderId <= count; orderId += 1) {
    store.writeImport(
      {
        key: { shopId: 1, orderId },
        orderReference: `R${orderId}`,
        orderStateId: 2,
        runId: 'run',
        stateChanges: [{ expectedStateId: 2, newStateId: 3, sendEmail: orderId % 2 === 0 }],
      },
      { number: `BC${orderId}`, type: 'order', status: 'confirmed' },
    );
  }
  const results: string[] = [];
  const send = () =>
    sendStateChanges(source, store, (change, result, detail) => {
      results.push(`${change.key.orderId}:${result}:${detail}`);
    });
  return { clock, store, source, results, send };
}

describe('sendStateChanges', () => {
  it('sends each pending change once, batch after batch, and resolves it', async () => {
    const { store, source, send } = setup(230);
    expect(await send()).toEqual({ sent: 230, skipped: 0, failed: 0 });
    expect(source.sent).toHaveLength(230);
    expect(source.sent[1]).toMatchObject({
      key: { shopId: 1, orderId: 2 },
      expectedStateId: 2,
      newStateId: 3,
      sendEmail: true,
    });
    expect(await store.countPendingStateChanges()).toBe(0);
    expect(await send()).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(source.sent).toHaveLength(230);
  });

  it('waits for the listener on each result before claiming more: results written down as they come', async () => {
    const { store, source } = setup(150);
    const claims: number[] = [];
    const claim = store.claimStateChanges.bind(store);
    store.claimStateChanges = (limit, leaseMs) => {
      claims.push(written.length);
      return claim(limit, leaseMs);
    };
    const written: number[] = [];
    const counts = await sendStateChanges(source, store, async (change) => {
      await new Promise((resolve) => setImmediate(resolve));
      written.push(change.key.orderId);
    });
    expect(counts).toEqual({ sent: 150, skipped: 0, failed: 0 });
    expect(written).toHaveLength(150);
    // Each claim comes once every result of the batch before is written down.
    expect(claims).toEqual([0, 100, 150]);
  });

  it('sends the changes of different orders side by side, those of one order one after the other', async () => {
    const { store, source, results, send } = setup(6);
    store.writeImport(
      {
        key: { shopId: 1, orderId: 6 },
        orderReference: 'R6',
        orderStateId: 2,
        runId: 'run',
        // After the setup's 2 → 3 of the same order.
        stateChanges: [{ expectedStateId: 3, newStateId: 4, sendEmail: false }],
      },
      { number: 'BC6', type: 'order', status: 'confirmed' },
    );
    let inFlight = 0;
    let most = 0;
    const changeState = source.changeState.bind(source);
    source.changeState = async (change, known) => {
      most = Math.max(most, (inFlight += 1));
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        return await changeState(change, known);
      } finally {
        inFlight -= 1;
      }
    };
    const counts = await send();
    expect(counts).toEqual({ sent: 7, skipped: 0, failed: 0 });
    expect(most).toBeGreaterThan(1);
    // The second change of order 6 waited for the first, and read its state again (3, not the batch's 2).
    expect(
      source.sent.filter((change) => change.key.orderId === 6).map((change) => change.newStateId),
    ).toEqual([3, 4]);
    expect(results.filter((result) => result.startsWith('6:'))).toHaveLength(2);
  });

  it('never undoes a change made since the order was read, and says why it skipped', async () => {
    const { source, send, results, store } = setup(3);
    source.moveOrder({ shopId: 1, orderId: 1 }, 4);
    source.moveOrder({ shopId: 1, orderId: 2 }, 3);
    expect(await send()).toEqual({ sent: 1, skipped: 2, failed: 0 });
    expect(source.sent.map((change) => change.key.orderId)).toEqual([3]);
    expect(results).toEqual([
      "1:skipped:la commande est passée à l'état 4 depuis sa lecture (attendu 2) : rien n'est changé",
      "2:skipped:la commande est déjà dans l'état 3",
      '3:sent:état 3 envoyé',
    ]);
    expect(store.outbox().map((change) => change.status)).toEqual(['skipped', 'skipped', 'sent']);
    expect(store.outbox().map((change) => change.detail)).toEqual([
      "la commande est passée à l'état 4 depuis sa lecture (attendu 2) : rien n'est changé",
      "la commande est déjà dans l'état 3",
      '',
    ]);
  });

  it('tells the shop the state it read for the batch, and sends without a listener', async () => {
    const { source, store } = setup(2);
    const known: unknown[] = [];
    const changeState = source.changeState.bind(source);
    source.changeState = async (change, current) => {
      known.push(current);
      return changeState(change, current);
    };
    expect(await sendStateChanges(source, store)).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(known).toEqual([{ currentStateId: 2 }, { currentStateId: 2 }]);
  });

  it('skips the change of an order gone from the shop', async () => {
    const { store, source, send, results } = setup(1);
    store.writeImport(
      {
        key: { shopId: 1, orderId: 404 },
        orderReference: 'GONE',
        orderStateId: 2,
        runId: 'run',
        stateChanges: [{ expectedStateId: 2, newStateId: 3, sendEmail: false }],
      },
      { number: 'BC404', type: 'order', status: 'confirmed' },
    );
    const asked: number[] = [];
    const changeState = source.changeState.bind(source);
    source.changeState = async (change, known) => {
      asked.push(change.key.orderId);
      return changeState(change, known);
    };
    expect(await send()).toEqual({ sent: 1, skipped: 1, failed: 0 });
    // Its state was not among those read: the shop is not asked again.
    expect(asked).toEqual([1]);
    expect(results[1]).toBe("404:skipped:la commande n'existe plus dans la boutique");
    expect(source.sent.map((change) => change.key.orderId)).toEqual([1]);
    expect(store.outbox()[1]?.detail).toBe("la commande n'existe plus dans la boutique");
  });

  it('keeps the changes for the next run when the shop does not answer', async () => {
    const { clock, store, source, send, results } = setup(2);
    source.failures.currentStates = shopUnreachable();
    expect(await send()).toEqual({ sent: 0, skipped: 0, failed: 2 });
    expect(results[0]).toBe(`1:failed:${shopUnreachable().message}`);
    expect(await store.countPendingStateChanges()).toBe(2);
    // Leased by the failed attempt: no one else takes them meanwhile.
    expect(await store.claimStateChanges(10, 1)).toEqual([]);
    clock.advance(120_001);
    expect((await store.claimStateChanges(10, 1)).map((change) => change.attempts)).toEqual([1, 1]);
    delete source.failures.currentStates;
    expect(await send()).toEqual({ sent: 2, skipped: 0, failed: 0 });
  });

  it('tries a change once a run, even when its lease ends while the run is still sending', async () => {
    const { clock, source, store, send } = setup(1);
    source.changeState = async () => {
      clock.advance(120_001);
      throw new ExpectedFailure('timeout', 'La boutique a mis trop de temps à répondre.');
    };
    expect(await send()).toEqual({ sent: 0, skipped: 0, failed: 1 });
    // Seen again by the run's last claim (which leased it once more), but not sent again.
    clock.advance(120_001);
    expect((await store.claimStateChanges(10, 1))[0]?.attempts).toBe(1);
  });

  it('fails one change the shop refuses, and sends the others', async () => {
    const { source, send, results } = setup(3);
    const changeState = source.changeState.bind(source);
    source.changeState = async (change, known) => {
      if (change.key.orderId === 2)
        throw new ExpectedFailure('permission-denied', 'La clé ne peut pas écrire.');
      if (change.key.orderId === 3) throw new Error('socket hang up');
      return changeState(change, known);
    };
    expect(await send()).toEqual({ sent: 1, skipped: 0, failed: 2 });
    expect(results.slice(1)).toEqual(['2:failed:La clé ne peut pas écrire.', '3:failed:socket hang up']);
  });

  it('lets a bug in reading the states through', async () => {
    const { source, send } = setup(1);
    source.failures.currentStates = new TypeError('a bug');
    await expect(send()).rejects.toThrow('a bug');
  });

  it('sends the changes a killed run left leased, without waiting for the lease to end', async () => {
    const { store, source, send } = setup(2);
    expect(await store.claimStateChanges(10, 3_600_000)).toHaveLength(2);
    expect(await send()).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(source.sent).toHaveLength(2);
  });

  describe('tracking numbers', () => {
    /** Orders 1–4 in the shop: 1 and 2 with an empty shipment, 3 already tracked, 4 without shipment. */
    function withShipments() {
      const clock = new ManualClock();
      const store = new MemorySyncStore(clock, { maxAttempts: 3 });
      const shipment = expectedShopOrder(7).shipment!;
      const source = new MemoryOrderSource({
        states: ORDER_STATES_8_1_2,
        orders: [
          { ...order(1), shipment: { ...shipment, trackingNumber: '' } },
          { ...order(2), shipment: { ...shipment, trackingNumber: ' ' } },
          { ...order(3), shipment: { ...shipment, trackingNumber: '6A-OLD' } },
          { ...order(4), shipment: undefined },
        ],
      });
      const results: string[] = [];
      const written: [number, string, boolean][] = [];
      const setTrackingNumbers = source.setTrackingNumbers.bind(source);
      source.setTrackingNumbers = async (requests) => {
        const outcomes = await setTrackingNumbers(requests);
        requests.forEach((request, index) => {
          if (outcomes[index]?.status === 'written')
            written.push([request.key.orderId, request.trackingNumber, request.sendEmail]);
        });
        return outcomes;
      };
      const queue = (orderId: number, trackingNumber: string, sendEmail = false) =>
        store.recordStatusSweep({
          cursor: undefined,
          updates: [{ key: { shopId: 1, orderId }, trackingNumber, sendEmail }],
          journal: [],
        });
      const send = () =>
        sendStateChanges(source, store, (change, result, detail) => {
          results.push(`${change.key.orderId}:${result}:${detail}`);
        });
      return { store, source, results, written, queue, send };
    }

    it('writes the number where the shipment has none, with the e-mail setting, and changes no state', async () => {
      const { source, store, results, written, queue, send } = withShipments();
      await queue(1, '6A-NEW', true);
      await queue(2, '6A-TWO');
      expect(await send()).toEqual({ sent: 2, skipped: 0, failed: 0 });
      expect(written).toEqual([
        [1, '6A-NEW', true],
        [2, '6A-TWO', false],
      ]);
      expect(results).toEqual([
        '1:sent:numéro de suivi 6A-NEW écrit sur le transporteur',
        '2:sent:numéro de suivi 6A-TWO écrit sur le transporteur',
      ]);
      expect(source.sent).toEqual([]);
      expect(store.outbox().map((change) => change.status)).toEqual(['sent', 'sent']);
    });

    it('never replaces a number already there, and says whether it is the same', async () => {
      const { results, queue, send } = withShipments();
      await queue(3, '6A-OLD');
      await queue(3, '6A-NEW');
      expect(await send()).toEqual({ sent: 0, skipped: 2, failed: 0 });
      expect(results).toEqual([
        '3:skipped:le numéro de suivi 6A-OLD est déjà sur la commande',
        '3:skipped:la commande a déjà un autre numéro de suivi (6A-OLD) : laissé tel quel, le bon de livraison ' +
          'dit 6A-NEW — vérifiez lequel est le bon',
      ]);
    });

    it('skips an order without shipment, and fails alone on a shop that refuses', async () => {
      const { source, results, queue, send } = withShipments();
      await queue(4, '6A-NONE');
      await queue(1, '6A-LOST');
      await queue(2, '6A-BUG');
      const setTrackingNumbers = source.setTrackingNumbers.bind(source);
      source.setTrackingNumbers = async (requests) => {
        const outcomes = await setTrackingNumbers(requests.filter((request) => request.key.orderId > 2));
        // A write the shop refuses fails its own request; some libraries reject with bare strings.
        return requests.map((request) =>
          request.key.orderId === 1
            ? {
                status: 'failed',
                error: new ExpectedFailure('permission-denied', 'La clé ne peut pas écrire.'),
              }
            : request.key.orderId === 2
              ? { status: 'failed', error: 'socket hang up' }
              : outcomes.shift()!,
        );
      };
      expect(await send()).toEqual({ sent: 0, skipped: 1, failed: 2 });
      expect(results).toEqual([
        "4:skipped:la commande n'a pas de transporteur (order_carriers) : numéro de suivi 6A-NONE non écrit",
        '1:failed:La clé ne peut pas écrire.',
        '2:failed:socket hang up',
      ]);
    });
  });
});
