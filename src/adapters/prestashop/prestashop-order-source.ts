import type { OrderState, Shop, ShopOrderKey, SourcedOrder } from '../../domain/shop-order.js';
import type {
  ConnectionReport,
  OrderQuery,
  OrderSource,
  StateChange,
  StateChangeResult,
} from '../../ports/order-source.js';
import { checkConnection } from './check-connection.js';
import { WebserviceFailure, type WebserviceFailureCode } from './errors.js';
import { ReferenceDataCache } from './reference-data.js';
import { type OrderRecords, toOrderState, toShop, toShopOrder } from './to-shop-order.js';
import type { RawRecord } from './webservice-answer.js';
import { WebserviceClient, type WebserviceClientOptions } from './webservice-client.js';
import { type ShopScope, cartRulesResource, sendEmailQuery } from './webservice-dialect.js';
import {
  type ParsedRecords,
  type WireOrder,
  addressSchema,
  customerMessageSchema,
  customerSchema,
  customerThreadSchema,
  orderCarrierSchema,
  orderCartRuleSchema,
  orderCurrentStateSchema,
  orderDetailSchema,
  orderHistorySchema,
  orderPaymentSchema,
  orderSchema,
  parseRecords,
} from './wire-schemas.js';
import { toXmlBody } from './xml-body.js';

export interface PrestaShopOrderSourceOptions {
  readonly client: WebserviceClient;
  /** Orders per page. Default 100: hosts cut big pages (504). */
  readonly pageSize?: number;
  /** The language of state names and other multilingual fields. Default 1. */
  readonly languageId?: number;
  /** Sends of one state change when its outcome is unknown (timeout, cut connection). Default 3. */
  readonly maxStateChangeAttempts?: number;
}

/**
 * Orders read from a PrestaShop webservice (1.6 to 9.x): a page of orders, then the related records of
 * the whole page in one call each — about seven calls per hundred orders.
 */
/** Failures of one call that the next page's calls may not meet. */
const PAGE_LOCAL_FAILURES: ReadonlySet<WebserviceFailureCode> = new Set([
  'server-error',
  'timeout',
  'malformed-answer',
]);

export class PrestaShopOrderSource implements OrderSource {
  private readonly client: WebserviceClient;
  private readonly pageSize: number;
  private readonly reference: ReferenceDataCache;
  private readonly maxStateChangeAttempts: number;

  constructor(options: PrestaShopOrderSourceOptions) {
    this.client = options.client;
    this.pageSize = options.pageSize ?? 100;
    this.reference = new ReferenceDataCache(options.client, options.languageId ?? 1);
    this.maxStateChangeAttempts = options.maxStateChangeAttempts ?? 3;
  }

  async orderStates(): Promise<readonly OrderState[]> {
    const { languageId, orderStates } = await this.reference.referenceData();
    return [...orderStates.values()].map((state) => toOrderState(state, languageId));
  }

  async shops(): Promise<readonly Shop[]> {
    return (await this.reference.shops()).map(toShop);
  }

  /** Forget the reference data read so far (states, currencies…): the next run reads them again. */
  forgetReferenceData(): void {
    this.reference.clear();
  }

  async *readOrders(query: OrderQuery): AsyncGenerator<readonly SourcedOrder[]> {
    if (query.stateIds.length === 0) return;
    const scopes = await this.scopesFor(query.shopIds);
    const wantedShops = new Set(query.shopIds);
    for (const scope of scopes) {
      const yielded = new Set<number>();
      const pages = this.client.keysetPages('orders', {
        params: {
          display: 'full',
          filter: { current_state: { in: query.stateIds } },
          ...(scope === undefined ? {} : { shop: scope }),
        },
        dateField: query.dateField,
        from: query.from,
        to: query.to,
        pageSize: this.pageSize,
      });
      for await (const raws of pages) {
        // With id_shop=all the list holds every shop: keep the selected ones. The keyset already yields
        // each order once; the set guards against an order whose date moved forward during the read.
        const page = raws.filter((raw) => {
          const id = Number(raw['id']);
          if (yielded.has(id)) return false;
          yielded.add(id);
          return wantedShops.size === 0 || wantedShops.has(Number(raw['id_shop']));
        });
        if (page.length > 0) yield await this.sourcedOrdersOrFailures(page, query.withMessages, scope);
      }
    }
  }

  /**
   * A page whose related records cannot be read (the host keeps answering 500 past the retries) fails its
   * own orders, with the reason, and the run goes on with the next page: the orders page itself was read,
   * so the keyset cursor can move on. Failures that would repeat on every page (key, permission) stop
   * the run instead.
   */
  private async sourcedOrdersOrFailures(
    page: readonly RawRecord[],
    withMessages: boolean,
    scope: ShopScope | undefined,
  ): Promise<SourcedOrder[]> {
    try {
      return await this.sourcedOrders(page, withMessages, scope);
    } catch (error) {
      if (!(error instanceof WebserviceFailure) || !PAGE_LOCAL_FAILURES.has(error.code)) throw error;
      return page.map((raw) => ({
        ok: false as const,
        key: { shopId: Number(raw['id_shop']), orderId: Number(raw['id']) },
        reference: typeof raw['reference'] === 'string' ? raw['reference'] : '',
        stateId: Number(raw['current_state']) || undefined,
        code: 'shop-read-failed',
        message: `Les détails de la commande n'ont pas pu être lus dans la boutique (${error.message}) : elle sera reprise au prochain import.`,
      }));
    }
  }

  async currentStates(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, number>> {
    const states = new Map<number, number>();
    for (const [shopId, orderIds] of groupByShop(keys)) {
      // Order lists are restricted to one shop (the request host's) unless id_shop says which.
      const raws = await this.client.listWhereIn('orders', 'id', orderIds, {
        display: ['id', 'current_state'],
        shop: { shopId },
      });
      for (const order of parseRecords(orderCurrentStateSchema, raws).records)
        states.set(order.id, order.current_state);
    }
    return states;
  }

  async stateHistories(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, readonly number[]>> {
    const raws = await this.client.listWhereIn(
      'order_histories',
      'id_order',
      keys.map((key) => key.orderId),
      { display: 'full', sort: ['id_ASC'] },
    );
    const histories = new Map<number, number[]>();
    const records = parseRecords(orderHistorySchema, raws).records.sort((a, b) => a.id - b.id);
    for (const history of records) {
      const list = histories.get(history.id_order) ?? [];
      list.push(history.id_order_state);
      histories.set(history.id_order, list);
    }
    return histories;
  }

  /**
   * PrestaShop does not refuse a state the order already has, and runs every side effect (stock,
   * invoice, e-mail) again: the state is read first, and after a send of unknown outcome (timeout, cut
   * connection) it is read again before any new send.
   */
  async changeState(
    change: StateChange,
    known?: { readonly currentStateId: number },
  ): Promise<StateChangeResult> {
    const { key, expectedStateId, newStateId, sendEmail } = change;
    for (let attempt = 1; ; attempt += 1) {
      const current =
        attempt === 1 && known !== undefined
          ? known.currentStateId
          : (await this.currentStates([key])).get(key.orderId);
      if (current === undefined) return { status: 'order-missing' };
      if (attempt > 1 && current === newStateId) return { status: 'sent' };
      if (current !== expectedStateId) return { status: 'state-moved', currentStateId: current };
      try {
        await this.client.post(
          'order_histories',
          toXmlBody('order_history', { id_order: key.orderId, id_order_state: newStateId }),
          sendEmailQuery(sendEmail),
        );
        return { status: 'sent' };
      } catch (error) {
        if (!isUnknownOutcome(error) || attempt >= this.maxStateChangeAttempts) throw error;
      }
    }
  }

  /**
   * PUT replaces the whole record (omitted optional fields become NULL), so the record read is sent back
   * whole with only its tracking number filled. PUT works on every version (PATCH only from 8.0).
   */
  async setTrackingNumber(
    key: ShopOrderKey,
    trackingNumber: string,
    options: { sendEmail: boolean },
  ): Promise<'written' | 'already-set' | 'no-shipment'> {
    const raws = await this.client.list('order_carriers', {
      display: 'full',
      filter: { id_order: { in: [key.orderId] } },
      sort: ['id_ASC'],
    });
    const record = raws[0];
    if (!record) return 'no-shipment';
    const current = record['tracking_number'];
    if (typeof current === 'string' ? current.trim() !== '' : current !== undefined && current !== null) {
      return 'already-set';
    }
    const id = Number(record['id']);
    const updated: Record<string, unknown> = { ...record, tracking_number: trackingNumber };
    await this.client.update(
      'PUT',
      'order_carriers',
      id,
      toXmlBody('order_carrier', updated),
      sendEmailQuery(options.sendEmail),
    );
    return 'written';
  }

  checkConnection(): Promise<ConnectionReport> {
    return checkConnection(this.client, () => this.shops());
  }

  /** `undefined` = no shop parameter (single shop); `all` when every shop of several is selected. */
  private async scopesFor(shopIds: readonly number[]): Promise<(ShopScope | undefined)[]> {
    const shops = await this.shops();
    if (shops.length <= 1) return [undefined];
    const selected = shopIds.length === 0 ? shops.map((shop) => shop.id) : [...new Set(shopIds)];
    if (shops.every((shop) => selected.includes(shop.id))) return ['all'];
    return selected.map((shopId) => ({ shopId }));
  }

  private async sourcedOrders(
    raws: readonly RawRecord[],
    withMessages: boolean,
    scope: ShopScope | undefined,
  ): Promise<SourcedOrder[]> {
    const parsedOrders = parseRecords(orderSchema, raws);
    const refused: SourcedOrder[] = parsedOrders.rejected.map(({ raw, reason }) => malformed(raw, reason));
    const orders = parsedOrders.records;
    if (orders.length === 0) return refused;
    const orderIds = orders.map((order) => order.id);
    const shopParams = scope === undefined ? {} : { shop: scope };
    const full = { display: 'full' } as const;
    const cartRulesName = cartRulesResource(this.client.version);

    const [reference, details, customers, addresses, payments, carriers, cartRules, messages] =
      await Promise.all([
        this.reference.referenceData(),
        this.related(orderDetailSchema, 'order_details', 'id_order', orderIds),
        // Customer lists are restricted per shop like order lists.
        this.client
          .listWhereIn(
            'customers',
            'id',
            orders.map((order) => order.id_customer),
            { ...full, ...shopParams },
          )
          .then((found) => parseRecords(customerSchema, found)),
        this.related(
          addressSchema,
          'addresses',
          'id',
          orders.flatMap((order) => [order.id_address_delivery, order.id_address_invoice]),
        ),
        // Payments hang on the order's reference, not its id (shared by the orders of a split cart).
        this.related(
          orderPaymentSchema,
          'order_payments',
          'order_reference',
          orders.map((order) => order.reference),
        ),
        this.related(orderCarrierSchema, 'order_carriers', 'id_order', orderIds),
        this.related(orderCartRuleSchema, cartRulesName, 'id_order', orderIds),
        withMessages ? this.messages(orderIds) : Promise.resolve(new Map<number, never[]>()),
      ]);
    await this.reference.loadProvinces(addresses.records.map((address) => address.id_state));

    // A malformed related record (an amount that is not a decimal) refuses the orders it belongs to.
    const badOrders = new Map<number, string>();
    for (const { raw, reason } of [...details.rejected, ...carriers.rejected, ...cartRules.rejected]) {
      badOrders.set(Number(raw['id_order']), reason);
    }
    for (const { raw, reason } of payments.rejected) {
      for (const order of orders)
        if (order.reference === String(raw['order_reference'])) badOrders.set(order.id, reason);
    }

    const customersById = new Map(customers.records.map((customer) => [customer.id, customer]));
    const addressesById = new Map(addresses.records.map((address) => [address.id, address]));
    const mapped = orders.map((order): SourcedOrder => {
      const bad = badOrders.get(order.id);
      if (bad !== undefined) return malformed(order, `un enregistrement lié est illisible (${bad})`);
      const records: OrderRecords = {
        order,
        details: details.records.filter((detail) => detail.id_order === order.id),
        customer: customersById.get(order.id_customer),
        deliveryAddress: addressesById.get(order.id_address_delivery),
        invoiceAddress:
          order.id_address_invoice === 0 ? undefined : addressesById.get(order.id_address_invoice),
        payments: payments.records.filter((payment) => payment.order_reference === order.reference),
        orderCarrier: firstById(carriers.records.filter((carrier) => carrier.id_order === order.id)),
        cartRules: cartRules.records.filter((rule) => rule.id_order === order.id),
        messages: messages.get(order.id) ?? [],
      };
      return toShopOrder(records, reference);
    });
    return [...refused, ...mapped];
  }

  private async related<T>(
    schema: Parameters<typeof parseRecords<T>>[0],
    resource: string,
    field: string,
    values: readonly (string | number)[],
  ): Promise<ParsedRecords<T>> {
    const raws = await this.client.listWhereIn(resource, field, values, { display: 'full' });
    return parseRecords(schema, raws);
  }

  /** Customer threads of the orders, then their messages: two calls per page. */
  private async messages(orderIds: readonly number[]) {
    const threads = (await this.related(customerThreadSchema, 'customer_threads', 'id_order', orderIds))
      .records;
    const orderOfThread = new Map(threads.map((thread) => [thread.id, thread.id_order]));
    const messages = (
      await this.related(
        customerMessageSchema,
        'customer_messages',
        'id_customer_thread',
        threads.map((thread) => thread.id),
      )
    ).records;
    const byOrder = new Map<number, typeof messages>();
    for (const message of messages) {
      const orderId = orderOfThread.get(message.id_customer_thread);
      if (orderId === undefined) continue;
      byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), message]);
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
  };
}

function firstById<T extends { id: number }>(records: readonly T[]): T | undefined {
  return [...records].sort((a, b) => a.id - b.id)[0];
}

function groupByShop(keys: readonly ShopOrderKey[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const key of keys) groups.set(key.shopId, [...(groups.get(key.shopId) ?? []), key.orderId]);
  return groups;
}

/** A send whose answer was lost: the shop may or may not have applied it. */
function isUnknownOutcome(error: unknown): boolean {
  return (
    error instanceof WebserviceFailure &&
    ['timeout', 'server-error', 'shop-unreachable', 'malformed-answer'].includes(error.code)
  );
}

/** How to reach one shop: the client's options, and how the source reads it. */
export interface PrestaShopConnection extends WebserviceClientOptions {
  readonly pageSize?: number;
  readonly languageId?: number;
}

/** The order source of one shop, with its client. */
export function createPrestaShopOrderSource(connection: PrestaShopConnection): PrestaShopOrderSource {
  const { pageSize, languageId, ...clientOptions } = connection;
  return new PrestaShopOrderSource({
    client: new WebserviceClient(clientOptions),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(languageId === undefined ? {} : { languageId }),
  });
}
