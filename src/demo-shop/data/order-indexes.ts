import type { OrderRecord } from './model.js';
import { firstNotBelow, SortedIndex } from './sorted-index.js';

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

/** A record attached to an order, as the webservice addresses it by its own id. */
export type SatelliteKind = 'detail' | 'history' | 'payment' | 'orderCarrier' | 'orderCartRule';

/**
 * The demo shop's indexes of its orders: by id, by reference, by (date, id) for the lists' pages, and
 * the owner of every satellite record. They are what keeps a list of 100,000 orders a binary search
 * rather than a scan; the store (shop-data.ts) tells them when an order is placed or changes.
 */
export class OrderIndexes {
  private readonly byId = new Map<number, OrderRecord>();
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
  private readonly owners: Record<SatelliteKind, Map<number, OrderRecord>> = {
    detail: new Map(),
    history: new Map(),
    payment: new Map(),
    orderCarrier: new Map(),
    orderCartRule: new Map(),
  };

  order(id: number): OrderRecord | undefined {
    return this.byId.get(id);
  }

  orders(): IterableIterator<OrderRecord> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Orders in ascending (key, id) order, from the first whose key text `isBelow` rejects (`isBelow` must
   * be monotone over that order: a lower bound). Undefined when an order's corrupted wire value of the
   * key differs from the indexed one: the caller then scans.
   */
  inKeyOrder(key: OrderKey, isBelow: (keyText: string) => boolean): Iterable<OrderRecord> | undefined {
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

  withReference(reference: string): readonly OrderRecord[] {
    return this.byReference.get(reference) ?? [];
  }

  ownerOf(kind: SatelliteKind, id: number): OrderRecord | undefined {
    return this.owners[kind].get(id);
  }

  /** A new order, with the records it is placed with; ids must grow. */
  register(order: OrderRecord): void {
    const last = this.ordersById[this.ordersById.length - 1];
    if (last && last.id >= order.id) throw new Error(`order ${order.id} placed after order ${last.id}`);
    this.byId.set(order.id, order);
    this.ordersById.push(order);
    const siblings = this.byReference.get(order.reference);
    if (siblings) siblings.push(order);
    else this.byReference.set(order.reference, [order]);
    for (const line of order.lines) this.owners.detail.set(line.id, order);
    if (order.orderCarrier) this.owners.orderCarrier.set(order.orderCarrier.id, order);
    for (const rule of order.cartRules) this.owners.orderCartRule.set(rule.id, order);
  }

  /** The histories and payments a change of state may have added. */
  indexLife(order: OrderRecord): void {
    for (const h of order.histories) this.owners.history.set(h.id, order);
    for (const p of order.payments) this.owners.payment.set(p.id, order);
  }

  /** Into the date indexes, once the order's dates are final. */
  indexDates(order: OrderRecord): void {
    this.byDateAdd.insert(order);
    this.byDateUpd.insert(order);
  }

  /** Runs a change that moves the order's date_upd: out of that index meanwhile, back in at its new place. */
  movingDateUpd<T>(order: OrderRecord, change: () => T): T {
    this.byDateUpd.delete(order);
    const result = change();
    this.byDateUpd.insert(order);
    return result;
  }

  /** An order now shows `field` corrupted on the wire: lists on that key must scan. */
  markCorrupted(field: string): void {
    this.corruptedOrderFields.add(field);
  }
}
