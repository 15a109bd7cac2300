import type { ShopOrderKey } from '../../domain/shop-order.js';
import type { TrackingNumberOutcome, TrackingNumberRequest } from '../../ports/order-source.js';
import type { RawRecord, WebserviceClient } from './webservice-client.js';
import { sendEmailQuery } from './webservice-dialect.js';
import { toXmlBody } from './xml-body.js';

/**
 * How old the read of the shipments may be when a tracking number is written from it. PrestaShop has no
 * conditional write (no If-Match on the webservice): "only where empty" rests on a read made just before.
 * One read per order kept that gap to one round trip; one read for a whole batch would stretch it to
 * every write of the batch, so the shipments not yet written are read again, in one call, once the read
 * is this old. 5 s ≈ 100 writes at 50 ms: the gap stays of the order of the seconds a person takes to
 * type a number in the back office, as close to the one-read-per-order guard as a batch can be.
 */
export const DEFAULT_TRACKING_READ_MAX_AGE_MS = 5_000;

/**
 * Writes tracking numbers on the orders' shipments (`order_carriers`) only where they are empty: one
 * filtered read of the batch's shipments (`filter[id_order]=[a|b|c]`, cut to the URL's length), then one
 * write per empty shipment — PATCH of that one field on 8.0 and later; before 8, PUT replaces the whole
 * record (omitted optional fields become NULL: WebserviceRequest's saveEntityFromXml), so the record read
 * is sent back whole with only its tracking number filled, as in
 * 8.1.2/04_order_carriers_put_200.request.xml. A number already there is never overwritten: it is
 * returned for the caller to report.
 */
export class TrackingNumberWriter {
  constructor(
    private readonly client: WebserviceClient,
    private readonly maxReadAgeMs = DEFAULT_TRACKING_READ_MAX_AGE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async write(requests: readonly TrackingNumberRequest[]): Promise<TrackingNumberOutcome[]> {
    const outcomes: TrackingNumberOutcome[] = [];
    let shipments = new Map<number, RawRecord>();
    let readAt = Number.NEGATIVE_INFINITY;
    for (const [index, request] of requests.entries()) {
      try {
        if (this.now() - readAt > this.maxReadAgeMs) {
          // The requests not yet written, read at once: the first read, or a fresh one once it is old.
          shipments = await this.readShipments(requests.slice(index).map((item) => item.key));
          readAt = this.now();
        }
        const record = shipments.get(request.key.orderId);
        outcomes.push(
          record === undefined ? { status: 'no-shipment' } : await this.writeOne(record, request),
        );
        // Two requests for one order: the second sees the first's number.
        if (record !== undefined && outcomes.at(-1)?.status === 'written')
          shipments.set(request.key.orderId, { ...record, tracking_number: request.trackingNumber });
      } catch (error) {
        outcomes.push({ status: 'failed', error });
      }
    }
    return outcomes;
  }

  /** Each order's first shipment (lowest id), as the back office shows it. */
  private async readShipments(keys: readonly ShopOrderKey[]): Promise<Map<number, RawRecord>> {
    const raws = await this.client.listWhereIn(
      'order_carriers',
      'id_order',
      keys.map((key) => key.orderId),
      { display: 'full', sort: ['id_ASC'] },
    );
    const byOrder = new Map<number, RawRecord>();
    for (const raw of raws.toSorted((a, b) => Number(a['id']) - Number(b['id']))) {
      const orderId = Number(raw['id_order']);
      if (!byOrder.has(orderId)) byOrder.set(orderId, raw);
    }
    return byOrder;
  }

  private async writeOne(record: RawRecord, request: TrackingNumberRequest): Promise<TrackingNumberOutcome> {
    const current = record['tracking_number'];
    const currentText =
      typeof current === 'string' || typeof current === 'number' ? String(current).trim() : '';
    if (currentText !== '') return { status: 'already-set', current: currentText };
    const id = Number(record['id']);
    const patch = Number((this.client.version ?? '').split('.')[0]) >= 8;
    const body = patch
      ? { id, tracking_number: request.trackingNumber }
      : { ...record, tracking_number: request.trackingNumber };
    await this.client.update(
      patch ? 'PATCH' : 'PUT',
      'order_carriers',
      id,
      toXmlBody('order_carrier', body),
      sendEmailQuery(request.sendEmail),
    );
    return { status: 'written' };
  }
}
