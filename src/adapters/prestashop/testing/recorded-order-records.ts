import type * as z from 'zod';

import type { OrderRecords, ReferenceData } from '../to-shop-order.js';
import {
  type ParsedRecords,
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
} from '../wire-readers.js';
import {
  carrierSchema,
  countrySchema,
  currencySchema,
  orderStateSchema,
  parseRecords,
  taxSchema,
} from '../wire-schemas.js';
import { jsonRecords } from './recorded-fixtures.js';

/** The records of a recorded answer, read as the source reads them (a hand-written reader, or zod). */
function parsed<T>(parser: RecordReader<T> | z.ZodType<T>, file: string): T[] {
  const raws = jsonRecords(file);
  const { records, rejected }: ParsedRecords<T> =
    typeof parser === 'function' ? readRecords(parser, raws) : parseRecords(parser, raws);
  if (rejected.length > 0) throw new Error(`${file}: ${rejected.map((entry) => entry.reason).join(' | ')}`);
  return records;
}

const byId = <T extends { id: number }>(records: T[]) =>
  new Map(records.map((record) => [record.id, record]));

/** The reference data of the recorded 8.1.2 shop (provinces were not recorded). */
export function recordedReferenceData(): ReferenceData {
  return {
    languageId: 1,
    orderStates: byId(parsed(orderStateSchema, '23_order_states_full.json')),
    currencies: byId(parsed(currencySchema, '46_currencies_full.json')),
    carriers: byId(parsed(carrierSchema, '44_carriers_full.json')),
    countries: byId(parsed(countrySchema, '48_countries_selected.json')),
    provinces: new Map(),
    taxes: byId(parsed(taxSchema, '50_taxes_full.json')),
  };
}

/** Every recorded 8.1.2 order with its related records, as the order source gathers them. */
export function recordedOrderRecords(): OrderRecords[] {
  const orders = parsed(readOrder, '07_orders_full_all_shops.json');
  const details = parsed(readOrderDetail, '18_order_details_selected.json');
  const customers = byId(parsed(readCustomer, '38_customers_full_all_shops.json'));
  const addresses = byId(parsed(readAddress, '40_addresses_full.json'));
  const payments = parsed(readOrderPayment, '25_order_payments_full.json');
  const carriers = parsed(readOrderCarrier, '27_order_carriers_full.json');
  const cartRules = parsed(readOrderCartRule, '29_order_cart_rules_full.json');
  const threads = parsed(readCustomerThread, '42_customer_threads_full.json');
  const messages = parsed(readCustomerMessage, '43_customer_messages_full.json');
  return orders.map((order) => {
    const threadIds = new Set(
      threads.filter((thread) => thread.id_order === order.id).map((thread) => thread.id),
    );
    return {
      order,
      details: details.filter((detail) => detail.id_order === order.id),
      customer: customers.get(order.id_customer),
      deliveryAddress: addresses.get(order.id_address_delivery),
      invoiceAddress: addresses.get(order.id_address_invoice),
      payments: payments.filter((payment) => payment.order_reference === order.reference),
      orderCarrier: carriers.find((carrier) => carrier.id_order === order.id),
      cartRules: cartRules.filter((rule) => rule.id_order === order.id),
      messages: messages.filter((message) => threadIds.has(message.id_customer_thread)),
    };
  });
}
