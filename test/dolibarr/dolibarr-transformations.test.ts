import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../src/domain/sales-document.js';
import type { DocumentTransformation } from '../../src/ports/gescom-target.js';
import { draft, record } from '../contract/sample-documents.js';
import { DolibarrScreens, dolibarrId } from '../support/dolibarr-screens.js';
import { openDolibarrUnderTest } from './dolibarr-harness.js';

type Subject = Awaited<ReturnType<typeof openDolibarrUnderTest>>;

function brief(items: readonly DocumentTransformation[]): string[][] {
  return items.map((t) => [t.sourceNumber, t.sourceType, t.number, t.type, t.externalKey, t.trackingNumber]);
}

describe('Dolibarr: transformations read for the status sweep (simulator)', () => {
  let subject: Subject;
  let screens: DolibarrScreens;
  const orders: DocumentSummary[] = [];

  beforeEach(async () => {
    subject = await openDolibarrUnderTest();
    subject.dolibarr.setModule('expedition', true);
    screens = new DolibarrScreens(subject.client);
    orders.length = 0;
    for (const orderId of [11, 12, 13, 14]) {
      const key = { shopId: 1, orderId };
      orders.push(
        await subject.target.importDocument(draft(key, { type: 'order', status: 'confirmed' }), record(key)),
      );
    }
  });
  afterEach(async () => {
    await subject.close();
  });

  const later = (seconds: number) => subject.clock.advance(seconds * 1000);

  it('finds shipments with their tracking number, invoices made from an order and orders closed, once each, in one call per kind when nothing changed', async () => {
    const [shipped, invoiced, closed, untouched] = orders as [
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
    ];
    const start = await subject.target.transformationsSince(undefined, 100);
    expect(start.items).toEqual([]);

    later(60);
    const shipmentId = await screens.ship(dolibarrId(shipped.id), '6A12345678901');
    later(1);
    const invoiceId = await screens.invoice(dolibarrId(invoiced.id));
    later(1);
    await screens.closeOrder(dolibarrId(closed.id));
    // Not navette's: a shipment of an order without a shop key, a draft shipment, a direct invoice.
    const foreign = await subject.client.createDocument('orders', {
      socid: Number((await subject.client.getOrder(dolibarrId(untouched.id))).socid),
      date: 1_741_939_200,
      lines: [{ desc: 'x', qty: 1, subprice: 10, tva_tx: 20 }],
    });
    await subject.client.validate('orders', foreign);
    await screens.ship(foreign, 'FOREIGN-1');
    await screens.ship(dolibarrId(untouched.id), 'DRAFT-1', { validate: false });
    later(60);

    subject.dolibarr.calls.reset();
    const first = await subject.target.transformationsSince(start.cursor, 100);
    const shipment = subject.dolibarr.store.shipments.get(shipmentId)!;
    const invoice = subject.dolibarr.store.documents.facture.get(invoiceId)!;
    expect(brief(first.items)).toEqual([
      [shipped.number, 'order', String(shipment.row.ref), 'delivery', 'ps-1-11', '6A12345678901'],
      [invoiced.number, 'order', String(invoice.row.ref), 'invoice', 'ps-1-12', ''],
      [closed.number, 'order', closed.number, 'delivery', 'ps-1-13', ''],
    ]);
    // Shipments, invoices, closed orders, then the orders behind the shipments and invoices.
    expect(subject.dolibarr.calls.total()).toBe(4);

    later(600);
    subject.dolibarr.calls.reset();
    const nothing = await subject.target.transformationsSince(first.cursor, 100);
    expect(nothing.items).toEqual([]);
    expect(subject.dolibarr.calls.byResourceAndMethod()).toEqual({
      shipments: { GET: 1 },
      invoices: { GET: 1 },
      orders: { GET: 1 },
    });

    // Edited again later (paid, classified billed, tracking typed again): not a new transformation.
    later(60);
    await screens.setBilled(dolibarrId(closed.id));
    await screens.setBilled(dolibarrId(invoiced.id));
    await screens.setTracking(shipmentId, '6A12345678901');
    later(60);
    expect((await subject.target.transformationsSince(nothing.cursor, 100)).items).toEqual([]);
  });

  it('never misses a transformation made in the same second as the last sweep, and never reports it twice', async () => {
    const [a, b] = orders as [DocumentSummary, DocumentSummary];
    const start = await subject.target.transformationsSince(undefined, 100);
    // Same second as the sweep that just ran: `tms` equals the cursor's time.
    await screens.ship(dolibarrId(a.id), 'SAME-SECOND');
    const first = await subject.target.transformationsSince(start.cursor, 100);
    expect(brief(first.items).map((item) => item[5])).toEqual(['SAME-SECOND']);
    await screens.invoice(dolibarrId(b.id));
    const second = await subject.target.transformationsSince(first.cursor, 100);
    expect(brief(second.items).map((item) => item[3])).toEqual(['invoice']);
    const third = await subject.target.transformationsSince(second.cursor, 100);
    expect(third.items).toEqual([]);
    later(30);
    expect((await subject.target.transformationsSince(third.cursor, 100)).items).toEqual([]);
  });

  it('lists, on a first sweep bounded by a date, only what changed since that date', async () => {
    const [a, b] = orders as [DocumentSummary, DocumentSummary];
    await screens.ship(dolibarrId(a.id), 'OLD-SHIPMENT');
    later(3 * 24 * 3600);
    const from = subject.clock.now().toISOString();
    later(60);
    await screens.ship(dolibarrId(b.id), 'NEW-SHIPMENT');
    const first = await subject.target.transformationsSince(undefined, 100, { from });
    expect(brief(first.items).map((item) => item[5])).toEqual(['NEW-SHIPMENT']);
  });

  it('reports a tracking number typed in after the shipment was validated', async () => {
    const [a] = orders as [DocumentSummary];
    const start = await subject.target.transformationsSince(undefined, 100);
    later(10);
    const shipmentId = await screens.ship(dolibarrId(a.id));
    later(10);
    const first = await subject.target.transformationsSince(start.cursor, 100);
    expect(brief(first.items).map((item) => [item[3], item[5]])).toEqual([['delivery', '']]);
    later(3600);
    await screens.setTracking(shipmentId, '6A-LATER');
    later(10);
    const second = await subject.target.transformationsSince(first.cursor, 100);
    expect(brief(second.items).map((item) => [item[3], item[5]])).toEqual([['delivery', '6A-LATER']]);
  });

  it('hands out a page at a time, oldest first, the rest with the next cursor', async () => {
    const start = await subject.target.transformationsSince(undefined, 100);
    for (const order of orders) {
      later(5);
      await screens.closeOrder(dolibarrId(order.id));
    }
    const firstTwo = await subject.target.transformationsSince(start.cursor, 2);
    expect(firstTwo.items.map((t) => t.externalKey)).toEqual(['ps-1-11', 'ps-1-12']);
    const rest = await subject.target.transformationsSince(firstTwo.cursor, 2);
    expect(rest.items.map((t) => t.externalKey)).toEqual(['ps-1-13', 'ps-1-14']);
    const none = await subject.target.transformationsSince(rest.cursor, 2);
    expect(none.items).toEqual([]);
  });

  it('reads orders closed as delivered when the shipments module is off', async () => {
    subject.dolibarr.setModule('expedition', false);
    const start = await subject.target.transformationsSince(undefined, 100);
    later(10);
    await screens.closeOrder(dolibarrId(orders[0]!.id));
    const found = await subject.target.transformationsSince(start.cursor, 100);
    expect(brief(found.items)).toEqual([
      [orders[0]!.number, 'order', orders[0]!.number, 'delivery', 'ps-1-11', ''],
    ]);
  });

  it('refuses a transformation by hand with a message that says to do it in Dolibarr', async () => {
    const error: unknown = await subject.target
      .transformDocument(orders[0]!.number, { type: 'delivery', status: 'confirmed' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'transform-in-gescom' });
    expect(String((error as Error).message)).toContain('dans Dolibarr');
  });
});
