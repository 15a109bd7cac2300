import { describe, expect, it } from 'vitest';
import type { StateRule, StatusUpdateSettings } from '../domain/rules.js';
import type { ShopOrder } from '../domain/shop-order.js';
import {
  ORDER_STATES_8_1_2,
  expectedShopOrder,
  expectedStateHistory,
} from '../../test/support/expected-orders.js';
import { stateChangesForImport, stateChangesForUpgrade } from './state-changes.js';

const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;
const orderIn = (stateId: number, orderId = 7): ShopOrder => ({
  ...expectedShopOrder(orderId),
  state: stateOf(stateId),
});
const rule = (changeStateTo: number | null): StateRule => ({
  id: 12,
  selected: true,
  documentType: 'quote',
  documentStatus: 'accepted',
  changeStateTo,
});
const updates = (fields: Partial<StatusUpdateSettings> = {}): { statusUpdates: StatusUpdateSettings } => ({
  statusUpdates: {
    onOrder: 3,
    onDelivery: 4,
    onInvoice: null,
    sendEmail: true,
    tracking: { enabled: false, sendEmail: true, setStateTo: null },
    firstSweepDays: 30,
    ...fields,
  },
});
const states = new Map(ORDER_STATES_8_1_2.map((state) => [state.id, state]));

describe('stateChangesForImport', () => {
  it("sets the rule's state, guarded by the state read, with the e-mail setting", () => {
    expect(stateChangesForImport(orderIn(12), rule(1), { writeBack: { sendEmail: true } })).toEqual([
      { expectedStateId: 12, newStateId: 1, sendEmail: true },
    ]);
    expect(stateChangesForImport(orderIn(12), rule(1), { writeBack: { sendEmail: false } })).toEqual([
      { expectedStateId: 12, newStateId: 1, sendEmail: false },
    ]);
  });

  it('nothing for "Ne pas modifier le statut" or the state the order is already in', () => {
    expect(stateChangesForImport(orderIn(12), rule(null), { writeBack: { sendEmail: true } })).toEqual([]);
    expect(stateChangesForImport(orderIn(12), rule(12), { writeBack: { sendEmail: true } })).toEqual([]);
  });
});

describe('stateChangesForUpgrade', () => {
  it('the state of the new type, guarded by the current one', () => {
    expect(stateChangesForUpgrade(orderIn(2), 'order', updates())).toEqual([
      { expectedStateId: 2, newStateId: 3, sendEmail: true },
    ]);
    expect(stateChangesForUpgrade(orderIn(3), 'delivery', updates({ sendEmail: false }))).toEqual([
      { expectedStateId: 3, newStateId: 4, sendEmail: false },
    ]);
  });

  it('"Aucun" for the type: nothing', () => {
    expect(stateChangesForUpgrade(orderIn(4), 'invoice', updates())).toEqual([]);
    expect(stateChangesForUpgrade(orderIn(2), 'order', updates({ onOrder: null }))).toEqual([]);
  });

  it('skipping types: the highest configured state passed on the way', () => {
    expect(stateChangesForUpgrade(orderIn(2), 'delivery', updates(), { fromType: 'quote' })).toEqual([
      { expectedStateId: 2, newStateId: 4, sendEmail: true },
    ]);
    expect(
      stateChangesForUpgrade(orderIn(2), 'delivery', updates({ onDelivery: null }), { fromType: 'quote' }),
    ).toEqual([{ expectedStateId: 2, newStateId: 3, sendEmail: true }]);
    // From an order straight to an invoice with "Aucun" on both: the order's state is not re-sent.
    expect(
      stateChangesForUpgrade(orderIn(3), 'invoice', updates({ onDelivery: null }), { fromType: 'order' }),
    ).toEqual([]);
    // Nor when the order is still only paid: the type left behind is not passed again.
    expect(
      stateChangesForUpgrade(orderIn(2), 'invoice', updates({ onDelivery: null }), { fromType: 'order' }),
    ).toEqual([]);
    expect(stateChangesForUpgrade(orderIn(2), 'delivery', updates({ onDelivery: null }))).toEqual([]);
  });

  it('not a state the order is in or already had (order 8 went 10 → 2 → 3)', () => {
    const order8 = expectedShopOrder(8);
    const history = expectedStateHistory(8);
    expect(history).toEqual([10, 2, 3]);
    expect(stateChangesForUpgrade(order8, 'order', updates())).toEqual([]);
    expect(
      stateChangesForUpgrade({ ...order8, state: stateOf(2) }, 'order', updates(), { stateHistory: history }),
    ).toEqual([]);
    expect(stateChangesForUpgrade(order8, 'delivery', updates(), { stateHistory: history })).toEqual([
      { expectedStateId: 3, newStateId: 4, sendEmail: true },
    ]);
  });

  it('only forward: not "En cours de préparation" for an order already shipped', () => {
    expect(stateChangesForUpgrade(orderIn(4), 'order', updates(), { states })).toEqual([]);
    // Expédié and Livré are at the same step by PrestaShop's flags: only the history tells them apart.
    expect(
      stateChangesForUpgrade(orderIn(5), 'delivery', updates(), { states, stateHistory: [2, 3, 4, 5] }),
    ).toEqual([]);
    expect(stateChangesForUpgrade(orderIn(5), 'delivery', updates(), { states })).toEqual([
      { expectedStateId: 5, newStateId: 4, sendEmail: true },
    ]);
  });
});
