import type { JournalEntry, StateChangeCounts } from '../domain/import-report.js';
import type { StatusUpdateSettings } from '../domain/rules.js';
import { documentRank } from '../domain/sales-document.js';
import { formatShopOrderKey, parseShopOrderKey } from '../domain/shop-order.js';
import type { DocumentTransformation, GescomTarget } from '../ports/gescom-target.js';
import type { OrderSource } from '../ports/order-source.js';
import { STATUS_JOURNAL, type QueuedStatusUpdate, type SyncStore } from '../ports/sync-store.js';
import { planStatusUpdate, type OrderMove } from './status-plan.js';
import { sendStateChanges } from './write-back.js';

export interface StatusSweepDeps {
  readonly source: OrderSource;
  readonly target: GescomTarget;
  readonly store: SyncStore;
}

/** What one sweep did: transformations read, updates queued, and what the outbox sending gave. */
export interface StatusSweepSummary extends StateChangeCounts {
  readonly transformations: number;
  readonly queued: number;
}

/** Transformations read a page at a time: the orders of a page cost one call each for states and histories. */
const PAGE = 100;

/**
 * "Mise à jour des Statuts des Commandes" (SPEC §6): reads the documents the GesCom transformed since the
 * last sweep (its own record, whoever made them), plans each order's state and tracking number
 * (status-plan.ts), records the plan, the new cursor and the journal in one transaction, then sends the
 * outbox — each change guarded by the state read, so sent once even across a crash.
 *
 * With nothing transformed and nothing pending it costs no call to the shop. The caller holds the
 * shop's run lock.
 */
export async function sweepStatuses(
  deps: StatusSweepDeps,
  settings: StatusUpdateSettings,
): Promise<StatusSweepSummary> {
  const { source, target, store } = deps;
  // Leftovers first (a killed sweep, an import's own changes): the states read below are then the latest.
  const sent = await sendAndJournal(source, store);
  let cursor = await store.statusSweepCursor();
  let transformations = 0;
  let queued = 0;
  for (;;) {
    const page = await target.transformationsSince(cursor, PAGE);
    if (page.items.length === 0) {
      // A remote GesCom's cursor moves on with its clock even when nothing was transformed (Dolibarr):
      // kept, so that the next sweep lists from here, not from the last transformation.
      if (page.cursor !== cursor)
        await store.recordStatusSweep({ cursor: page.cursor, updates: [], journal: [] });
      break;
    }
    transformations += page.items.length;
    const moves = [...movesByOrder(page.items).values()];
    const { updates, journal } =
      moves.length === 0 ? { updates: [], journal: [] } : await plan(source, moves, settings);
    await store.recordStatusSweep({ cursor: page.cursor, updates, journal });
    queued += updates.length;
    cursor = page.cursor;
    if (page.items.length < PAGE) break;
  }
  const more = queued === 0 ? { sent: 0, skipped: 0, failed: 0 } : await sendAndJournal(source, store);
  return {
    transformations,
    queued,
    sent: sent.sent + more.sent,
    skipped: sent.skipped + more.skipped,
    failed: sent.failed + more.failed,
  };
}

/**
 * One move per order: from the lowest type left to the highest reached in this page (BC → BL → FA reads
 * as BC → FA), with the delivery's tracking number. Documents of no shop order are not the shop's business.
 */
function movesByOrder(items: readonly DocumentTransformation[]): Map<string, OrderMove> {
  const moves = new Map<string, OrderMove>();
  for (const item of items) {
    const key = parseShopOrderKey(item.externalKey);
    if (key === undefined) continue;
    const id = formatShopOrderKey(key);
    const previous = moves.get(id);
    const tracking = item.trackingNumber !== '' ? item.trackingNumber : (previous?.trackingNumber ?? '');
    if (previous === undefined) {
      moves.set(id, {
        key,
        fromType: item.sourceType,
        toType: item.type,
        number: item.number,
        trackingNumber: tracking,
      });
      continue;
    }
    const forward = documentRank(item.type) >= documentRank(previous.toType);
    moves.set(id, {
      key,
      fromType:
        documentRank(item.sourceType) < documentRank(previous.fromType) ? item.sourceType : previous.fromType,
      toType: forward ? item.type : previous.toType,
      number: forward ? item.number : previous.number,
      trackingNumber: tracking,
    });
  }
  return moves;
}

/** Three calls for a page of orders: their current states, their histories, the shop's states (cached). */
async function plan(
  source: OrderSource,
  moves: readonly OrderMove[],
  settings: StatusUpdateSettings,
): Promise<{ updates: QueuedStatusUpdate[]; journal: Omit<JournalEntry, 'at'>[] }> {
  const keys = moves.map((move) => move.key);
  const [current, histories, states] = await Promise.all([
    source.currentStates(keys),
    source.stateHistories(keys),
    source.orderStates(),
  ]);
  const byId = new Map(states.map((state) => [state.id, state]));
  const updates: QueuedStatusUpdate[] = [];
  const journal: Omit<JournalEntry, 'at'>[] = [];
  for (const move of moves) {
    const facts = {
      currentStateId: current.get(move.key.orderId),
      history: histories.get(move.key.orderId) ?? [],
    };
    const planned = planStatusUpdate(move, facts, settings, byId);
    updates.push(...planned.updates);
    for (const entry of planned.journal)
      journal.push({ ...entry, shopId: move.key.shopId, orderId: move.key.orderId });
  }
  return { updates, journal };
}

/** Sends the outbox; each result goes to the status journal, with why a change was not sent. */
async function sendAndJournal(source: OrderSource, store: SyncStore): Promise<StateChangeCounts> {
  const journal: Omit<JournalEntry, 'at'>[] = [];
  const counts = await sendStateChanges(source, store, (change, result, detail) => {
    journal.push({
      level: result === 'sent' ? 'info' : 'warning',
      message: `${result === 'sent' ? 'envoyé' : result === 'skipped' ? 'non envoyé' : 'en échec'} : ${detail}`,
      shopId: change.key.shopId,
      orderId: change.key.orderId,
    });
  });
  await store.appendJournal(STATUS_JOURNAL, journal);
  return counts;
}
