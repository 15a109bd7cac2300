import type { NavetteConfig } from '../../config/config-schema.js';
import { stateRulesFor } from '../../app/use-cases/shop-states.js';
import type { StateRule } from '../../domain/rules.js';
import type { OrderState, Shop } from '../../domain/shop-order.js';
import type { WebServices } from '../web-services.js';
import { errorMessage } from './page-context.js';

export interface ShopChoice {
  readonly id: number;
  readonly name: string;
}

/** What the configuration pages read from the shop, or why they could not. */
export interface ShopData {
  readonly states: readonly OrderState[] | undefined;
  readonly shops: readonly ShopChoice[];
  readonly error: string | undefined;
}

/** The shop's states and shops, read live; on failure the pages fall back to the config and say so. */
export async function readShopData(services: WebServices, config: NavetteConfig): Promise<ShopData> {
  try {
    const [states, shops] = await services.navettes.use((navette) =>
      Promise.all([navette.orderStates(), navette.shops()]),
    );
    return { states, shops: shops.map((shop: Shop) => ({ id: shop.id, name: shop.name })), error: undefined };
  } catch (error) {
    return {
      states: undefined,
      shops: (config.shops ?? []).map((id) => ({ id, name: `Boutique ${id}` })),
      error: services.secrets.redact(errorMessage(error)),
    };
  }
}

/** The rows of the state table (the same rules `navette states` shows). */
export function stateRows(config: NavetteConfig, data: ShopData): StateRule[] {
  return stateRulesFor(config, data.states);
}
