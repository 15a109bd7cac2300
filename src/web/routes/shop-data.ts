import type { NavetteConfig } from '../../config/config-schema.js';
import type { StateRule } from '../../domain/rules.js';
import { stateTableFor } from '../../config/defaults.js';
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
      Promise.all([navette.source.orderStates(), navette.source.shops()]),
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

/**
 * The rows of the state table: the shop's live states merged with the config's rules, in the config's
 * order (the order the user knows, SPEC §2's for a new config), states new to the config after.
 */
export function stateRows(config: NavetteConfig, data: ShopData): StateRule[] {
  if (data.states === undefined) return config.states.map((rule) => ({ ...rule }));
  const position = new Map(config.states.map((rule, index) => [rule.id, index]));
  const rank = (rule: StateRule) => position.get(rule.id) ?? config.states.length;
  return stateTableFor(data.states, config.states)
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => rank(a.rule) - rank(b.rule) || a.index - b.index)
    .map(({ rule }) => rule);
}
