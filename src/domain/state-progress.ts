import type { OrderState } from './shop-order.js';

/**
 * How far along its life an order in this state is, from PrestaShop's own flags: paid (1), then being
 * prepared (`delivery`, 2), then shipped (3); 0 before payment. States at the same step (Expédié and
 * Livré) are not ordered. "Only forward" (SPEC §6) means never to a lower step than the order's.
 */
export function stateProgress(state: OrderState): number {
  if (state.shipped) return 3;
  if (state.delivery) return 2;
  if (state.paid) return 1;
  return 0;
}
