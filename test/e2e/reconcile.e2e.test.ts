import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuiltCli, navetteCli } from '../support/built-cli.js';
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

describe('navette reconcile', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('prints the report in French, as JSON or CSV, and exits 1 when there are differences', async () => {
    ensureBuiltCli();
    dir = await mkdtemp(join(tmpdir(), 'navette-reconcile-'));
    expect(navetteCli(['demo', '--dir', join(dir, 'demo')]).status).toBe(0);
    const config = join(dir, 'demo', 'navette.yaml');
    const reconcile = (...args: string[]) =>
      navetteCli(['--config', config, 'reconcile', '--from', '2020-01-01', '--to', '2099-12-31', ...args]);

    const agreed = reconcile();
    expect(agreed.stderr).toBe('');
    expect(agreed.status).toBe(0);
    expect(agreed.stdout).toMatch(/^Rapprochement du 01\/01\/2020 au 31\/12\/2099 \(date de commande\)/);
    expect(agreed.stdout).toContain('Aucun écart : la boutique et la gestion commerciale concordent.');

    const database = new BetterSqlite3(join(dir, 'demo', 'gescom.db'));
    let number: string;
    try {
      ({ number } = database
        .prepare('SELECT number FROM documents WHERE transformed_into IS NULL ORDER BY id LIMIT 1')
        .get() as { number: string });
      database.prepare("UPDATE documents SET total_tax_incl = '1234.5' WHERE number = ?").run(number);
    } finally {
      database.close();
    }

    const text = reconcile();
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(
      new RegExp(`Totaux différents : commande \\d+ \\(boutique 1\\), [A-Z]+, \\d{2}/\\d{2}/\\d{4}`),
    );
    expect(text.stdout).toContain(`1234,50 TTC — navette documents ${number}`);
    expect(text.stdout).toContain('1 écart à traiter.');

    const json = reconcile('--json');
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as {
      differences: { kind: string; document: { number: string; totals: { taxIncl: string } } }[];
    };
    expect(report.differences.map((difference) => difference.kind)).toEqual(['totals-differ']);
    expect(report.differences[0]?.document).toMatchObject({ number, totals: { taxIncl: '1234.5' } });

    const csv = reconcile('--csv');
    expect(csv.status).toBe(1);
    const [header, row] = csv.stdout.split('\r\n');
    expect(header?.startsWith('\uFEFFBoutique;Commande;')).toBe(true);
    expect(row?.split(';')).toContain('1234,50');
    expect(row?.split(';')).toContain('totals-differ');

    expect(reconcile('--json', '--csv').status).toBe(2);
    const half = navetteCli(['--config', config, 'reconcile', '--from', '2026-01-01']);
    expect(half.status).toBe(2);
    expect(half.stderr).toBe('navette : --from et --to vont ensemble.\n');
  }, 240_000);
});
