import { afterEach, describe, expect, it } from 'vitest';
import { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';
import { openNavetteWithAdapters } from '../../src/app/compose.js';
import { configSchema } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { createDemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createDemoShop } from '../../src/demo-shop/index.js';
import { isExpectedFailure } from '../../src/domain/failure.js';
import type { DocumentSummary } from '../../src/domain/sales-document.js';
import { systemClock } from '../../src/ports/clock.js';
import { ManualClock } from '../contract/manual-clock.js';
import { DEMO_NOW, fixedClock } from '../support/demo-navette.js';
import { DolibarrScreens, dolibarrId } from '../support/dolibarr-screens.js';

/** SPEC §6 as the tests set it: Commande → En cours de préparation, Livraison → Expédié, Facture → Livré. */
const STATUS_UPDATES = {
  onOrder: 3,
  onDelivery: 4,
  onInvoice: 5,
  sendEmail: false,
  tracking: { enabled: true, sendEmail: false, setStateTo: null },
};

/** The demo shop, a simulated Dolibarr (shipments on, its own clock) and navette between them. */
async function openDemoWithDolibarr() {
  const shop = createDemoShop({ now: DEMO_NOW });
  const dolibarrClock = new ManualClock(DEMO_NOW.toISOString());
  const dolibarr = createDemoDolibarr({ now: () => dolibarrClock.now() });
  dolibarr.setModule('expedition', true);
  const client = new DolibarrClient({
    url: dolibarr.url,
    key: dolibarr.key,
    fetch: dolibarr.fetch,
    clock: systemClock,
  });
  const bankAccountId = await client.createBankAccount();
  const starter = starterConfig(shop.url);
  const config = configSchema.parse({
    ...starter,
    gescom: { target: 'dolibarr', database: ':memory:', dolibarr: { url: dolibarr.url, bankAccountId } },
    period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
    payments: { ...starter.payments, defaultMode: 'CB' },
    statusUpdates: STATUS_UPDATES,
  });
  const navette = await openNavetteWithAdapters(config, {
    fetch: shop.fetch,
    shopKey: shop.key,
    clock: fixedClock(),
    dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
  });
  return { shop, dolibarr, dolibarrClock, navette, screens: new DolibarrScreens(client) };
}

describe('the status sweep on the demo shop, with Dolibarr (simulator) as the GesCom', () => {
  let opened: Awaited<ReturnType<typeof openDemoWithDolibarr>> | undefined;
  afterEach(async () => opened?.navette.close());

  it('moves each order Dolibarr shipped, invoiced or closed once, forward only, never to a state it had, tracking numbers only where empty', async () => {
    opened = await openDemoWithDolibarr();
    const { navette, shop, dolibarr, dolibarrClock, screens } = opened;
    const later = (seconds: number) => dolibarrClock.advance(seconds * 1000);
    const summary = await navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.fatal).toBeUndefined();
    const { items } = await navette.listDocuments({ limit: 10_000 });
    const orderIdOf = (item: DocumentSummary) => Number(item.externalKey.split('-')[2]);
    const stateOf = (item: DocumentSummary) => shop.data.order(orderIdOf(item))?.currentState;
    const trackingOf = (item: DocumentSummary) =>
      shop.data.orderCarrier(orderIdOf(item))?.trackingNumber ?? '';
    const paidOrders = items.filter(
      (item) =>
        item.type === 'order' &&
        !item.cancelled &&
        stateOf(item) === 2 &&
        shop.data.orderCarrier(orderIdOf(item)) !== undefined,
    );
    expect(paidOrders.length).toBeGreaterThanOrEqual(6);
    const [shipped, invoiced, closed, otherTracking, hadIt, untouched] = paidOrders as [
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
    ];
    for (const item of [shipped, invoiced, closed, hadIt, untouched])
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

    // Nothing transformed yet: no call to the shop; once the cursor exists, one Dolibarr call per kind.
    later(60);
    shop.calls.reset();
    expect(await navette.sweepStatuses()).toMatchObject({ transformations: 0, queued: 0, sent: 0 });
    expect(shop.calls.total()).toBe(0);
    later(600);
    dolibarr.calls.reset();
    expect(await navette.sweepStatuses()).toMatchObject({ transformations: 0, queued: 0, sent: 0 });
    expect(shop.calls.total()).toBe(0);
    expect(dolibarr.calls.byResourceAndMethod()).toEqual({
      shipments: { GET: 1 },
      invoices: { GET: 1 },
      orders: { GET: 1 },
    });

    // By hand, navette sends the user to Dolibarr's own screens.
    const refusal: unknown = await navette
      .transformDocument(untouched.number, { to: 'delivery' })
      .catch((error: unknown) => error);
    expect(isExpectedFailure(refusal) && refusal.message).toContain('dans Dolibarr');

    later(60);
    await screens.ship(dolibarrId(shipped.id), '6A-SHIP-1');
    await screens.invoice(dolibarrId(invoiced.id));
    await screens.closeOrder(dolibarrId(closed.id));
    await screens.ship(dolibarrId(otherTracking.id), 'NEW-0002');
    await screens.ship(dolibarrId(hadIt.id));
    const historyBefore = (item: DocumentSummary) => shop.data.histories(orderIdOf(item)).length;
    const before = new Map(paidOrders.map((item) => [item.number, historyBefore(item)]));

    later(60);
    const first = await navette.sweepStatuses();
    expect(first.busy).toBeUndefined();
    expect(first.transformations).toBe(5);
    expect(first.failed).toBe(0);

    expect(stateOf(shipped)).toBe(4);
    expect(trackingOf(shipped)).toBe('6A-SHIP-1');
    expect(stateOf(invoiced)).toBe(5);
    expect(stateOf(closed)).toBe(4);
    expect(stateOf(otherTracking)).toBe(4);
    expect(trackingOf(otherTracking)).toBe('OLD-0001');
    expect(stateOf(hadIt)).toBe(2);
    expect(stateOf(untouched)).toBe(2);
    const added = (item: DocumentSummary) => historyBefore(item) - (before.get(item.number) ?? 0);
    expect([shipped, invoiced, closed, otherTracking].map(added)).toEqual([1, 1, 1, 1]);
    expect([hadIt, untouched].map(added)).toEqual([0, 0]);

    const journal = await navette.statusJournal(200);
    const about = (item: DocumentSummary) =>
      journal.filter((entry) => entry.orderId === orderIdOf(item)).map((entry) => entry.message);
    expect(about(otherTracking).join('\n')).toContain('autre numéro de suivi (OLD-0001)');
    expect(about(hadIt).join('\n')).toContain("a déjà eu l'état");

    // A second sweep, even in the same second and after the orders were edited again in Dolibarr
    // (classified billed): nothing new, nothing sent, no call to the shop.
    await screens.setBilled(dolibarrId(closed.id));
    shop.calls.reset();
    expect(await navette.sweepStatuses()).toMatchObject({
      transformations: 0,
      queued: 0,
      sent: 0,
      skipped: 0,
    });
    later(3600);
    expect(await navette.sweepStatuses()).toMatchObject({ transformations: 0, queued: 0, sent: 0 });
    expect(shop.calls.total()).toBe(0);
    expect(await navette.store.countPendingStateChanges()).toBe(0);

    // Then the invoice of an order already shipped: "Livré" follows, once.
    later(60);
    await screens.invoice(dolibarrId(shipped.id));
    later(60);
    expect(await navette.sweepStatuses()).toMatchObject({ transformations: 1, sent: 1 });
    expect(stateOf(shipped)).toBe(5);
    later(60);
    expect(await navette.sweepStatuses()).toMatchObject({ transformations: 0, sent: 0 });
  });
});
