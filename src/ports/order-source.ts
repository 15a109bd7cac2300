import type { Amount } from '../domain/money.js';
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
  /**
   * Read the orders alone, not their related records (details, customers, addresses, payments,
   * shipments, vouchers, messages): one call a page. Enough for an order's state, dates and totals —
   * what the reconciliation report compares — not for an import. A source may still give the whole order.
   */
  readonly ordersOnly?: boolean;
}

/**
 * An order as a slim page gives it: what deciding needs (is it new, did its state move), read before
 * anything else so that a run finding nothing new costs one call. `completeOrders` reads the rest.
 */
export interface OrderHeader {
  readonly key: ShopOrderKey;
  readonly reference: string;
  /** The order's current state id (0 when the shop's answer did not give a readable one). */
  readonly stateId: number;
  readonly dateAdd: ShopDateTime;
  readonly dateUpd: ShopDateTime;
  readonly invoiceDate: ShopDateTime | undefined;
  /** What the customer paid, in the order's currency. */
  readonly totalPaidTaxIncl: Amount;
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

/** One tracking number to write where the order's shipment has none. */
export interface TrackingNumberRequest {
  readonly key: ShopOrderKey;
  readonly trackingNumber: string;
  readonly sendEmail: boolean;
}

/** What became of one request of a batch: a write that failed fails only its own request. */
export type TrackingNumberOutcome =
  TrackingNumberResult | { readonly status: 'failed'; readonly error: unknown };

export interface ConnectionReport {
  readonly url: string;
  /** From the `PSWS-Version` header, e.g. `8.1.2`. */
  readonly version: string;
  readonly shops: readonly Shop[];
  /** Resource name → the HTTP methods the key may use on it. */
  readonly permissions: Readonly<
    Record<string, readonly ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD')[]>
  >;
  /**
   * The ISO codes of the currencies the shop takes orders in (active, not deleted); absent when the key
   * may not read them.
   */
  readonly currencies?: readonly string[];
  /**
   * The shop's default currency: the active one at conversion rate 1, the rate of every other being
   * against it. Absent when unknown (no currency or several at rate 1).
   */
  readonly defaultCurrency?: string;
  /** Plain-language problems that stop navette (a resource it must read and may not, …). */
  readonly problems: readonly ConnectionMessage[];
  /** What navette can do without, said plainly (no permission to write tracking numbers, …). */
  readonly warnings: readonly ConnectionMessage[];
}

/**
 * One thing "Tester la connexion" says: its French text (what the CLI prints and the French page shows,
 * as written), and the code and values it was written from, for the English page to say it in English.
 * A failure of the shop told as it came (a message of its own), or a bug, has no code: the English page
 * shows its French text. Dolibarr's failures have one (`dolibarr-failed` for those the check does not
 * tell apart, its data naming the wording).
 */
export interface ConnectionMessage {
  readonly text: string;
  readonly code?: ConnectionMessageCode;
  readonly data?: ConnectionMessageData;
  /** Said of Dolibarr's side (its text then starts with `Dolibarr : `). */
  readonly side?: 'dolibarr';
}

/** The values a message's text was written from (a resource, a method, currency codes…). */
export type ConnectionMessageData = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export type ConnectionMessageCode =
  // The shop's side (adapters/prestashop/check-connection.ts).
  | 'shop-version-missing'
  | 'shop-permission-missing'
  // Dolibarr's side (adapters/dolibarr/connection-check.ts).
  | 'dolibarr-unreachable'
  | 'dolibarr-key-refused'
  | 'dolibarr-key-missing'
  | 'dolibarr-key-not-set'
  // Its key file refused before Dolibarr is called (config/key-file.ts, app/compose.ts).
  | 'dolibarr-key-file-unreadable'
  | 'dolibarr-key-file-invalid'
  | 'dolibarr-call-refused'
  /** Any other failure of Dolibarr's: its data names the wording (`case`, adapters/dolibarr/errors.ts). */
  | 'dolibarr-failed'
  | 'dolibarr-api-module-off'
  | 'dolibarr-too-old'
  | 'dolibarr-module-off'
  | 'dolibarr-right-missing'
  | 'dolibarr-no-vat-rate'
  | 'dolibarr-no-payment-type'
  | 'dolibarr-no-bank-account'
  | 'dolibarr-bank-account-missing'
  | 'dolibarr-customer-numbering'
  | 'dolibarr-default-currency-differs'
  | 'dolibarr-multicurrency-off'
  | 'dolibarr-currency-undeclared';

/** A message of its own code and values, with its French text. */
export function connectionMessage(
  text: string,
  code?: ConnectionMessageCode,
  data?: ConnectionMessageData,
): ConnectionMessage {
  return { text, ...(code !== undefined && { code }), ...(data !== undefined && { data }) };
}

/**
 * Where orders come from: a PrestaShop shop (adapters/prestashop) or the demo shop.
 *
 * Contract:
 * - `readOrderHeaders` yields slim pages of orders, oldest first by the query's date then id; each order
 *   matching the query when the read starts is yielded exactly once, even when orders are added or
 *   changed while it reads. One call per page.
 * - `completeOrders` reads the whole of the given orders (rows, customer, addresses, payments…): a
 *   handful of calls for the whole batch, never calls per order; and reference data (currencies,
 *   carriers…) only when there is something to map. One `SourcedOrder` per header, in the same order: a
 *   malformed order is `{ ok: false }` with its reason (an `OrderRefusalCode`), never thrown.
 * - `readOrders` is both: every order of the query, whole.
 * - Failures of the shop itself (unreachable, bad key, permission) are thrown as `ExpectedFailure`s
 *   whose message says what to do; the key never appears in them.
 */
export interface OrderSource {
  orderStates(): Promise<readonly OrderState[]>;
  shops(): Promise<readonly Shop[]>;
  readOrders(query: OrderQuery): AsyncIterable<readonly SourcedOrder[]>;
  readOrderHeaders(query: OrderQuery): AsyncIterable<readonly OrderHeader[]>;
  completeOrders(
    headers: readonly OrderHeader[],
    options: { readonly withMessages: boolean },
  ): Promise<readonly SourcedOrder[]>;
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
  /**
   * The same for a batch: the shipments of all its orders read at once (one call per ~100 orders), then
   * one write per empty shipment. One outcome per request, in the same order; a failed read fails them all.
   */
  setTrackingNumbers(requests: readonly TrackingNumberRequest[]): Promise<readonly TrackingNumberOutcome[]>;
  checkConnection(): Promise<ConnectionReport>;
}
