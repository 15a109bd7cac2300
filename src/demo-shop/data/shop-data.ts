import {
  carrierRecords,
  cartRuleRecords,
  combinationRecords,
  configurationRecords,
  countryRecords,
  currencyRecords,
  languageRecords,
  orderStateRecords,
  productRecords,
  shopGroupRecords,
  shopRecords,
  taxRecords,
  taxRuleGroupRecords,
  taxRuleRecords,
  type Language,
} from './catalogue-wire.js';
import { addMinutes, formatWall, wallOf } from './local-time.js';
import type {
  HistoryRecord,
  LineRecord,
  LocalDateTime,
  OrderCarrierRecord,
  OrderRecord,
  PaymentRecord,
  WireRecord,
  WireRow,
} from './model.js';
import { applyState, type OrderLifeContext, type SequenceKind, type Sequences } from './order-life.js';
import { computeOrder, paymentPlanOf, type Cart } from './place-order.js';
import { stateById } from './catalogue.js';
import { type AddressInput, type CustomerInput, addressRecord, customerRecord } from './customer-rows.js';
import { type OrderKey, OrderIndexes, type SatelliteKind } from './order-indexes.js';

/** Resources kept as plain webservice rows. */
export type TableName =
  | 'order_states'
  | 'taxes'
  | 'tax_rule_groups'
  | 'tax_rules'
  | 'currencies'
  | 'countries'
  | 'carriers'
  | 'languages'
  | 'shops'
  | 'shop_groups'
  | 'products'
  | 'combinations'
  | 'cart_rules'
  | 'configurations'
  | 'customers'
  | 'addresses'
  | 'customer_threads'
  | 'customer_messages';

class Counters implements Sequences {
  private readonly values = new Map<SequenceKind, number>();
  next(kind: SequenceKind): number {
    const value = (this.values.get(kind) ?? 0) + 1;
    this.values.set(kind, value);
    return value;
  }
}

/**
 * The demo shop's database: reference tables, customers and addresses as rows, orders as compact records
 * with their details, histories, payments and carrier. Tests read it (`order(id)`, `histories(id)`…) and
 * change it as the back office would.
 */
export class DemoShopData {
  readonly language: Language;
  private wallNow: number;
  private readonly tables = new Map<TableName, Map<number, WireRecord>>();
  private readonly indexes = new OrderIndexes();
  private readonly sequences = new Counters();
  private readonly plans = new Map<number, ReturnType<typeof paymentPlanOf>>();
  private nextRowId = new Map<TableName, number>();
  /** What navette's look-ups filter customer threads and messages on, kept as they are added. */
  private readonly threadOfOrder = new Map<number, number>();
  private readonly messagesOfThread = new Map<number, number[]>();
  private secureKeySeed = 7;

  constructor(options: { language?: Language; now?: Date } = {}) {
    this.language = options.language ?? 'fr';
    this.wallNow = wallOf(options.now ?? new Date());
    const load = (name: TableName, records: WireRecord[]): void => {
      this.tables.set(name, new Map(records.map((r) => [Number(r.row['id']), r])));
    };
    load('order_states', orderStateRecords(this.language));
    load('taxes', taxRecords());
    load('tax_rule_groups', taxRuleGroupRecords());
    load('tax_rules', taxRuleRecords());
    load('currencies', currencyRecords());
    load('countries', countryRecords(this.language));
    load('carriers', carrierRecords(this.language));
    load('languages', languageRecords(this.language));
    load('shops', shopRecords());
    load('shop_groups', shopGroupRecords());
    load('products', productRecords());
    load('combinations', combinationRecords());
    load('cart_rules', cartRuleRecords());
    load('configurations', configurationRecords());
    load('customers', []);
    load('addresses', []);
    load('customer_threads', []);
    load('customer_messages', []);
  }

  // ---- time

  /** The shop's clock (local time), used for new histories and writes. Tests move it explicitly. */
  nowText(): LocalDateTime {
    return formatWall(this.wallNow);
  }

  /** Wall-clock milliseconds of the shop's "now". */
  nowWall(): number {
    return this.wallNow;
  }

  setNow(now: Date): void {
    this.wallNow = wallOf(now);
  }

  advance(minutes: number): void {
    this.wallNow += minutes * 60_000;
  }

  // ---- reads

  table(name: TableName): ReadonlyMap<number, WireRecord> {
    const table = this.tables.get(name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  }

  order(id: number): OrderRecord | undefined {
    return this.indexes.order(id);
  }

  orders(): IterableIterator<OrderRecord> {
    return this.indexes.orders();
  }

  get orderCount(): number {
    return this.indexes.size;
  }

  /** See OrderIndexes.inKeyOrder: undefined when the caller must scan. */
  ordersInKeyOrder(
    key: OrderKey,
    isBelow: (keyText: string) => boolean = () => false,
  ): Iterable<OrderRecord> | undefined {
    return this.indexes.inKeyOrder(key, isBelow);
  }

  ordersByReference(reference: string): readonly OrderRecord[] {
    return this.indexes.withReference(reference);
  }

  histories(orderId: number): readonly HistoryRecord[] {
    return this.indexes.order(orderId)?.histories ?? [];
  }

  details(orderId: number): readonly LineRecord[] {
    return this.indexes.order(orderId)?.lines ?? [];
  }

  orderCarrier(orderId: number): OrderCarrierRecord | undefined {
    return this.indexes.order(orderId)?.orderCarrier;
  }

  /** Payments of a reference (shared by the orders of a split cart). */
  payments(reference: string): PaymentRecord[] {
    return this.ordersByReference(reference).flatMap((o) => o.payments);
  }

  customer(id: number): WireRow | undefined {
    return this.table('customers').get(id)?.row;
  }

  address(id: number): WireRow | undefined {
    return this.table('addresses').get(id)?.row;
  }

  /** The ids of the customer threads of an order (PrestaShop keeps one a customer and order). */
  threadIdsOfOrder(orderId: number): readonly number[] {
    const id = this.threadOfOrder.get(orderId);
    return id === undefined ? [] : [id];
  }

  messageIdsOfThread(threadId: number): readonly number[] {
    return this.messagesOfThread.get(threadId) ?? [];
  }

  /** The order owning a satellite record (order_details, histories, payments, carriers, cart rules). */
  ownerOf(kind: SatelliteKind, id: number): OrderRecord | undefined {
    return this.indexes.ownerOf(kind, id);
  }

  // ---- writes: customers and addresses

  private rowId(name: TableName): number {
    const id = (this.nextRowId.get(name) ?? 0) + 1;
    this.nextRowId.set(name, id);
    return id;
  }

  private secureKey(): string {
    // A stable 32-hex-character key per record, as PrestaShop's md5(uniqid()).
    let x = (this.secureKeySeed = (this.secureKeySeed * 48271) % 2147483647);
    let out = '';
    for (let i = 0; i < 32; i += 1) {
      x = (x * 48271) % 2147483647;
      out += '0123456789abcdef'[x % 16];
    }
    return out;
  }

  addCustomer(input: CustomerInput): number {
    const id = this.rowId('customers');
    this.tables.get('customers')?.set(id, customerRecord(id, input, this.secureKey()));
    return id;
  }

  addAddress(input: AddressInput): number {
    const id = this.rowId('addresses');
    this.tables.get('addresses')?.set(id, addressRecord(id, input));
    return id;
  }

  /** Soft delete, as the back office's "delete but keep orders" (GDPR keeps the record with deleted=1). */
  softDeleteCustomer(id: number): void {
    const record = this.tables.get('customers')?.get(id);
    if (record) Object.assign(record.row, { deleted: '1', active: '0', date_upd: this.nowText() });
  }

  /** Hard delete: the customer record is gone, its orders remain (navette must cope). */
  removeCustomer(id: number): boolean {
    return this.tables.get('customers')?.delete(id) ?? false;
  }

  /** A customer message on an order (PrestaShop attaches checkout notes as a thread). */
  addCustomerMessage(orderId: number, message: string, date?: LocalDateTime): number {
    const order = this.indexes.order(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    const when = date ?? order.dateAdd;
    const customer = this.customer(order.customerId);
    const threads = this.tables.get('customer_threads');
    const messages = this.tables.get('customer_messages');
    if (!threads || !messages) throw new Error('tables missing');
    const threadOfOrder = this.threadOfOrder.get(orderId);
    let thread = threadOfOrder === undefined ? undefined : threads.get(threadOfOrder);
    if (!thread) {
      const threadId = this.rowId('customer_threads');
      thread = {
        row: {
          id: threadId,
          id_lang: 1,
          id_shop: order.shopId,
          id_customer: order.customerId,
          id_order: orderId,
          id_contact: 0,
          email: typeof customer?.['email'] === 'string' ? customer['email'] : '',
          token: this.secureKey().slice(0, 12),
          status: 'open',
          date_add: when,
          date_upd: when,
        },
        associations: { customer_messages: [] },
      };
      threads.set(threadId, thread);
      this.threadOfOrder.set(orderId, threadId);
    }
    const id = this.rowId('customer_messages');
    messages.set(id, {
      row: {
        id,
        id_employee: 0,
        id_customer_thread: Number(thread.row['id']),
        message,
        private: '0',
        date_add: when,
        date_upd: when,
        read: '0',
      },
    });
    const threadId = Number(thread.row['id']);
    const ofThread = this.messagesOfThread.get(threadId) ?? [];
    ofThread.push(id);
    this.messagesOfThread.set(threadId, ofThread);
    const items = (thread.associations?.['customer_messages'] ?? []).concat([{ id }]);
    threads.set(threadId, { row: thread.row, associations: { customer_messages: items } });
    return id;
  }

  // ---- writes: orders

  private context(): OrderLifeContext {
    return { sequences: this.sequences, siblings: (reference) => this.ordersByReference(reference) };
  }

  private walk(order: OrderRecord, cart: Cart): void {
    const steps = cart.stepMinutes ?? [95, 1440, 2880];
    let when = cart.placedAt;
    cart.path.forEach((stateId, i) => {
      if (i > 0) when = addMinutes(when, steps[(i - 1) % steps.length] ?? 60);
      applyState(order, stateId, when, this.planOf(order), this.context());
    });
    this.indexes.indexLife(order);
  }

  private planOf(order: OrderRecord): ReturnType<typeof paymentPlanOf> {
    const plan = this.plans.get(order.id);
    if (!plan) throw new Error(`no payment plan for order ${order.id}`);
    return plan;
  }

  /** Places an order from a cart (computed like PrestaShop) and walks it through `cart.path`. */
  addOrder(cart: Cart): OrderRecord {
    const [order] = this.addSplitOrder([cart]);
    if (!order) throw new Error('no order placed');
    return order;
  }

  /** A cart split over carriers: sibling orders sharing one reference and one payment. */
  addSplitOrder(carts: readonly Cart[]): OrderRecord[] {
    const orders: OrderRecord[] = [];
    let reference: string | undefined;
    for (const cart of carts) {
      const placed = computeOrder(
        reference ? { ...cart, reference } : cart,
        this.sequences,
        this.secureKey(),
      );
      reference ??= placed.reference;
      this.plans.set(placed.id, paymentPlanOf(cart, placed));
      this.indexes.register(placed);
      orders.push(placed);
    }
    orders.forEach((order, i) => {
      const cart = carts[i];
      if (cart) this.walk(order, cart);
    });
    // Indexed once their dates are final (walking the path moves date_upd).
    for (const order of orders) this.indexes.indexDates(order);
    return orders;
  }

  /**
   * Changes an order's state as the back office (or POST order_histories) does: history, date_upd,
   * payment when it first becomes paid, invoice number when it first reaches an invoice state.
   */
  setOrderState(
    orderId: number,
    stateId: number,
    options: { date?: LocalDateTime; employeeId?: number } = {},
  ): HistoryRecord {
    const order = this.indexes.order(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (!stateById(stateId)) throw new Error(`no order state ${stateId}`);
    const plan = this.plans.get(order.id) ?? { method: order.payment };
    const history = this.indexes.movingDateUpd(order, () =>
      applyState(
        order,
        stateId,
        options.date ?? this.nowText(),
        plan,
        this.context(),
        options.employeeId ?? 0,
      ),
    );
    this.indexes.indexLife(order);
    return history;
  }

  /** Makes an order's field malformed on the wire (e.g. `total_paid_tax_incl: 'abc'`). */
  corruptOrder(orderId: number, field: string, raw: string): void {
    const order = this.indexes.order(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    order.corrupted = { ...order.corrupted, [field]: raw };
    this.indexes.markCorrupted(field);
  }

  /** PUT of an order_carrier: every omitted optional field becomes empty, as PrestaShop does. */
  replaceOrderCarrier(
    id: number,
    fields: {
      carrierId?: number;
      orderInvoiceId?: number;
      weight?: string;
      shippingTaxExcl?: string;
      shippingTaxIncl?: string;
      trackingNumber?: string;
    },
    partial = false,
  ): OrderCarrierRecord | undefined {
    const order = this.indexes.ownerOf('orderCarrier', id);
    const record = order?.orderCarrier;
    if (!record) return undefined;
    const pick = <T>(value: T | undefined, current: T, empty: T): T =>
      value !== undefined ? value : partial ? current : empty;
    record.carrierId = pick(fields.carrierId, record.carrierId, record.carrierId);
    record.orderInvoiceId = pick(fields.orderInvoiceId, record.orderInvoiceId, 0);
    record.weight = pick(fields.weight, record.weight, '0.000000');
    record.shippingTaxExcl = pick(fields.shippingTaxExcl, record.shippingTaxExcl, '0.000000');
    record.shippingTaxIncl = pick(fields.shippingTaxIncl, record.shippingTaxIncl, '0.000000');
    record.trackingNumber = pick(fields.trackingNumber, record.trackingNumber, '');
    return record;
  }
}
