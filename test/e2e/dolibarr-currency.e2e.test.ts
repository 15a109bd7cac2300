import { afterEach, describe, expect, it } from 'vitest';
import { format } from '../../src/domain/money.js';
import { openDemoIntoDolibarr, outcomesOf } from '../support/demo-into-dolibarr.js';

/**
 * The demo shop's shipped orders as validated invoices with their payments into a simulated Dolibarr,
 * its Multi-devise module on or off: among them the order in US dollars (rate 1.085).
 */
function openShippedIntoDolibarr(options: {
  multicurrency: boolean;
  foreignCurrencyWithoutModule?: 'refuse' | 'convert';
}) {
  return openDemoIntoDolibarr({
    setUp: (dolibarr) => dolibarr.setModule('multicurrency', options.multicurrency),
    dolibarr: options.foreignCurrencyWithoutModule && {
      foreignCurrencyWithoutModule: options.foreignCurrencyWithoutModule,
    },
    config: (starter) => ({
      states: starter.states.map((rule) => ({
        ...rule,
        selected: rule.id === 4,
        documentType: 'invoice',
        documentStatus: 'confirmed',
      })),
      // Dolibarr's own payment codes: PayPal (the order in dollars) is not in its dictionary.
      payments: {
        methods: starter.payments.methods.map((method) => ({
          ...method,
          mode: method.mode === 'PAYPAL' ? 'CB' : method.mode,
        })),
        defaultMode: 'CB',
      },
    }),
  });
}

async function importDollarOrder(opened: Awaited<ReturnType<typeof openShippedIntoDolibarr>>) {
  const run = await opened.navette.runImport({ trigger: 'cli', dryRun: false });
  expect(run.fatal).toBeUndefined();
  const outcomes = await outcomesOf(opened.navette, run.runId);
  const dollars = outcomes.filter((outcome) => outcome.currency === 'USD');
  expect(dollars).toHaveLength(1);
  const [outcome] = dollars;
  if (outcome === undefined) throw new Error('no order in USD');
  const invoice = [...opened.dolibarr.store.documents.facture.values()].find(
    (doc) => doc.row.ref_ext === `ps-1-${outcome.orderId}`,
  );
  return { outcome, invoice };
}

/** A second run writes nothing into Dolibarr. */
async function secondRunWritesNothing(opened: Awaited<ReturnType<typeof openShippedIntoDolibarr>>) {
  opened.dolibarr.calls.reset();
  const again = await opened.navette.runImport({ trigger: 'cli', dryRun: false });
  expect(again.fatal).toBeUndefined();
  const writes = Object.entries(opened.dolibarr.calls.byResourceAndMethod()).filter(([, methods]) =>
    Object.keys(methods).some((method) => method !== 'GET'),
  );
  expect(writes).toEqual([]);
}

describe('an order in US dollars imported into Dolibarr (simulator)', () => {
  let opened: Awaited<ReturnType<typeof openShippedIntoDolibarr>> | undefined;
  afterEach(async () => opened?.navette.close());

  it('with Multi-devise: an invoice in USD at the order’s rate, its totals the shop’s in USD to the cent, paid in full', async () => {
    opened = await openShippedIntoDolibarr({ multicurrency: true });
    const { outcome, invoice } = await importDollarOrder(opened);
    expect(`${outcome.status} ${outcome.reason ?? ''}`).toBe('imported ');
    expect(invoice?.row).toMatchObject({
      multicurrency_code: 'USD',
      multicurrency_tx: '1.08500000',
      status: '2',
      paye: '1',
    });
    expect(Number(invoice?.row.multicurrency_total_ttc).toFixed(2)).toBe(outcome.totalTaxIncl);
    const document = await opened.navette.target.getDocument(outcome.document?.number ?? '');
    expect(document?.currency).toBe('USD');
    expect(document && format(document.totals.taxIncl)).toBe(outcome.totalTaxIncl);
    await secondRunWritesNothing(opened);
  });

  it('without it and set to convert: an invoice in euros at the order’s rate, the dollars kept in its remark, paid in full', async () => {
    opened = await openShippedIntoDolibarr({ multicurrency: false, foreignCurrencyWithoutModule: 'convert' });
    const { outcome, invoice } = await importDollarOrder(opened);
    expect(`${outcome.status} ${outcome.reason ?? ''}`).toBe('imported ');
    expect(invoice?.row).toMatchObject({ multicurrency_code: 'EUR', paye: '1' });
    const euros = Number(outcome.totalTaxIncl) / 1.085;
    expect(Math.abs(Number(invoice?.row.total_ttc) - euros)).toBeLessThan(0.006);
    expect(String(invoice?.row.note_private)).toContain(
      `Commande en USD au taux 1,085 : total TTC ${outcome.totalTaxIncl.replace('.', ',')} USD`,
    );
    await secondRunWritesNothing(opened);
  });

  it('without it and set to refuse: failed, naming both ways out, nothing written for it', async () => {
    opened = await openShippedIntoDolibarr({ multicurrency: false });
    const { outcome, invoice } = await importDollarOrder(opened);
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toContain('Multi-devise');
    expect(outcome.reason).toContain('foreignCurrencyWithoutModule: convert');
    expect(invoice).toBeUndefined();
  });
});
