import type { StateChangeCounts } from '../domain/import-report.js';
import { isExpectedFailure } from '../domain/failure.js';
import type { OrderSource } from '../ports/order-source.js';
import type { PendingStateChange, SyncStore } from '../ports/sync-store.js';

/** How long a claimed state change stays ours before another run may take it (a crashed run lets go). */
const LEASE_MS = 120_000;
const BATCH = 100;

export interface WriteBackListener {
  (change: PendingStateChange, result: 'sent' | 'skipped' | 'failed', detail: string): void;
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
      const { status, detail } = results[index]!;
      // A failed change stays pending; the store gives it up after its attempts (then it reads skipped).
      await store.resolveStateChange(change.id, status === 'sent' ? { status } : { status, detail });
      counts[status] += 1;
      onResult?.(change, status, detail);
    }
  }
}

type SendResult = { status: 'sent' | 'skipped' | 'failed'; detail: string };

/** One read of the current states for the whole batch, then each change sent only if still due. */
async function sendBatch(source: OrderSource, changes: readonly PendingStateChange[]): Promise<SendResult[]> {
  let current: ReadonlyMap<number, number>;
  try {
    current = await source.currentStates(changes.map((change) => change.key));
  } catch (error) {
    if (!isExpectedFailure(error)) throw error;
    return changes.map(() => ({ status: 'failed', detail: error.message }));
  }
  const results: SendResult[] = [];
  for (const change of changes) results.push(await sendOne(source, change, current.get(change.key.orderId)));
  return results;
}

async function sendOne(
  source: OrderSource,
  change: PendingStateChange,
  currentStateId: number | undefined,
): Promise<{ status: 'sent' | 'skipped' | 'failed'; detail: string }> {
  if (change.trackingNumber !== undefined) return sendTrackingNumber(source, change, change.trackingNumber);
  try {
    const result =
      currentStateId === undefined
        ? ({ status: 'order-missing' } as const)
        : await source.changeState(change, { currentStateId });
    switch (result.status) {
      case 'sent':
        return { status: 'sent', detail: `état ${change.newStateId} envoyé` };
      case 'state-moved':
        return {
          status: 'skipped',
          detail:
            result.currentStateId === change.newStateId
              ? `la commande est déjà dans l'état ${change.newStateId}`
              : `la commande est passée à l'état ${result.currentStateId} depuis sa lecture (attendu ${change.expectedStateId}) : rien n'est changé`,
        };
      case 'order-missing':
        return { status: 'skipped', detail: "la commande n'existe plus dans la boutique" };
    }
  } catch (error) {
    // A refusal (an expected failure) and any other error alike: the change fails with its message.
    return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A tracking number goes only where the shipment has none: one already there is reported, never replaced. */
async function sendTrackingNumber(
  source: OrderSource,
  change: PendingStateChange,
  trackingNumber: string,
): Promise<SendResult> {
  try {
    const result = await source.setTrackingNumber(change.key, trackingNumber, {
      sendEmail: change.sendEmail,
    });
    switch (result.status) {
      case 'written':
        return { status: 'sent', detail: `numéro de suivi ${trackingNumber} écrit sur le transporteur` };
      case 'already-set':
        return {
          status: 'skipped',
          detail:
            result.current === trackingNumber
              ? `le numéro de suivi ${trackingNumber} est déjà sur la commande`
              : `la commande a déjà un autre numéro de suivi (${result.current}) : laissé tel quel, le bon de livraison dit ${trackingNumber} — vérifiez lequel est le bon`,
        };
      case 'no-shipment':
        return {
          status: 'skipped',
          detail: `la commande n'a pas de transporteur (order_carriers) : numéro de suivi ${trackingNumber} non écrit`,
        };
    }
  } catch (error) {
    return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
