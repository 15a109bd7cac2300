import type { ShopOrder } from './shop-order.js';

/**
 * The Référence and Remarque templates of the "Import des commandes" settings (SPEC §3.1), e.g.
 * `Commande web {reference} (n° {id_order}) — {payment}`.
 */

export const TEMPLATE_FIELDS = [
  'reference',
  'id_order',
  'id_shop',
  'payment',
  'carrier',
  'date',
  'customer',
  'message',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Readonly<Record<TemplateField, string>>;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(TEMPLATE_FIELDS);
const PLACEHOLDER = /\{([a-z_]+)\}/g;

/**
 * Replaces each `{field}` by its value. A field navette does not know (a typo, or a field of another
 * connector) is left exactly as written, so that the user sees it on the document and fixes the
 * template, rather than silently losing text.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) =>
    KNOWN_FIELDS.has(name) ? values[name as TemplateField] : placeholder,
  );
}

/** `2026-10-05 09:40:00` → `05/10/2026`, the way French documents write dates. */
export function frenchDate(shopDateTime: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(shopDateTime);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : shopDateTime;
}

/** The customer's name as people read it: the company for a business, otherwise first and last name. */
export function customerDisplayName(order: ShopOrder): string {
  const customer = order.customer;
  const address = order.invoiceAddress ?? order.deliveryAddress;
  const company = customer?.company.trim() || address?.company.trim() || '';
  if (company) return company;
  const person = customer ?? address;
  return person ? `${person.firstName} ${person.lastName}`.trim() : '';
}

/** The values of an order's template fields. Raw text: the caller cleans and cuts the filled template. */
export function templateValuesFor(order: ShopOrder): TemplateValues {
  return {
    reference: order.reference,
    id_order: String(order.key.orderId),
    id_shop: String(order.key.shopId),
    payment: order.paymentLabel,
    carrier: order.carrier?.name ?? '',
    date: frenchDate(order.dateAdd),
    customer: customerDisplayName(order),
    message: order.messages[0] ?? '',
  };
}
