import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATE_TABLE } from '../../src/config/defaults.js';
import type { OrderOutcome, RunSummary } from '../../src/domain/import-report.js';
import { amount, format } from '../../src/domain/money.js';
import type { Navette } from '../../src/app/navette.js';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

interface WireOrder {
  id: number;
  id_shop: number | string;
  current_state: number | string;
  reference: string;
  total_paid_tax_incl: string;
  total_paid_tax_excl: string;
}

/** Reads the demo shop through its own webservice, as any PrestaShop client would. */
async function shopOrders(demo: DemoNavette): Promise<WireOrder[]> {
  const url = `${demo.shop.url}/api/orders?display=[id,id_shop,current_state,reference,total_paid_tax_incl,total_paid_tax_excl]&id_shop=all&output_format=JSON&limit=0,10000`;
  const response = await demo.shop.fetch(url, {
    headers: { authorization: `Basic ${btoa(`${demo.shop.key}:`)}` },
  });
  const body = (await response.json()) as { orders?: WireOrder[] } | [];
  return Array.isArray(body) ? [] : (body.orders ?? []);
}

async function setShopState(demo: DemoNavette, orderId: number, stateId: number): Promise<void> {
  const response = await demo.shop.fetch(`${demo.shop.url}/api/order_histories?sendemail=0`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${demo.shop.key}:`)}`, 'content-type': 'application/xml' },
    body: `<prestashop><order_history><id_order>${orderId}</id_order><id_order_state>${stateId}</id_order_state></order_history></prestashop>`,
  });
  expect(response.status).toBe(201);
}

async function historyStates(demo: DemoNavette, orderId: number): Promise<number[]> {
  const url = `${demo.shop.url}/api/order_histories?display=full&filter[id_order]=[${orderId}]&sort=[id_ASC]&output_format=JSON`;
  const response = await demo.shop.fetch(url, {
    headers: { authorization: `Basic ${btoa(`${demo.shop.key}:`)}` },
  });
  const body = (await response.json()) as { order_histories?: { id_order_state: number | string }[] } | [];
  return (Array.isArray(body) ? [] : (body.order_histories ?? [])).map((row) => Number(row.id_order_state));
}

async function outcomesOf(navette: Navette, runId: string): Promise<OrderOutcome[]> {
  const outcomes: OrderOutcome[] = [];
  for await (const outcome of navette.runOutcomes(runId)) outcomes.push(outcome);
  return outcomes;
}

const selectedRules = new Map(
  DEFAULT_STATE_TABLE.filter((rule) => rule.selected).map((rule) => [rule.id, rule]),
);

describe('an import of the demo shop into the embedded GesCom', () => {
  let demo: DemoNavette;
  afterEach(async () => demo?.close());

  it('imports exactly the orders the SPEC §2 table selects, as the right documents, and nothing the second time', async () => {
    demo = await openDemoNavette();
    const orders = await shopOrders(demo);
    const expected = orders.filter((order) => selectedRules.has(Number(order.current_state)));
    expect(expected.length).toBeGreaterThan(10);

    const first = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(first.fatal).toBeUndefined();
    const outcomes = await outcomesOf(demo.navette, first.runId);
    const imported = outcomes.filter((outcome) => outcome.status === 'imported');
    expect(imported.map((outcome) => `${outcome.shopId}-${outcome.orderId}`).sort()).toEqual(
      expected.map((order) => `${Number(order.id_shop)}-${order.id}`).sort(),
    );
    for (const outcome of imported) {
      const rule = selectedRules.get(outcome.stateId)!;
      expect(outcome.document).toMatchObject({ type: rule.documentType, status: rule.documentStatus });
    }
    expect(first.counts.failed).toBe(0);

    const { total: documentsAfterFirst } = await demo.navette.target.listDocuments({ limit: 1 });
    const second = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(second.counts.imported).toBe(0);
    expect(second.counts.upgraded).toBe(0);
    expect((await demo.navette.target.listDocuments({ limit: 1 })).total).toBe(documentsAfterFirst);
  });

  it('gives every imported document the totals of its shop order, to the cent', async () => {
    demo = await openDemoNavette();
    const orders = new Map(
      (await shopOrders(demo)).map((order) => [`ps-${Number(order.id_shop)}-${order.id}`, order]),
    );
    await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    const { items } = await demo.navette.target.listDocuments({ limit: 1000 });
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      const order = orders.get(item.externalKey)!;
      expect({
        key: item.externalKey,
        ttc: format(item.totals.taxIncl),
        ht: format(item.totals.taxExcl),
      }).toEqual({
        key: item.externalKey,
        ttc: format(amount(order.total_paid_tax_incl)),
        ht: format(amount(order.total_paid_tax_excl)),
      });
      expect(format(item.totals.taxExcl.plus(item.totals.tax))).toBe(format(item.totals.taxIncl));
    }
  });

  it('turns an imported devis into a bon de commande when its order reaches "Paiement accepté"', async () => {
    demo = await openDemoNavette();
    const first = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    const quote = (await outcomesOf(demo.navette, first.runId)).find(
      (outcome) => outcome.status === 'imported' && outcome.document?.type === 'quote',
    )!;
    expect(quote).toBeDefined();
    await setShopState(demo, quote.orderId, 2);

    const next = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    const upgraded = (await outcomesOf(demo.navette, next.runId)).find(
      (outcome) => outcome.orderId === quote.orderId,
    )!;
    expect(upgraded.status).toBe('upgraded');
    expect(upgraded.document).toMatchObject({ type: 'order', status: 'confirmed' });
    const source = await demo.navette.target.getDocument(quote.document!.number!);
    expect(source?.transformedInto).toBe(upgraded.document!.number);
    const head = await demo.navette.target.findByExternalKey(`ps-${quote.shopId}-${quote.orderId}`);
    expect(head?.number).toBe(upgraded.document!.number);
  });

  it('moves the shop order once when its rule says "Changer le statut en", even after a crash before the write-back', async () => {
    // State 12 "En attente de réapprovisionnement (non payé)" → "En attente du paiement par chèque" (SPEC §2's table).
    const states = DEFAULT_STATE_TABLE.map((rule) => (rule.id === 12 ? { ...rule, selected: true } : rule));
    demo = await openDemoNavette({ config: { states } });
    const waiting = (await shopOrders(demo)).filter((order) => Number(order.current_state) === 12);
    expect(waiting.length).toBeGreaterThan(0);
    const before = new Map(
      await Promise.all(
        waiting.map(async (order) => [order.id, await historyStates(demo, order.id)] as const),
      ),
    );

    // The run "crashes" once every waiting order has its document, before anything is sent to the shop.
    const crash = new AbortController();
    const pending = new Set(waiting.map((order) => order.id));
    const crashed = await demo.navette.runImport({
      trigger: 'cli',
      dryRun: false,
      signal: crash.signal,
      onEvent: (event) => {
        if (event.type !== 'outcome' || event.outcome.status !== 'imported') return;
        pending.delete(event.outcome.orderId);
        if (pending.size === 0) crash.abort();
      },
    });
    expect(crashed.stateChanges.sent).toBe(0);
    expect(await demo.navette.store.countPendingStateChanges()).toBeGreaterThan(0);

    // `navette status-updates` after the restart: one read of the orders' states, then one POST each.
    const restarted = await demo.reopen({ states });
    demo.shop.calls.reset();
    const recovered = await restarted.sendStateChanges();
    expect(recovered).toMatchObject({ sent: waiting.length, skipped: 0, failed: 0 });
    expect(demo.shop.calls.byResourceAndMethod()).toEqual({
      orders: { GET: 1 },
      order_histories: { POST: waiting.length },
    });
    const again = await restarted.runImport({ trigger: 'cli', dryRun: false });
    expect(again.stateChanges.sent).toBe(0);
    for (const order of waiting) {
      const after = await historyStates(demo, order.id);
      const added = after.slice(before.get(order.id)!.length);
      expect({ order: order.id, added }).toEqual({ order: order.id, added: [1] });
    }
  });

  it('imports a reset order again, as a new document, and only that one', async () => {
    demo = await openDemoNavette();
    const first = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    const chosen = (await outcomesOf(demo.navette, first.runId)).find(
      (outcome) => outcome.status === 'imported',
    )!;
    const key = { shopId: chosen.shopId, orderId: chosen.orderId };
    expect(await demo.navette.resetOrders({ keys: [key] }, 'document supprimé par erreur')).toBe(1);

    const again = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(again.counts.imported).toBe(1);
    const reimported = (await outcomesOf(demo.navette, again.runId)).find(
      (outcome) => outcome.status === 'imported',
    )!;
    expect(reimported.orderId).toBe(chosen.orderId);
    expect(reimported.document!.number).not.toBe(chosen.document!.number);
    const old = await demo.navette.target.getDocument(chosen.document!.number!);
    expect(old?.externalKey).toMatch(/^ps-\d+-\d+#reset-/);
    expect((await demo.navette.target.findByExternalKey(`ps-${key.shopId}-${key.orderId}`))?.number).toBe(
      reimported.document!.number,
    );
    expect((await demo.navette.runImport({ trigger: 'cli', dryRun: false })).counts.imported).toBe(0);
  });

  it('"Depuis le dernier import" catches an order that arrived late, and stops before an order that failed', async () => {
    const sinceLast = { kind: 'since-last-import' as const, dateField: 'order' as const, overlapMinutes: 60 };
    demo = await openDemoNavette({ config: { period: sinceLast } });
    const first = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(first.counts.imported).toBeGreaterThan(0);
    const mark = await demo.navette.store.getHighWaterMark(1);
    expect(mark).toBe('2026-11-27 11:00:00');

    // Written in the shop just before the run started, visible only after it (a slow checkout).
    const model = [...demo.shop.data.orders()].find((order) => order.shopId === 1)!;
    const late = demo.shop.data.addOrder({
      shopId: 1,
      customerId: model.customerId,
      addressDeliveryId: model.addressDeliveryId,
      addressInvoiceId: model.addressInvoiceId,
      carrierId: model.carrierId,
      lines: [{ productId: model.lines[0]!.productId, quantity: 1 }],
      payment: 'card',
      path: [2],
      placedAt: '2026-11-27 10:58:00',
    });
    const broken = demo.shop.data.addOrder({
      shopId: 1,
      customerId: model.customerId,
      addressDeliveryId: model.addressDeliveryId,
      addressInvoiceId: model.addressInvoiceId,
      carrierId: model.carrierId,
      lines: [{ productId: model.lines[0]!.productId, quantity: 2 }],
      payment: 'card',
      path: [2],
      placedAt: '2026-11-27 10:30:00',
    });
    demo.shop.data.corruptOrder(broken.id, 'id_currency', '99');

    const second = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    const outcomes = await outcomesOf(demo.navette, second.runId);
    expect(outcomes.find((outcome) => outcome.orderId === late.id)?.status).toBe('imported');
    expect(outcomes.find((outcome) => outcome.orderId === broken.id)?.status).toBe('failed');
    expect(second.counts.imported).toBe(1);
    // The failed order is read again next time, and again, until it is fixed: never lost.
    const third = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(
      (await outcomesOf(demo.navette, third.runId)).find((outcome) => outcome.orderId === broken.id)?.status,
    ).toBe('failed');
    demo.shop.data.corruptOrder(broken.id, 'id_currency', '1');
    const fixed = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(
      (await outcomesOf(demo.navette, fixed.runId)).find((outcome) => outcome.orderId === broken.id)?.status,
    ).toBe('imported');
  });

  it('lists every order in an aperçu and writes nothing', async () => {
    demo = await openDemoNavette();
    const preview = await demo.navette.runImport({ trigger: 'cli', dryRun: true });
    expect(preview.counts.planned).toBeGreaterThan(10);
    expect(preview.counts.imported).toBe(0);
    expect((await demo.navette.target.listDocuments({ limit: 1 })).total).toBe(0);
    const outcomes = await outcomesOf(demo.navette, preview.runId);
    expect(
      outcomes.every((outcome) => outcome.status === 'would-import' || outcome.reason !== undefined),
    ).toBe(true);
  });

  it('never lets two runs overlap on one shop', async () => {
    demo = await openDemoNavette();
    demo.shop.faults.set({ latencyMs: 20 });
    const other = await demo.reopen();
    let second: Promise<RunSummary> | undefined;
    const first = await demo.navette.runImport({
      trigger: 'cli',
      dryRun: false,
      onEvent: (event) => {
        // A run started from the web page while the CLI's run is writing documents.
        if (event.type === 'outcome' && second === undefined)
          second = other.runImport({ trigger: 'web', dryRun: false });
      },
    });
    const refused = await second!;
    expect(first.fatal).toBeUndefined();
    expect(refused.fatal?.code).toBe('run-in-progress');
    expect(refused.fatal?.message).toMatch(/déjà en cours/);
    const after = await other.runImport({ trigger: 'web', dryRun: false });
    expect(after.fatal).toBeUndefined();
    expect(after.counts.imported).toBe(0);
  });
});
