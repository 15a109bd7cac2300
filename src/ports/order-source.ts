import type { OrderState, Shop, ShopDateTime, ShopOrderKey, SourcedOrder } from '../domain/shop-order.js';

/** Which orders a run reads: the rules of the "Import des commandes" window, already resolved. */
export interface OrderQuery {
  /** The shops of a multistore installation to read (each order keeps its own `id_shop`). */
  readonly shopIds: readonly number[];
  /** Orders whose current state is one of these. */
  readonly stateIds: readonly number[];
  /** The date the period filters on. */
  readonly dateField: 'date_add' | 'invoice_date';
  /** Inclusive bounds, in the shop's local time. */
  readonly from: ShopDateTime;
  readonly to: ShopDateTime;
  /** Read the customers' messages on the orders (costs two more calls a page). */
  readonly withMessages: boolean;
}

/** A state change to send to the shop, guarded by the state the order had when it was read. */
export interface StateChange {
  readonly key: ShopOrderKey;
  readonly expectedStateId: number;
  readonly newStateId: number;
  readonly sendEmail: boolean;
}

export type StateChangeResult =
  | { readonly status: 'sent' }
  /** The order is no longer in the expected state (moved by someone, or this change was already sent). */
  | { readonly status: 'state-moved'; readonly currentStateId: number }
  | { readonly status: 'order-missing' };

/** What writing a tracking number did: never overwrites one already there (it is reported instead). */
export type TrackingNumberResult =
  | { readonly status: 'written' }
  /** The shipment already has a number: this one (the same as ours, or a different one to report). */
  | { readonly status: 'already-set'; readonly current: string }
  | { readonly status: 'no-shipment' };

export interface ConnectionReport {
  readonly url: string;
  /** From the `PSWS-Version` header, e.g. `8.1.2`. */
  readonly version: string;
  readonly shops: readonly Shop[];
  /** Resource name → the HTTP methods the key may use on it. */
  readonly permissions: Readonly<
    Record<string, readonly ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD')[]>
  >;
  /** Plain-language problems that stop navette (a resource it must read and may not, …). */
  readonly problems: readonly string[];
  /** What navette can do without, said plainly (no permission to write tracking numbers, …). */
  readonly warnings: readonly string[];
}

/**
 * Where orders come from: a PrestaShop shop (adapters/prestashop) or the demo shop.
 *
 * Contract:
 * - `readOrders` yields pages of orders, oldest first by the query's date then id; each order matching
 *   the query when the read starts is yielded exactly once, even when orders are added or changed while
 *   it reads. A malformed order is yielded as `{ ok: false }` with its reason (an `OrderRefusalCode`),
 *   never thrown.
 * - It costs a handful of webservice calls per page (orders, then the related records for the whole
 *   page), never calls per order.
 * - Failures of the shop itself (unreachable, bad key, permission) are thrown as `ExpectedFailure`s
 *   whose message says what to do; the key never appears in them.
 */
export interface OrderSource {
  orderStates(): Promise<readonly OrderState[]>;
  shops(): Promise<readonly Shop[]>;
  readOrders(query: OrderQuery): AsyncIterable<readonly SourcedOrder[]>;
  /** The current state of each order (one call per ~100 orders); absent orders are missing from the map. */
  currentStates(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, number>>;
  /** Every state each order has had (`order_histories`), for "only if it never had it". */
  stateHistories(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<number, readonly number[]>>;
  /**
   * Sends one state change if the order is still in `expectedStateId`. `known.currentStateId`, read by
   * the caller for a whole batch just before (`currentStates`), saves reading it again for this order.
   */
  changeState(change: StateChange, known?: { readonly currentStateId: number }): Promise<StateChangeResult>;
  /**
   * Writes a tracking number on the order's shipment (`order_carriers`), only where it is empty: PATCH of
   * that one field on PrestaShop 8 and later, PUT of the whole record read before that.
   */
  setTrackingNumber(
    key: ShopOrderKey,
    trackingNumber: string,
    options: { sendEmail: boolean },
  ): Promise<TrackingNumberResult>;
  checkConnection(): Promise<ConnectionReport>;
}
