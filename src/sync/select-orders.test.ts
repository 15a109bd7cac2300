import { describe, expect, it } from 'vitest';
import { configSchema, type NavetteConfigInput } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import type { ImportRules } from '../domain/rules.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { MemorySyncStore } from '../../test/fakes/memory-sync-store.js';
import { ORDER_STATES_8_1_2 } from '../../test/support/expected-orders.js';
import { earliest, selectOrders, statesToRead } from './select-orders.js';

/** Step 1 of a run on its own, over the in-memory source and store. Now is 11:00 in Paris. */

const SHOP_URL = 'https://shop.example';
const SHOPS = [1, 2, 3].map((id) => ({ id, shopGroupId: 1, name: `Boutique ${id}`, active: true }));

function rulesWith(overrides: Partial<NavetteConfigInput> = {}): ImportRules {
  return configSchema.parse({
    ...starterConfig(SHOP_URL),
    period: { kind: 'since-last-import', dateField: 'order', overlapMinutes: 60 },
    ...overrides,
  });
}

function setup() {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const store = new MemorySyncStore(clock);
  const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, shops: SHOPS });
  const select = (rules: ImportRules, options: Parameters<typeof selectOrders>[2] = {}) =>
    selectOrders({ source, store, clock }, rules, options);
  return { store, select };
}

describe('selectOrders', () => {
  it('reads every shop of the installation when none is named, from the last 30 days when none was imported', async () => {
    const { select } = setup();
    const selection = await select(rulesWith());
    expect(selection.shopIds).toEqual([1, 2, 3]);
    expect(selection.previousMark).toBeUndefined();
    expect(selection.query).toEqual({
      shopIds: [1, 2, 3],
      // The starter table selects 1, 2, 5 and 10; 6 (annulé) and 7 (remboursé) are read for cancellations.
      stateIds: [1, 2, 5, 6, 7, 10],
      dateField: 'date_add',
      from: '2026-10-29 00:00:00',
      to: '2026-11-27 23:59:59',
      withMessages: true,
    });
  });

  it('reads the shops of the configuration, and those asked for the run before them', async () => {
    const { select } = setup();
    expect((await select(rulesWith({ shops: [2] }))).query.shopIds).toEqual([2]);
    expect((await select(rulesWith({ shops: [2] }), { shopIds: [3, 1] })).shopIds).toEqual([3, 1]);
    // An empty list names no shop: every shop is read.
    expect((await select(rulesWith({ shops: [2] }), { shopIds: [] })).shopIds).toEqual([1, 2, 3]);
  });

  it('starts from the earliest mark of the shops read, less the overlap, up to now', async () => {
    const { select, store } = setup();
    await store.setHighWaterMark(1, '2026-11-26 08:30:00');
    await store.setHighWaterMark(2, '2026-11-25 17:00:00');
    await store.setHighWaterMark(3, '2026-11-27 09:00:00');
    const selection = await select(rulesWith());
    expect(selection.previousMark).toBe('2026-11-25 17:00:00');
    expect(selection.query).toMatchObject({ from: '2026-11-25 16:00:00', to: '2026-11-27 11:00:00' });
    // One shop never imported: its orders of the last 30 days are read, for every shop.
    const withNewShop = await select(rulesWith(), { shopIds: [1, 2, 4] });
    expect(withNewShop.previousMark).toBeUndefined();
    expect(withNewShop.query.from).toBe('2026-10-29 00:00:00');
  });

  it('reads the period asked for the run, by whole days or to the second', async () => {
    const { select, store } = setup();
    await store.setHighWaterMark(1, '2026-11-26 08:30:00');
    const days = await select(rulesWith(), { period: { from: '2026-11-01', to: '2026-11-02' } });
    expect(days.query).toMatchObject({ from: '2026-11-01 00:00:00', to: '2026-11-02 23:59:59' });
    const seconds = await select(rulesWith(), {
      period: { from: '2026-11-01 10:00:00', to: '2026-11-01 12:30:00' },
    });
    expect(seconds.query).toMatchObject({ from: '2026-11-01 10:00:00', to: '2026-11-01 12:30:00' });
  });

  it('filters on the invoice date and reads no message when told so', async () => {
    const { select } = setup();
    const selection = await select(
      rulesWith({
        period: { kind: 'today', dateField: 'invoice', overlapMinutes: 60 },
        document: { ...rulesWith().document, messages: 'none' },
      }),
    );
    expect(selection.query).toMatchObject({
      dateField: 'invoice_date',
      from: '2026-11-27 00:00:00',
      to: '2026-11-27 23:59:59',
      withMessages: false,
    });
    const first = await select(rulesWith({ document: { ...rulesWith().document, messages: 'first' } }));
    expect(first.query.withMessages).toBe(true);
  });

  it('keeps the state table and the shop states by id', async () => {
    const { select } = setup();
    const rules = rulesWith();
    const selection = await select(rules);
    expect([...selection.rules.keys()]).toEqual(rules.states.map((rule) => rule.id));
    expect(selection.rules.get(10)).toBe(rules.states.find((rule) => rule.id === 10));
    expect([...selection.statesById.keys()]).toEqual(ORDER_STATES_8_1_2.map((state) => state.id));
    expect(selection.statesById.get(6)?.name).toBe('Annulé');
  });
});

describe('statesToRead', () => {
  it('reads the selected states and the cancellations, once each, in order', () => {
    const rules = rulesWith().states.map((rule) => ({ ...rule, selected: [11, 6, 3].includes(rule.id) }));
    expect(statesToRead(rules, ORDER_STATES_8_1_2)).toEqual([3, 6, 7, 11]);
    expect(statesToRead([], ORDER_STATES_8_1_2)).toEqual([6, 7]);
  });
});

describe('earliest', () => {
  it('gives the earliest date, or nothing as soon as one is unknown', () => {
    expect(earliest(['2026-11-02 00:00:00', '2026-11-01 23:59:59', '2026-11-03 00:00:00'])).toBe(
      '2026-11-01 23:59:59',
    );
    expect(earliest(['2026-11-01 00:00:00', '2026-11-02 00:00:00'])).toBe('2026-11-01 00:00:00');
    expect(earliest(['2026-11-02 00:00:00', undefined])).toBeUndefined();
    expect(earliest([])).toBeUndefined();
  });
});
