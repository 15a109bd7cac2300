import type { ImportRules, StateRule } from '../domain/rules.js';
import { type DocumentType, documentRank } from '../domain/sales-document.js';
import type { OrderState, ShopOrder } from '../domain/shop-order.js';
import { stateProgress } from '../domain/state-progress.js';
import type { ImportRecord } from '../ports/gescom-target.js';

/**
 * The shop state changes to send once a document exists (the outbox entries written with it, SPEC §3
 * step 4 and §6). Each is guarded by the state the order had when it was read: the sender sends it only
 * if the order is still in that state, so a change made meanwhile in the back office is never undone.
 */

export type StateChange = ImportRecord['stateChanges'][number];

/** "Changer le statut en" of the state table, right after the document is created. */
export function stateChangesForImport(
  order: ShopOrder,
  rule: StateRule,
  config: Pick<ImportRules, 'writeBack'>,
): StateChange[] {
  const target = rule.changeStateTo;
  if (target === null || target === order.state.id) return [];
  return [{ expectedStateId: order.state.id, newStateId: target, sendEmail: config.writeBack.sendEmail }];
}

export interface UpgradeHistory {
  /** The document type before the upgrade; the types passed on the way count (quote → delivery passes order). */
  readonly fromType?: DocumentType;
  /** The states the order has had (`order_histories`), when read: a state it already had is not set again. */
  readonly stateHistory?: readonly number[];
  /** The shop's states by id, to tell forward from backward. */
  readonly states?: ReadonlyMap<number, OrderState>;
}

export const UPGRADE_TYPES = ['order', 'delivery', 'invoice'] as const;

/**
 * "Mise à jour des Statuts des Commandes" (SPEC §6) when the document is transformed into `into`: the
 * shop state set for that type (Commande → onOrder, Livraison → onDelivery, Facture → onInvoice). When
 * the transformation skips types (devis → bon de livraison) and the reached type has "Aucun", the
 * state of the highest type passed on the way is used: the order did get that far. Only forward: not
 * the state the order is in, not one it already had (when its history is known), not one behind its
 * current state (when the shop's states are known).
 */
export function stateChangesForUpgrade(
  order: ShopOrder,
  into: DocumentType,
  config: Pick<ImportRules, 'statusUpdates'>,
  history: UpgradeHistory = {},
): StateChange[] {
  const updates = config.statusUpdates;
  const stateFor: Readonly<Record<(typeof UPGRADE_TYPES)[number], number | null>> = {
    order: updates.onOrder,
    delivery: updates.onDelivery,
    invoice: updates.onInvoice,
  };
  const fromRank = history.fromType === undefined ? documentRank(into) - 1 : documentRank(history.fromType);
  const passed = UPGRADE_TYPES.filter((type) => {
    const rank = documentRank(type);
    return rank > fromRank && rank <= documentRank(into);
  });
  const target = passed
    .map((type) => stateFor[type])
    .reverse()
    .find((state): state is number => state !== null);
  if (target === undefined || target === order.state.id) return [];
  if (history.stateHistory?.includes(target)) return [];
  const targetState = history.states?.get(target);
  if (targetState && stateProgress(targetState) < stateProgress(order.state)) return [];
  return [{ expectedStateId: order.state.id, newStateId: target, sendEmail: updates.sendEmail }];
}
