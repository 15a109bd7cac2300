import type { DemoShopData, TableName } from './data/shop-data.js';
import type { OrderKey } from './data/order-indexes.js';
import type { OrderRecord, WireRecord, WireValue } from './data/model.js';
import {
  detailWire,
  historyWire,
  orderCarrierWire,
  orderCartRuleWire,
  orderRow,
  orderWire,
  paymentWire,
} from './data/order-wire.js';

/** One record as the query language and the renderers see it. */
export interface Entry {
  readonly id: number;
  /** Raw value of a field (undefined: the record does not set it, the schema default applies). */
  value(field: string): WireValue | undefined;
  wire(): WireRecord;
}

/** Narrowing hints: an OR-list of exact values on one field lets a source skip a full scan. */
export type ScanHints = ReadonlyMap<string, readonly string[]>;

export interface Source {
  /** Lists and orders-like resources are restricted to the shop(s) asked. */
  readonly shopScoped: boolean;
  scan(hints: ScanHints): Iterable<Entry>;
  get(id: number): Entry | undefined;
  /**
   * For a field the source keeps an index on: its entries in ascending (field, id) order, from the first
   * whose field (as the list compares it) `isBelow` rejects. Undefined when the source has no usable
   * index for it (the list is then scanned).
   */
  ordered?(field: string, isBelow: (value: string) => boolean): Iterable<Entry> | undefined;
}

function tableEntry(record: WireRecord): Entry {
  return { id: Number(record.row['id']), value: (field) => record.row[field], wire: () => record };
}

function tableSource(data: DemoShopData, name: TableName, shopScoped = false): Source {
  return {
    shopScoped,
    *scan() {
      for (const record of data.table(name).values()) yield tableEntry(record);
    },
    get(id) {
      const record = data.table(name).get(id);
      return record ? tableEntry(record) : undefined;
    },
  };
}

/**
 * A table whose rows get ascending ids as they are added (customers, addresses, customer threads and
 * messages), so that its order is id order: a list filtered on `id`, or on a field `lookups` indexes,
 * reads only the rows asked instead of every row of the table. The filters are still applied to them.
 */
function growingTableSource(
  data: DemoShopData,
  name: TableName,
  shopScoped: boolean,
  lookups: Readonly<Record<string, (value: number) => readonly number[]>> = {},
): Source {
  const table = tableSource(data, name, shopScoped);
  const idsBy: Readonly<Record<string, (value: number) => readonly number[]>> = {
    id: (id) => [id],
    ...lookups,
  };
  return {
    ...table,
    *scan(hints) {
      for (const [field, idsOf] of Object.entries(idsBy)) {
        const values = hints.get(field);
        if (values === undefined) continue;
        const ids = new Set(
          values
            .map(Number)
            .filter(Number.isInteger)
            .flatMap((value) => idsOf(value)),
        );
        const rows = data.table(name);
        for (const id of [...ids].sort((a, b) => a - b)) {
          const record = rows.get(id);
          if (record) yield tableEntry(record);
        }
        return;
      }
      yield* table.scan(hints);
    },
  };
}

function orderEntry(order: OrderRecord): Entry {
  let row: ReturnType<typeof orderRow> | undefined;
  // The fields list queries filter and sort on are read without building the whole row.
  const fast: Record<string, () => WireValue> = {
    id: () => order.id,
    id_shop: () => order.shopId,
    current_state: () => order.currentState,
    date_add: () => order.dateAdd,
    date_upd: () => order.dateUpd,
    reference: () => order.reference,
    id_customer: () => order.customerId,
  };
  return {
    id: order.id,
    value(field) {
      const getter = order.corrupted?.[field] === undefined ? fast[field] : undefined;
      if (getter) return getter();
      row ??= orderRow(order);
      return row[field];
    },
    wire: () => orderWire(order),
  };
}

const ORDER_KEYS: ReadonlySet<string> = new Set<OrderKey>(['id', 'date_add', 'date_upd']);

function isOrderKey(field: string): field is OrderKey {
  return ORDER_KEYS.has(field);
}

function* entriesOf(orders: Iterable<OrderRecord>): Generator<Entry> {
  for (const order of orders) yield orderEntry(order);
}

/** Orders to scan for a child resource: by `id_order` or `order_reference` hints when given. */
function ordersFor(data: DemoShopData, hints: ScanHints): Iterable<OrderRecord> {
  const ids = hints.get('id_order');
  if (ids) {
    const orders: OrderRecord[] = [];
    for (const id of new Set(ids.map(Number))) {
      const order = data.order(id);
      if (order) orders.push(order);
    }
    return orders.sort((a, b) => a.id - b.id);
  }
  const references = hints.get('order_reference');
  if (references) {
    const orders = new Set<OrderRecord>();
    for (const reference of references)
      for (const order of data.ordersByReference(reference.toUpperCase())) orders.add(order);
    return [...orders].sort((a, b) => a.id - b.id);
  }
  return data.orders();
}

function childSource<T extends { id: number }>(
  data: DemoShopData,
  kind: 'detail' | 'history' | 'payment' | 'orderCarrier' | 'orderCartRule',
  children: (order: OrderRecord) => readonly T[],
  wire: (order: OrderRecord, child: T) => WireRecord,
  sortById: boolean,
): Source {
  const entry = (order: OrderRecord, child: T): Entry => {
    let record: WireRecord | undefined;
    return {
      id: child.id,
      value: (field) => (record ??= wire(order, child)).row[field],
      wire: () => (record ??= wire(order, child)),
    };
  };
  return {
    shopScoped: false,
    *scan(hints) {
      if (!sortById) {
        for (const order of ordersFor(data, hints))
          for (const child of children(order)) yield entry(order, child);
        return;
      }
      // Histories and payments are created over time across orders: PrestaShop lists them by id.
      const all: [OrderRecord, T][] = [];
      for (const order of ordersFor(data, hints))
        for (const child of children(order)) all.push([order, child]);
      all.sort((a, b) => a[1].id - b[1].id);
      for (const [order, child] of all) yield entry(order, child);
    },
    get(id) {
      const order = data.ownerOf(kind, id);
      const child = order ? children(order).find((c) => c.id === id) : undefined;
      return order && child ? entry(order, child) : undefined;
    },
  };
}

/** Every resource the demo shop serves, over its data. */
export function createSources(data: DemoShopData): ReadonlyMap<string, Source> {
  const tables: TableName[] = [
    'order_states',
    'taxes',
    'tax_rule_groups',
    'tax_rules',
    'currencies',
    'countries',
    'carriers',
    'languages',
    'shops',
    'shop_groups',
    'products',
    'combinations',
    'cart_rules',
    'configurations',
  ];
  const sources = new Map<string, Source>(tables.map((name) => [name, tableSource(data, name)]));
  sources.set('customers', growingTableSource(data, 'customers', true));
  sources.set('addresses', growingTableSource(data, 'addresses', false));
  sources.set(
    'customer_threads',
    growingTableSource(data, 'customer_threads', false, { id_order: (id) => data.threadIdsOfOrder(id) }),
  );
  sources.set(
    'customer_messages',
    growingTableSource(data, 'customer_messages', false, {
      id_customer_thread: (id) => data.messageIdsOfThread(id),
    }),
  );
  sources.set('orders', {
    shopScoped: true,
    *scan(hints) {
      const ids = hints.get('id');
      if (ids) {
        for (const id of [...new Set(ids.map(Number).filter(Number.isInteger))].sort((a, b) => a - b)) {
          const order = data.order(id);
          if (order) yield orderEntry(order);
        }
        return;
      }
      for (const order of data.orders()) yield orderEntry(order);
    },
    get(id) {
      const order = data.order(id);
      return order ? orderEntry(order) : undefined;
    },
    ordered(field, isBelow) {
      if (!isOrderKey(field)) return undefined;
      const orders = data.ordersInKeyOrder(field, isBelow);
      return orders && entriesOf(orders);
    },
  });
  sources.set(
    'order_details',
    childSource(data, 'detail', (o) => o.lines, detailWire, false),
  );
  sources.set(
    'order_histories',
    childSource(
      data,
      'history',
      (o) => o.histories,
      (_o, h) => historyWire(h),
      true,
    ),
  );
  sources.set(
    'order_payments',
    childSource(
      data,
      'payment',
      (o) => o.payments,
      (_o, p) => paymentWire(p),
      true,
    ),
  );
  sources.set(
    'order_carriers',
    childSource(
      data,
      'orderCarrier',
      (o) => (o.orderCarrier ? [o.orderCarrier] : []),
      orderCarrierWire,
      false,
    ),
  );
  const cartRules = childSource(data, 'orderCartRule', (o) => o.cartRules, orderCartRuleWire, false);
  sources.set('order_cart_rules', cartRules);
  sources.set('order_discounts', cartRules);
  return sources;
}
