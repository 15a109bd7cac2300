import type { StateChangeCounts } from '../domain/import-report.js';
import { isExpectedFailure } from '../domain/failure.js';
import type { OrderSource } from '../ports/order-source.js';
import type { PendingStateChange, SyncStore } from '../ports/sync-store.js';

/** How long a claimed state change stays ours before another run may take it (a crashed run lets go). */
const LEASE_MS = 120_000;
const BATCH = 100;
/** A change that keeps failing (shop refusing it) stops being retried and shows in the report. */
export const MAX_STATE_CHANGE_ATTEMPTS = 5;

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
    for (const change of claimed) {
      seen.add(change.id);
      const { status, detail } = await sendOne(source, change);
      const resolution =
        status === 'failed' && change.attempts + 1 < MAX_STATE_CHANGE_ATTEMPTS
          ? { status, detail }
          : status === 'failed'
            ? {
                status: 'skipped' as const,
                detail: `abandonné après ${MAX_STATE_CHANGE_ATTEMPTS} essais : ${detail}`,
              }
            : status === 'sent'
              ? { status }
              : { status, detail };
      await store.resolveStateChange(change.id, resolution);
      counts[status] += 1;
      onResult?.(change, status, detail);
    }
  }
}

async function sendOne(
  source: OrderSource,
  change: PendingStateChange,
): Promise<{ status: 'sent' | 'skipped' | 'failed'; detail: string }> {
  try {
    const result = await source.changeState(change);
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
    if (isExpectedFailure(error)) return { status: 'failed', detail: error.message };
    return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
