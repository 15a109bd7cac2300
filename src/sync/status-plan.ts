import type { JournalLevel } from '../domain/import-report.js';
import { DOCUMENT_TYPE_NAMES } from '../domain/labels.js';
import type { StatusUpdateSettings } from '../domain/rules.js';
import { documentRank, type DocumentType } from '../domain/sales-document.js';
import type { OrderState, ShopOrderKey } from '../domain/shop-order.js';
import { stateProgress } from '../domain/state-progress.js';
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
  readonly journal: readonly { readonly level: JournalLevel; readonly message: string }[];
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
  const journal: { level: JournalLevel; message: string }[] = [];
  const say = (level: JournalLevel, message: string) =>
    journal.push({ level, message: `${move.number} : ${message}` });
  const current = facts.currentStateId;
  if (current === undefined) {
    say('warning', "la commande n'existe plus dans la boutique : rien n'est envoyé");
    return { updates: [], journal };
  }
  const updates: QueuedStatusUpdate[] = [];
  const wanted = stateForMove(move, settings);
  if (wanted === undefined) {
    say('info', `${DOCUMENT_TYPE_NAMES[move.toType]} → « Aucun » : pas de statut à poser`);
  } else {
    const refusal = whyNot(wanted, current, facts.history, states);
    if (refusal === undefined) {
      updates.push({
        key: move.key,
        expectedStateId: current,
        newStateId: wanted,
        sendEmail: settings.sendEmail,
      });
      say('info', `${DOCUMENT_TYPE_NAMES[move.toType]} → état ${nameOf(wanted, states)} demandé`);
    } else say('info', refusal);
  }
  if (move.trackingNumber === '') return { updates, journal };
  if (!settings.tracking.enabled) {
    say('info', `numéro de suivi ${move.trackingNumber} non reporté (réglage « Numéro de suivi » désactivé)`);
    return { updates, journal };
  }
  updates.push({
    key: move.key,
    trackingNumber: move.trackingNumber,
    sendEmail: settings.tracking.sendEmail,
  });
  say('info', `numéro de suivi ${move.trackingNumber} à écrire là où il est vide`);
  const withTracking = settings.tracking.setStateTo;
  // One state change per order and sweep: a second, guarded by the same state, could never pass.
  if (withTracking !== null && !updates.some((update) => 'newStateId' in update)) {
    const refusal = whyNot(withTracking, current, facts.history, states);
    if (refusal === undefined) {
      updates.push({
        key: move.key,
        expectedStateId: current,
        newStateId: withTracking,
        sendEmail: settings.sendEmail,
      });
      say('info', `numéro de suivi → état ${nameOf(withTracking, states)} demandé`);
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
  wanted: number,
  current: number,
  history: readonly number[],
  states: ReadonlyMap<number, OrderState>,
): string | undefined {
  const name = nameOf(wanted, states);
  if (wanted === current) return `la commande est déjà dans l'état ${name}`;
  if (history.includes(wanted)) return `la commande a déjà eu l'état ${name} (order_histories) : pas renvoyé`;
  const target = states.get(wanted);
  if (target === undefined) return `l'état ${wanted} n'existe pas dans la boutique : vérifiez le réglage`;
  const now = states.get(current);
  if (now !== undefined && stateProgress(target) < stateProgress(now))
    return `l'état ${name} (étape ${stateProgress(target)}) est en arrière de l'état actuel ${nameOf(current, states)} (étape ${stateProgress(now)}) : pas envoyé`;
  return undefined;
}

function nameOf(id: number, states: ReadonlyMap<number, OrderState>): string {
  const state = states.get(id);
  return state === undefined ? `${id}` : `« ${state.name} » (${id})`;
}
