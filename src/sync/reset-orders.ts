import { formatShopOrderKey, type ShopOrderKey } from '../domain/shop-order.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { SyncStore } from '../ports/sync-store.js';

export type ResetSelection = { readonly keys: readonly ShopOrderKey[] } | { readonly shopId: number };

/**
 * A deliberate re-import (SPEC §3.2): the GesCom's documents of these orders stop answering to the
 * orders' keys, then the ledger forgets them, and the store journals who and why. The key is released
 * first: a crash in between leaves the ledger entry, so the order is still "already imported" until the
 * reset is run again — never imported twice by accident.
 */
export async function resetOrders(
  target: GescomTarget,
  store: SyncStore,
  selection: ResetSelection,
  reason: string,
): Promise<number> {
  await target.releaseExternalKeys(
    'shopId' in selection
      ? { shopId: selection.shopId }
      : { externalKeys: selection.keys.map(formatShopOrderKey) },
  );
  return store.resetImports(selection, reason);
}
