import { ExpectedFailure } from '../../src/domain/failure.js';
import type { OrderRefusalCode } from '../../src/domain/import-report.js';
import type { OrderState, Shop, ShopOrder, ShopOrderKey, SourcedOrder } from '../../src/domain/shop-order.js';
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
} from '../../src/ports/order-source.js';

type SourceMethod =
  'orderStates' | 'shops' | 'readOrders' | 'completeOrders' | 'currentStates' | 'changeState';

interface HeldOrder {
  order: ShopOrder;
  history: number[];
  /** Set when the shop's answer for this order cannot be read. */
  refusal: { readonly code: OrderRefusalCode; readonly message: string } | undefined;
}

/**
 * An order source in memory: the shop's orders, states and shops as plain values, with the paging, the
 * guarded state changes and the failures the OrderSource contract describes
 * (test/contract/order-source.contract.ts), for the sync engine's unit tests.
 */
export class MemoryOrderSource implements OrderSource {
  readonly #states: readonly OrderState[];
  readonly #shops: readonly Shop[];
  readonly #orders: HeldOrder[] = [];
  readonly #pageSize: number;
  /** Failures to throw, by method, until cleared: a shop that does not answer, a refused key… */
  readonly failures: Partial<Record<SourceMethod, Error>> = {};
  /** Every state change the shop accepted, in order. */
  readonly sent: StateChange[] = [];
  /** Webservice calls a real shop would have answered (one per page, per batch, per change). */
  calls = 0;

  constructor(options: {
    readonly states: readonly OrderState[];
    readonly shops?: readonly Shop[];
    readonly orders?: readonly ShopOrder[];
    readonly pageSize?: number;
  }) {
    this.#states = options.states;
    // Without a list, the shops are those of the orders (a multistore shop when they name several).
    const shopIds = [...new Set([1, ...(options.orders ?? []).map((order) => order.key.shopId)])].sort(
      (a, b) => a - b,
    );
    this.#shops =
      options.shops ?? shopIds.map((id) => ({ id, shopGroupId: 1, name: `Boutique ${id}`, active: true }));
    this.#pageSize = options.pageSize ?? 100;
    for (const order of options.orders ?? []) this.add(order);
  }

  add(order: ShopOrder): void {
    this.#orders.push({ order, history: [order.state.id], refusal: undefined });
  }

  /** The shop's answer for this order becomes unreadable (yielded as `{ ok: false }`). */
  refuse(key: ShopOrderKey, code: OrderRefusalCode, message: string): void {
    this.#held(key).refusal = { code, message };
  }

  /** A change made in the shop itself (the back office, a payment module). */
  moveOrder(key: ShopOrderKey, stateId: number): void {
    const held = this.#held(key);
    held.order = { ...held.order, state: this.#state(stateId) };
    held.history.push(stateId);
  }

  async orderStates(): Promise<readonly OrderState[]> {
    this.#call('orderStates');
    return this.#states;
  }

  async shops(): Promise<readonly Shop[]> {
    this.#call('shops');
    return this.#shops;
  }

  /** Keyset paging on (date, id), as the PrestaShop source pages: orders changed meanwhile are not read twice. */
  async *readOrders(query: OrderQuery): AsyncIterable<readonly SourcedOrder[]> {
    for await (const page of this.#pages(query)) yield page.map(sourced);
  }

  /** The same pages, slim: one call each. */
  async *readOrderHeaders(query: OrderQuery): AsyncIterable<readonly OrderHeader[]> {
    for await (const page of this.#pages(query)) yield page.map((held) => headerOf(held.order));
  }

  /** One call for the batch; an order the shop no longer has is refused. */
  async completeOrders(headers: readonly OrderHeader[]): Promise<readonly SourcedOrder[]> {
    if (headers.length === 0) return [];
    this.#call('completeOrders');
    return headers.map((header): SourcedOrder => {
      const held = this.#find(header.key);
      if (held !== undefined) return sourced(held);
      return {
        ok: false,
        key: header.key,
        reference: header.reference,
        stateId: header.stateId,
        code: 'shop-read-failed',
        message: "La commande n'a pas été retrouvée dans la boutique.",
      };
    });
  }

  async *#pages(query: OrderQuery): AsyncIterable<readonly HeldOrder[]> {
    let after: { date: string; id: number } | undefined;
    for (;;) {
      this.#call('readOrders');
      const page = this.#orders
        .map((held) => ({ held, date: dateOf(held.order, query.dateField) }))
        .filter(
          ({ held, date }): boolean =>
            date !== undefined &&
            date >= query.from &&
            date <= query.to &&
            query.shopIds.includes(held.order.key.shopId) &&
            query.stateIds.includes(held.order.state.id) &&
            (after === undefined ||
              date > after.date ||
              (date === after.date && held.order.key.orderId > after.id)),
        )
        .sort((a, b) =>
          a.date! < b.date!
            ? -1
            : a.date! > b.date!
              ? 1
              : a.held.order.key.orderId - b.held.order.key.orderId,
        )
        .slice(0, this.#pageSize);
      if (page.length > 0) yield page.map(({ held }) => held);
      if (page.length < this.#pageSize) return;
      const last = page[page.length - 1]!;
      after = { date: last.date!, id: last.held.order.key.orderId };
    }
  }

  async currentStates(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, number>> {
    this.#call('currentStates');
    const states = new Map<number, number>();
    for (const key of keys) {
      const held = this.#find(key);
      if (held) states.set(key.orderId, held.order.state.id);
    }
    return states;
  }

  async stateHistories(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, readonly number[]>> {
    this.calls += 1;
    const histories = new Map<number, readonly number[]>();
    for (const key of keys) {
      const held = this.#find(key);
      if (held) histories.set(key.orderId, [...held.history]);
    }
    return histories;
  }

  async changeState(
    change: StateChange,
    known?: { readonly currentStateId: number },
  ): Promise<StateChangeResult> {
    this.#call('changeState');
    const held = this.#find(change.key);
    if (held === undefined) return { status: 'order-missing' };
    const current = known?.currentStateId ?? held.order.state.id;
    if (current !== change.expectedStateId) return { status: 'state-moved', currentStateId: current };
    this.moveOrder(change.key, change.newStateId);
    this.sent.push(change);
    return { status: 'sent' };
  }

  async setTrackingNumber(
    key: ShopOrderKey,
    trackingNumber: string,
    _options: { sendEmail: boolean },
  ): Promise<TrackingNumberResult> {
    this.calls += 1;
    const held = this.#held(key);
    const shipment = held.order.shipment;
    if (shipment === undefined) return { status: 'no-shipment' };
    if (shipment.trackingNumber.trim() !== '')
      return { status: 'already-set', current: shipment.trackingNumber.trim() };
    held.order = { ...held.order, shipment: { ...shipment, trackingNumber } };
    return { status: 'written' };
  }

  /** One call reads the batch's shipments, one more per number written, as the PrestaShop source does. */
  async setTrackingNumbers(requests: readonly TrackingNumberRequest[]): Promise<TrackingNumberOutcome[]> {
    if (requests.length === 0) return [];
    this.calls += 1;
    return requests.map((request) => {
      const held = this.#find(request.key);
      const shipment = held?.order.shipment;
      if (held === undefined || shipment === undefined) return { status: 'no-shipment' };
      if (shipment.trackingNumber.trim() !== '')
        return { status: 'already-set', current: shipment.trackingNumber.trim() };
      this.calls += 1;
      held.order = { ...held.order, shipment: { ...shipment, trackingNumber: request.trackingNumber } };
      return { status: 'written' };
    });
  }

  async checkConnection(): Promise<ConnectionReport> {
    this.#call('shops');
    return {
      url: 'memory://shop',
      version: '8.1.2',
      shops: this.#shops,
      permissions: { orders: ['GET', 'PUT'], order_histories: ['GET', 'POST'] },
      problems: [],
      warnings: [],
    };
  }

  #call(method: SourceMethod): void {
    this.calls += 1;
    const failure = this.failures[method];
    if (failure) throw failure;
  }

  #find(key: ShopOrderKey): HeldOrder | undefined {
    return this.#orders.find(
      (held) => held.order.key.shopId === key.shopId && held.order.key.orderId === key.orderId,
    );
  }

  #held(key: ShopOrderKey): HeldOrder {
    const held = this.#find(key);
    if (held === undefined) throw new Error(`no order ${key.shopId}-${key.orderId}`);
    return held;
  }

  #state(stateId: number): OrderState {
    const state = this.#states.find((candidate) => candidate.id === stateId);
    if (state === undefined) throw new Error(`no order state ${stateId}`);
    return state;
  }
}

function dateOf(order: ShopOrder, field: OrderQuery['dateField']): string | undefined {
  return field === 'date_add' ? order.dateAdd : order.invoiceDate;
}

function headerOf(order: ShopOrder): OrderHeader {
  return {
    key: order.key,
    reference: order.reference,
    stateId: order.state.id,
    dateAdd: order.dateAdd,
    dateUpd: order.dateUpd,
    invoiceDate: order.invoiceDate,
    totalPaidTaxIncl: order.totals.paidTaxIncl,
  };
}

function sourced(held: HeldOrder): SourcedOrder {
  if (held.refusal === undefined) return { ok: true, order: held.order };
  return {
    ok: false,
    key: held.order.key,
    reference: held.order.reference,
    stateId: held.order.state.id,
    ...held.refusal,
  };
}

/** What a source throws when the shop does not answer (the PrestaShop source's code). */
export function shopUnreachable(): ExpectedFailure {
  return new ExpectedFailure('shop-unreachable', 'La boutique ne répond pas : vérifiez son adresse.');
}

/** What a source throws when the shop refuses the key (the PrestaShop source's code). */
export function keyRefused(): ExpectedFailure {
  return new ExpectedFailure(
    'key-invalid',
    'La clé du webservice est inconnue de la boutique ou désactivée.',
  );
}
