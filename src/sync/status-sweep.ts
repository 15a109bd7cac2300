import type { JournalEntry, JournalLevel, StateChangeCounts } from '../domain/import-report.js';
import type { StatusUpdateSettings } from '../domain/rules.js';
import { documentRank } from '../domain/sales-document.js';
import {
  formatShopOrderKey,
  parseShopOrderKey,
  type OrderState,
  type ShopOrderKey,
} from '../domain/shop-order.js';
import { frenchStatusNote, type NotedState, type StatusNote } from '../domain/status-note.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentTransformation, GescomTarget } from '../ports/gescom-target.js';
import type { OrderSource } from '../ports/order-source.js';
import { STATUS_JOURNAL, type QueuedStatusUpdate, type SyncStore } from '../ports/sync-store.js';
import { notedState, planStatusUpdate, type OrderMove } from './status-plan.js';
import { sendStateChanges } from './write-back.js';

export interface StatusSweepDeps {
  readonly source: OrderSource;
  readonly target: GescomTarget;
  readonly store: SyncStore;
  readonly clock: Clock;
}

/** What one sweep did: transformations read, updates queued, and what the outbox sending gave. */
export interface StatusSweepSummary extends StateChangeCounts {
  readonly transformations: number;
  readonly queued: number;
  /**
   * Set on the first sweep of an installation (no cursor yet): the transformations made before this
   * instant were left aside (`statusUpdates.firstSweepDays`).
   */
  readonly firstSweepFrom?: string;
}

const DAY_MS = 86_400_000;

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
  // The first sweep does not go over years of history: only what was transformed in the last days.
  const firstFrom =
    cursor === undefined
      ? new Date(deps.clock.now().getTime() - settings.firstSweepDays * DAY_MS).toISOString()
      : undefined;
  let firstNote: Omit<JournalEntry, 'at'> | undefined =
    firstFrom === undefined ? undefined : journalEntry('info', { code: 'first-sweep', from: firstFrom });
  let transformations = 0;
  let queued = 0;
  for (;;) {
    const page = await target.transformationsSince(
      cursor,
      PAGE,
      cursor === undefined && firstFrom !== undefined ? { from: firstFrom } : undefined,
    );
    // A target that gave the older history anyway: left aside here.
    const items =
      firstFrom === undefined
        ? page.items
        : page.items.filter((item) => !(Date.parse(item.at) < Date.parse(firstFrom)));
    if (page.items.length === 0) {
      // The cursor the target gave is kept: a remote GesCom's moves on with its clock even when nothing
      // was transformed (Dolibarr), so the next sweep lists from here, not from the last transformation;
      // and a first sweep with nothing since its bound is then not a first one again.
      if (page.cursor !== cursor)
        await store.recordStatusSweep({
          cursor: page.cursor,
          updates: [],
          journal: firstNote === undefined ? [] : [firstNote],
        });
      break;
    }
    transformations += items.length;
    const moves = [...movesByOrder(items).values()];
    const planned = moves.length === 0 ? { updates: [], journal: [] } : await plan(source, moves, settings);
    const journal = firstNote === undefined ? planned.journal : [firstNote, ...planned.journal];
    firstNote = undefined;
    await store.recordStatusSweep({ cursor: page.cursor, updates: planned.updates, journal });
    queued += planned.updates.length;
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
    ...(firstFrom === undefined ? {} : { firstSweepFrom: firstFrom }),
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
    for (const entry of planned.journal) journal.push(journalEntry(entry.level, entry.note, move.key));
  }
  return { updates, journal };
}

/**
 * Sends the outbox; each result goes to the status journal, with why a change was not sent and the
 * states by name (the shop's states are read at most once, and were mostly read by the plan already).
 */
async function sendAndJournal(source: OrderSource, store: SyncStore): Promise<StateChangeCounts> {
  const results: { level: JournalLevel; note: StatusNote; key: ShopOrderKey }[] = [];
  const counts = await sendStateChanges(source, store, (change, result, _detail, note) => {
    results.push({ level: result === 'sent' ? 'info' : 'warning', note, key: change.key });
  });
  if (results.length === 0) return counts;
  const states = await stateNames(source, results);
  await store.appendJournal(
    STATUS_JOURNAL,
    results.map(({ level, note, key }) => journalEntry(level, withStateNames(note, states), key)),
  );
  return counts;
}

/** The shop's states by id, when a note names one; none when the shop cannot say (the ids are kept). */
async function stateNames(
  source: OrderSource,
  results: readonly { readonly note: StatusNote }[],
): Promise<ReadonlyMap<number, OrderState>> {
  if (!results.some(({ note }) => 'state' in note || 'current' in note)) return new Map();
  try {
    return new Map((await source.orderStates()).map((state) => [state.id, state]));
  } catch {
    return new Map();
  }
}

function withStateNames(note: StatusNote, states: ReadonlyMap<number, OrderState>): StatusNote {
  const named = (state: NotedState) => (state.name === undefined ? notedState(state.id, states) : state);
  switch (note.code) {
    case 'state-sent':
    case 'state-already':
      return { ...note, state: named(note.state) };
    case 'state-moved':
      return { ...note, current: named(note.current), expected: named(note.expected) };
    default:
      return note;
  }
}

function journalEntry(level: JournalLevel, note: StatusNote, key?: ShopOrderKey): Omit<JournalEntry, 'at'> {
  return {
    level,
    message: frenchStatusNote(note),
    note,
    shopId: key?.shopId,
    orderId: key?.orderId,
  };
}
