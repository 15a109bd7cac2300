import * as z from 'zod';

import { type Amount, ZERO, parseAmount } from '../../domain/money.js';

/**
 * The webservice's records as navette reads them, for every version: 1.6 (XML, turned into plain
 * objects), 1.7 (JSON, every value a string), 8.x/9.x (JSON with numbers, single records omitting empty
 * fields). Tolerant where versions differ (number or string, field absent), strict where it matters:
 * an amount that is not a decimal is an error, reported for its one order.
 */

type Scalar = string | number | boolean | null | undefined;
// `.optional()` (not a union with undefined) is what lets zod 4 accept an absent key before a transform.
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

const isBlank = (value: Scalar): value is '' | null | undefined =>
  value === undefined || value === null || value === '';

/**
 * An id or a count: `5`, `"5"`; absent or empty is 0 (8.x omits zero fields in single records:
 * 8.1.2/12_order_8.json against 13_order_8.xml).
 */
export const wireInt = scalar.transform((value, ctx): number => {
  if (isBlank(value)) return 0;
  const number = Number(value);
  if (!Number.isInteger(number)) {
    ctx.addIssue({ code: 'custom', message: `entier attendu, reçu ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return number;
});

/** Text as sent; numbers turned back into text, absent is empty. */
export const wireText = scalar.transform((value): string => (isBlank(value) ? '' : String(value)));

/** `1`, `"1"`, `true`: the same 8.1.2 answer gives `"active":1` and `"active":"1"` (8.1.2/56_shops_full.json). */
export const wireFlag = scalar.transform((value): boolean => value === true || value === 1 || value === '1');

/** A decimal amount: `"16.510000"`, `16.51`; absent or empty is 0; anything else is an error. */
export const wireAmount = scalar.transform((value, ctx): Amount => {
  if (isBlank(value)) return ZERO;
  const parsed = typeof value === 'boolean' ? undefined : parseAmount(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `montant illisible : ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/**
 * `YYYY-MM-DD HH:MM:SS`; PrestaShop's empty date `0000-00-00 00:00:00` is undefined
 * (1.6.1/test_import_sale_record_5/001_GET_orders_5.response.xml, 8.1.2/36_customers_full.json).
 */
export const wireDate = wireText.transform((value): string | undefined =>
  value === '' || value.startsWith('0000-00-00') ? undefined : value,
);

/** A multilingual field: a plain string (one language, JSON) or one value per language. */
export type Localized = string | readonly { readonly languageId: number; readonly value: string }[];
export const wireLocalized = z
  .union([
    scalar,
    z.array(
      z.object({ id: wireInt, value: wireText }).transform(({ id, value }) => ({ languageId: id, value })),
    ),
  ])
  .transform((value): Localized => {
    if (!Array.isArray(value)) return isBlank(value) ? '' : String(value);
    // One language: JSON sends the plain string (8.1.2/23_order_states_full.json), XML a one-item list
    // (8.1.2/24_order_states_full.xml). Made the same.
    return value.length === 1 ? (value[0]?.value ?? '') : value;
  });

/** The shop's language, else language 1, else the first value. */
export function pickLanguage(value: Localized, languageId: number): string {
  if (typeof value === 'string') return value;
  return (
    value.find((entry) => entry.languageId === languageId)?.value ??
    value.find((entry) => entry.languageId === 1)?.value ??
    value[0]?.value ??
    ''
  );
}

/** An association list: absent means none (8.x JSON drops empty ones: 8.1.2/18_order_details_selected.json). */
const association = <T extends z.ZodType>(item: T) => z.array(item).optional().default([]);
const idItem = z.object({ id: wireInt });

export const orderRowSchema = z.object({
  id: wireInt,
  product_id: wireInt,
  product_attribute_id: wireInt,
  product_quantity: wireInt,
  product_name: wireText,
  product_reference: wireText,
  product_ean13: wireText,
  unit_price_tax_incl: wireAmount,
  unit_price_tax_excl: wireAmount,
});

export const orderSchema = z.object({
  id: wireInt,
  reference: wireText,
  id_shop: wireInt,
  id_shop_group: wireInt,
  id_lang: wireInt,
  id_customer: wireInt,
  id_address_delivery: wireInt,
  id_address_invoice: wireInt,
  id_currency: wireInt,
  id_carrier: wireInt,
  current_state: wireInt,
  module: wireText,
  payment: wireText,
  invoice_number: wireInt,
  invoice_date: wireDate,
  date_add: wireText,
  date_upd: wireText,
  valid: wireFlag,
  gift: wireFlag,
  gift_message: wireText,
  recyclable: wireFlag,
  note: wireText,
  conversion_rate: wireAmount,
  total_products: wireAmount,
  total_products_wt: wireAmount,
  total_discounts_tax_incl: wireAmount,
  total_discounts_tax_excl: wireAmount,
  total_shipping_tax_incl: wireAmount,
  total_shipping_tax_excl: wireAmount,
  carrier_tax_rate: wireAmount,
  total_wrapping_tax_incl: wireAmount,
  total_wrapping_tax_excl: wireAmount,
  total_paid_tax_incl: wireAmount,
  total_paid_tax_excl: wireAmount,
  total_paid_real: wireAmount,
  round_mode: wireInt,
  round_type: wireInt,
  associations: z
    .object({ order_rows: association(orderRowSchema) })
    .optional()
    .default({ order_rows: [] }),
});
export type WireOrder = z.output<typeof orderSchema>;

export const orderDetailSchema = z.object({
  id: wireInt,
  id_order: wireInt,
  product_id: wireInt,
  product_attribute_id: wireInt,
  product_name: wireText,
  product_reference: wireText,
  product_ean13: wireText,
  product_supplier_reference: wireText,
  product_quantity: wireInt,
  product_quantity_refunded: wireInt,
  unit_price_tax_incl: wireAmount,
  unit_price_tax_excl: wireAmount,
  total_price_tax_incl: wireAmount,
  total_price_tax_excl: wireAmount,
  original_product_price: wireAmount,
  reduction_percent: wireAmount,
  reduction_amount_tax_incl: wireAmount,
  reduction_amount_tax_excl: wireAmount,
  group_reduction: wireAmount,
  ecotax: wireAmount,
  ecotax_tax_rate: wireAmount,
  id_warehouse: wireInt,
  /** Not sent by the webservice today; read when a module or a future version adds it. */
  tax_rate: z.optional(wireAmount),
  tax_name: wireText,
  associations: z
    .object({ taxes: association(idItem) })
    .optional()
    .default({ taxes: [] }),
});
export type WireOrderDetail = z.output<typeof orderDetailSchema>;

export const customerSchema = z.object({
  id: wireInt,
  firstname: wireText,
  lastname: wireText,
  email: wireText,
  company: wireText,
  siret: wireText,
  ape: wireText,
  is_guest: wireFlag,
  deleted: wireFlag,
  id_default_group: wireInt,
});
export type WireCustomer = z.output<typeof customerSchema>;

export const addressSchema = z.object({
  id: wireInt,
  id_country: wireInt,
  id_state: wireInt,
  alias: wireText,
  company: wireText,
  firstname: wireText,
  lastname: wireText,
  address1: wireText,
  address2: wireText,
  postcode: wireText,
  city: wireText,
  vat_number: wireText,
  dni: wireText,
  phone: wireText,
  phone_mobile: wireText,
  other: wireText,
});
export type WireAddress = z.output<typeof addressSchema>;

export const orderPaymentSchema = z.object({
  id: wireInt,
  order_reference: wireText,
  id_currency: wireInt,
  amount: wireAmount,
  payment_method: wireText,
  conversion_rate: wireAmount,
  transaction_id: wireText,
  date_add: wireDate,
});
export type WireOrderPayment = z.output<typeof orderPaymentSchema>;

export const orderCarrierSchema = z.object({
  id: wireInt,
  id_order: wireInt,
  id_carrier: wireInt,
  weight: wireAmount,
  shipping_cost_tax_excl: wireAmount,
  shipping_cost_tax_incl: wireAmount,
  tracking_number: wireText,
});
export type WireOrderCarrier = z.output<typeof orderCarrierSchema>;

/** `order_cart_rules` (1.7+) and 1.6's `order_discounts` have the same fields (see cartRulesResource). */
export const orderCartRuleSchema = z.object({
  id: wireInt,
  id_order: wireInt,
  id_cart_rule: wireInt,
  name: wireText,
  value: wireAmount,
  value_tax_excl: wireAmount,
  free_shipping: wireFlag,
});
export type WireOrderCartRule = z.output<typeof orderCartRuleSchema>;

export const currencySchema = z.object({
  id: wireInt,
  iso_code: wireText,
  // Multilingual in 8.1.2 (8.1.2/47_currencies_full.xml), plain text in 1.6
  // (1.6.1/test_import_basedata/249_GET_currencies_1.response.xml).
  name: wireLocalized,
  conversion_rate: wireAmount,
});
export type WireCurrency = z.output<typeof currencySchema>;

export const carrierSchema = z.object({ id: wireInt, id_reference: wireInt, name: wireText });
export type WireCarrier = z.output<typeof carrierSchema>;

export const orderStateSchema = z.object({
  id: wireInt,
  name: wireLocalized,
  paid: wireFlag,
  shipped: wireFlag,
  delivery: wireFlag,
  invoice: wireFlag,
  logable: wireFlag,
  deleted: wireFlag,
  hidden: wireFlag,
  send_email: wireFlag,
  module_name: wireText,
  template: wireLocalized,
  color: wireText,
});
export type WireOrderState = z.output<typeof orderStateSchema>;

export const countrySchema = z.object({ id: wireInt, iso_code: wireText, name: wireLocalized });
export type WireCountry = z.output<typeof countrySchema>;

export const stateSchema = z.object({ id: wireInt, iso_code: wireText, name: wireText });
export type WireState = z.output<typeof stateSchema>;

export const taxSchema = z.object({ id: wireInt, rate: wireAmount, name: wireLocalized });
export type WireTax = z.output<typeof taxSchema>;

export const languageSchema = z.object({ id: wireInt, iso_code: wireText, name: wireText, active: wireFlag });
export type WireLanguage = z.output<typeof languageSchema>;

export const shopSchema = z.object({ id: wireInt, id_shop_group: wireInt, name: wireText, active: wireFlag });
export type WireShop = z.output<typeof shopSchema>;

export const orderHistorySchema = z.object({
  id: wireInt,
  id_order: wireInt,
  id_order_state: wireInt,
  date_add: wireDate,
});
export type WireOrderHistory = z.output<typeof orderHistorySchema>;

/** Only the fields navette reads: a state change needs `current_state`, nothing else. */
export const orderCurrentStateSchema = z.object({ id: wireInt, current_state: wireInt });

export const customerThreadSchema = z.object({ id: wireInt, id_order: wireInt });
export type WireCustomerThread = z.output<typeof customerThreadSchema>;

export const customerMessageSchema = z.object({
  id: wireInt,
  id_customer_thread: wireInt,
  id_employee: wireInt,
  message: wireText,
  private: wireFlag,
  date_add: wireText,
});
export type WireCustomerMessage = z.output<typeof customerMessageSchema>;

export interface ParsedRecords<T> {
  readonly records: T[];
  /** Records that failed validation, with their raw form (to find the order they belong to). */
  readonly rejected: { readonly raw: Readonly<Record<string, unknown>>; readonly reason: string }[];
}

/** Validates each record on its own: one bad record never rejects the others. */
export function parseRecords<T>(
  schema: z.ZodType<T>,
  raws: readonly Readonly<Record<string, unknown>>[],
): ParsedRecords<T> {
  const records: T[] = [];
  const rejected: { raw: Readonly<Record<string, unknown>>; reason: string }[] = [];
  for (const raw of raws) {
    const result = schema.safeParse(raw);
    if (result.success) records.push(result.data);
    else rejected.push({ raw, reason: describeIssues(result.error) });
  }
  return { records, rejected };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(enregistrement)'} : ${issue.message}`)
    .join(' ; ');
}
