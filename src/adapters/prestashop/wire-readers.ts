import { type Amount, ZERO, parseAmount } from '../../domain/money.js';
import type { RawRecord } from './webservice-answer.js';

/**
 * The records read for every imported order (the slim page's headers, the whole order, its details,
 * customer, addresses, payments, carrier, vouchers and messages), read by hand rather than with zod.
 *
 * Why not zod here, when DESIGN.md gives it the webservice's answers: these readers run for every
 * order of every run, tens of fields each, and zod's generic walk (a union and a transform per field,
 * an issue list, a new object per step) was ~5 % of an import's CPU and much of its garbage. The rules
 * per value are the ones the zod helpers of `wire-schemas.ts` use (they call the same functions
 * below), and so are the errors: the field's path and the same French message, first three told
 * (`describeIssues`). `wire-readers.test.ts` runs the former zod schemas and these readers over every
 * recorded answer and compares. Reference data, the catalogue and the other cold reads keep zod.
 */

type Scalar = string | number | boolean | null | undefined;

const isBlank = (value: Scalar): value is '' | null | undefined =>
  value === undefined || value === null || value === '';

/**
 * An id or a count: `5`, `"5"`; absent or empty is 0 (8.x omits zero fields in single records:
 * 8.1.2/12_order_8.json against 13_order_8.xml). Undefined when it is not an integer.
 */
export function integerOf(value: Scalar): number | undefined {
  if (isBlank(value)) return 0;
  const number = Number(value);
  return Number.isInteger(number) ? number : undefined;
}

export const notAnInteger = (value: unknown): string => `entier attendu, reçu ${JSON.stringify(value)}`;

/** Text as sent; numbers turned back into text, absent is empty. */
export const textOf = (value: Scalar): string => (isBlank(value) ? '' : String(value));

/** `1`, `"1"`, `true`: the same 8.1.2 answer gives `"active":1` and `"active":"1"` (8.1.2/56_shops_full.json). */
export const flagOf = (value: Scalar): boolean => value === true || value === 1 || value === '1';

/** A decimal amount: `"16.510000"`, `16.51`; absent or empty is 0; undefined when it is not a decimal. */
export function amountOf(value: Scalar): Amount | undefined {
  if (isBlank(value)) return ZERO;
  return typeof value === 'boolean' ? undefined : parseAmount(value);
}

export const notAnAmount = (value: unknown): string => `montant illisible : ${JSON.stringify(value)}`;

/**
 * `YYYY-MM-DD HH:MM:SS`; PrestaShop's empty date `0000-00-00 00:00:00` is undefined
 * (1.6.1/test_import_sale_record_5/001_GET_orders_5.response.xml, 8.1.2/36_customers_full.json).
 */
export function dateOf(value: Scalar): string | undefined {
  const text = textOf(value);
  return text === '' || text.startsWith('0000-00-00') ? undefined : text;
}

/** What a value that should be plain is: `un objet`, `une liste`. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'une liste';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'un objet';
  return typeof value === 'number' ? `le nombre ${String(value)}` : typeof value;
}

/**
 * Reads the fields of one record after another, keeping what is wrong with them: a field that cannot
 * be read gives its neutral value (0, '', ZERO) and a problem, and the record is refused with the
 * first three problems (`field : message`, nested ones as `associations.order_rows.0.id`).
 */
export class FieldReader {
  /**
   * The amounts read so far, by the value sent: an answer repeats the same few again and again
   * (`0.000000`, `1.000000`, the VAT rates, the catalogue's prices), a decimal is immutable, and
   * parsing one was the costliest step of reading an order. Held as long as this reader (one answer).
   */
  readonly #amounts = new Map<string | number, Amount>();
  readonly #problems: string[] = [];
  #count = 0;
  /** The path of the list item being read, for the messages: `['associations', 'taxes', 0]`. */
  readonly #at: (string | number)[] = [];

  int(raw: RawRecord, field: string): number {
    const value = raw[field];
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (!this.#plain(value, field)) return 0;
    const number = integerOf(value);
    if (number !== undefined) return number;
    this.#problem(field, notAnInteger(value));
    return 0;
  }

  text(raw: RawRecord, field: string): string {
    const value = raw[field];
    if (typeof value === 'string') return value;
    return this.#plain(value, field) ? textOf(value) : '';
  }

  flag(raw: RawRecord, field: string): boolean {
    const value = raw[field];
    return this.#plain(value, field) && flagOf(value);
  }

  amount(raw: RawRecord, field: string): Amount {
    const value = raw[field];
    if (typeof value === 'string' || typeof value === 'number') {
      const known = this.#amounts.get(value);
      if (known !== undefined) return known;
    }
    if (!this.#plain(value, field)) return ZERO;
    const parsed = amountOf(value);
    if (parsed !== undefined) {
      if (typeof value === 'string' || typeof value === 'number') this.#amounts.set(value, parsed);
      return parsed;
    }
    this.#problem(field, notAnAmount(value));
    return ZERO;
  }

  /** An amount a version may leave out: absent stays undefined (empty or null is 0, as `amount`). */
  optionalAmount(raw: RawRecord, field: string): Amount | undefined {
    return raw[field] === undefined ? undefined : this.amount(raw, field);
  }

  date(raw: RawRecord, field: string): string | undefined {
    const value = raw[field];
    return this.#plain(value, field) ? dateOf(value) : undefined;
  }

  /**
   * An association list (`associations.order_rows`): absent means none (8.x JSON drops empty ones:
   * 8.1.2/18_order_details_selected.json); each item read by `readItem`.
   */
  association<T>(raw: RawRecord, name: string, readItem: (item: RawRecord, fields: FieldReader) => T): T[] {
    const associations = raw['associations'];
    if (associations === undefined) return [];
    if (!isRecord(associations)) {
      this.#problem('associations', `objet attendu, reçu ${kindOf(associations)}`);
      return [];
    }
    const list = associations[name];
    if (list === undefined) return [];
    this.#at.push('associations');
    try {
      if (!Array.isArray(list)) {
        this.#problem(name, `liste attendue, reçu ${kindOf(list)}`);
        return [];
      }
      this.#at.push(name);
      const items: T[] = [];
      for (let index = 0; index < list.length; index += 1) {
        const item: unknown = list[index];
        if (!isRecord(item)) {
          this.#problem(String(index), `objet attendu, reçu ${kindOf(item)}`);
          continue;
        }
        this.#at.push(index);
        items.push(readItem(item, this));
        this.#at.pop();
      }
      this.#at.pop();
      return items;
    } finally {
      this.#at.pop();
    }
  }

  /** The problems of the record just read, told as zod's `describeIssues` did; then forgotten. */
  takeProblems(): string | undefined {
    if (this.#count === 0) return undefined;
    const reason = this.#problems.join(' ; ');
    this.#problems.length = 0;
    this.#count = 0;
    this.#at.length = 0;
    return reason;
  }

  #plain(value: unknown, field: string): value is Scalar {
    if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean')
      return true;
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    this.#problem(field, `valeur simple attendue, reçu ${kindOf(value)}`);
    return false;
  }

  #problem(field: string, message: string): void {
    this.#count += 1;
    if (this.#problems.length < 3) this.#problems.push(`${[...this.#at, field].join('.')} : ${message}`);
  }
}

function isRecord(value: unknown): value is RawRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads one record's fields; problems go to `fields`. */
export type RecordReader<T> = (raw: RawRecord, fields: FieldReader) => T;

export interface ParsedRecords<T> {
  readonly records: T[];
  /** Records that failed validation, with their raw form (to find the order they belong to). */
  readonly rejected: { readonly raw: RawRecord; readonly reason: string }[];
}

/** Reads each record on its own: one bad record never rejects the others. */
export function readRecords<T>(read: RecordReader<T>, raws: readonly RawRecord[]): ParsedRecords<T> {
  const fields = new FieldReader();
  const records: T[] = [];
  const rejected: { raw: RawRecord; reason: string }[] = [];
  for (const raw of raws) {
    const record = read(raw, fields);
    const reason = fields.takeProblems();
    if (reason === undefined) records.push(record);
    else rejected.push({ raw, reason });
  }
  return { records, rejected };
}

export interface WireOrderRow {
  readonly id: number;
  readonly product_id: number;
  readonly product_attribute_id: number;
  readonly product_quantity: number;
  readonly product_name: string;
  readonly product_reference: string;
  readonly product_ean13: string;
  readonly unit_price_tax_incl: Amount;
  readonly unit_price_tax_excl: Amount;
}

const readOrderRow: RecordReader<WireOrderRow> = (raw, f) => ({
  id: f.int(raw, 'id'),
  product_id: f.int(raw, 'product_id'),
  product_attribute_id: f.int(raw, 'product_attribute_id'),
  product_quantity: f.int(raw, 'product_quantity'),
  product_name: f.text(raw, 'product_name'),
  product_reference: f.text(raw, 'product_reference'),
  product_ean13: f.text(raw, 'product_ean13'),
  unit_price_tax_incl: f.amount(raw, 'unit_price_tax_incl'),
  unit_price_tax_excl: f.amount(raw, 'unit_price_tax_excl'),
});

export interface WireOrder {
  readonly id: number;
  readonly reference: string;
  readonly id_shop: number;
  readonly id_shop_group: number;
  readonly id_lang: number;
  readonly id_customer: number;
  readonly id_address_delivery: number;
  readonly id_address_invoice: number;
  readonly id_currency: number;
  readonly id_carrier: number;
  readonly current_state: number;
  readonly module: string;
  readonly payment: string;
  readonly invoice_number: number;
  readonly invoice_date: string | undefined;
  readonly date_add: string;
  readonly date_upd: string;
  readonly valid: boolean;
  readonly gift: boolean;
  readonly gift_message: string;
  readonly recyclable: boolean;
  readonly note: string;
  readonly conversion_rate: Amount;
  readonly total_products: Amount;
  readonly total_products_wt: Amount;
  readonly total_discounts_tax_incl: Amount;
  readonly total_discounts_tax_excl: Amount;
  readonly total_shipping_tax_incl: Amount;
  readonly total_shipping_tax_excl: Amount;
  readonly carrier_tax_rate: Amount;
  readonly total_wrapping_tax_incl: Amount;
  readonly total_wrapping_tax_excl: Amount;
  readonly total_paid_tax_incl: Amount;
  readonly total_paid_tax_excl: Amount;
  readonly total_paid_real: Amount;
  readonly round_mode: number;
  readonly round_type: number;
  readonly associations: { readonly order_rows: readonly WireOrderRow[] };
}

export const readOrder: RecordReader<WireOrder> = (raw, f) => ({
  id: f.int(raw, 'id'),
  reference: f.text(raw, 'reference'),
  id_shop: f.int(raw, 'id_shop'),
  id_shop_group: f.int(raw, 'id_shop_group'),
  id_lang: f.int(raw, 'id_lang'),
  id_customer: f.int(raw, 'id_customer'),
  id_address_delivery: f.int(raw, 'id_address_delivery'),
  id_address_invoice: f.int(raw, 'id_address_invoice'),
  id_currency: f.int(raw, 'id_currency'),
  id_carrier: f.int(raw, 'id_carrier'),
  current_state: f.int(raw, 'current_state'),
  module: f.text(raw, 'module'),
  payment: f.text(raw, 'payment'),
  invoice_number: f.int(raw, 'invoice_number'),
  invoice_date: f.date(raw, 'invoice_date'),
  date_add: f.text(raw, 'date_add'),
  date_upd: f.text(raw, 'date_upd'),
  valid: f.flag(raw, 'valid'),
  gift: f.flag(raw, 'gift'),
  gift_message: f.text(raw, 'gift_message'),
  recyclable: f.flag(raw, 'recyclable'),
  note: f.text(raw, 'note'),
  conversion_rate: f.amount(raw, 'conversion_rate'),
  total_products: f.amount(raw, 'total_products'),
  total_products_wt: f.amount(raw, 'total_products_wt'),
  total_discounts_tax_incl: f.amount(raw, 'total_discounts_tax_incl'),
  total_discounts_tax_excl: f.amount(raw, 'total_discounts_tax_excl'),
  total_shipping_tax_incl: f.amount(raw, 'total_shipping_tax_incl'),
  total_shipping_tax_excl: f.amount(raw, 'total_shipping_tax_excl'),
  carrier_tax_rate: f.amount(raw, 'carrier_tax_rate'),
  total_wrapping_tax_incl: f.amount(raw, 'total_wrapping_tax_incl'),
  total_wrapping_tax_excl: f.amount(raw, 'total_wrapping_tax_excl'),
  total_paid_tax_incl: f.amount(raw, 'total_paid_tax_incl'),
  total_paid_tax_excl: f.amount(raw, 'total_paid_tax_excl'),
  total_paid_real: f.amount(raw, 'total_paid_real'),
  round_mode: f.int(raw, 'round_mode'),
  round_type: f.int(raw, 'round_type'),
  associations: { order_rows: f.association(raw, 'order_rows', readOrderRow) },
});

export interface WireOrderDetail {
  readonly id: number;
  readonly id_order: number;
  readonly product_id: number;
  readonly product_attribute_id: number;
  readonly product_name: string;
  readonly product_reference: string;
  readonly product_ean13: string;
  readonly product_supplier_reference: string;
  readonly product_quantity: number;
  readonly product_quantity_refunded: number;
  readonly unit_price_tax_incl: Amount;
  readonly unit_price_tax_excl: Amount;
  readonly total_price_tax_incl: Amount;
  readonly total_price_tax_excl: Amount;
  readonly original_product_price: Amount;
  readonly reduction_percent: Amount;
  readonly reduction_amount_tax_incl: Amount;
  readonly reduction_amount_tax_excl: Amount;
  readonly group_reduction: Amount;
  readonly ecotax: Amount;
  readonly ecotax_tax_rate: Amount;
  readonly id_warehouse: number;
  /** Not sent by the webservice today; read when a module or a future version adds it. */
  readonly tax_rate?: Amount | undefined;
  readonly tax_name: string;
  readonly associations: { readonly taxes: readonly { readonly id: number }[] };
}

const readIdItem: RecordReader<{ readonly id: number }> = (raw, f) => ({ id: f.int(raw, 'id') });

export const readOrderDetail: RecordReader<WireOrderDetail> = (raw, f) => ({
  id: f.int(raw, 'id'),
  id_order: f.int(raw, 'id_order'),
  product_id: f.int(raw, 'product_id'),
  product_attribute_id: f.int(raw, 'product_attribute_id'),
  product_name: f.text(raw, 'product_name'),
  product_reference: f.text(raw, 'product_reference'),
  product_ean13: f.text(raw, 'product_ean13'),
  product_supplier_reference: f.text(raw, 'product_supplier_reference'),
  product_quantity: f.int(raw, 'product_quantity'),
  product_quantity_refunded: f.int(raw, 'product_quantity_refunded'),
  unit_price_tax_incl: f.amount(raw, 'unit_price_tax_incl'),
  unit_price_tax_excl: f.amount(raw, 'unit_price_tax_excl'),
  total_price_tax_incl: f.amount(raw, 'total_price_tax_incl'),
  total_price_tax_excl: f.amount(raw, 'total_price_tax_excl'),
  original_product_price: f.amount(raw, 'original_product_price'),
  reduction_percent: f.amount(raw, 'reduction_percent'),
  reduction_amount_tax_incl: f.amount(raw, 'reduction_amount_tax_incl'),
  reduction_amount_tax_excl: f.amount(raw, 'reduction_amount_tax_excl'),
  group_reduction: f.amount(raw, 'group_reduction'),
  ecotax: f.amount(raw, 'ecotax'),
  ecotax_tax_rate: f.amount(raw, 'ecotax_tax_rate'),
  id_warehouse: f.int(raw, 'id_warehouse'),
  tax_rate: f.optionalAmount(raw, 'tax_rate'),
  tax_name: f.text(raw, 'tax_name'),
  associations: { taxes: f.association(raw, 'taxes', readIdItem) },
});

export interface WireCustomer {
  readonly id: number;
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly company: string;
  readonly siret: string;
  readonly ape: string;
  readonly is_guest: boolean;
  readonly deleted: boolean;
  readonly id_default_group: number;
}

export const readCustomer: RecordReader<WireCustomer> = (raw, f) => ({
  id: f.int(raw, 'id'),
  firstname: f.text(raw, 'firstname'),
  lastname: f.text(raw, 'lastname'),
  email: f.text(raw, 'email'),
  company: f.text(raw, 'company'),
  siret: f.text(raw, 'siret'),
  ape: f.text(raw, 'ape'),
  is_guest: f.flag(raw, 'is_guest'),
  deleted: f.flag(raw, 'deleted'),
  id_default_group: f.int(raw, 'id_default_group'),
});

export interface WireAddress {
  readonly id: number;
  readonly id_country: number;
  readonly id_state: number;
  readonly alias: string;
  readonly company: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly address1: string;
  readonly address2: string;
  readonly postcode: string;
  readonly city: string;
  readonly vat_number: string;
  readonly dni: string;
  readonly phone: string;
  readonly phone_mobile: string;
  readonly other: string;
}

export const readAddress: RecordReader<WireAddress> = (raw, f) => ({
  id: f.int(raw, 'id'),
  id_country: f.int(raw, 'id_country'),
  id_state: f.int(raw, 'id_state'),
  alias: f.text(raw, 'alias'),
  company: f.text(raw, 'company'),
  firstname: f.text(raw, 'firstname'),
  lastname: f.text(raw, 'lastname'),
  address1: f.text(raw, 'address1'),
  address2: f.text(raw, 'address2'),
  postcode: f.text(raw, 'postcode'),
  city: f.text(raw, 'city'),
  vat_number: f.text(raw, 'vat_number'),
  dni: f.text(raw, 'dni'),
  phone: f.text(raw, 'phone'),
  phone_mobile: f.text(raw, 'phone_mobile'),
  other: f.text(raw, 'other'),
});

export interface WireOrderPayment {
  readonly id: number;
  readonly order_reference: string;
  readonly id_currency: number;
  readonly amount: Amount;
  readonly payment_method: string;
  readonly conversion_rate: Amount;
  readonly transaction_id: string;
  readonly date_add: string | undefined;
}

export const readOrderPayment: RecordReader<WireOrderPayment> = (raw, f) => ({
  id: f.int(raw, 'id'),
  order_reference: f.text(raw, 'order_reference'),
  id_currency: f.int(raw, 'id_currency'),
  amount: f.amount(raw, 'amount'),
  payment_method: f.text(raw, 'payment_method'),
  conversion_rate: f.amount(raw, 'conversion_rate'),
  transaction_id: f.text(raw, 'transaction_id'),
  date_add: f.date(raw, 'date_add'),
});

export interface WireOrderCarrier {
  readonly id: number;
  readonly id_order: number;
  readonly id_carrier: number;
  readonly weight: Amount;
  readonly shipping_cost_tax_excl: Amount;
  readonly shipping_cost_tax_incl: Amount;
  readonly tracking_number: string;
}

export const readOrderCarrier: RecordReader<WireOrderCarrier> = (raw, f) => ({
  id: f.int(raw, 'id'),
  id_order: f.int(raw, 'id_order'),
  id_carrier: f.int(raw, 'id_carrier'),
  weight: f.amount(raw, 'weight'),
  shipping_cost_tax_excl: f.amount(raw, 'shipping_cost_tax_excl'),
  shipping_cost_tax_incl: f.amount(raw, 'shipping_cost_tax_incl'),
  tracking_number: f.text(raw, 'tracking_number'),
});

/** `order_cart_rules` (1.7+) and 1.6's `order_discounts` have the same fields (see cartRulesResource). */
export interface WireOrderCartRule {
  readonly id: number;
  readonly id_order: number;
  readonly id_cart_rule: number;
  readonly name: string;
  readonly value: Amount;
  readonly value_tax_excl: Amount;
  readonly free_shipping: boolean;
}

export const readOrderCartRule: RecordReader<WireOrderCartRule> = (raw, f) => ({
  id: f.int(raw, 'id'),
  id_order: f.int(raw, 'id_order'),
  id_cart_rule: f.int(raw, 'id_cart_rule'),
  name: f.text(raw, 'name'),
  value: f.amount(raw, 'value'),
  value_tax_excl: f.amount(raw, 'value_tax_excl'),
  free_shipping: f.flag(raw, 'free_shipping'),
});

export interface WireCustomerThread {
  readonly id: number;
  readonly id_order: number;
}

export const readCustomerThread: RecordReader<WireCustomerThread> = (raw, f) => ({
  id: f.int(raw, 'id'),
  id_order: f.int(raw, 'id_order'),
});

export interface WireCustomerMessage {
  readonly id: number;
  readonly id_customer_thread: number;
  readonly id_employee: number;
  readonly message: string;
  readonly private: boolean;
  readonly date_add: string;
}

export const readCustomerMessage: RecordReader<WireCustomerMessage> = (raw, f) => ({
  id: f.int(raw, 'id'),
  id_customer_thread: f.int(raw, 'id_customer_thread'),
  id_employee: f.int(raw, 'id_employee'),
  message: f.text(raw, 'message'),
  private: f.flag(raw, 'private'),
  date_add: f.text(raw, 'date_add'),
});
