import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../src/domain/sales-document.js';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

/** SPEC §6 as the tests set it: Commande → En cours de préparation, Livraison → Expédié, Facture → Livré. */
const STATUS_UPDATES = {
  onOrder: 3,
  onDelivery: 4,
  onInvoice: 5,
  sendEmail: false,
  tracking: { enabled: true, sendEmail: false, setStateTo: null },
};

/** What another program writing the GesCom's database does: a delivery and its line in `transformations`. */
function transformInDatabase(file: string, number: string, newNumber: string, tracking: string): void {
  const db = new BetterSqlite3(file);
  try {
    db.transaction(() => {
      const source = db.prepare('select * from documents where number = ?').get(number) as Record<
        string,
        unknown
      >;
      db.prepare('update documents set transformed_into = ? where number = ?').run(newNumber, number);
      const { id: _id, ...header } = source;
      const row = {
        ...header,
        number: newNumber,
        type: 'delivery',
        source_number: number,
        transformed_into: null,
        tracking_number: tracking,
      };
      const columns = Object.keys(row);
      db.prepare(
        `insert into documents (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(row);
      db.prepare(
        'insert into transformations (source_number, target_number, source_type, target_type, at) values (?, ?, ?, ?, ?)',
      ).run(number, newNumber, 'order', 'delivery', new Date().toISOString());
    })();
  } finally {
    db.close();
  }
}

describe('the status sweep on the demo shop', () => {
  let demo: DemoNavette;
  afterEach(async () => demo?.close());

  it('moves each transformed order once, forward only, never to a state it had, tracking numbers only where empty', async () => {
    demo = await openDemoNavette({ config: { statusUpdates: STATUS_UPDATES } });
    const { navette, shop } = demo;
    const summary = await navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.fatal).toBeUndefined();
    const { items } = await navette.listDocuments({ limit: 10_000 });
    const live = items.filter((item) => item.transformedInto === undefined && !item.cancelled);
    const orderIdOf = (item: DocumentSummary) => Number(item.externalKey.split('-')[2]);
    const stateOf = (item: DocumentSummary) => shop.data.order(orderIdOf(item))?.currentState;
    const trackingOf = (item: DocumentSummary) =>
      shop.data.orderCarrier(orderIdOf(item))?.trackingNumber ?? '';
    const paidOrders = live.filter(
      (item) => item.type === 'order' && stateOf(item) === 2 && shop.data.orderCarrier(orderIdOf(item)),
    );
    const quotes = live.filter((item) => item.type === 'quote' && [1, 10].includes(stateOf(item) ?? 0));
    expect(paidOrders.length).toBeGreaterThanOrEqual(5);
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    const [byHand, inDatabase, toInvoice, otherTracking, hadIt] = paidOrders as [
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
    ];
    const [quoteForward, quoteBackward] = quotes as [DocumentSummary, DocumentSummary];
    for (const item of [byHand, inDatabase, toInvoice, hadIt])
      shop.data.replaceOrderCarrier(
        shop.data.orderCarrier(orderIdOf(item))!.id,
        { trackingNumber: '' },
        true,
      );
    shop.data.replaceOrderCarrier(
      shop.data.orderCarrier(orderIdOf(otherTracking))!.id,
      { trackingNumber: 'OLD-0001' },
      true,
    );
    // Already had "Expédié" once (sent back to "Paiement accepté" by hand): not set again.
    shop.data.setOrderState(orderIdOf(hadIt), 4);
    shop.data.setOrderState(orderIdOf(hadIt), 2);
    // A quote whose order was shipped meanwhile: "En cours de préparation" would go backwards.
    shop.data.setOrderState(orderIdOf(quoteBackward), 4);

    // Nothing transformed yet: no call to the shop.
    shop.calls.reset();
    expect(await navette.sweepStatuses()).toMatchObject({ transformations: 0, queued: 0, sent: 0 });
    expect(shop.calls.total()).toBe(0);

    await navette.transformDocument(byHand.number, { to: 'delivery', trackingNumber: '6A-BYHAND-1' });
    transformInDatabase(join(demo.dir, 'gescom.db'), inDatabase.number, 'BLEXT0001', 'EXT-777');
    const delivery = await navette.transformDocument(toInvoice.number, { to: 'delivery' });
    await navette.transformDocument(delivery.number, { to: 'invoice' });
    await navette.transformDocument(otherTracking.number, { to: 'delivery', trackingNumber: 'NEW-0002' });
    await navette.transformDocument(hadIt.number, { to: 'delivery' });
    await navette.transformDocument(quoteForward.number, { to: 'order' });
    await navette.transformDocument(quoteBackward.number, { to: 'order' });
    const historyBefore = (item: DocumentSummary) => shop.data.histories(orderIdOf(item)).length;
    const before = new Map([...paidOrders, ...quotes].map((item) => [item.number, historyBefore(item)]));

    const first = await navette.sweepStatuses();
    expect(first.busy).toBeUndefined();
    expect(first.transformations).toBe(8);
    expect(first.failed).toBe(0);

    expect(stateOf(byHand)).toBe(4);
    expect(trackingOf(byHand)).toBe('6A-BYHAND-1');
    expect(stateOf(inDatabase)).toBe(4);
    expect(trackingOf(inDatabase)).toBe('EXT-777');
    expect(stateOf(toInvoice)).toBe(5);
    expect(stateOf(otherTracking)).toBe(4);
    expect(trackingOf(otherTracking)).toBe('OLD-0001');
    expect(stateOf(hadIt)).toBe(2);
    expect(stateOf(quoteForward)).toBe(3);
    expect(stateOf(quoteBackward)).toBe(4);
    // One new history line per order moved, none for the others.
    const added = (item: DocumentSummary) => historyBefore(item) - (before.get(item.number) ?? 0);
    expect([byHand, inDatabase, toInvoice, otherTracking, quoteForward].map(added)).toEqual([1, 1, 1, 1, 1]);
    expect([hadIt, quoteBackward].map(added)).toEqual([0, 0]);

    const journal = await navette.statusJournal(200);
    const about = (item: DocumentSummary) =>
      journal.filter((entry) => entry.orderId === orderIdOf(item)).map((entry) => entry.message);
    expect(about(otherTracking).join('\n')).toContain('autre numéro de suivi (OLD-0001)');
    expect(about(hadIt).join('\n')).toContain("a déjà eu l'état");
    expect(about(quoteBackward).join('\n')).toContain('en arrière');

    // A second sweep: nothing new, nothing sent, no call to the shop.
    shop.calls.reset();
    expect(await navette.sweepStatuses()).toMatchObject({
      transformations: 0,
      queued: 0,
      sent: 0,
      skipped: 0,
    });
    expect(shop.calls.total()).toBe(0);
    expect(await navette.store.countPendingStateChanges()).toBe(0);
  });
});
