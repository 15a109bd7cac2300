import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { ZERO } from '../../domain/money.js';
import { HEADER_FIELDS, toOrderHeaders } from './order-headers.js';
import { FIXTURES, fixtureText, manifest } from './testing/recorded-fixtures.js';
import { normalize } from './testing/normalize.js';
import { type RawRecord, listRecords, parseBody } from './webservice-answer.js';
import {
  type RecordReader,
  readAddress,
  readCustomer,
  readCustomerMessage,
  readCustomerThread,
  readOrder,
  readOrderCarrier,
  readOrderCartRule,
  readOrderDetail,
  readOrderPayment,
  readRecords,
} from './wire-readers.js';
import { parseRecords, wireAmount, wireDate, wireFlag, wireInt, wireText } from './wire-schemas.js';

/*
 * The zod schemas these readers replace, kept here as the reference they are checked against: the same
 * records from every recorded answer, the same refusals of malformed ones.
 */
const association = <T extends z.ZodType>(item: T) => z.array(item).optional().default([]);
const idItem = z.object({ id: wireInt });

const orderRowSchema = z.object({
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

const orderSchema = z.object({
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

const orderDetailSchema = z.object({
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
  tax_rate: z.optional(wireAmount),
  tax_name: wireText,
  associations: z
    .object({ taxes: association(idItem) })
    .optional()
    .default({ taxes: [] }),
});

const customerSchema = z.object({
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

const addressSchema = z.object({
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

const orderPaymentSchema = z.object({
  id: wireInt,
  order_reference: wireText,
  id_currency: wireInt,
  amount: wireAmount,
  payment_method: wireText,
  conversion_rate: wireAmount,
  transaction_id: wireText,
  date_add: wireDate,
});

const orderCarrierSchema = z.object({
  id: wireInt,
  id_order: wireInt,
  id_carrier: wireInt,
  weight: wireAmount,
  shipping_cost_tax_excl: wireAmount,
  shipping_cost_tax_incl: wireAmount,
  tracking_number: wireText,
});

const orderCartRuleSchema = z.object({
  id: wireInt,
  id_order: wireInt,
  id_cart_rule: wireInt,
  name: wireText,
  value: wireAmount,
  value_tax_excl: wireAmount,
  free_shipping: wireFlag,
});

const customerThreadSchema = z.object({ id: wireInt, id_order: wireInt });

const customerMessageSchema = z.object({
  id: wireInt,
  id_customer_thread: wireInt,
  id_employee: wireInt,
  message: wireText,
  private: wireFlag,
  date_add: wireText,
});

const headerSchema = z.object({
  id: wireInt,
  id_shop: wireInt,
  reference: wireText,
  current_state: wireInt,
  date_add: wireText,
  date_upd: wireText,
  invoice_date: wireDate,
  total_paid_tax_incl: wireAmount,
});

interface Pair {
  readonly schema: z.ZodType;
  readonly reader: RecordReader<unknown>;
}

const PAIRS: Record<string, Pair> = {
  orders: { schema: orderSchema, reader: readOrder },
  order_details: { schema: orderDetailSchema, reader: readOrderDetail },
  customers: { schema: customerSchema, reader: readCustomer },
  addresses: { schema: addressSchema, reader: readAddress },
  order_payments: { schema: orderPaymentSchema, reader: readOrderPayment },
  order_carriers: { schema: orderCarrierSchema, reader: readOrderCarrier },
  order_cart_rules: { schema: orderCartRuleSchema, reader: readOrderCartRule },
  order_discounts: { schema: orderCartRuleSchema, reader: readOrderCartRule },
  customer_threads: { schema: customerThreadSchema, reader: readCustomerThread },
  customer_messages: { schema: customerMessageSchema, reader: readCustomerMessage },
};

interface RecordedAnswer {
  readonly file: string;
  readonly resource: string;
  readonly raws: readonly RawRecord[];
}

/** The records of every recorded GET answer (8.1.2 and 1.6.1) of the resources above. */
function recordedAnswers(): RecordedAnswer[] {
  const answers: RecordedAnswer[] = [];
  const add = (file: string, text: string, resource: string, single: boolean) => {
    if (!PAIRS[resource]) return;
    const body = parseBody(text, file.endsWith('.json') ? 'application/json' : 'text/xml');
    const raws = single
      ? [Object.values(body as Record<string, RawRecord>)[0] ?? {}]
      : listRecords(body, resource, file);
    answers.push({ file, resource, raws });
  };
  for (const entry of manifest()) {
    if (entry.status !== 200 || entry.method !== 'GET') continue;
    const [resource = '', id] = new URL(entry.url).pathname.replace(/^\/api\/?/, '').split('/');
    add(`8.1.2/${entry.file}`, fixtureText(`8.1.2/${entry.file}`), resource, id !== undefined && id !== '');
  }
  for (const folder of readdirSync(join(FIXTURES, '1.6.1'), { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of readdirSync(join(FIXTURES, '1.6.1', folder.name))) {
      const match = /^\d+_GET_([a-z_]+?)(?:_(\d+))?\.response\.xml$/.exec(name);
      if (!match) continue;
      const file = `1.6.1/${folder.name}/${name}`;
      add(file, fixtureText(file), match[1] ?? '', match[2] !== undefined);
    }
  }
  return answers;
}

const answers = recordedAnswers();

describe('hand-written readers against the zod schemas they replace', () => {
  it('have recorded answers of every resource to compare', () => {
    const resources = new Set(answers.map((answer) => answer.resource));
    for (const resource of Object.keys(PAIRS).filter((name) => name !== 'order_discounts'))
      expect(resources, resource).toContain(resource);
    expect(answers.reduce((count, answer) => count + answer.raws.length, 0)).toBeGreaterThan(100);
  });

  it.each(answers.map((answer) => [answer.file, answer] as const))(
    '%s: the same records',
    (_file, { resource, raws }) => {
      const pair = PAIRS[resource];
      if (!pair) throw new Error(resource);
      const expected = parseRecords(pair.schema, raws);
      const actual = readRecords(pair.reader, raws);
      expect(expected.rejected).toEqual([]);
      expect(actual.rejected).toEqual([]);
      expect(normalize(actual.records)).toEqual(normalize(expected.records));
    },
  );

  it('read the slim page headers as the zod schema did', () => {
    const orders = answers.filter((answer) => answer.resource === 'orders');
    for (const { raws } of orders) {
      const headers = toOrderHeaders(raws);
      const expected = raws.map((raw) => headerSchema.parse(raw));
      expect(normalize(headers)).toEqual(
        normalize(
          expected.map((record) => ({
            key: { shopId: record.id_shop, orderId: record.id },
            reference: record.reference,
            stateId: record.current_state,
            dateAdd: record.date_add,
            dateUpd: record.date_upd,
            invoiceDate: record.invoice_date,
            totalPaidTaxIncl: record.total_paid_tax_incl,
          })),
        ),
      );
    }
    expect(HEADER_FIELDS).toEqual(Object.keys(headerSchema.shape));
  });

  it('give a header with what can be read for a record they refuse', () => {
    expect(
      toOrderHeaders([{ id: '7', id_shop: 1, reference: 'R', current_state: 'x', date_add: 'd' }]),
    ).toEqual([
      {
        key: { shopId: 1, orderId: 7 },
        reference: 'R',
        stateId: 0,
        dateAdd: 'd',
        dateUpd: '',
        invoiceDate: undefined,
        totalPaidTaxIncl: ZERO,
      },
    ]);
  });
});

describe('refusals of malformed records', () => {
  /** Wrong values zod told in the readers' own words (amounts, integers): the same reason, word for word. */
  const sameReason: [string, RawRecord][] = [
    ['an amount with a comma', { id: 5, total_paid_tax_incl: '12,50' }],
    [
      'an amount that is a word, and a boolean one',
      { id: 5, total_products: 'douze', conversion_rate: true },
    ],
    ['an id that is not an integer', { id: '5.5', id_customer: 'x' }],
    [
      'more than three problems: the first three told',
      { id: 'a', id_shop: 'b', id_lang: 'c', id_currency: 'd' },
    ],
    [
      'problems inside the order rows',
      { id: 5, associations: { order_rows: [{ id: 'x', unit_price_tax_incl: 'y' }] } },
    ],
  ];

  it.each(sameReason)('%s: the same reason as zod', (_name, raw) => {
    const expected = parseRecords(orderSchema, [raw]).rejected.map((entry) => entry.reason);
    expect(expected).toHaveLength(1);
    expect(readRecords(readOrder, [raw]).rejected.map((entry) => entry.reason)).toEqual(expected);
  });

  it('refuses a detail whose tax association is not a list, or holds a bad id, naming the path', () => {
    const reasons = (raw: RawRecord) => ({
      zod: parseRecords(orderDetailSchema, [raw]).rejected[0]?.reason,
      reader: readRecords(readOrderDetail, [raw]).rejected[0]?.reason,
    });
    const badId = reasons({ id: 1, associations: { taxes: [{ id: 'a' }] } });
    expect(badId.reader).toBe('associations.taxes.0.id : entier attendu, reçu "a"');
    expect(badId.reader).toBe(badId.zod);
    expect(reasons({ id: 1, tax_rate: 'x' }).reader).toBe('tax_rate : montant illisible : "x"');
    // Where zod said "Invalid input: expected array, received object", the reader says it in French.
    expect(reasons({ id: 1, associations: { taxes: { id: 1 } } }).reader).toBe(
      'associations.taxes : liste attendue, reçu un objet',
    );
    expect(reasons({ id: 1, associations: { taxes: [3] } }).reader).toBe(
      'associations.taxes.0 : objet attendu, reçu le nombre 3',
    );
    expect(reasons({ id: 1, associations: 'z' }).reader).toBe('associations : objet attendu, reçu string');
  });

  it('refuses a field that is an object or a list where zod did, in French', () => {
    const raw = { id: 5, reference: { a: 1 }, valid: [], total_paid_real: null };
    expect(parseRecords(orderSchema, [raw]).rejected[0]?.reason).toBe(
      'reference : Invalid input ; valid : Invalid input',
    );
    expect(readRecords(readOrder, [raw]).rejected[0]?.reason).toBe(
      'reference : valeur simple attendue, reçu un objet ; valid : valeur simple attendue, reçu une liste',
    );
  });

  it('keeps the absent optional tax rate absent, and an empty one 0', () => {
    const [absent, empty] = readRecords(readOrderDetail, [{ id: 1 }, { id: 2, tax_rate: '' }]).records;
    expect(absent?.tax_rate).toBeUndefined();
    expect(empty?.tax_rate?.toFixed()).toBe('0');
  });

  it('rejects one malformed record, not its neighbours', () => {
    const { records, rejected } = readRecords(readOrderPayment, [
      { id: 1, amount: '10.00' },
      { id: 2, amount: 'douze' },
      { id: 3, amount: '11.00' },
    ]);
    expect(records.map((record) => record.id)).toEqual([1, 3]);
    expect(rejected).toEqual([
      { raw: { id: 2, amount: 'douze' }, reason: 'amount : montant illisible : "douze"' },
    ]);
  });
});

describe('amounts read again in one answer', () => {
  it('share one decimal per value sent, and stay exact', () => {
    const raws = [
      { id: 1, amount: '19.990000', conversion_rate: '1.000000' },
      { id: 2, amount: '19.990000', conversion_rate: 1 },
      { id: 3, amount: ' 19.990000', conversion_rate: '1.000000' },
    ];
    const [first, second, third] = readRecords(readOrderPayment, raws).records;
    expect(second?.amount).toBe(first?.amount);
    expect(third?.conversion_rate).toBe(first?.conversion_rate);
    expect(normalize([first, second, third])).toEqual(
      normalize(parseRecords(orderPaymentSchema, raws).records),
    );
  });
});
