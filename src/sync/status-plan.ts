import type { JournalLevel } from '../domain/import-report.js';
import type { StatusUpdateSettings } from '../domain/rules.js';
import { documentRank, type DocumentType } from '../domain/sales-document.js';
import type { OrderState, ShopOrderKey } from '../domain/shop-order.js';
import { stateProgress } from '../domain/state-progress.js';
import type { NotedState, StatusNote } from '../domain/status-note.js';
import type { QueuedStatusUpdate } from '../ports/sync-store.js';
import { UPGRADE_TYPES } from './state-changes.js';

/** What the GesCom did to one order's document since the last sweep: from which type to which. */
export interface OrderMove {
  readonly key: ShopOrderKey;
  readonly fromType: DocumentType;
  readonly toType: DocumentType;
  /** The newest document of the move. */
  readonly number: string;
  /** The delivery's tracking number, '' when none. */
  readonly trackingNumber: string;
}

/** The order as the shop has it now. */
export interface OrderFacts {
  readonly currentStateId: number | undefined;
  /** Every state it ever had (`order_histories`). */
  readonly history: readonly number[];
}

export interface StatusPlan {
  readonly updates: readonly QueuedStatusUpdate[];
  readonly journal: readonly { readonly level: JournalLevel; readonly note: StatusNote }[];
}

/**
 * SPEC §6 for one order: the shop state of the highest document type reached ("Aucun" = none; types
 * skipped on the way count, as the order did get that far), set only if the order never had it and only
 * forward; then the delivery's tracking number where the setting asks. Each "no" says why, for the page.
 */
export function planStatusUpdate(
  move: OrderMove,
  facts: OrderFacts,
  settings: StatusUpdateSettings,
  states: ReadonlyMap<number, OrderState>,
): StatusPlan {
  const journal: { level: JournalLevel; note: StatusNote }[] = [];
  const say = (level: JournalLevel, note: StatusNote) => journal.push({ level, note });
  const document = move.number;
  const current = facts.currentStateId;
  if (current === undefined) {
    say('warning', { code: 'order-missing', document });
    return { updates: [], journal };
  }
  const updates: QueuedStatusUpdate[] = [];
  const wanted = stateForMove(move, settings);
  if (wanted === undefined) {
    say('info', { code: 'no-state', document, type: move.toType });
  } else {
    const refusal = whyNot(document, wanted, current, facts.history, states);
    if (refusal === undefined) {
      updates.push({
        key: move.key,
        expectedStateId: current,
        newStateId: wanted,
        sendEmail: settings.sendEmail,
      });
      say('info', {
        code: 'state-requested',
        document,
        type: move.toType,
        state: notedState(wanted, states),
      });
    } else say('info', refusal);
  }
  const { trackingNumber } = move;
  if (trackingNumber === '') return { updates, journal };
  if (!settings.tracking.enabled) {
    say('info', { code: 'tracking-off', document, trackingNumber });
    return { updates, journal };
  }
  updates.push({ key: move.key, trackingNumber, sendEmail: settings.tracking.sendEmail });
  say('info', { code: 'tracking-queued', document, trackingNumber });
  const withTracking = settings.tracking.setStateTo;
  // One state change per order and sweep: a second, guarded by the same state, could never pass.
  if (withTracking !== null && !updates.some((update) => 'newStateId' in update)) {
    const refusal = whyNot(document, withTracking, current, facts.history, states);
    if (refusal === undefined) {
      updates.push({
        key: move.key,
        expectedStateId: current,
        newStateId: withTracking,
        sendEmail: settings.sendEmail,
      });
      say('info', { code: 'tracking-state-requested', document, state: notedState(withTracking, states) });
    } else say('info', refusal);
  }
  return { updates, journal };
}

/** The state of the highest type passed from `fromType` (excluded) to `toType` that has one. */
function stateForMove(move: OrderMove, settings: StatusUpdateSettings): number | undefined {
  const stateFor: Readonly<Record<(typeof UPGRADE_TYPES)[number], number | null>> = {
    order: settings.onOrder,
    delivery: settings.onDelivery,
    invoice: settings.onInvoice,
  };
  return UPGRADE_TYPES.filter(
    (type) =>
      documentRank(type) > documentRank(move.fromType) && documentRank(type) <= documentRank(move.toType),
  )
    .map((type) => stateFor[type])
    .reverse()
    .find((state): state is number => state !== null);
}

function whyNot(
  document: string,
  wanted: number,
  current: number,
  history: readonly number[],
  states: ReadonlyMap<number, OrderState>,
): StatusNote | undefined {
  const state = notedState(wanted, states);
  if (wanted === current) return { code: 'already-in-state', document, state };
  if (history.includes(wanted)) return { code: 'had-state', document, state };
  const target = states.get(wanted);
  if (target === undefined) return { code: 'unknown-state', document, state };
  const now = states.get(current);
  if (now !== undefined && stateProgress(target) < stateProgress(now))
    return {
      code: 'backwards',
      document,
      state,
      step: stateProgress(target),
      current: notedState(current, states),
      currentStep: stateProgress(now),
    };
  return undefined;
}

/** The state as the journal names it: its id, and its name when the shop has it. */
export function notedState(id: number, states: ReadonlyMap<number, OrderState>): NotedState {
  const state = states.get(id);
  return state === undefined ? { id } : { id, name: state.name };
}
