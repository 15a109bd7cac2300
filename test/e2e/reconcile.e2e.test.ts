import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReconciliationReport } from '../../src/domain/reconciliation.js';
import { draft, record } from '../contract/sample-documents.js';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

const summary = (report: ReconciliationReport) =>
  report.differences
    .map((difference) => `${difference.kind} ${difference.key.shopId}-${difference.key.orderId}`)
    .sort();

/** Writes straight into the embedded GesCom's database, as a GesCom user or another program would. */
function gescomDatabase(demo: DemoNavette): BetterSqlite3.Database {
  return new BetterSqlite3(join(demo.dir, 'gescom.db'));
}

describe('the reconciliation report on the demo shop and the embedded GesCom', () => {
  let demo: DemoNavette;
  afterEach(async () => demo?.close());

  it('finds each planted difference, with what to do, and nothing else', async () => {
    demo = await openDemoNavette();
    const imported = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(imported.counts.imported).toBeGreaterThan(10);
    expect(summary(await demo.navette.reconcile({}))).toEqual([]);

    const { items } = await demo.navette.listDocuments({ limit: 500 });
    const live = items.filter((document) => document.transformedInto === undefined && !document.cancelled);
    const orderOf = (number: string) =>
      Number(live.find((d) => d.number === number)!.externalKey.split('-')[2]);
    const [deleted, changed, cancelled] = [live[0]!, live[1]!, live[2]!];

    // A document deleted in the GesCom, and another whose total was changed there.
    const database = gescomDatabase(demo);
    try {
      database.prepare('DELETE FROM documents WHERE number = ?').run(deleted.number);
      database
        .prepare("UPDATE documents SET total_tax_incl = '1234.56' WHERE number = ?")
        .run(changed.number);
    } finally {
      database.close();
    }
    // An order cancelled in the shop after its import.
    demo.shop.data.setOrderState(orderOf(cancelled.number), 6);
    // An order of a selected state (awaiting a cheque) that was never imported: placed after the import.
    const model = [...demo.shop.data.orders()].find((order) => order.shopId === 1)!;
    const late = demo.shop.data.addOrder({
      shopId: 1,
      customerId: model.customerId,
      addressDeliveryId: model.addressDeliveryId,
      addressInvoiceId: model.addressInvoiceId,
      carrierId: model.carrierId,
      lines: [{ productId: model.lines[0]!.productId, quantity: 1 }],
      payment: 'cheque',
      path: [1],
      placedAt: '2026-11-26 15:00:00',
    });
    // A document whose order no longer exists in the shop.
    const gone = { shopId: 1, orderId: 99_999 };
    await demo.navette.target.importDocument(draft(gone, { date: '2026-11-20' }), record(gone));

    demo.shop.calls.reset();
    const report = await demo.navette.reconcile({});
    expect(summary(report)).toEqual(
      [
        `document-missing 1-${orderOf(deleted.number)}`,
        `totals-differ 1-${orderOf(changed.number)}`,
        `cancelled-still-live 1-${orderOf(cancelled.number)}`,
        `not-imported 1-${late.id}`,
        'order-missing 1-99999',
      ].sort(),
    );
    const byKind = new Map(report.differences.map((difference) => [difference.kind, difference]));
    expect(byKind.get('not-imported')?.action).toBe(
      'Importez-la : navette import --from 2026-11-26 --to 2026-11-26 --shop 1 (ou « Importer maintenant »).',
    );
    expect(byKind.get('document-missing')?.runId).toBe(imported.runId);
    expect(byKind.get('totals-differ')?.document?.totals.taxIncl.toFixed(2)).toBe('1234.56');
    expect(byKind.get('totals-differ')?.action).toContain('1234,56 TTC dans la gestion commerciale');
    expect(byKind.get('cancelled-still-live')?.document?.number).toBe(cancelled.number);
    expect(byKind.get('order-missing')?.document?.number).toBeDefined();
    expect(report.webserviceCalls).toBe(demo.shop.calls.total());
  });

  it('reads the shop a page at a time: at most 3 calls per 100 orders', async () => {
    demo = await openDemoNavette({ shop: { generated: { seed: 11, count: 1000 } } });
    const imported = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(imported.counts.imported).toBeGreaterThan(300);
    demo.shop.calls.reset();
    const report = await demo.navette.reconcile({});
    expect(report.ordersChecked).toBeGreaterThan(500);
    const calls = demo.shop.calls.total();
    expect(calls).toBe(report.webserviceCalls);
    expect(calls).toBeLessThanOrEqual(3 * Math.ceil(report.ordersChecked / 100));
    expect(demo.shop.calls.byResource()['order_details']).toBeUndefined();
    expect(demo.shop.calls.byResource()['customers']).toBeUndefined();
  });
});
