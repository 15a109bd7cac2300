import { describe, expect, it } from 'vitest';
import { configSchema, type NavetteConfigInput } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { amount } from '../domain/money.js';
import type { ImportRules } from '../domain/rules.js';
import type { DocumentSummary } from '../domain/sales-document.js';
import type { OrderHeader } from '../ports/order-source.js';
import type { LedgerEntry } from '../ports/sync-store.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2 } from '../../test/support/expected-orders.js';
import type { PageContext } from './import-page.js';
import { triageOrder } from './triage-orders.js';

/**
 * What an order's slim record settles on its own. In the starter table 2 (paiement accepté) makes a bon
 * de commande, 3 is not selected, 6 (annulé) is a cancellation.
 */

const SHOP_URL = 'https://shop.example';
const KEY = { shopId: 1, orderId: 42 };

const header = (stateId: number): OrderHeader => ({
  key: KEY,
  reference: 'XKBKNABJK',
  stateId,
  dateAdd: '2026-11-20 10:00:00',
  dateUpd: '2026-11-21 10:00:00',
  invoiceDate: undefined,
  totalPaidTaxIncl: amount('59.9'),
});

const HEAD: DocumentSummary = {
  id: '1',
  number: 'BC00001',
  type: 'order',
  status: 'confirmed',
  date: '2026-11-20',
  customerCode: 'C1',
  customerName: 'Jeanne Martin',
  reference: 'XKBKNABJK',
  externalKey: 'ps-1-42',
  totals: { taxExcl: amount('49.92'), tax: amount('9.98'), taxIncl: amount('59.90') },
  currency: 'EUR',
  transformedInto: undefined,
  cancelled: false,
};

const LEDGER: LedgerEntry = {
  key: KEY,
  orderReference: 'XKBKNABJK',
  documentNumber: 'BC00001',
  documentType: 'order',
  documentStatus: 'confirmed',
  orderStateId: 2,
  runId: 'run-0',
  importedAt: '2026-11-20 11:00:00',
};

function rulesWith(overrides: Partial<NavetteConfigInput> = {}): ImportRules {
  return configSchema.parse({ ...starterConfig(SHOP_URL), ...overrides });
}

function context(change: Partial<PageContext> = {}): PageContext {
  const config = rulesWith();
  const { target, store } = openMemoryGescom(new ManualClock());
  return {
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
    ...change,
  };
}

describe('triageOrder', () => {
  it('reads whole an order to import, and one of a state the run does not know', () => {
    expect(triageOrder(header(2), undefined, undefined, context())).toEqual({ kind: 'complete' });
    expect(triageOrder(header(99), LEDGER, HEAD, context())).toEqual({ kind: 'complete' });
  });

  it('leaves out an order unticked in the aperçu, with what its slim record says', () => {
    const excluded = context({ excluded: new Set(['ps-1-42']) });
    expect(triageOrder(header(2), undefined, undefined, excluded)).toEqual({
      kind: 'done',
      outcome: {
        shopId: 1,
        orderId: 42,
        reference: 'XKBKNABJK',
        orderDate: '2026-11-20 10:00:00',
        stateId: 2,
        stateName: 'Paiement accepté',
        customerName: '',
        totalTaxIncl: '59.90',
        currency: '',
        status: 'skipped',
        code: 'excluded',
        reason: "Laissée de côté dans l'aperçu.",
        reasonData: {},
        document: undefined,
        notes: [],
      },
    });
    // Of a state the run does not know: no name.
    expect(triageOrder(header(99), undefined, undefined, excluded)).toMatchObject({
      outcome: { stateId: 99, stateName: '', code: 'excluded' },
    });
  });

  it('settles an order already imported, naming the GesCom’s document when it has it', () => {
    expect(triageOrder(header(2), LEDGER, HEAD, context())).toMatchObject({
      kind: 'done',
      outcome: {
        status: 'skipped',
        code: 'already-imported',
        reason: 'Déjà importée en bon de commande BC00001.',
        document: { number: 'BC00001', type: 'order', status: 'confirmed' },
      },
    });
    expect(triageOrder(header(3), undefined, undefined, context())).toMatchObject({
      outcome: { code: 'state-not-selected', document: undefined },
    });
  });

  it('names the customer its document is made out to, never a shared account, without asking the shop', () => {
    expect(triageOrder(header(2), LEDGER, HEAD, context())).toMatchObject({
      outcome: { code: 'already-imported', customerName: 'Jeanne Martin' },
    });
    // Unticked in the aperçu but already imported: the document still says who.
    const excluded = context({ excluded: new Set(['ps-1-42']) });
    expect(triageOrder(header(2), LEDGER, HEAD, excluded)).toMatchObject({
      outcome: { code: 'excluded', customerName: 'Jeanne Martin' },
    });
    // The generic account and the guests' name no one: as unknown as without a document.
    const shared = rulesWith({
      customers: { mode: 'per-customer', genericAccount: 'CLIENTWEB', guestAccount: 'INVITES' },
    });
    for (const customerCode of ['CLIENTWEB', 'invites'])
      expect(
        triageOrder(
          header(2),
          LEDGER,
          { ...HEAD, customerCode, customerName: 'Clients web' },
          context({ config: shared }),
        ),
      ).toMatchObject({ outcome: { customerName: '' } });
    expect(triageOrder(header(2), LEDGER, undefined, context())).toMatchObject({
      outcome: { code: 'already-imported', customerName: '' },
    });
  });

  describe('an order of a cancellation state', () => {
    it('concerns nothing when nothing was imported of it, whether the table names its state or not', () => {
      const none = { kind: 'done', outcome: undefined };
      expect(triageOrder(header(6), undefined, undefined, context())).toEqual(none);
      expect(triageOrder(header(6), undefined, undefined, context({ rules: new Map() }))).toEqual(none);
    });

    it('is read whole when its state is selected', () => {
      const config = rulesWith();
      const rules = new Map(config.states.map((rule) => [rule.id, { ...rule, selected: true }]));
      expect(triageOrder(header(6), undefined, undefined, context({ rules }))).toEqual({ kind: 'complete' });
    });

    it('is reported when its document is known, to the GesCom or only to the ledger', () => {
      expect(triageOrder(header(6), undefined, HEAD, context())).toMatchObject({
        kind: 'done',
        outcome: { code: 'cancelled-in-shop', stateName: 'Annulé', document: { number: 'BC00001' } },
      });
      expect(triageOrder(header(6), LEDGER, undefined, context())).toMatchObject({
        kind: 'done',
        outcome: { code: 'cancelled-in-shop', document: undefined },
      });
    });
  });
});
