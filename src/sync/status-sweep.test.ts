import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import type { StatusUpdateSettings } from '../domain/rules.js';
import type { ShopOrder } from '../domain/shop-order.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource, shopUnreachable } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { runImport } from './run-import.js';
import { sweepStatuses } from './status-sweep.js';

/**
 * "Mise à jour des Statuts des Commandes" (SPEC §6) over the in-memory shop, GesCom and store: orders in
 * « Paiement accepté » (2) are imported as bons de commande, then the GesCom transforms them by hand.
 */

const SHOP_URL = 'https://shop.example';
const BASE = expectedShopOrder(7);
const paid = ORDER_STATES_8_1_2.find((state) => state.id === 2)!;

/** Order 7 of the recorded shop under another id, its shipment without tracking number unless given one. */
const order = (orderId: number, trackingNumber = ''): ShopOrder => ({
  ...BASE,
  key: { shopId: 1, orderId },
  dateAdd: '2026-11-20 10:00:00',
  state: paid,
  shipment: { ...BASE.shipment!, trackingNumber },
});

const SETTINGS: StatusUpdateSettings = {
  onOrder: null,
  onDelivery: 4,
  onInvoice: 5,
  sendEmail: false,
  tracking: { enabled: true, sendEmail: false, setStateTo: null },
  firstSweepDays: 30,
};

async function setup(
  orderIds: readonly number[],
  options: { withTracking?: readonly number[]; inState?: Readonly<Record<number, number>> } = {},
) {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const { target, store } = openMemoryGescom(clock);
  target.addArticles(BASE.lines.map((line) => ({ reference: line.reference, ean13: '', label: line.name })));
  const source = new MemoryOrderSource({
    states: ORDER_STATES_8_1_2,
    orders: orderIds.map((id) => ({
      ...order(id, options.withTracking?.includes(id) ? 'OLD' : ''),
      state: ORDER_STATES_8_1_2.find((state) => state.id === (options.inState?.[id] ?? 2))!,
    })),
  });
  const rules = configSchema.parse({
    ...starterConfig(SHOP_URL),
    period: { kind: 'last-30-days', dateField: 'order', overlapMinutes: 60 },
  });
  await runImport({ source, target, store, clock, lockOwner: 'test', webserviceCalls: () => 0 }, rules, {
    trigger: 'cli',
    dryRun: false,
  });
  const sweep = (settings: Partial<StatusUpdateSettings> = {}) =>
    sweepStatuses({ source, target, store, clock }, { ...SETTINGS, ...settings });
  // The orders' entries (the first sweep's own line is checked apart).
  const journal = async () =>
    (await store.statusJournal(100))
      .filter((entry) => entry.note?.code !== 'first-sweep')
      .map((entry) => `${entry.orderId} ${entry.level} ${entry.message}`);
  const stateOf = async (orderId: number) =>
    (await source.currentStates([{ shopId: 1, orderId }])).get(orderId);
  return { clock, source, target, store, sweep, journal, stateOf };
}

/** The setup's clock (2026-11-27T10:00Z) less the 30 days of `firstSweepDays`. */
const FIRST = { firstSweepFrom: '2026-10-28T10:00:00.000Z' };

describe('sweepStatuses', () => {
  it('costs no call to the shop when nothing was transformed and nothing waits', async () => {
    const { source, sweep } = await setup([1]);
    const calls = source.calls;
    expect(await sweep()).toEqual({
      transformations: 0,
      queued: 0,
      sent: 0,
      skipped: 0,
      failed: 0,
      ...FIRST,
    });
    expect(await sweep()).toEqual({ transformations: 0, queued: 0, sent: 0, skipped: 0, failed: 0 });
    expect(source.calls).toBe(calls);
  });

  it('sends the state of a delivery note and its tracking number, once', async () => {
    const { source, target, sweep, journal, stateOf } = await setup([1, 2]);
    await target.transformDocument('BC00001', {
      type: 'delivery',
      status: 'confirmed',
      trackingNumber: 'TRK1',
    });
    expect(await sweep()).toEqual({
      transformations: 1,
      queued: 2,
      sent: 2,
      skipped: 0,
      failed: 0,
      ...FIRST,
    });
    expect(await stateOf(1)).toBe(4);
    expect(await stateOf(2)).toBe(2);
    expect(source.sent).toEqual([
      expect.objectContaining({ key: { shopId: 1, orderId: 1 }, expectedStateId: 2, newStateId: 4 }),
    ]);
    expect([...(await journal())].sort()).toEqual([
      '1 info BL00001 : Bon de livraison → état « Expédié » (4) demandé',
      '1 info BL00001 : numéro de suivi TRK1 à écrire là où il est vide',
      '1 info envoyé : numéro de suivi TRK1 écrit sur le transporteur',
      '1 info envoyé : état « Expédié » (4)',
    ]);
    expect(await sweep()).toEqual({ transformations: 0, queued: 0, sent: 0, skipped: 0, failed: 0 });
  });

  it('counts a state from the types passed on the way', async () => {
    const { target, sweep, stateOf } = await setup([1]);
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    await target.transformDocument('BL00001', { type: 'invoice', status: 'confirmed' });
    // BC → BL → FA passes the delivery note: its state is asked though the invoice has none.
    expect(await sweep({ onInvoice: null })).toMatchObject({ transformations: 2, queued: 1, sent: 1 });
    expect(await stateOf(1)).toBe(4);
  });

  it('reads a chain from the lowest type it left', async () => {
    // « En attente de virement » (10) is imported as a devis.
    const { target, sweep, stateOf } = await setup([1], { inState: { 1: 10 } });
    await target.transformDocument('DE00001', { type: 'order', status: 'confirmed' });
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    // DE → BC → BL passes the bon de commande.
    expect(await sweep({ onOrder: 2, onDelivery: null, onInvoice: null })).toMatchObject({
      queued: 1,
      sent: 1,
    });
    expect(await stateOf(1)).toBe(2);
  });

  it('never asks for a state the order had before (order_histories)', async () => {
    const { source, target, sweep, journal, stateOf } = await setup([1]);
    source.moveOrder({ shopId: 1, orderId: 1 }, 4);
    source.moveOrder({ shopId: 1, orderId: 1 }, 2);
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    expect(await sweep()).toMatchObject({ transformations: 1, queued: 0 });
    expect(await stateOf(1)).toBe(2);
    expect(await journal()).toEqual([
      "1 info BL00001 : la commande a déjà eu l'état « Expédié » (4) (order_histories) : pas renvoyé",
    ]);
  });

  it('reads two transformations of one order as one move, to the highest type reached', async () => {
    const { source, target, sweep, journal, stateOf } = await setup([1]);
    await target.transformDocument('BC00001', {
      type: 'delivery',
      status: 'confirmed',
      trackingNumber: 'TRK1',
    });
    await target.transformDocument('BL00001', { type: 'invoice', status: 'confirmed' });
    expect(await sweep()).toMatchObject({ transformations: 2, queued: 2, sent: 2 });
    expect(await stateOf(1)).toBe(5);
    expect(source.sent).toHaveLength(1);
    // The invoice's number, and the delivery's tracking number kept though the invoice has none.
    expect(await journal()).toEqual(
      expect.arrayContaining([
        '1 info FA00001 : Facture → état « Livré » (5) demandé',
        '1 info FA00001 : numéro de suivi TRK1 à écrire là où il est vide',
      ]),
    );
  });

  it('says so when the tracking number setting is off', async () => {
    const { target, sweep, journal } = await setup([1]);
    await target.transformDocument('BC00001', {
      type: 'delivery',
      status: 'confirmed',
      trackingNumber: 'TRK1',
    });
    expect(await sweep({ tracking: { enabled: false, sendEmail: false, setStateTo: null } })).toMatchObject({
      queued: 1,
      sent: 1,
    });
    expect(await journal()).toContain(
      '1 info BL00001 : numéro de suivi TRK1 non reporté (réglage « Numéro de suivi » désactivé)',
    );
  });

  it('journals a change not sent or failed as a warning, and sends the failed ones at the next sweep', async () => {
    const { source, target, sweep, journal, stateOf } = await setup([1, 2], { withTracking: [2] });
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    await target.transformDocument('BC00002', {
      type: 'delivery',
      status: 'confirmed',
      trackingNumber: 'TRK2',
    });
    source.failures.changeState = shopUnreachable();
    expect(await sweep()).toEqual({
      transformations: 2,
      queued: 3,
      sent: 0,
      skipped: 1,
      failed: 2,
      ...FIRST,
    });
    expect(await journal()).toEqual(
      expect.arrayContaining([
        '1 warning en échec : La boutique ne répond pas : vérifiez son adresse.',
        '2 warning non envoyé : la commande a déjà un autre numéro de suivi (OLD) : laissé tel quel, le bon de livraison dit TRK2 — vérifiez lequel est le bon',
      ]),
    );
    // Still unreachable: each change is tried once a sweep.
    expect(await sweep()).toEqual({ transformations: 0, queued: 0, sent: 0, skipped: 0, failed: 2 });
    delete source.failures.changeState;
    expect(await sweep()).toEqual({ transformations: 0, queued: 0, sent: 2, skipped: 0, failed: 0 });
    expect([await stateOf(1), await stateOf(2)]).toEqual([4, 4]);
  });

  it('leaves alone the documents of no shop order', async () => {
    const { target, sweep, source, store } = await setup([1]);
    await target.releaseExternalKeys({ shopId: 1 });
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    const calls = source.calls;
    expect(await sweep()).toEqual({
      transformations: 1,
      queued: 0,
      sent: 0,
      skipped: 0,
      failed: 0,
      ...FIRST,
    });
    expect(source.calls).toBe(calls);
    expect((await store.statusJournal(100)).map((entry) => entry.note?.code)).toEqual(['first-sweep']);
  });

  it('reads the transformations a hundred at a time, and all of them', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => index + 1);
    const { target, sweep, stateOf } = await setup(ids);
    for (const id of ids)
      await target.transformDocument(`BC${String(id).padStart(5, '0')}`, {
        type: 'delivery',
        status: 'confirmed',
      });
    expect(await sweep()).toEqual({
      transformations: 101,
      queued: 101,
      sent: 101,
      skipped: 0,
      failed: 0,
      ...FIRST,
    });
    expect(await stateOf(101)).toBe(4);
  });

  it('goes back no further than firstSweepDays on its first sweep, says so once, and then follows its cursor', async () => {
    const { clock, source, target, store, sweep, stateOf } = await setup([1, 2, 3]);
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    clock.advance(10 * 86_400_000);
    await target.transformDocument('BC00002', { type: 'delivery', status: 'confirmed' });
    // Ten days later, a first sweep over the last 5 days: BC00001's delivery is history.
    expect(await sweep({ firstSweepDays: 5 })).toEqual({
      transformations: 1,
      queued: 1,
      sent: 1,
      skipped: 0,
      failed: 0,
      firstSweepFrom: '2026-12-02T10:00:00.000Z',
    });
    expect([await stateOf(1), await stateOf(2)]).toEqual([2, 4]);
    const first = (await store.statusJournal(100)).filter((entry) => entry.note?.code === 'first-sweep');
    // In the computer's time zone, as every instant navette recorded.
    expect(first.map((entry) => entry.message)).toEqual([
      expect.stringMatching(
        /^premier passage : seuls les documents transformés depuis le 0[12]\/12\/2026 \d\d:00:00 sont pris en compte, les plus anciens sont laissés de côté \(réglage « Premier passage »\)$/,
      ),
    ]);
    // The next sweeps follow the cursor: a new transformation is read, nothing is said again.
    await target.transformDocument('BC00003', { type: 'delivery', status: 'confirmed' });
    expect(await sweep({ firstSweepDays: 5 })).toEqual({
      transformations: 1,
      queued: 1,
      sent: 1,
      skipped: 0,
      failed: 0,
    });
    expect(await stateOf(3)).toBe(4);
    expect(
      (await store.statusJournal(100)).filter((entry) => entry.note?.code === 'first-sweep'),
    ).toHaveLength(1);
    expect(source.sent).toHaveLength(2);
  });

  it('keeps its place on a first sweep that finds nothing recent, so that the history is never read later', async () => {
    const { clock, target, sweep, stateOf } = await setup([1, 2]);
    await target.transformDocument('BC00001', { type: 'delivery', status: 'confirmed' });
    clock.advance(40 * 86_400_000);
    expect(await sweep()).toMatchObject({ transformations: 0, queued: 0 });
    await target.transformDocument('BC00002', { type: 'delivery', status: 'confirmed' });
    expect(await sweep({ firstSweepDays: 365 })).toEqual({
      transformations: 1,
      queued: 1,
      sent: 1,
      skipped: 0,
      failed: 0,
    });
    expect([await stateOf(1), await stateOf(2)]).toEqual([2, 4]);
  });
});
