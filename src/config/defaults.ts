import type { OrderState } from '../domain/shop-order.js';
import type { PaymentSettings, StateRule } from '../domain/rules.js';
import type { NavetteConfig } from './config-schema.js';

/**
 * The state table of SPEC §2, for a shop with PrestaShop's default state ids (a default French
 * installation). Ids differ between shops: it is used only when the shop's states are recognised as the
 * defaults, otherwise every state starts unselected.
 */
export const DEFAULT_STATE_TABLE: readonly StateRule[] = [
  {
    id: 1,
    name: 'En attente du paiement par chèque',
    selected: true,
    documentType: 'quote',
    documentStatus: 'draft',
    changeStateTo: null,
  },
  {
    id: 10,
    name: 'En attente de virement bancaire',
    selected: true,
    documentType: 'quote',
    documentStatus: 'draft',
    changeStateTo: null,
  },
  {
    id: 11,
    name: 'Paiement à distance accepté',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 12,
    name: 'En attente de réapprovisionnement (non payé)',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: 1,
  },
  {
    id: 13,
    name: 'En attente de paiement à la livraison',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 2,
    name: 'Paiement accepté',
    selected: true,
    documentType: 'order',
    documentStatus: 'confirmed',
    changeStateTo: null,
  },
  {
    id: 3,
    name: 'En cours de préparation',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 4,
    name: 'Expédié',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 5,
    name: 'Livré',
    selected: true,
    documentType: 'order',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 6,
    name: 'Annulé',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 7,
    name: 'Remboursé',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 8,
    name: 'Erreur de paiement',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
  {
    id: 9,
    name: 'En attente de réapprovisionnement (payé)',
    selected: false,
    documentType: 'quote',
    documentStatus: 'accepted',
    changeStateTo: null,
  },
];

/**
 * PrestaShop's default states (1.7 and later), recognised by their mail template rather than their name,
 * which may be translated or left in English. 1.6 numbers them differently (12 is "payment", 14
 * "cashondelivery"), so a 1.6 shop starts with an empty table, as SPEC §2 asks for unknown ids.
 */
const DEFAULT_STATE_SIGNATURES: Readonly<Record<number, string>> = {
  1: 'cheque',
  2: 'payment',
  3: 'preparation',
  4: 'shipped',
  6: 'order_canceled',
  7: 'refund',
  8: 'payment_error',
  9: 'outofstock',
  10: 'bankwire',
  11: 'payment',
  12: 'outofstock',
  13: 'cashondelivery',
};

export function hasDefaultStateIds(states: readonly OrderState[]): boolean {
  const byId = new Map(states.map((state) => [state.id, state]));
  return Object.entries(DEFAULT_STATE_SIGNATURES).every(([id, template]) => {
    const state = byId.get(Number(id));
    return state !== undefined && state.template === template;
  });
}

/**
 * The state table for a shop's states: SPEC §2's table when the shop has PrestaShop's default ids,
 * otherwise every state unselected, Devis, Saisi, no change. Rules already set are kept.
 */
export function stateTableFor(
  states: readonly OrderState[],
  existing: readonly StateRule[] = [],
): StateRule[] {
  const kept = new Map(existing.map((rule) => [rule.id, rule]));
  const defaults = hasDefaultStateIds(states)
    ? new Map(DEFAULT_STATE_TABLE.map((rule) => [rule.id, rule]))
    : new Map<number, StateRule>();
  return states
    .filter((state) => !state.deleted)
    .map((state) => {
      const rule = kept.get(state.id) ??
        defaults.get(state.id) ?? {
          id: state.id,
          selected: false,
          documentType: 'quote' as const,
          documentStatus: 'draft' as const,
          changeStateTo: null,
        };
      return { ...rule, name: state.name };
    });
}

/** The payment modes of the common French payment modules. */
export const DEFAULT_PAYMENT_METHODS: PaymentSettings['methods'] = [
  { module: 'ps_checkpayment', label: 'Chèque', mode: 'CHQ', journal: 'BQ' },
  { module: 'ps_wirepayment', label: 'Virement bancaire', mode: 'VIR', journal: 'BQ' },
  { module: 'ps_cashondelivery', label: 'Paiement à la livraison', mode: 'CRBT', journal: 'BQ' },
  { module: 'paypal', label: 'PayPal', mode: 'PAYPAL', journal: 'BQ' },
  { module: 'ps_checkout', label: 'Carte bancaire', mode: 'CB', journal: 'BQ' },
  { module: 'stripe_official', label: 'Carte bancaire (Stripe)', mode: 'CB', journal: 'BQ' },
  { module: 'payplug', label: 'Carte bancaire (PayPlug)', mode: 'CB', journal: 'BQ' },
];

/** The input of a new configuration, as `navette init` writes it (the rest comes from the schema's defaults). */
export function starterConfig(
  url: string,
): Pick<NavetteConfig, 'shop' | 'states'> & { payments: { methods: PaymentSettings['methods'] } } {
  return {
    shop: { url, timeZone: 'Europe/Paris', languageId: 1, concurrency: 3, timeoutSeconds: 30 },
    states: DEFAULT_STATE_TABLE.map((rule) => ({ ...rule })),
    payments: { methods: DEFAULT_PAYMENT_METHODS.map((method) => ({ ...method })) },
  };
}
