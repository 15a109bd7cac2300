import { describe, expect, it } from 'vitest';
import type { StatusUpdateSettings } from '../domain/rules.js';
import { ORDER_STATES_8_1_2 } from '../../test/support/expected-orders.js';
import { frenchStatusNote } from '../domain/status-note.js';
import { type OrderFacts, type OrderMove, planStatusUpdate } from './status-plan.js';

/**
 * SPEC §6 for one order, on the recorded shop's states: 1 chèque (before payment), 2 paiement accepté
 * (paid), 3 en cours de préparation (prepared), 4 expédié and 5 livré (shipped), 6 annulé.
 */

const KEY = { shopId: 1, orderId: 42 };
const STATES = new Map(ORDER_STATES_8_1_2.map((state) => [state.id, state]));

const SETTINGS: StatusUpdateSettings = {
  onOrder: 2,
  onDelivery: 4,
  onInvoice: 5,
  sendEmail: true,
  tracking: { enabled: false, sendEmail: false, setStateTo: null },
  firstSweepDays: 30,
};

function move(fromType: OrderMove['fromType'], toType: OrderMove['toType'], trackingNumber = ''): OrderMove {
  return { key: KEY, fromType, toType, number: 'FA00007', trackingNumber };
}

const at = (currentStateId: number | undefined, history: number[] = []): OrderFacts => ({
  currentStateId,
  history: currentStateId === undefined ? history : [...history, currentStateId],
});

/** The plan, its journal as the CLI prints it (French): the notes' data are checked apart. */
const plan = (orderMove: OrderMove, facts: OrderFacts, settings: Partial<StatusUpdateSettings> = {}) => {
  const planned = planStatusUpdate(orderMove, facts, { ...SETTINGS, ...settings }, STATES);
  return {
    updates: planned.updates,
    journal: planned.journal.map((entry) => ({ level: entry.level, message: frenchStatusNote(entry.note) })),
  };
};

describe('planStatusUpdate', () => {
  it("notes the states by id and by the shop's name, for each interface to say in its language", () => {
    const planned = planStatusUpdate(move('order', 'delivery'), at(2), SETTINGS, STATES);
    expect(planned.journal).toEqual([
      {
        level: 'info',
        note: {
          code: 'state-requested',
          document: 'FA00007',
          type: 'delivery',
          state: { id: 4, name: 'Expédié' },
        },
      },
    ]);
    const unknown = planStatusUpdate(
      move('order', 'delivery'),
      at(2),
      { ...SETTINGS, onDelivery: 99 },
      STATES,
    );
    expect(unknown.journal.map((entry) => entry.note)).toEqual([
      { code: 'unknown-state', document: 'FA00007', state: { id: 99 } },
    ]);
  });

  it('asks for the state of the type reached, guarded by the current one', () => {
    expect(plan(move('quote', 'order'), at(1))).toEqual({
      updates: [{ key: KEY, expectedStateId: 1, newStateId: 2, sendEmail: true }],
      journal: [
        { level: 'info', message: 'FA00007 : Bon de commande → état « Paiement accepté » (2) demandé' },
      ],
    });
    const quiet = plan(move('order', 'delivery'), at(2), { sendEmail: false });
    expect(quiet.updates).toEqual([{ key: KEY, expectedStateId: 2, newStateId: 4, sendEmail: false }]);
    expect(quiet.journal[0]?.message).toBe('FA00007 : Bon de livraison → état « Expédié » (4) demandé');
  });

  it('takes the highest type passed that has a state, the types skipped on the way included', () => {
    expect(plan(move('quote', 'invoice'), at(1)).updates).toMatchObject([{ newStateId: 5 }]);
    expect(plan(move('quote', 'invoice'), at(1), { onInvoice: null }).updates).toMatchObject([
      { newStateId: 4 },
    ]);
    expect(
      plan(move('quote', 'invoice'), at(1), { onInvoice: null, onDelivery: null }).updates,
    ).toMatchObject([{ newStateId: 2 }]);
    // The type moved from is not passed again: an order becoming a delivery note asks for 4, not 2.
    expect(plan(move('order', 'delivery'), at(1), { onDelivery: null }).journal).toEqual([
      { level: 'info', message: 'FA00007 : Bon de livraison → « Aucun » : pas de statut à poser' },
    ]);
    expect(plan(move('delivery', 'invoice'), at(1), { onInvoice: null }).updates).toEqual([]);
  });

  it('says so when the type reached has « Aucun »', () => {
    const none = { onOrder: null, onDelivery: null, onInvoice: null };
    expect(plan(move('quote', 'invoice'), at(1), none)).toEqual({
      updates: [],
      journal: [{ level: 'info', message: 'FA00007 : Facture → « Aucun » : pas de statut à poser' }],
    });
  });

  it('sends nothing for an order gone from the shop, and warns', () => {
    expect(
      plan(move('quote', 'invoice', 'TRK1'), at(undefined), {
        tracking: { enabled: true, sendEmail: true, setStateTo: 4 },
      }),
    ).toEqual({
      updates: [],
      journal: [
        {
          level: 'warning',
          message: "FA00007 : la commande n'existe plus dans la boutique : rien n'est envoyé",
        },
      ],
    });
  });

  it('never asks for the state the order is in, had before, or behind its step', () => {
    const reason = (facts: OrderFacts, settings: Partial<StatusUpdateSettings> = {}) => {
      const result = plan(move('quote', 'order'), facts, settings);
      expect(result.updates).toEqual([]);
      return result.journal.map((entry) => `${entry.level} ${entry.message}`);
    };
    expect(reason(at(2))).toEqual([
      "info FA00007 : la commande est déjà dans l'état « Paiement accepté » (2)",
    ]);
    expect(reason(at(1, [2]))).toEqual([
      "info FA00007 : la commande a déjà eu l'état « Paiement accepté » (2) (order_histories) : pas renvoyé",
    ]);
    expect(reason(at(1), { onOrder: 99 })).toEqual([
      "info FA00007 : l'état 99 n'existe pas dans la boutique : vérifiez le réglage",
    ]);
    expect(reason(at(99), { onOrder: 99 })).toEqual(["info FA00007 : la commande est déjà dans l'état 99"]);
    expect(reason(at(3))).toEqual([
      "info FA00007 : l'état « Paiement accepté » (2) (étape 1) est en arrière de l'état actuel « En cours de préparation » (3) (étape 2) : pas envoyé",
    ]);
  });

  it('moves between states of one step, and from a state the shop no longer lists', () => {
    expect(plan(move('quote', 'invoice'), at(4)).updates).toMatchObject([
      { expectedStateId: 4, newStateId: 5 },
    ]);
    expect(plan(move('quote', 'order'), at(77)).updates).toMatchObject([
      { expectedStateId: 77, newStateId: 2 },
    ]);
  });

  describe('the tracking number', () => {
    const tracking = (change: Partial<StatusUpdateSettings['tracking']>) => ({
      tracking: { enabled: true, sendEmail: false, setStateTo: null, ...change },
    });

    it('is not reported when the setting is off, and says so', () => {
      expect(plan(move('order', 'delivery', 'TRK1'), at(2))).toEqual({
        updates: [{ key: KEY, expectedStateId: 2, newStateId: 4, sendEmail: true }],
        journal: [
          { level: 'info', message: 'FA00007 : Bon de livraison → état « Expédié » (4) demandé' },
          {
            level: 'info',
            message: 'FA00007 : numéro de suivi TRK1 non reporté (réglage « Numéro de suivi » désactivé)',
          },
        ],
      });
    });

    it('is written where it is empty, with its own e-mail setting', () => {
      expect(plan(move('order', 'delivery', 'TRK1'), at(2), tracking({ sendEmail: true }))).toEqual({
        updates: [
          { key: KEY, expectedStateId: 2, newStateId: 4, sendEmail: true },
          { key: KEY, trackingNumber: 'TRK1', sendEmail: true },
        ],
        journal: [
          { level: 'info', message: 'FA00007 : Bon de livraison → état « Expédié » (4) demandé' },
          { level: 'info', message: 'FA00007 : numéro de suivi TRK1 à écrire là où il est vide' },
        ],
      });
    });

    it('asks for its own state when the move asked for none', () => {
      const result = plan(move('order', 'delivery', 'TRK1'), at(2), {
        onDelivery: null,
        sendEmail: false,
        ...tracking({ sendEmail: true, setStateTo: 4 }),
      });
      expect(result.updates).toEqual([
        { key: KEY, trackingNumber: 'TRK1', sendEmail: true },
        { key: KEY, expectedStateId: 2, newStateId: 4, sendEmail: false },
      ]);
      expect(result.journal).toEqual(
        [
          'FA00007 : Bon de livraison → « Aucun » : pas de statut à poser',
          'FA00007 : numéro de suivi TRK1 à écrire là où il est vide',
          'FA00007 : numéro de suivi → état « Expédié » (4) demandé',
        ].map((message) => ({ level: 'info', message })),
      );
    });

    it('asks for one state change only, and says why its own state is not sent', () => {
      const both = plan(move('quote', 'order', 'TRK1'), at(1), tracking({ setStateTo: 4 }));
      expect(both.updates).toEqual([
        { key: KEY, expectedStateId: 1, newStateId: 2, sendEmail: true },
        { key: KEY, trackingNumber: 'TRK1', sendEmail: false },
      ]);
      const refused = plan(move('quote', 'order', 'TRK1'), at(4), {
        onOrder: null,
        ...tracking({ setStateTo: 4 }),
      });
      expect(refused.updates).toEqual([{ key: KEY, trackingNumber: 'TRK1', sendEmail: false }]);
      expect(refused.journal.at(-1)).toEqual({
        level: 'info',
        message: "FA00007 : la commande est déjà dans l'état « Expédié » (4)",
      });
    });

    it('asks for no state of its own when the setting names none', () => {
      expect(plan(move('order', 'delivery', 'TRK1'), at(2), { onDelivery: null, ...tracking({}) })).toEqual({
        updates: [{ key: KEY, trackingNumber: 'TRK1', sendEmail: false }],
        journal: [
          { level: 'info', message: 'FA00007 : Bon de livraison → « Aucun » : pas de statut à poser' },
          { level: 'info', message: 'FA00007 : numéro de suivi TRK1 à écrire là où il est vide' },
        ],
      });
    });

    it('is not written when the move has none', () => {
      expect(plan(move('order', 'delivery'), at(2), tracking({ setStateTo: 5 })).updates).toEqual([
        { key: KEY, expectedStateId: 2, newStateId: 4, sendEmail: true },
      ]);
    });
  });
});
