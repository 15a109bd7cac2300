import type { SourcedOrder } from '../../domain/shop-order.js';
import { WebserviceFailure, type WebserviceFailureCode } from './errors.js';
import type { ReferenceDataCache } from './reference-data.js';
import { type OrderRecords, toShopOrder } from './to-shop-order.js';
import type { RawRecord } from './webservice-answer.js';
import type { WebserviceClient } from './webservice-client.js';
import { type ShopScope, cartRulesResource } from './webservice-dialect.js';
import {
  type ParsedRecords,
  type RecordReader,
  type WireOrder,
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

/** Failures of one call that the next page's calls may not meet: the page's orders fail, the run goes on. */
export function isPageLocalFailure(error: unknown): error is WebserviceFailure {
  return error instanceof WebserviceFailure && PAGE_LOCAL_FAILURES.has(error.code);
}

const PAGE_LOCAL_FAILURES: ReadonlySet<WebserviceFailureCode> = new Set([
  'server-error',
  'timeout',
  'malformed-answer',
]);

/**
 * A batch of orders made whole: the related records of the whole batch read in one call each (details,
 * customers, addresses, payments, carriers; vouchers only when an order has a discount; messages only
 * when asked for) in OR-lists as long as a URL may be, the reference data only where something is
 * missing from what is kept — then each order mapped, or refused with its reason.
 */
export class OrderPageReader {
  constructor(
    private readonly client: WebserviceClient,
    private readonly reference: ReferenceDataCache,
  ) {}

  /**
   * A page whose related records cannot be read (the host keeps answering 500 past the retries) fails its
   * own orders, with the reason, and the run goes on with the next page: the orders page itself was read,
   * so the keyset cursor can move on. Failures that would repeat on every page (key, permission) stop
   * the run instead.
   */
  async read(
    page: readonly RawRecord[],
    withMessages: boolean,
    scope: ShopScope | undefined,
  ): Promise<SourcedOrder[]> {
    try {
      return await this.sourcedOrders(page, withMessages, scope);
    } catch (error) {
      if (!isPageLocalFailure(error)) throw error;
      return page.map((raw) => ({
        ok: false as const,
        key: { shopId: Number(raw['id_shop']), orderId: Number(raw['id']) },
        reference: typeof raw['reference'] === 'string' ? raw['reference'] : '',
        stateId: Number(raw['current_state']) || undefined,
        code: 'shop-read-failed',
        message: `Les détails de la commande n'ont pas pu être lus dans la boutique (${error.message}) : elle sera reprise au prochain import.`,
        data: { detail: error.message },
      }));
    }
  }

  /**
   * A page of orders without their related records (`OrderQuery.ordersOnly`): no call beyond the page
   * itself and the reference data it needs (states and currencies). The lines come from the order's own rows; customer,
   * addresses, payments, shipment and vouchers stay empty.
   */
  async readOrdersOnly(page: readonly RawRecord[]): Promise<SourcedOrder[]> {
    const parsedOrders = readRecords(readOrder, page);
    const orders = parsedOrders.records;
    const reference = await this.reference.referenceData({
      orderStates: orders.map((order) => order.current_state),
      currencies: orders.map((order) => order.id_currency),
      carriers: [],
      countries: [],
      taxes: [],
    });
    return [
      ...parsedOrders.rejected.map(({ raw, reason }) => malformed(raw, reason)),
      ...parsedOrders.records.map((order) =>
        toShopOrder(
          {
            order,
            details: [],
            customer: undefined,
            deliveryAddress: undefined,
            invoiceAddress: undefined,
            payments: [],
            orderCarrier: undefined,
            cartRules: [],
            messages: [],
          },
          reference,
        ),
      ),
    ];
  }

  /** The whole records of these orders (`display=full`), read by id. */
  readOrders(orderIds: readonly number[], scope: ShopScope | undefined): Promise<RawRecord[]> {
    return this.client.listWhereIn('orders', 'id', orderIds, {
      display: 'full',
      ...(scope === undefined ? {} : { shop: scope }),
    });
  }

  private async sourcedOrders(
    raws: readonly RawRecord[],
    withMessages: boolean,
    scope: ShopScope | undefined,
  ): Promise<SourcedOrder[]> {
    const parsedOrders = readRecords(readOrder, raws);
    const refused: SourcedOrder[] = parsedOrders.rejected.map(({ raw, reason }) => malformed(raw, reason));
    const orders = parsedOrders.records;
    if (orders.length === 0) return refused;
    const orderIds = orders.map((order) => order.id);
    const shopParams = scope === undefined ? {} : { shop: scope };
    const full = { display: 'full' } as const;
    const cartRulesName = cartRulesResource(this.client.version);

    // A voucher shows in the order's discounts (a free-shipping one too: PrestaShop adds its value
    // there, 8.1.2 order 12): orders without any have no order_cart_rules to read.
    const discounted = orders.filter(
      (order) => !order.total_discounts_tax_incl.isZero() || !order.total_discounts_tax_excl.isZero(),
    );

    const [details, customers, addresses, payments, carriers, cartRules, messages] = await Promise.all([
      this.related(readOrderDetail, 'order_details', 'id_order', orderIds),
      // Customer lists are restricted per shop like order lists (8.1.2/36_customers_full.json against
      // 38_customers_full_all_shops.json).
      this.client
        .listWhereIn(
          'customers',
          'id',
          orders.map((order) => order.id_customer),
          { ...full, ...shopParams },
        )
        .then((found) => readRecords(readCustomer, found)),
      this.related(
        readAddress,
        'addresses',
        'id',
        orders.flatMap((order) => [order.id_address_delivery, order.id_address_invoice]),
      ),
      // Payments hang on the order's reference, not its id, shared by the orders of a split cart
      // (8.1.2/25_order_payments_full.json has no id_order).
      this.related(
        readOrderPayment,
        'order_payments',
        'order_reference',
        orders.map((order) => order.reference),
      ),
      this.related(readOrderCarrier, 'order_carriers', 'id_order', orderIds),
      this.related(
        readOrderCartRule,
        cartRulesName,
        'id_order',
        discounted.map((order) => order.id),
      ),
      withMessages ? this.messages(orderIds) : Promise.resolve(new Map<number, never[]>()),
    ]);
    await this.reference.loadProvinces(addresses.records.map((address) => address.id_state));
    const reference = await this.reference.referenceData({
      orderStates: orders.map((order) => order.current_state),
      currencies: orders.map((order) => order.id_currency),
      carriers: orders.map((order) => order.id_carrier),
      countries: addresses.records.map((address) => address.id_country),
      taxes: details.records.flatMap((detail) => detail.associations.taxes.map((tax) => tax.id)),
    });

    // A malformed related record (an amount that is not a decimal) refuses the orders it belongs to,
    // naming the resource it came from. A malformed customer or address too: taken as missing, it would
    // read as "no longer in the shop" or send the order to the generic account.
    const badOrders = new Map<number, string>();
    const refuseLinked = (
      resource: string,
      { rejected }: ParsedRecords<unknown>,
      belongs: (order: WireOrder, raw: RawRecord) => boolean,
    ) => {
      for (const { raw, reason } of rejected)
        for (const order of orders)
          if (belongs(order, raw))
            badOrders.set(order.id, `un enregistrement lié (${resource}) est illisible (${reason})`);
    };
    const byOrderId = (order: WireOrder, raw: RawRecord) => order.id === Number(raw['id_order']);
    refuseLinked('order_details', details, byOrderId);
    refuseLinked('order_carriers', carriers, byOrderId);
    refuseLinked(cartRulesName, cartRules, byOrderId);
    refuseLinked(
      'order_payments',
      payments,
      (order, raw) => order.reference === String(raw['order_reference']),
    );
    refuseLinked('customers', customers, (order, raw) => order.id_customer === Number(raw['id']));
    refuseLinked('addresses', addresses, (order, raw) =>
      [order.id_address_delivery, order.id_address_invoice].includes(Number(raw['id'])),
    );

    const customersById = new Map(customers.records.map((customer) => [customer.id, customer]));
    const addressesById = new Map(addresses.records.map((address) => [address.id, address]));
    const detailsOf = groupBy(details.records, (detail) => detail.id_order);
    const paymentsOf = groupBy(payments.records, (payment) => payment.order_reference);
    const carriersOf = groupBy(carriers.records, (carrier) => carrier.id_order);
    const cartRulesOf = groupBy(cartRules.records, (rule) => rule.id_order);
    const mapped = orders.map((order): SourcedOrder => {
      const bad = badOrders.get(order.id);
      if (bad !== undefined) return malformed(order, bad);
      const records: OrderRecords = {
        order,
        details: detailsOf.get(order.id) ?? [],
        customer: customersById.get(order.id_customer),
        deliveryAddress: addressesById.get(order.id_address_delivery),
        invoiceAddress:
          order.id_address_invoice === 0 ? undefined : addressesById.get(order.id_address_invoice),
        payments: paymentsOf.get(order.reference) ?? [],
        orderCarrier: firstById(carriersOf.get(order.id) ?? []),
        cartRules: cartRulesOf.get(order.id) ?? [],
        messages: messages.get(order.id) ?? [],
      };
      return toShopOrder(records, reference);
    });
    return [...refused, ...mapped];
  }

  private async related<T>(
    reader: RecordReader<T>,
    resource: string,
    field: string,
    values: readonly (string | number)[],
  ): Promise<ParsedRecords<T>> {
    const raws = await this.client.listWhereIn(resource, field, values, { display: 'full' });
    return readRecords(reader, raws);
  }

  /** Customer threads of the orders, then their messages: two calls per page. */
  private async messages(orderIds: readonly number[]) {
    const threads = (await this.related(readCustomerThread, 'customer_threads', 'id_order', orderIds))
      .records;
    const orderOfThread = new Map(threads.map((thread) => [thread.id, thread.id_order]));
    const messages = (
      await this.related(
        readCustomerMessage,
        'customer_messages',
        'id_customer_thread',
        threads.map((thread) => thread.id),
      )
    ).records;
    const byOrder = new Map<number, typeof messages>();
    for (const message of messages) {
      const orderId = orderOfThread.get(message.id_customer_thread);
      if (orderId === undefined) continue;
      const list = byOrder.get(orderId);
      if (list === undefined) byOrder.set(orderId, [message]);
      else list.push(message);
    }
    return byOrder;
  }
}

function malformed(raw: RawRecord | WireOrder, reason: string): SourcedOrder {
  const record = raw as Record<string, unknown>;
  return {
    ok: false,
    key: { shopId: Number(record['id_shop']) || 0, orderId: Number(record['id']) || 0 },
    reference: typeof record['reference'] === 'string' ? record['reference'] : '',
    stateId: Number(record['current_state']) || undefined,
    code: 'malformed-order',
    message: `La commande est illisible : ${reason}`,
    data: { detail: reason },
  };
}

function groupBy<T, K>(records: readonly T[], keyOf: (record: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const record of records) {
    const group = groups.get(keyOf(record));
    if (group === undefined) groups.set(keyOf(record), [record]);
    else group.push(record);
  }
  return groups;
}

function firstById<T extends { id: number }>(records: readonly T[]): T | undefined {
  let first: T | undefined;
  for (const record of records) if (first === undefined || record.id < first.id) first = record;
  return first;
}
