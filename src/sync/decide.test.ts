import { describe, expect, it } from 'vitest';
import type { StateRule } from '../domain/rules.js';
import { DEFAULT_STATE_TABLE } from '../config/defaults.js';
import { ZERO } from '../domain/money.js';
import type { DocumentStatus, DocumentSummary, DocumentType } from '../domain/sales-document.js';
import type { ShopOrder } from '../domain/shop-order.js';
import type { LedgerEntry } from '../ports/sync-store.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { type DecideInput, decide, isCancellationState } from './decide.js';

const ruleFor = (stateId: number): StateRule | undefined =>
  DEFAULT_STATE_TABLE.find((rule) => rule.id === stateId);
const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;

function orderIn(stateId: number): ShopOrder {
  return { ...expectedShopOrder(7), state: stateOf(stateId) };
}

function ledger(type: DocumentType, status: DocumentStatus = 'draft', number = 'DE00001'): LedgerEntry {
  return {
    key: { shopId: 1, orderId: 7 },
    orderReference: 'BLZCJBMWE',
    documentNumber: number,
    documentType: type,
    documentStatus: status,
    orderStateId: 1,
    runId: 'run-1',
    importedAt: '2026-10-05T08:00:00Z',
  };
}

function head(
  type: DocumentType,
  status: DocumentStatus = 'draft',
  number = 'DE00001',
  cancelled = false,
): DocumentSummary {
  return {
    id: '1',
    number,
    type,
    status,
    date: '2026-10-04',
    customerCode: 'WEB000004',
    customerName: 'Jean-François Lefèvre',
    reference: 'BLZCJBMWE',
    externalKey: 'ps-1-7',
    totals: { taxExcl: ZERO, tax: ZERO, taxIncl: ZERO },
    currency: 'EUR',
    transformedInto: undefined,
    cancelled,
  };
}

const document = (upgrade = true, cancelDraft = false): DecideInput['config'] => ({
  document: {
    date: 'order',
    series: { quote: 'DE', order: 'BC', delivery: 'BL', invoice: 'FA' },
    warehouse: 'PRINCIPAL',
    referenceTemplate: '{reference}',
    remarkTemplate: '',
    messages: 'first',
    upgradeOnStateChange: upgrade,
    cancelDraftWhenOrderCancelled: cancelDraft,
  },
});

function input(stateId: number, fields: Partial<DecideInput> = {}): DecideInput {
  return {
    order: orderIn(stateId),
    rule: ruleFor(stateId),
    ledgerEntry: undefined,
    head: undefined,
    config: document(),
    ...fields,
  };
}

describe('decide', () => {
  it('imports a new order whose state is selected, with its rule', () => {
    expect(decide(input(1))).toEqual({ action: 'import', rule: ruleFor(1) });
    expect(decide(input(2))).toMatchObject({
      action: 'import',
      rule: { documentType: 'order', documentStatus: 'confirmed' },
    });
  });

  it('skips a state that is not selected, or not in the table', () => {
    expect(decide(input(3))).toMatchObject({ action: 'skip', code: 'state-not-selected' });
    const reason = (decide(input(3)) as { reason: string }).reason;
    expect(reason).toContain('« En cours de préparation » (3)');
    expect(decide(input(2, { rule: undefined }))).toMatchObject({
      action: 'skip',
      code: 'state-not-selected',
    });
  });

  it('skips an order already imported (ledger), naming the document', () => {
    const decision = decide(input(1, { ledgerEntry: ledger('quote'), head: head('quote') }));
    expect(decision).toMatchObject({
      action: 'skip',
      code: 'already-imported',
      reason: 'Déjà importée en devis DE00001.',
    });
  });

  it('never imports twice a document found in the GesCom but missing from the ledger (crash between the two)', () => {
    expect(decide(input(2, { head: head('order', 'confirmed', 'BC00001') }))).toMatchObject({
      action: 'skip',
      code: 'already-imported',
      document: { number: 'BC00001' },
    });
  });

  it('upgrades a quote when the new state asks for an order', () => {
    const decision = decide(input(2, { ledgerEntry: ledger('quote'), head: head('quote') }));
    expect(decision).toMatchObject({
      action: 'upgrade',
      from: { number: 'DE00001', type: 'quote', status: 'draft' },
      into: { type: 'order', status: 'confirmed' },
    });
    expect((decision as { reason: string }).reason).toBe(
      'Statut « Paiement accepté » (2) : le devis DE00001 devient un bon de commande (Confirmé).',
    );
    expect((decision as { data: unknown }).data).toEqual({
      case: 'upgrade',
      stateName: 'Paiement accepté',
      stateId: 2,
      documentType: 'quote',
      documentNumber: 'DE00001',
      documentStatus: 'draft',
      intoType: 'order',
      intoStatus: 'confirmed',
    });
  });

  it('the GesCom knows better than the ledger: a quote already transformed there is not upgraded again', () => {
    expect(
      decide(input(2, { ledgerEntry: ledger('quote'), head: head('order', 'confirmed', 'BC00004') })),
    ).toMatchObject({
      action: 'skip',
      code: 'already-imported',
      reason: 'Déjà importée en bon de commande BC00004.',
    });
  });

  it('does not upgrade when the setting is off, or when the document cannot be found', () => {
    expect(
      decide(input(2, { ledgerEntry: ledger('quote'), head: head('quote'), config: document(false) })),
    ).toMatchObject({
      action: 'skip',
      code: 'already-imported',
    });
    const lost = decide(input(2, { ledgerEntry: ledger('quote') }));
    expect(lost).toMatchObject({ action: 'skip', code: 'already-imported' });
    expect((lost as { reason: string }).reason).toContain('introuvable');
  });

  it('never goes backwards', () => {
    const decision = decide(
      input(1, { ledgerEntry: ledger('order'), head: head('invoice', 'accepted', 'FA00002') }),
    );
    expect(decision).toMatchObject({ action: 'skip', code: 'already-imported' });
    expect((decision as { reason: string }).reason).toContain('jamais en arrière');
  });

  it('never goes one step backwards either: a bon de commande does not become a devis again', () => {
    const decision = decide(
      input(1, { ledgerEntry: ledger('order'), head: head('order', 'confirmed', 'BC00001') }),
    );
    expect(decision).toMatchObject({ action: 'skip', code: 'already-imported' });
    expect((decision as { reason: string }).reason).toContain('jamais en arrière');
  });

  it('reports an imported order cancelled in the shop', () => {
    const decision = decide(input(6, { ledgerEntry: ledger('quote'), head: head('quote') }));
    expect(decision).toMatchObject({ action: 'skip', code: 'cancelled-in-shop' });
    expect((decision as { reason: string }).reason).toContain('« Annulé » (6)');
  });

  it('cancels a draft document of a cancelled or refunded order when the setting is on', () => {
    const config = document(true, true);
    expect(decide(input(7, { ledgerEntry: ledger('quote'), head: head('quote'), config }))).toMatchObject({
      action: 'cancel-draft',
      document: { number: 'DE00001' },
    });
    // Confirmed or accepted: left to people (a credit note, a cancellation in the GesCom).
    expect(
      decide(input(6, { ledgerEntry: ledger('order'), head: head('order', 'confirmed', 'BC00001'), config })),
    ).toMatchObject({
      action: 'skip',
      code: 'cancelled-in-shop',
    });
    // Already cancelled: nothing more to do.
    expect(decide(input(6, { head: head('quote', 'draft', 'DE00001', true), config }))).toMatchObject({
      action: 'skip',
      code: 'cancelled-in-shop',
    });
  });

  it('cancels only a draft found in the GesCom itself, not one the ledger alone remembers', () => {
    const decision = decide(input(6, { ledgerEntry: ledger('quote'), config: document(true, true) }));
    expect(decision).toMatchObject({ action: 'skip', code: 'cancelled-in-shop' });
    expect((decision as { reason: string }).reason).toContain("n'a pas été retrouvé");
  });

  it('a cancelled order never imported is just a state not selected', () => {
    expect(decide(input(6))).toMatchObject({ action: 'skip', code: 'state-not-selected' });
  });

  it('a document cancelled in the GesCom is not imported again', () => {
    expect(decide(input(2, { head: head('quote', 'draft', 'DE00001', true) }))).toMatchObject({
      action: 'skip',
      code: 'already-imported',
    });
  });
});

describe('isCancellationState', () => {
  it('recognises cancelled and refunded states by template, whatever their id', () => {
    expect(ORDER_STATES_8_1_2.filter(isCancellationState).map((state) => state.id)).toEqual([6, 7]);
  });

  it('falls back to the name for a custom state without template', () => {
    const custom = { ...stateOf(5), id: 42, template: '' };
    expect(isCancellationState({ ...custom, name: 'Annulée par le client' })).toBe(true);
    expect(isCancellationState({ ...custom, name: 'Refunded' })).toBe(true);
    expect(isCancellationState({ ...custom, name: 'Livré' })).toBe(false);
  });

  it('judges a state with a template by its template, whatever its name', () => {
    expect(isCancellationState({ ...stateOf(2), name: 'Paiement accepté après annulation' })).toBe(false);
    expect(isCancellationState({ ...stateOf(6), name: 'Commande close' })).toBe(true);
  });
});

describe('what each decision says', () => {
  const reasonOf = (fields: Partial<DecideInput>, stateId = 2) =>
    (decide(input(stateId, fields)) as { reason: string }).reason;

  it('says why an imported order is not upgraded, naming the document and the setting', () => {
    expect(reasonOf({ ledgerEntry: ledger('quote'), head: head('quote'), config: document(false) })).toBe(
      'Déjà importée en devis DE00001 ; le statut « Paiement accepté » (2) demande un bon de commande, mais ' +
        "« Faire évoluer le document quand le statut de la commande change » n'est pas activé.",
    );
    expect(reasonOf({ ledgerEntry: ledger('quote') })).toBe(
      "Déjà importée en devis DE00001 d'après le journal des imports, mais le document est introuvable " +
        'dans la gestion commerciale : il ne peut pas être transformé en bon de commande.',
    );
    expect(reasonOf({ head: head('order', 'confirmed', 'BC00001') }, 1)).toBe(
      'Déjà importée en bon de commande BC00001 ; le statut « En attente du paiement par chèque » (1) ' +
        'demande un devis, mais un document ne revient jamais en arrière.',
    );
    expect(reasonOf({ head: head('quote', 'draft', 'DE00001', true) })).toBe(
      "Déjà importée en devis DE00001, annulé dans la gestion commerciale : elle n'est pas réimportée.",
    );
    expect(reasonOf({ head: head('order', 'draft', 'BC00001') })).toBe(
      'Déjà importée en bon de commande BC00001.',
    );
  });

  it('says what happens to the document of an order cancelled in the shop', () => {
    const on = document(true, true);
    expect(reasonOf({ head: head('invoice', 'draft', 'FA00001'), config: on }, 6)).toBe(
      "Commande « Annulé » (6) dans la boutique : la facture FA00001, encore à l'état Saisi, est annulé(e).",
    );
    expect(reasonOf({ head: head('invoice', 'draft', 'FA00001', true) }, 6)).toBe(
      'Commande « Annulé » (6) dans la boutique ; la facture FA00001 est déjà annulé(e).',
    );
    expect(reasonOf({ head: head('quote', 'draft', 'DE00001', true) }, 6)).toBe(
      'Commande « Annulé » (6) dans la boutique ; le devis DE00001 est déjà annulé(e).',
    );
    expect(reasonOf({ head: head('order', 'confirmed', 'BC00001'), config: on }, 6)).toBe(
      'Commande « Annulé » (6) dans la boutique après son import en bon de commande BC00001 ; il est à ' +
        "l'état Confirmé : à traiter dans la gestion commerciale (avoir, annulation).",
    );
    expect(reasonOf({ head: head('quote') }, 6)).toBe(
      'Commande « Annulé » (6) dans la boutique après son import en devis DE00001 ; ' +
        "l'annulation automatique des documents Saisis n'est pas activée.",
    );
  });

  it('says into what an upgrade turns the document, feminine for an invoice', () => {
    const intoInvoice = { rule: { ...ruleFor(2)!, documentType: 'invoice' as const } };
    expect(reasonOf({ ...intoInvoice, head: head('quote') })).toBe(
      'Statut « Paiement accepté » (2) : le devis DE00001 devient une facture (Confirmé).',
    );
  });

  it('names a state not selected, with the document the order already has', () => {
    const notSelected = { rule: { ...ruleFor(2)!, selected: false } };
    expect(decide(input(2, { ...notSelected, head: head('quote') }))).toEqual({
      action: 'skip',
      code: 'state-not-selected',
      reason:
        "Déjà importée en devis DE00001 ; son statut actuel « Paiement accepté » (2) n'est pas sélectionné.",
      data: {
        case: 'imported',
        stateName: 'Paiement accepté',
        stateId: 2,
        documentType: 'quote',
        documentNumber: 'DE00001',
        documentStatus: 'draft',
      },
      document: { number: 'DE00001', type: 'quote', status: 'draft', cancelled: false },
    });
    // Strict: no `document` key at all, not even an undefined one.
    expect(decide(input(2, notSelected))).toStrictEqual({
      action: 'skip',
      code: 'state-not-selected',
      reason: "Le statut « Paiement accepté » (2) n'est pas sélectionné dans « Import des commandes ».",
      data: { stateName: 'Paiement accepté', stateId: 2 },
    });
  });

  it('leaves no stray space around a document without a number, and reads a template with spaces', () => {
    expect(reasonOf({ head: head('order', 'draft', '') })).toBe('Déjà importée en bon de commande.');
    expect(reasonOf({ head: head('invoice', 'draft', '', true) }, 6)).toBe(
      'Commande « Annulé » (6) dans la boutique ; la facture est déjà annulé(e).',
    );
    expect(isCancellationState({ ...stateOf(2), template: ' Order_Canceled ' })).toBe(true);
  });
});
