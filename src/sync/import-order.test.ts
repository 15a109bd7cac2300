import { describe, expect, it } from 'vitest';
import { configSchema, type NavetteConfigInput } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import type { ImportRules, StateRule } from '../domain/rules.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { importOrder, type OrderContext } from './import-order.js';

/**
 * One order decided and done on its own, over the in-memory GesCom and store. In the starter table
 * « Paiement accepté » (2) makes a confirmed bon de commande, « En attente de virement » (10) a devis
 * Saisi; 3 (préparation) is not selected; 6 (annulé) is a cancellation.
 */

const SHOP_URL = 'https://shop.example';
const BASE = expectedShopOrder(7);
const REFERENCES = BASE.lines.map((line) => line.reference);
const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;
const KEY = { shopId: 1, orderId: 42 };
const order = (stateId: number): ShopOrder => ({ ...BASE, key: KEY, state: stateOf(stateId) });

function rulesWith(overrides: Partial<NavetteConfigInput> = {}): ImportRules {
  return configSchema.parse({ ...starterConfig(SHOP_URL), ...overrides });
}

/** The state table with one rule changed. */
const withRule = (stateId: number, change: Partial<StateRule>) =>
  starterConfig(SHOP_URL).states.map((rule) => (rule.id === stateId ? { ...rule, ...change } : rule));

function setup(config: ImportRules = rulesWith()) {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const { target, store } = openMemoryGescom(clock);
  target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
  const context = (change: Partial<OrderContext> = {}): OrderContext => ({
    source: new MemoryOrderSource({ states: ORDER_STATES_8_1_2 }),
    withMessages: false,
    target,
    store,
    config,
    rules: new Map(config.states.map((rule) => [rule.id, rule])),
    statesById: new Map(ORDER_STATES_8_1_2.map((state) => [state.id, state])),
    excluded: new Set(),
    dryRun: false,
    runId: 'run-1',
    today: '2026-11-27',
    knownArticles: new Set(REFERENCES.map((reference) => reference.toUpperCase())),
    knownEan13: new Map(),
    ...change,
  });
  /** The order's ledger entry and document as the next run finds them. */
  const existing = async () => {
    const ledger = (await store.findImports([KEY])).get('ps-1-42');
    const head = await target.findByExternalKey('ps-1-42');
    return [ledger, head] as const;
  };
  const run = async (stateId: number, change: Partial<OrderContext> = {}) => {
    const [ledger, head] = await existing();
    return importOrder(order(stateId), ledger, head, context(change));
  };
  const pending = async () =>
    (await store.claimStateChanges(100, 1_000)).map(
      (change) => `${change.expectedStateId}→${change.newStateId}`,
    );
  return { target, store, context, existing, run, pending };
}

describe('importOrder', () => {
  it('imports an order of a selected state, or in an aperçu says what it would create', async () => {
    const { run, target, existing } = setup();
    expect(await run(2, { dryRun: true })).toMatchObject({
      status: 'would-import',
      document: { number: undefined, type: 'order', status: 'confirmed' },
      notes: [],
    });
    expect(target.writes.importDocument).toBe(0);
    expect(await run(2)).toMatchObject({
      status: 'imported',
      document: { number: 'BC00001', type: 'order', status: 'confirmed' },
    });
    const [ledger] = await existing();
    expect(ledger).toMatchObject({
      runId: 'run-1',
      orderReference: BASE.reference,
      documentNumber: 'BC00001',
    });
  });

  it('fails an order its document cannot be made of, with the mapping’s reason', async () => {
    const { run, target } = setup(rulesWith({ articles: { ...rulesWith().articles, unknown: 'refuse' } }));
    const outcome = await run(2, { knownArticles: new Set() });
    expect(outcome).toMatchObject({ status: 'failed', code: 'article-unknown' });
    expect(outcome?.reason).toMatch(/^Le produit .* n'est pas un article de la gestion commerciale\. /);
    expect(target.writes.importDocument).toBe(0);
  });

  describe('an order of a cancellation state', () => {
    it('concerns nothing when never imported and its state is not selected', async () => {
      const { run } = setup();
      expect(await run(6)).toBeUndefined();
      // Nor when the state table does not know the state at all.
      expect(await run(6, { rules: new Map() })).toBeUndefined();
    });

    it('is imported when its state is selected', async () => {
      const { run } = setup(rulesWith({ states: withRule(6, { selected: true }) }));
      expect(await run(6)).toMatchObject({ status: 'imported' });
    });

    it('cancels the devis Saisi made of it, after an aperçu that cancels nothing', async () => {
      const { run, target } = setup(
        rulesWith({ document: { ...rulesWith().document, cancelDraftWhenOrderCancelled: true } }),
      );
      await run(10);
      const preview = await run(6, { dryRun: true });
      expect(preview).toMatchObject({
        status: 'skipped',
        code: 'cancelled-in-shop',
        document: { number: 'DE00001', type: 'quote', status: 'draft' },
      });
      expect(preview?.reason).toMatch(/^Commande « Annulé » \(6\) dans la boutique : /);
      expect(target.writes.cancelDocument).toBe(0);
      expect(await run(6)).toMatchObject({ status: 'skipped', code: 'cancelled-in-shop' });
      expect(target.writes.cancelDocument).toBe(1);
      expect((await target.findByExternalKey('ps-1-42'))?.cancelled).toBe(true);
    });

    it('is reported when its document is known only to the import ledger', async () => {
      const { run, target, context, existing } = setup(
        rulesWith({ document: { ...rulesWith().document, cancelDraftWhenOrderCancelled: true } }),
      );
      await run(10);
      const [ledger] = await existing();
      const outcome = await importOrder(order(6), ledger, undefined, context());
      expect(outcome).toMatchObject({ status: 'skipped', code: 'cancelled-in-shop', document: undefined });
      expect(outcome?.reason).toContain("il n'a pas été retrouvé dans la gestion commerciale");
      expect(target.writes.cancelDocument).toBe(0);
    });
    it('is reported when its document is known only to the GesCom (the ledger lost it)', async () => {
      const { run, context, existing } = setup();
      await run(2);
      const [, head] = await existing();
      expect(await importOrder(order(6), undefined, head, context())).toMatchObject({
        status: 'skipped',
        code: 'cancelled-in-shop',
        document: { number: 'BC00001', type: 'order', status: 'confirmed' },
      });
    });
  });

  it('skips an order of a state not selected, naming its document when it has one', async () => {
    const { run } = setup();
    expect(await run(3)).toMatchObject({
      status: 'skipped',
      code: 'state-not-selected',
      document: undefined,
    });
    await run(2);
    expect(await run(3)).toMatchObject({
      status: 'skipped',
      code: 'state-not-selected',
      document: { number: 'BC00001', type: 'order', status: 'confirmed' },
    });
  });

  describe('an upgrade', () => {
    it('turns the devis into a bon de commande, after an aperçu that writes nothing', async () => {
      const { run, target } = setup();
      await run(10);
      const preview = await run(2, { dryRun: true });
      expect(preview).toMatchObject({
        status: 'would-upgrade',
        document: { number: undefined, type: 'order', status: 'confirmed' },
      });
      expect(preview?.reason).toBe(
        'Statut « Paiement accepté » (2) : le devis DE00001 devient un bon de commande (Confirmé).',
      );
      expect(target.writes.transformDocument).toBe(0);
      expect(await run(2)).toMatchObject({
        status: 'upgraded',
        document: { number: 'BC00001', type: 'order', status: 'confirmed' },
        reason: preview?.reason,
      });
    });

    it('queues the rule’s "Changer le statut en", then §6’s state, each once', async () => {
      const twice = setup(
        rulesWith({
          states: withRule(2, { changeStateTo: 3 }),
          statusUpdates: { onOrder: 3 },
        }),
      );
      await twice.run(10);
      await twice.run(2);
      expect(await twice.pending()).toEqual(['2→3']);

      const both = setup(
        rulesWith({
          states: withRule(2, { changeStateTo: 3 }),
          statusUpdates: { onOrder: 4 },
        }),
      );
      await both.run(10);
      await both.run(2);
      expect(await both.pending()).toEqual(['2→3', '2→4']);
    });
  });
});
