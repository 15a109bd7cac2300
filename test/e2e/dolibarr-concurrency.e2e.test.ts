import { afterEach, describe, expect, it } from 'vitest';
import { openNavetteWithAdapters } from '../../src/app/compose.js';
import { configSchema } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { createDemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createDemoShop } from '../../src/demo-shop/index.js';
import type { OrderOutcome } from '../../src/domain/import-report.js';
import { DEMO_NOW, fixedClock } from '../support/demo-navette.js';
import { demoBankAccount } from '../support/demo-bank-account.js';

type Opened = Awaited<ReturnType<typeof openNavetteWithAdapters>>;

/**
 * The same generated shop imported into two fresh simulated Dolibarrs, one order at a time and four at
 * once, Dolibarr answering in 2 to 10 ms so that the writes end out of order: the same outcomes in the
 * same order, the same document numbers (Dolibarr numbers them in the page's order either way), the
 * same third parties and products, and one document per order.
 */
async function importWith(concurrency: number) {
  const shop = createDemoShop({ now: DEMO_NOW, generated: { seed: 7, count: 80 } });
  const dolibarr = createDemoDolibarr({ now: () => DEMO_NOW });
  const bankAccountId = await demoBankAccount(dolibarr);
  dolibarr.faults.configure({ latencyMs: 2, jitterMs: 8, seed: 3 });
  const starter = starterConfig(shop.url);
  const config = configSchema.parse({
    ...starter,
    // Every state, "Livré" as validated invoices with their payments.
    states: starter.states.map((rule) =>
      rule.id === 5
        ? { ...rule, selected: true, documentType: 'invoice', documentStatus: 'confirmed' }
        : { ...rule, selected: true },
    ),
    gescom: {
      target: 'dolibarr',
      database: ':memory:',
      dolibarr: { url: dolibarr.url, bankAccountId, concurrency },
    },
    period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
    payments: { ...starter.payments, defaultMode: 'CB' },
  });
  opened = await openNavetteWithAdapters(config, {
    fetch: shop.fetch,
    shopKey: shop.key,
    clock: fixedClock(),
    dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
  });
  const run = await opened.runImport({ trigger: 'cli', dryRun: false });
  const outcomes: OrderOutcome[] = [];
  for await (const outcome of opened.runOutcomes(run.runId)) outcomes.push(outcome);
  const { store } = dolibarr;
  const refExts = [
    ...store.documents.propal.values(),
    ...store.documents.commande.values(),
    ...store.documents.facture.values(),
  ]
    .map((doc) => String(doc.row.ref_ext))
    .filter((key) => key.startsWith('ps-'));
  await opened.close();
  opened = undefined;
  return {
    run,
    outcomes,
    refExts,
    thirdParties: [...store.thirdparties.values()].map((row) => String(row['code_client'])).sort(),
    products: [...store.products.values()].map((row) => String(row['ref'])).sort(),
    payments: store.payments.length,
  };
}

let opened: Opened | undefined;

describe('an import into Dolibarr, four orders at once', () => {
  afterEach(async () => opened?.close());

  it('gives what one order at a time gives: outcomes, their order, document numbers, third parties', async () => {
    const oneByOne = await importWith(1);
    const fourAtOnce = await importWith(4);
    expect(oneByOne.run.counts.imported).toBeGreaterThan(40);
    expect(fourAtOnce.run.counts).toEqual(oneByOne.run.counts);
    // A draft's "(PROVn)" is its row id, given when it is created: orders written at once are created in
    // the order their customers and articles are ready, so only the validated numbers follow the page.
    const numbered = (outcomes: readonly OrderOutcome[]) =>
      outcomes.map((outcome) =>
        outcome.document === undefined
          ? outcome
          : {
              ...outcome,
              document: {
                ...outcome.document,
                number: outcome.document.number?.replace(/\(PROV\d+\)/, '(PROV)'),
              },
            },
      );
    expect(numbered(fourAtOnce.outcomes)).toEqual(numbered(oneByOne.outcomes));
    expect(fourAtOnce.thirdParties).toEqual(oneByOne.thirdParties);
    expect(new Set(fourAtOnce.thirdParties).size).toBe(fourAtOnce.thirdParties.length);
    expect(fourAtOnce.products).toEqual(oneByOne.products);
    expect(fourAtOnce.payments).toBe(oneByOne.payments);
    // Never twice: the same documents per order key as one at a time, and one per order.
    expect(fourAtOnce.refExts.sort()).toEqual(oneByOne.refExts.sort());
    expect(new Set(fourAtOnce.refExts).size).toBe(fourAtOnce.refExts.length);
  });
});
