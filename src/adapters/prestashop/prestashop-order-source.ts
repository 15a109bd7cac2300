import type { OrderState, Shop, ShopOrderKey, SourcedOrder } from '../../domain/shop-order.js';
import type {
  ConnectionReport,
  OrderHeader,
  OrderQuery,
  OrderSource,
  StateChange,
  StateChangeResult,
  TrackingNumberOutcome,
  TrackingNumberRequest,
  TrackingNumberResult,
} from '../../ports/order-source.js';
import type { CatalogueItem, CatalogueSource } from '../../ports/catalogue-source.js';
import { CatalogueReader } from './catalogue-reader.js';
import { checkConnection } from './check-connection.js';
import { WebserviceFailure } from './errors.js';
import { HEADER_FIELDS, toOrderHeaders } from './order-headers.js';
import { OrderPageReader, isPageLocalFailure } from './order-page-reader.js';
import { ReferenceDataCache } from './reference-data.js';
import { toOrderState, toShop } from './to-shop-order.js';
import { type RawRecord, WebserviceClient, type WebserviceClientOptions } from './webservice-client.js';
import { DEFAULT_TRACKING_READ_MAX_AGE_MS, TrackingNumberWriter } from './tracking-numbers.js';
import { type ShopScope, sendEmailQuery } from './webservice-dialect.js';
import { orderCurrentStateSchema, orderHistorySchema, parseRecords } from './wire-schemas.js';
import { toXmlBody } from './xml-body.js';

export interface PrestaShopOrderSourceOptions {
  readonly client: WebserviceClient;
  /**
   * Orders per page, and per batch made whole. Default 500: five times the 100 PrestaShop's own
   * modules use, so that a batch's look-ups fit in one URL each (`MAX_URL_LENGTH`) and a whole page
   * (`display=full`, about 1 MB of JSON) stays well under what hosts cut with a 504. Lower it for a
   * host that does.
   */
  readonly pageSize?: number;
  /**
   * Orders per slim page (`HEADER_FIELDS`, about 200 bytes an order). Default four pages: a run that
   * finds nothing new among 2,000 orders reads them in one call.
   */
  readonly headerPageSize?: number;
  /** The language of state names and other multilingual fields. Default 1. */
  readonly languageId?: number;
  /** Sends of one state change when its outcome is unknown (timeout, cut connection). Default 3. */
  readonly maxStateChangeAttempts?: number;
  /** How old the read of a batch's shipments may be when a tracking number is written from it. */
  readonly trackingReadMaxAgeMs?: number;
}

/**
 * Orders read from a PrestaShop webservice (1.6 to 9.x): keyset pages of orders, each made whole by an
 * OrderPageReader; and the writes back (states, tracking numbers).
 */
export class PrestaShopOrderSource implements OrderSource, CatalogueSource {
  private readonly client: WebserviceClient;
  private readonly pageSize: number;
  private readonly headerPageSize: number;
  private readonly languageId: number;
  private readonly reference: ReferenceDataCache;
  private readonly pages: OrderPageReader;
  private readonly maxStateChangeAttempts: number;
  private readonly catalogue: CatalogueReader;
  private readonly tracking: TrackingNumberWriter;

  constructor(options: PrestaShopOrderSourceOptions) {
    this.client = options.client;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.headerPageSize = options.headerPageSize ?? 4 * this.pageSize;
    this.languageId = options.languageId ?? 1;
    this.reference = new ReferenceDataCache(options.client, this.languageId);
    this.pages = new OrderPageReader(options.client, this.reference);
    this.maxStateChangeAttempts = options.maxStateChangeAttempts ?? 3;
    this.tracking = new TrackingNumberWriter(
      options.client,
      options.trackingReadMaxAgeMs ?? DEFAULT_TRACKING_READ_MAX_AGE_MS,
    );
    this.catalogue = new CatalogueReader(
      options.client,
      this.reference,
      options.languageId ?? 1,
      this.pageSize,
    );
  }

  async orderStates(): Promise<readonly OrderState[]> {
    return (await this.reference.orderStates()).map((state) => toOrderState(state, this.languageId));
  }

  async shops(): Promise<readonly Shop[]> {
    return (await this.reference.shops()).map(toShop);
  }

  /** Forget the reference data read so far (states, currencies…): the next use reads them again. */
  forgetReferenceData(): void {
    this.reference.clear();
  }

  /** The shop's order states as they are now (the state table of the settings), not as kept. */
  async freshOrderStates(): Promise<readonly OrderState[]> {
    this.reference.forget('order_states');
    return this.orderStates();
  }

  /** Every order of the query, whole: pages read with `display=full`, each made whole at once. */
  async *readOrders(query: OrderQuery): AsyncGenerator<readonly SourcedOrder[]> {
    for await (const { raws, scope } of this.orderPages(query, 'full', this.pageSize))
      yield query.ordersOnly === true
        ? await this.pages.readOrdersOnly(raws)
        : await this.pages.read(raws, query.withMessages, scope);
  }

  /** Slim pages (`HEADER_FIELDS`): one call a page, whatever the orders hold. */
  async *readOrderHeaders(query: OrderQuery): AsyncGenerator<readonly OrderHeader[]> {
    for await (const { raws } of this.orderPages(query, HEADER_FIELDS, this.headerPageSize))
      yield toOrderHeaders(raws);
  }

  /**
   * The whole of these orders: the orders by id (one call per shop of a multistore installation, per
   * URL's worth of ids), then their related records, a batch at a time. An order the shop no longer
   * has is refused: the next run reads it again.
   */
  async completeOrders(
    headers: readonly OrderHeader[],
    options: { readonly withMessages: boolean },
  ): Promise<readonly SourcedOrder[]> {
    if (headers.length === 0) return [];
    const found = new Map<string, SourcedOrder>();
    let failure: string | undefined;
    const scope = await this.scopeOf(headers);
    // Batches of at most a page, of even sizes: 1,200 orders are three batches of 400, not 500, 500, 200.
    const batchSize = Math.ceil(headers.length / Math.ceil(headers.length / this.pageSize));
    for (let start = 0; start < headers.length; start += batchSize) {
      const ids = headers.slice(start, start + batchSize).map((header) => header.key.orderId);
      const raws = await this.pages.readOrders(ids, scope).catch((error: unknown) => {
        if (!isPageLocalFailure(error)) throw error;
        // Left out of `found`: refused below, read again by the next run.
        failure = error.message;
        return [];
      });
      for (const sourced of await this.pages.read(raws, options.withMessages, scope)) {
        const key = sourced.ok ? sourced.order.key : sourced.key;
        found.set(`${key.shopId}-${key.orderId}`, sourced);
      }
    }
    return headers.map(
      (header) => found.get(`${header.key.shopId}-${header.key.orderId}`) ?? notRead(header, failure),
    );
  }

  /** Keyset pages of the query's orders, shop scope by shop scope, with the fields asked for. */
  private async *orderPages(
    query: OrderQuery,
    display: 'full' | readonly string[],
    pageSize: number,
  ): AsyncGenerator<{ raws: RawRecord[]; scope: ShopScope | undefined }> {
    if (query.stateIds.length === 0) return;
    const scopes = await this.scopesFor(query.shopIds);
    const wantedShops = new Set(query.shopIds);
    for (const scope of scopes) {
      const yielded = new Set<number>();
      const pages = this.client.keysetPages('orders', {
        params: {
          display,
          filter: { current_state: { in: query.stateIds } },
          ...(scope === undefined ? {} : { shop: scope }),
        },
        dateField: query.dateField,
        from: query.from,
        to: query.to,
        pageSize,
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
        if (page.length > 0) yield { raws: page, scope };
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

  /** One tracking number: a batch of one (see TrackingNumberWriter). */
  async setTrackingNumber(
    key: ShopOrderKey,
    trackingNumber: string,
    options: { sendEmail: boolean },
  ): Promise<TrackingNumberResult> {
    const [outcome] = await this.tracking.write([{ key, trackingNumber, sendEmail: options.sendEmail }]);
    if (outcome === undefined || outcome.status === 'failed') throw outcome?.error;
    return outcome;
  }

  /** One read of the batch's shipments, then a write per empty one (see TrackingNumberWriter). */
  setTrackingNumbers(requests: readonly TrackingNumberRequest[]): Promise<readonly TrackingNumberOutcome[]> {
    return this.tracking.write(requests);
  }

  /** The shop's products and combinations, a page at a time (see CatalogueReader). */
  readCatalogue(): AsyncIterable<readonly CatalogueItem[]> {
    return this.catalogue.readCatalogue();
  }

  checkConnection(): Promise<ConnectionReport> {
    return checkConnection(
      this.client,
      () => this.shops(),
      () => {
        // The shop's currencies as they are now: one call, kept for the imports that follow.
        this.reference.forget('currencies');
        return this.reference.currencies();
      },
    );
  }

  /**
   * The shops a batch of orders is read from: none said on a single-shop installation; else the one
   * shop of the batch; or every shop, when the batch comes from a slim page read with `id_shop=all`
   * (a run on a subset of the shops reads them one by one: `scopesFor`). Order ids are unique across
   * shops: one call reads the batch.
   */
  private async scopeOf(headers: readonly OrderHeader[]): Promise<ShopScope | undefined> {
    if ((await this.shops()).length <= 1) return undefined;
    const shopIds = new Set(headers.map((header) => header.key.shopId));
    const [only] = shopIds;
    return shopIds.size === 1 && only !== undefined ? { shopId: only } : 'all';
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

/** Orders per page and per batch made whole (see `PrestaShopOrderSourceOptions.pageSize`). */
export const DEFAULT_PAGE_SIZE = 500;

/** An order of a slim page that its whole read did not return: the read failed, or the order is gone. */
function notRead(header: OrderHeader, failure: string | undefined): SourcedOrder {
  const why =
    failure === undefined
      ? "La commande n'a pas été retrouvée dans la boutique en lisant son détail"
      : `Le détail de la commande n'a pas pu être lu dans la boutique (${failure})`;
  const data = failure === undefined ? { case: 'not-found' } : { detail: failure };
  return {
    ok: false,
    key: header.key,
    reference: header.reference,
    stateId: header.stateId || undefined,
    code: 'shop-read-failed',
    message: `${why} : elle sera reprise au prochain import.`,
    data,
  };
}

function groupByShop(keys: readonly ShopOrderKey[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const key of keys) {
    const group = groups.get(key.shopId);
    if (group === undefined) groups.set(key.shopId, [key.orderId]);
    else group.push(key.orderId);
  }
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
