import type { StateChangeCounts } from '../domain/import-report.js';
import { isExpectedFailure } from '../domain/failure.js';
import { frenchSendDetail, type SendNote } from '../domain/status-note.js';
import type { OrderSource, TrackingNumberOutcome } from '../ports/order-source.js';
import type { PendingStateChange, SyncStore } from '../ports/sync-store.js';

/** How long a claimed state change stays ours before another run may take it (a crashed run lets go). */
const LEASE_MS = 120_000;
const BATCH = 100;

export interface WriteBackListener {
  /**
   * `detail`: the note in French (as the outbox keeps it). Awaited, once the change is resolved and
   * before the next claim: a listener may write each result down as it comes instead of holding them all.
   */
  (
    change: PendingStateChange,
    result: 'sent' | 'skipped' | 'failed',
    detail: string,
    note: SendNote,
  ): void | Promise<void>;
}

/**
 * Sends the outbox: every pending shop state change, each only if the order is still in the state it had
 * when it was read.
 *
 * Never twice: a change is resolved `sent` right after the shop accepted it. If the process dies between
 * the two, the next run claims it again once the lease is over, finds the order already in another state
 * than the expected one, and resolves it `skipped` without sending.
 *
 * The caller holds the shop's run lock: no one else is sending, so the leases that killed runs left
 * behind are freed first instead of waited out.
 */
export async function sendStateChanges(
  source: OrderSource,
  store: SyncStore,
  onResult?: WriteBackListener,
): Promise<StateChangeCounts> {
  const counts: StateChangeCounts = { sent: 0, skipped: 0, failed: 0 };
  await store.releaseStateChangeLeases();
  const seen = new Set<number>();
  for (;;) {
    const claimed = (await store.claimStateChanges(BATCH, LEASE_MS)).filter((change) => !seen.has(change.id));
    if (claimed.length === 0) return counts;
    const results = await sendBatch(source, claimed);
    for (const [index, change] of claimed.entries()) {
      seen.add(change.id);
      const { status, note } = results[index]!;
      const detail = frenchSendDetail(note);
      // A failed change stays pending; the store gives it up after its attempts (then it reads skipped).
      await store.resolveStateChange(change.id, status === 'sent' ? { status } : { status, detail });
      counts[status] += 1;
      await onResult?.(change, status, detail, note);
    }
  }
}

type SendResult = { status: 'sent' | 'skipped' | 'failed'; note: SendNote };

/**
 * One read of the current states for the whole batch, one read of its shipments for the tracking numbers
 * (the source's `setTrackingNumbers`), then each change sent only if still due.
 */
async function sendBatch(source: OrderSource, changes: readonly PendingStateChange[]): Promise<SendResult[]> {
  const states = changes.filter((change) => change.trackingNumber === undefined);
  const tracking = changes.filter(
    (change): change is PendingStateChange & { trackingNumber: string } =>
      change.trackingNumber !== undefined,
  );
  const results = new Map<PendingStateChange, SendResult>();
  if (states.length > 0) {
    let current: ReadonlyMap<number, number> | undefined;
    let readFailure: SendResult | undefined;
    try {
      current = await source.currentStates(states.map((change) => change.key));
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      readFailure = { status: 'failed', note: { code: 'send-failed', reason: error.message } };
    }
    const sent = await Promise.all(
      sendSideBySide(states, (change, first) =>
        readFailure !== undefined
          ? Promise.resolve(readFailure)
          : sendOne(
              source,
              change,
              first ? { currentStateId: current?.get(change.key.orderId) } : 'read-again',
            ),
      ),
    );
    for (const [index, change] of states.entries()) results.set(change, sent[index]!);
  }
  if (tracking.length > 0) {
    const sent = await sendTrackingNumbers(source, tracking);
    for (const [index, change] of tracking.entries()) results.set(change, sent[index]!);
  }
  return changes.map((change) => results.get(change)!);
}
/**
 * The changes of different orders sent side by side, the source's client keeping its bound of calls in
 * flight (3 by default: a batch of 100 waits about 34 round trips, not 100); the changes of one order one
 * after the other, in the outbox's order. Only the first of an order may trust the batch's read of its
 * state (`first`): a later one reads it again, after the change before it.
 */
function sendSideBySide(
  changes: readonly PendingStateChange[],
  send: (change: PendingStateChange, first: boolean) => Promise<SendResult>,
): Promise<SendResult>[] {
  const lastOfOrder = new Map<string, Promise<SendResult>>();
  return changes.map((change) => {
    const order = `${change.key.shopId}/${change.key.orderId}`;
    const before = lastOfOrder.get(order);
    const result = before === undefined ? send(change, true) : before.then(() => send(change, false));
    lastOfOrder.set(order, result);
    return result;
  });
}

/**
 * `read`: the order's state as the batch read it (undefined: the order is gone from the shop), or
 * `'read-again'` to let the source read it first.
 */
async function sendOne(
  source: OrderSource,
  change: PendingStateChange,
  read: { readonly currentStateId: number | undefined } | 'read-again',
): Promise<SendResult> {
  try {
    const result =
      read === 'read-again'
        ? await source.changeState(change)
        : read.currentStateId === undefined
          ? ({ status: 'order-missing' } as const)
          : await source.changeState(change, { currentStateId: read.currentStateId });
    switch (result.status) {
      case 'sent':
        return { status: 'sent', note: { code: 'state-sent', state: { id: change.newStateId } } };
      case 'state-moved':
        return {
          status: 'skipped',
          note:
            result.currentStateId === change.newStateId
              ? { code: 'state-already', state: { id: change.newStateId } }
              : {
                  code: 'state-moved',
                  current: { id: result.currentStateId },
                  expected: { id: change.expectedStateId },
                },
        };
      case 'order-missing':
        return { status: 'skipped', note: { code: 'order-gone' } };
    }
  } catch (error) {
    // A refusal (an expected failure) and any other error alike: the change fails with its message.
    return { status: 'failed', note: { code: 'send-failed', reason: messageOf(error) } };
  }
}

/** A tracking number goes only where the shipment has none: one already there is reported, never replaced. */
async function sendTrackingNumbers(
  source: OrderSource,
  changes: readonly (PendingStateChange & { trackingNumber: string })[],
): Promise<SendResult[]> {
  let outcomes: readonly TrackingNumberOutcome[];
  try {
    outcomes = await source.setTrackingNumbers(
      changes.map((change) => ({
        key: change.key,
        trackingNumber: change.trackingNumber,
        sendEmail: change.sendEmail,
      })),
    );
  } catch (error) {
    return changes.map(() => ({ status: 'failed', note: { code: 'send-failed', reason: messageOf(error) } }));
  }
  return changes.map((change, index) => trackingResult(change.trackingNumber, outcomes[index]));
}

function trackingResult(trackingNumber: string, outcome: TrackingNumberOutcome | undefined): SendResult {
  switch (outcome?.status) {
    case 'written':
      return { status: 'sent', note: { code: 'tracking-written', trackingNumber } };
    case 'already-set':
      return {
        status: 'skipped',
        note:
          outcome.current === trackingNumber
            ? { code: 'tracking-already', trackingNumber }
            : { code: 'tracking-other', trackingNumber, current: outcome.current },
      };
    case 'no-shipment':
      return { status: 'skipped', note: { code: 'no-shipment', trackingNumber } };
    case 'failed':
      return { status: 'failed', note: { code: 'send-failed', reason: messageOf(outcome.error) } };
    case undefined:
      return {
        status: 'failed',
        note: { code: 'send-failed', reason: 'la boutique n’a rien répondu pour ce numéro de suivi' },
      };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
