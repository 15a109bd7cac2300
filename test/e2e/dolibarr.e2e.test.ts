import { afterEach, describe, expect, it } from 'vitest';
import { format } from '../../src/domain/money.js';
import { openDemoIntoDolibarr, outcomesOf } from '../support/demo-into-dolibarr.js';

describe('an import of the demo shop into Dolibarr (simulator)', () => {
  let opened: Awaited<ReturnType<typeof openDemoIntoDolibarr>> | undefined;
  afterEach(async () => opened?.navette.close());

  it('writes every selected order once, with Dolibarr’s totals equal to the shop’s, and nothing the second time', async () => {
    opened = await openDemoIntoDolibarr({
      // Dolibarr's own payment codes; a module navette does not know is paid by card.
      config: (starter) => ({ payments: { ...starter.payments, defaultMode: 'CB' } }),
    });
    const { navette, dolibarr } = opened;
    const first = await navette.runImport({ trigger: 'cli', dryRun: false });
    expect(first.fatal).toBeUndefined();
    const outcomes = await outcomesOf(navette, first.runId);
    const imported = outcomes.filter((outcome) => outcome.status === 'imported');
    expect(imported.length).toBeGreaterThan(10);
    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    expect(failed.map((outcome) => `${outcome.orderId} ${outcome.code} ${outcome.reason}`)).toEqual(
      failed
        .map((outcome) => `${outcome.orderId} ${outcome.code} ${outcome.reason}`)
        .filter((text) => !/gescom-refused|internal-error|totals-mismatch/.test(text)),
    );
    for (const outcome of imported) {
      const document = await navette.target.getDocument(outcome.document?.number ?? '');
      expect(document && format(document.totals.taxIncl), `order ${outcome.orderId}`).toBe(
        outcome.totalTaxIncl,
      );
    }

    // Never twice: one document per order and Dolibarr resource.
    const { documents } = dolibarr.store;
    for (const kind of ['propal', 'commande', 'facture'] as const) {
      const keys = [...documents[kind].values()]
        .map((doc) => doc.row.ref_ext)
        .filter((key) => typeof key === 'string' && key.startsWith('ps-'));
      expect(new Set(keys).size, kind).toBe(keys.length);
    }

    // Customers through their account link, one per shop customer; the orders delivered elsewhere than
    // billed have the delivery address as their document's shipping contact, the others none.
    const { accounts, contacts, contactLinks } = dolibarr.store;
    expect(new Set(accounts.map((a) => `${a.site}/${a.key}`)).size).toBe(accounts.length);
    expect(accounts.every((a) => /^prestashop-\d+$/.test(a.site))).toBe(true);
    const orderOf = (kind: 'propal' | 'commande' | 'facture', id: number) =>
      Number(/^ps-\d+-(\d+)$/.exec(String(documents[kind].get(id)?.row.ref_ext))?.[1]);
    const withContact = contactLinks.map((link) => orderOf(link.kind, link.documentId));
    const shopOrders = new Map([...opened.shop.data.orders()].map((order) => [order.id, order]));
    const deliveredElsewhere = imported
      .map((outcome) => shopOrders.get(outcome.orderId))
      .filter((order) => order !== undefined && order.addressDeliveryId !== order.addressInvoiceId)
      .map((order) => order?.id);
    expect(deliveredElsewhere.length).toBeGreaterThan(0);
    expect(withContact.sort()).toEqual(deliveredElsewhere.sort());
    expect(contactLinks.every((link) => link.type === 'SHIPPING')).toBe(true);
    expect(new Set([...contacts.values()].map((c) => `${String(c.socid)} ${String(c.ref_ext)}`)).size).toBe(
      contacts.size,
    );

    dolibarr.calls.reset();
    const second = await navette.runImport({ trigger: 'cli', dryRun: false });
    expect(second.counts.imported).toBe(0);
    const writes = Object.entries(dolibarr.calls.byResourceAndMethod()).filter(([, methods]) =>
      Object.keys(methods).some((method) => method !== 'GET'),
    );
    expect(writes).toEqual([]);

    // The report counts the calls to Dolibarr, resource by resource, as Dolibarr received them.
    const received: Record<string, number> = {};
    for (const [endpoint, count] of Object.entries(dolibarr.calls.byResource())) {
      const resource = endpoint.split('/')[0] ?? '';
      received[resource] = (received[resource] ?? 0) + count;
    }
    const counted = { target: 'dolibarr', total: dolibarr.calls.total(), byResource: received };
    expect(second.gescomCalls).toEqual(counted);
    expect((await navette.run(second.runId))?.gescomCalls).toEqual(counted);
    expect(first.gescomCalls?.byResource['thirdparties']).toBeGreaterThan(0);
  });
});
