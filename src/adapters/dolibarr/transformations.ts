import type { DocumentType } from '../../domain/sales-document.js';
import { parseShopOrderKey } from '../../domain/shop-order.js';
import type { DocumentTransformation } from '../../ports/gescom-target.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';
import type { StampedList } from './rest-calls.js';
import { allOf, anyOf, compare, equals, like, type SqlFilter } from './sqlfilters.js';
import {
  databaseTime,
  decodeCursor,
  encodeCursor,
  MARGIN,
  pruned,
  type SweepCursor,
} from './sweep-cursor.js';
import {
  sweepInvoiceSchema,
  sweepOrderSchema,
  sweepShipmentSchema,
  type SweepInvoice,
  type SweepOrder,
  type SweepShipment,
} from './sweep-schemas.js';

/** One transformation found, with what orders it and the key it is remembered by. */
interface Found {
  readonly key: string;
  /** Unix seconds: the object's modification (or validation) time, for "oldest first". */
  readonly time: number;
  readonly transformation: DocumentTransformation;
}

const KIND_ORDER: Readonly<Record<string, number>> = { delivery: 0, invoice: 1 };

function ok(filter: SqlFilter | DolibarrFailure): SqlFilter {
  if (filter instanceof DolibarrFailure) throw filter;
  return filter;
}

/**
 * What Dolibarr did to the orders navette wrote since the cursor (issue 11, SPEC §6), in one call per
 * object kind when nothing changed:
 * - a validated (or closed) shipment of the order, with its tracking number: the Livraison;
 * - a validated invoice linked to the order (`createfromorder`, or Dolibarr's own "Créer facture"): the Facture;
 * - the order closed ("Classer livrée", status 3): the Livraison too.
 * Each list is filtered on `t.tms` from the cursor. The orders behind shipments and invoices are then
 * read in one call (their `ref_ext` is the shop order's key): those navette did not write are left out.
 */
export async function readTransformations(
  client: DolibarrClient,
  cursorText: string | undefined,
  limit: number,
  from?: string,
): Promise<{ readonly items: readonly DocumentTransformation[]; readonly cursor: string | undefined }> {
  const previous = decodeCursor(cursorText);
  // A first sweep bounded by `from` (statusUpdates.firstSweepDays) lists only what changed since then.
  const firstSince = from === undefined ? undefined : Math.floor(Date.parse(from) / 1000) + MARGIN;
  // The first sweep learns the server's time zone (and clock), kept in the cursor from then on.
  const status = previous === undefined ? (await client.status()).success : undefined;
  const cursor: SweepCursor = previous ?? {
    since: firstSince,
    timeZone: status?.timestamp_php_tz ?? 'UTC',
    reported: new Map(),
  };
  const modifiedSince =
    cursor.since === undefined
      ? undefined
      : ok(compare('tms', '>=', databaseTime(cursor.since - MARGIN, cursor.timeZone)));
  const where = (...filters: SqlFilter[]): SqlFilter =>
    allOf(...filters, ...(modifiedSince === undefined ? [] : [modifiedSince]));

  const shipments = await client
    .listAll('shipments', sweepShipmentSchema, {
      sqlfilters: where(ok(compare('fk_statut', '>', 0))),
      sortfield: 't.rowid',
      sortorder: 'ASC',
    })
    .catch(withoutShipmentsModule);
  const invoices = await client.listAll('invoices', sweepInvoiceSchema, {
    sqlfilters: where(ok(compare('fk_statut', '>', 0)), ok(equals('type', 0))),
    sortfield: 't.rowid',
    sortorder: 'ASC',
    properties: ['id', 'ref', 'ref_ext', 'status', 'type', 'date_modification', 'linkedObjectsIds'],
    // Dolibarr 20+ loads each invoice's links in the list; an older one ignores it (read one by one below).
    extra: { loadlinkedobjects: '1' },
  });
  const closed = await client.listAll('orders', sweepOrderSchema, {
    sqlfilters: where(ok(equals('fk_statut', 3)), ok(like('ref_ext', 'ps-%'))),
    sortfield: 't.rowid',
    sortorder: 'ASC',
    properties: ['id', 'ref', 'ref_ext', 'status', 'date_modification'],
  });
  const times = [shipments.serverTime, invoices.serverTime, closed.serverTime].filter(
    (time): time is number => time !== undefined,
  );
  const now = times.length > 0 ? Math.min(...times) : (status?.timestamp_now_utc ?? undefined);

  // What was reported already (listed again by the margin, or edited since) costs no further call.
  const liveShipments = shipments.rows.filter(
    (s) =>
      (s.status === 1 || s.status === 2) &&
      (s.origin_type ?? 'commande') === 'commande' &&
      !cursor.reported.has(shipmentKey(s)),
  );
  const liveInvoices = await withLinks(
    client,
    invoices.rows.filter(
      (i) => (i.status === 1 || i.status === 2) && (i.type ?? 0) === 0 && !cursor.reported.has(`F${i.id}`),
    ),
  );
  const orderIds = new Set<number>();
  for (const shipment of liveShipments) if (shipment.origin_id) orderIds.add(shipment.origin_id);
  for (const invoice of liveInvoices)
    for (const id of invoice.linkedObjectsIds?.get('commande') ?? []) orderIds.add(id);
  const orders = await ordersByIds(client, [...orderIds]);
  for (const order of closed.rows) orders.set(order.id, order);

  const found: Found[] = [];
  // Shipments and invoices of orders navette did not write: remembered too, so as not to read their
  // orders again while they stay in the window.
  const ignored: string[] = [];
  const fallback = now ?? 0;
  for (const shipment of liveShipments) {
    const order = shipment.origin_id ? orders.get(shipment.origin_id) : undefined;
    if (!order || !isNavetteKey(order.ref_ext)) {
      ignored.push(shipmentKey(shipment));
      continue;
    }
    found.push(
      made(shipmentKey(shipment), shipment.date_valid ?? shipment.date_creation ?? fallback, order, {
        number: shipment.ref,
        type: 'delivery',
        trackingNumber: trackingOf(shipment),
      }),
    );
  }
  for (const invoice of liveInvoices) {
    const orderIds = invoice.linkedObjectsIds?.get('commande') ?? [];
    const order = orderIds
      .map((id) => orders.get(id))
      .find((o) => o !== undefined && isNavetteKey(o.ref_ext));
    if (order === undefined) {
      if (orderIds.length > 0) ignored.push(`F${invoice.id}`);
      continue;
    }
    found.push(
      made(`F${invoice.id}`, invoice.date_modification ?? fallback, order, {
        number: invoice.ref,
        type: 'invoice',
        trackingNumber: '',
      }),
    );
  }
  for (const order of closed.rows) {
    if (order.status !== 3 || !isNavetteKey(order.ref_ext)) continue;
    found.push(
      made(`C${order.id}`, order.date_modification ?? fallback, order, {
        number: order.ref,
        type: 'delivery',
        trackingNumber: '',
      }),
    );
  }

  const fresh = found
    .filter((item) => !cursor.reported.has(item.key))
    .sort(
      (a, b) =>
        a.time - b.time ||
        (KIND_ORDER[a.transformation.type] ?? 0) - (KIND_ORDER[b.transformation.type] ?? 0) ||
        a.key.localeCompare(b.key),
    );
  const taken = fresh.slice(0, Math.max(0, limit));
  const reportedAt = now ?? cursor.since ?? 0;
  const reported = pruned(cursor.reported, reportedAt);
  for (const key of [...ignored, ...taken.map((item) => item.key)]) reported.set(key, reportedAt);
  // `since` moves on only once everything listed was handed out: the rest comes with the next call.
  const complete = taken.length === fresh.length;
  const next: SweepCursor = {
    since: complete && now !== undefined ? now : cursor.since,
    timeZone: cursor.timeZone,
    reported,
  };
  return { items: taken.map((item) => item.transformation), cursor: encodeCursor(next) };
}

/**
 * Module "Expéditions" off (Dolibarr answers 501, fixture 162's "API not found"): no shipment to read,
 * orders closed as delivered stand for the Livraison.
 */
function withoutShipmentsModule(error: unknown): StampedList<never> {
  if (error instanceof DolibarrFailure && error.code === 'module-off')
    return { rows: [], serverTime: undefined };
  throw error;
}

function trackingOf(shipment: SweepShipment): string {
  return (shipment.tracking_number ?? '').trim();
}

/** With its tracking number: a number typed in after the shipment was reported is reported again. */
function shipmentKey(shipment: SweepShipment): string {
  return `S${shipment.id}:${trackingOf(shipment)}`;
}

function isNavetteKey(refExt: string | null): refExt is string {
  return refExt !== null && parseShopOrderKey(refExt) !== undefined;
}

function made(
  key: string,
  time: number,
  order: SweepOrder,
  target: { number: string; type: DocumentType; trackingNumber: string },
): Found {
  return {
    key,
    time,
    transformation: {
      sourceNumber: order.ref,
      sourceType: 'order',
      number: target.number,
      type: target.type,
      externalKey: order.ref_ext ?? '',
      trackingNumber: target.trackingNumber,
      at: new Date(time * 1000).toISOString(),
    },
  };
}

/** Invoices whose list did not carry their links (a Dolibarr before `loadlinkedobjects`): read each. */
async function withLinks(client: DolibarrClient, invoices: readonly SweepInvoice[]): Promise<SweepInvoice[]> {
  const complete: SweepInvoice[] = [];
  for (const invoice of invoices)
    complete.push(
      invoice.linkedObjectsIds === undefined
        ? await client.get(`invoices/${invoice.id}`, sweepInvoiceSchema)
        : invoice,
    );
  return complete;
}

/** The orders behind shipments and invoices, 50 ids a call. */
async function ordersByIds(client: DolibarrClient, ids: readonly number[]): Promise<Map<number, SweepOrder>> {
  const orders = new Map<number, SweepOrder>();
  for (let start = 0; start < ids.length; start += 50) {
    const { rows } = await client.listAll('orders', sweepOrderSchema, {
      sqlfilters: ok(anyOf('rowid', ids.slice(start, start + 50))),
      properties: ['id', 'ref', 'ref_ext', 'status', 'date_modification'],
    });
    for (const order of rows) orders.set(order.id, order);
  }
  return orders;
}
