import { describe, expect, it } from 'vitest';
import { starterConfig } from '../config/defaults.js';
import { amount } from '../domain/money.js';
import type { StateRule } from '../domain/rules.js';
import type { DocumentSummary, DocumentType } from '../domain/sales-document.js';
import type { ShopOrder, SourcedOrder } from '../domain/shop-order.js';
import type { LedgerEntry } from '../ports/sync-store.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import { differencesOf } from './reconcile-order.js';

const selection = {
  rules: new Map(starterConfig('https://shop.example').states.map((rule) => [rule.id, rule])),
  statesById: new Map(ORDER_STATES_8_1_2.map((state) => [state.id, state])),
};
const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;

/** Order 7 of the recorded shop (paid, 3 articles) in another state. */
function sourced(stateId: number): SourcedOrder & { ok: true; order: ShopOrder } {
  return { ok: true, order: { ...expectedShopOrder(7), state: stateOf(stateId) } };
}

/** Its document, with the shop's totals written to six decimals as a GesCom adds up its lines. */
function head(type: DocumentType, overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  const totals = expectedShopOrder(7).totals;
  return {
    id: '1',
    number: type === 'quote' ? 'DE00001' : 'BC00001',
    type,
    status: 'draft',
    date: '2026-10-02',
    customerCode: 'C1',
    customerName: 'Client',
    reference: 'REF',
    externalKey: 'ps-1-7',
    totals: {
      taxExcl: totals.paidTaxExcl.plus('0.000004'),
      tax: totals.paidTaxIncl.minus(totals.paidTaxExcl),
      taxIncl: totals.paidTaxIncl.minus('0.000003'),
    },
    currency: 'EUR',
    transformedInto: undefined,
    cancelled: false,
    ...overrides,
  };
}

const ledger: LedgerEntry = {
  key: { shopId: 1, orderId: 7 },
  orderReference: 'REF',
  documentNumber: 'BC00001',
  documentType: 'order',
  documentStatus: 'draft',
  orderStateId: 2,
  runId: 'run-1',
  importedAt: '2026-10-02 10:00:00',
};

const kinds = (...args: Parameters<typeof differencesOf>) => differencesOf(...args).map((line) => line.kind);

describe('what differs between one order and the GesCom', () => {
  it('finds nothing when the document has the totals to the cent and the type the state asks', () => {
    expect(kinds(sourced(2), ledger, head('order'), selection)).toEqual([]);
  });

  it('tells a paid order still a devis, and other totals, each on its own line', () => {
    expect(kinds(sourced(2), ledger, head('quote'), selection)).toEqual(['paid-still-quote']);
    const edited = head('quote', { totals: { ...head('quote').totals, taxIncl: amount('1') } });
    const lines = differencesOf(sourced(2), ledger, edited, selection);
    expect(lines.map((line) => line.kind)).toEqual(['totals-differ', 'paid-still-quote']);
    expect(lines[1]?.action).toBe(
      'Transformez le devis DE00001 en bon de commande ou en facture : la commande est payée dans la boutique.',
    );
    // An unpaid order (awaiting a cheque) as a devis is what the table asks.
    expect(kinds(sourced(1), undefined, head('quote'), selection)).toEqual([]);
  });

  it('tells a cancelled order whose document is still live, and only then', () => {
    const lines = differencesOf(sourced(6), ledger, head('order'), selection);
    expect(lines.map((line) => line.kind)).toEqual(['cancelled-still-live']);
    expect(lines[0]?.action).toContain('Annulez le bon de commande BC00001 ou faites-en un avoir');
    expect(kinds(sourced(6), ledger, head('order', { cancelled: true }), selection)).toEqual([]);
    expect(kinds(sourced(6), undefined, undefined, selection)).toEqual([]);
  });

  it('tells an order of a selected state without document: never imported, or its document gone', () => {
    expect(kinds(sourced(2), undefined, undefined, selection)).toEqual(['not-imported']);
    const gone = differencesOf(sourced(2), ledger, undefined, selection);
    expect(gone.map((line) => [line.kind, line.runId])).toEqual([['document-missing', 'run-1']]);
    expect(gone[0]?.action).toContain('navette reset --orders 7 --shop 1');
  });

  it('leaves alone orders of an unselected state and documents cancelled in the GesCom', () => {
    expect(selection.rules.get(11)?.selected).toBe(false);
    expect(kinds(sourced(11), undefined, undefined, selection)).toEqual([]);
    expect(kinds(sourced(2), ledger, head('quote', { cancelled: true }), selection)).toEqual([]);
  });

  it('reports an unreadable order by its state, without comparing totals it does not have', () => {
    const unreadable: SourcedOrder = {
      ok: false,
      key: { shopId: 1, orderId: 7 },
      reference: 'REF',
      stateId: 2,
      code: 'malformed-order',
      message: 'illisible',
    };
    expect(kinds(unreadable, undefined, undefined, selection)).toEqual(['not-imported']);
    const edited = head('order', { totals: { ...head('order').totals, taxIncl: amount('1') } });
    expect(kinds(unreadable, ledger, edited, selection)).toEqual([]);
  });

  it('shows an unreadable order with its state’s name from the shop’s list, and no date', () => {
    const unreadable: SourcedOrder = {
      ok: false,
      key: { shopId: 1, orderId: 7 },
      reference: 'REF',
      stateId: 2,
      code: 'malformed-order',
      message: 'illisible',
    };
    expect(differencesOf(unreadable, undefined, undefined, selection)[0]?.order).toEqual({
      reference: 'REF',
      dateAdd: '',
      stateId: 2,
      stateName: 'Paiement accepté',
      totals: undefined,
    });
  });

  it('an unreadable order of a state the shop no longer lists counts by its rule alone, without a name', () => {
    const gone: StateRule = {
      id: 99,
      selected: true,
      documentType: 'order',
      documentStatus: 'draft',
      changeStateTo: null,
    };
    const withRule = { ...selection, rules: new Map([...selection.rules, [99, gone]]) };
    const unreadable: SourcedOrder = {
      ok: false,
      key: { shopId: 1, orderId: 7 },
      reference: 'REF',
      stateId: 99,
      code: 'malformed-order',
      message: 'illisible',
    };
    const lines = differencesOf(unreadable, undefined, undefined, withRule);
    expect(lines.map((line) => [line.kind, line.order?.stateId, line.order?.stateName])).toEqual([
      ['not-imported', 99, ''],
    ]);
    // Its document is there: neither its totals nor its state (paid or not) can be compared.
    expect(kinds(unreadable, ledger, head('quote'), withRule)).toEqual([]);
  });

  it('leaves alone an order of a state the settings have no rule for (a state created since)', () => {
    const created = { ...stateOf(2), id: 99, name: 'Expédition partielle' };
    const order: SourcedOrder = { ok: true, order: { ...expectedShopOrder(7), state: created } };
    expect(kinds(order, undefined, undefined, selection)).toEqual([]);
  });
});
