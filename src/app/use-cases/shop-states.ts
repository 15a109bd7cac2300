import type { NavetteConfig } from '../../config/config-schema.js';
import { stateTableFor } from '../../config/defaults.js';
import type { StateRule } from '../../domain/rules.js';
import type { OrderState } from '../../domain/shop-order.js';

/**
 * The rows of the state table: the shop's live states merged with the config's rules, in the config's
 * order (the order the user knows, SPEC §2's for a new config), states new to the config after. Without
 * the live states (shop unreachable) the configured rules as they are.
 */
export function stateRulesFor(config: NavetteConfig, states: readonly OrderState[] | undefined): StateRule[] {
  if (states === undefined) return config.states.map((rule) => ({ ...rule }));
  const position = new Map(config.states.map((rule, index) => [rule.id, index]));
  const rank = (rule: StateRule) => position.get(rule.id) ?? config.states.length;
  return stateTableFor(states, config.states)
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => rank(a.rule) - rank(b.rule) || a.index - b.index)
    .map(({ rule }) => rule);
}
