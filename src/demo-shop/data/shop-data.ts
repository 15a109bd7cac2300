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
import { firstNotBelow, SortedIndex } from './sorted-index.js';

export interface CustomerInput {
  readonly shopId: number;
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly company?: string;
  readonly siret?: string;
  readonly ape?: string;
  readonly isGuest?: boolean;
  readonly deleted?: boolean;
  readonly groupId?: number;
  readonly gender?: number;
  readonly birthday?: string;
  readonly newsletter?: boolean;
  readonly dateAdd: LocalDateTime;
}

export interface AddressInput {
  readonly customerId: number;
  readonly alias?: string;
  readonly company?: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly vatNumber?: string;
  readonly address1: string;
  readonly address2?: string;
  readonly postcode: string;
  readonly city: string;
  readonly countryId?: number;
  readonly stateId?: number;
  readonly phone?: string;
  readonly phoneMobile?: string;
  readonly other?: string;
  readonly dni?: string;
  readonly deleted?: boolean;
  readonly dateAdd: LocalDateTime;
}

/** The order fields the demo shop keeps orders sorted by, each with the id after it. */
export type OrderKey = 'id' | 'date_add' | 'date_upd';

const keyText: Record<OrderKey, (order: OrderRecord) => string> = {
  id: (order) => String(order.id),
  date_add: (order) => order.dateAdd,
  date_upd: (order) => order.dateUpd,
};

/** (date, id): dates are `YYYY-MM-DD HH:MM:SS`, so text order is time order. */
function byDateThenId(date: (order: OrderRecord) => string): (a: OrderRecord, b: OrderRecord) => number {
  return (a, b) => {
    const x = date(a);
    const y = date(b);
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  };
}

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

const flag = (value: boolean | undefined): string => (value ? '1' : '0');

/**
 * The demo shop's database: reference tables, customers and addresses as rows, orders as compact records
 * with their details, histories, payments and carrier. Tests read it (`order(id)`, `histories(id)`…) and
 * change it as the back office would.
 */
export class DemoShopData {
  readonly language: Language;
  private wallNow: number;
  private readonly tables = new Map<TableName, Map<number, WireRecord>>();
  private readonly orderMap = new Map<number, OrderRecord>();
  /**
   * Orders by id (ids only grow, so appending keeps it sorted), by (date_add, id) and by (date_upd, id):
   * a page of a list is then found by binary search instead of a scan of every order.
   */
  private readonly ordersById: OrderRecord[] = [];
  private readonly byDateAdd = new SortedIndex(byDateThenId(keyText.date_add));
  private readonly byDateUpd = new SortedIndex(byDateThenId(keyText.date_upd));
  /** Fields some order shows corrupted on the wire: their index no longer matches what a list compares. */
  private readonly corruptedOrderFields = new Set<string>();
  private readonly byReference = new Map<string, OrderRecord[]>();
  private readonly detailOwner = new Map<number, OrderRecord>();
  private readonly historyOwner = new Map<number, OrderRecord>();
  private readonly paymentOwner = new Map<number, OrderRecord>();
  private readonly carrierOwner = new Map<number, OrderRecord>();
  private readonly cartRuleOwner = new Map<number, OrderRecord>();
  private readonly sequences = new Counters();
  private readonly plans = new Map<number, ReturnType<typeof paymentPlanOf>>();
  private nextRowId = new Map<TableName, number>();
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
    return this.orderMap.get(id);
  }

  orders(): IterableIterator<OrderRecord> {
    return this.orderMap.values();
  }

  get orderCount(): number {
    return this.orderMap.size;
  }

  /**
   * Orders in ascending (key, id) order, from the first whose key text `isBelow` rejects (`isBelow` must
   * be monotone over that order: a lower bound). Undefined when an order's corrupted wire value of the
   * key differs from the indexed one: the caller then scans.
   */
  ordersInKeyOrder(
    key: OrderKey,
    isBelow: (keyText: string) => boolean = () => false,
  ): Iterable<OrderRecord> | undefined {
    if (this.corruptedOrderFields.has(key) || (key !== 'id' && this.corruptedOrderFields.has('id')))
      return undefined;
    const below = (order: OrderRecord): boolean => isBelow(keyText[key](order));
    if (key === 'date_add') return this.byDateAdd.from(below);
    if (key === 'date_upd') return this.byDateUpd.from(below);
    return this.ordersFromIndex(firstNotBelow(this.ordersById, below));
  }

  private *ordersFromIndex(start: number): Generator<OrderRecord> {
    for (let at = start; at < this.ordersById.length; at += 1) yield this.ordersById[at] as OrderRecord;
  }

  ordersByReference(reference: string): readonly OrderRecord[] {
    return this.byReference.get(reference) ?? [];
  }

  histories(orderId: number): readonly HistoryRecord[] {
    return this.orderMap.get(orderId)?.histories ?? [];
  }

  details(orderId: number): readonly LineRecord[] {
    return this.orderMap.get(orderId)?.lines ?? [];
  }

  orderCarrier(orderId: number): OrderCarrierRecord | undefined {
    return this.orderMap.get(orderId)?.orderCarrier;
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

  /** The order owning a satellite record (order_details, histories, payments, carriers, cart rules). */
  ownerOf(
    kind: 'detail' | 'history' | 'payment' | 'orderCarrier' | 'orderCartRule',
    id: number,
  ): OrderRecord | undefined {
    const map = {
      detail: this.detailOwner,
      history: this.historyOwner,
      payment: this.paymentOwner,
      orderCarrier: this.carrierOwner,
      orderCartRule: this.cartRuleOwner,
    }[kind];
    return map.get(id);
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
    const guest = input.isGuest ?? false;
    this.tables.get('customers')?.set(id, {
      row: {
        id,
        id_default_group: input.groupId ?? (guest ? 2 : 3),
        id_lang: 1,
        newsletter_date_add: input.newsletter ? input.dateAdd : '0000-00-00 00:00:00',
        last_passwd_gen: input.dateAdd,
        secure_key: this.secureKey(),
        deleted: flag(input.deleted),
        passwd: guest ? '' : '$2y$10$demoShopHashedPasswordNotARealHashAtAll0000000000000000',
        lastname: input.lastname,
        firstname: input.firstname,
        email: input.email,
        id_gender: input.gender ?? 0,
        birthday: input.birthday ?? '0000-00-00',
        newsletter: flag(input.newsletter),
        optin: '0',
        company: input.company ?? '',
        siret: input.siret ?? '',
        ape: input.ape ?? '',
        active: flag(!input.deleted),
        is_guest: flag(guest),
        id_shop: input.shopId,
        id_shop_group: 1,
        date_add: input.dateAdd,
        date_upd: input.dateAdd,
      },
      associations: { groups: [{ id: input.groupId ?? (guest ? 2 : 3) }] },
    });
    return id;
  }

  addAddress(input: AddressInput): number {
    const id = this.rowId('addresses');
    this.tables.get('addresses')?.set(id, {
      row: {
        id,
        id_customer: input.customerId,
        id_country: input.countryId ?? 8,
        id_state: input.stateId ?? 0,
        alias: input.alias ?? 'Mon adresse',
        company: input.company ?? '',
        lastname: input.lastname,
        firstname: input.firstname,
        vat_number: input.vatNumber ?? '',
        address1: input.address1,
        address2: input.address2 ?? '',
        postcode: input.postcode,
        city: input.city,
        other: input.other ?? '',
        phone: input.phone ?? '',
        phone_mobile: input.phoneMobile ?? '',
        dni: input.dni ?? '',
        deleted: flag(input.deleted),
        date_add: input.dateAdd,
        date_upd: input.dateAdd,
      },
    });
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
    const order = this.orderMap.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    const when = date ?? order.dateAdd;
    const customer = this.customer(order.customerId);
    const threads = this.tables.get('customer_threads');
    const messages = this.tables.get('customer_messages');
    if (!threads || !messages) throw new Error('tables missing');
    let thread = [...threads.values()].find((t) => t.row['id_order'] === orderId);
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
    const items = (thread.associations?.['customer_messages'] ?? []).concat([{ id }]);
    threads.set(Number(thread.row['id']), { row: thread.row, associations: { customer_messages: items } });
    return id;
  }

  // ---- writes: orders

  private context(): OrderLifeContext {
    return { sequences: this.sequences, siblings: (reference) => this.ordersByReference(reference) };
  }

  private register(order: OrderRecord): void {
    const last = this.ordersById[this.ordersById.length - 1];
    if (last && last.id >= order.id) throw new Error(`order ${order.id} placed after order ${last.id}`);
    this.orderMap.set(order.id, order);
    this.ordersById.push(order);
    const siblings = this.byReference.get(order.reference);
    if (siblings) siblings.push(order);
    else this.byReference.set(order.reference, [order]);
    for (const line of order.lines) this.detailOwner.set(line.id, order);
    if (order.orderCarrier) this.carrierOwner.set(order.orderCarrier.id, order);
    for (const rule of order.cartRules) this.cartRuleOwner.set(rule.id, order);
  }

  private index(order: OrderRecord): void {
    for (const h of order.histories) this.historyOwner.set(h.id, order);
    for (const p of order.payments) this.paymentOwner.set(p.id, order);
  }

  private walk(order: OrderRecord, cart: Cart): void {
    const steps = cart.stepMinutes ?? [95, 1440, 2880];
    let when = cart.placedAt;
    cart.path.forEach((stateId, i) => {
      if (i > 0) when = addMinutes(when, steps[(i - 1) % steps.length] ?? 60);
      applyState(order, stateId, when, this.planOf(order), this.context());
    });
    this.index(order);
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
      this.register(placed);
      orders.push(placed);
    }
    orders.forEach((order, i) => {
      const cart = carts[i];
      if (cart) this.walk(order, cart);
    });
    // Indexed once their dates are final (walking the path moves date_upd).
    for (const order of orders) {
      this.byDateAdd.insert(order);
      this.byDateUpd.insert(order);
    }
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
    const order = this.orderMap.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (!stateById(stateId)) throw new Error(`no order state ${stateId}`);
    const plan = this.plans.get(order.id) ?? { method: order.payment };
    // Out of the date_upd index while its date_upd changes, back in at its new place.
    this.byDateUpd.delete(order);
    const history = applyState(
      order,
      stateId,
      options.date ?? this.nowText(),
      plan,
      this.context(),
      options.employeeId ?? 0,
    );
    this.byDateUpd.insert(order);
    this.index(order);
    return history;
  }

  /** Makes an order's field malformed on the wire (e.g. `total_paid_tax_incl: 'abc'`). */
  corruptOrder(orderId: number, field: string, raw: string): void {
    const order = this.orderMap.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    order.corrupted = { ...order.corrupted, [field]: raw };
    this.corruptedOrderFields.add(field);
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
    const order = this.carrierOwner.get(id);
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
