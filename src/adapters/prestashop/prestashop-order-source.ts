import type { OrderState, Shop, ShopOrderKey, SourcedOrder } from '../../domain/shop-order.js';
import type {
  ConnectionReport,
  OrderQuery,
  OrderSource,
  StateChange,
  StateChangeResult,
  TrackingNumberResult,
} from '../../ports/order-source.js';
import type { CatalogueItem, CatalogueSource } from '../../ports/catalogue-source.js';
import { CatalogueReader } from './catalogue-reader.js';
import { checkConnection } from './check-connection.js';
import { WebserviceFailure } from './errors.js';
import { OrderPageReader } from './order-page-reader.js';
import { ReferenceDataCache } from './reference-data.js';
import { toOrderState, toShop } from './to-shop-order.js';
import { WebserviceClient, type WebserviceClientOptions } from './webservice-client.js';
import { type ShopScope, sendEmailQuery } from './webservice-dialect.js';
import { orderCurrentStateSchema, orderHistorySchema, parseRecords } from './wire-schemas.js';
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
 * Orders read from a PrestaShop webservice (1.6 to 9.x): keyset pages of orders, each made whole by an
 * OrderPageReader; and the writes back (states, tracking numbers).
 */
export class PrestaShopOrderSource implements OrderSource, CatalogueSource {
  private readonly client: WebserviceClient;
  private readonly pageSize: number;
  private readonly reference: ReferenceDataCache;
  private readonly pages: OrderPageReader;
  private readonly maxStateChangeAttempts: number;
  private readonly catalogue: CatalogueReader;

  constructor(options: PrestaShopOrderSourceOptions) {
    this.client = options.client;
    this.pageSize = options.pageSize ?? 100;
    this.reference = new ReferenceDataCache(options.client, options.languageId ?? 1);
    this.pages = new OrderPageReader(options.client, this.reference);
    this.maxStateChangeAttempts = options.maxStateChangeAttempts ?? 3;
    this.catalogue = new CatalogueReader(
      options.client,
      this.reference,
      options.languageId ?? 1,
      this.pageSize,
    );
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
        if (page.length > 0) yield await this.pages.read(page, query.withMessages, scope);
      }
    }
  }

  async currentStates(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, number>> {
    const states = new Map<number, number>();
    for (const [shopId, orderIds] of groupByShop(keys)) {
      // Order lists are restricted to one shop (the request host's) unless id_shop says which
      // (8.1.2/05_orders_full.json against 09_orders_shop2.json).
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
   * invoice, e-mail) again (OrderHistory::addWs, classes/order/OrderHistory.php): the state is read first, and after a send of unknown outcome (timeout, cut
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
   * PATCH (8.0 and later) sends the tracking number alone. Before 8, PUT replaces the whole record
   * (omitted optional fields become NULL: WebserviceRequest's saveEntityFromXml), so the record read is
   * sent back whole with only its tracking number filled, as in 8.1.2/04_order_carriers_put_200.request.xml.
   * A number already there is never overwritten: it is returned for the caller to report.
   */
  async setTrackingNumber(
    key: ShopOrderKey,
    trackingNumber: string,
    options: { sendEmail: boolean },
  ): Promise<TrackingNumberResult> {
    const raws = await this.client.list('order_carriers', {
      display: 'full',
      filter: { id_order: { in: [key.orderId] } },
      sort: ['id_ASC'],
    });
    const record = raws[0];
    if (!record) return { status: 'no-shipment' };
    const current = record['tracking_number'];
    const currentText =
      typeof current === 'string' || typeof current === 'number' ? String(current).trim() : '';
    if (currentText !== '') return { status: 'already-set', current: currentText };
    const id = Number(record['id']);
    const patch = Number((this.client.version ?? '').split('.')[0]) >= 8;
    const body = patch
      ? { id, tracking_number: trackingNumber }
      : { ...record, tracking_number: trackingNumber };
    await this.client.update(
      patch ? 'PATCH' : 'PUT',
      'order_carriers',
      id,
      toXmlBody('order_carrier', body),
      sendEmailQuery(options.sendEmail),
    );
    return { status: 'written' };
  }

  /** The shop's products and combinations, a page at a time (see CatalogueReader). */
  readCatalogue(): AsyncIterable<readonly CatalogueItem[]> {
    return this.catalogue.readCatalogue();
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
