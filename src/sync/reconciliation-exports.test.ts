import { describe, expect, it } from 'vitest';
import { amount } from '../domain/money.js';
import type { Difference, ReconciliationReport } from '../domain/reconciliation.js';
import {
  RECONCILIATION_HEADER,
  reconciliationCsvLines,
  reconciliationJson,
} from './reconciliation-exports.js';

const totals = (taxExcl: string, taxIncl: string) => ({ taxExcl: amount(taxExcl), taxIncl: amount(taxIncl) });

const DIFFERS: Difference = {
  kind: 'totals-differ',
  key: { shopId: 1, orderId: 42 },
  order: {
    reference: 'XKBKNABJK',
    dateAdd: '2026-11-20 10:00:00',
    stateId: 2,
    stateName: 'Paiement accepté',
    totals: totals('49.92', '59.90'),
  },
  document: {
    number: 'BC00001',
    type: 'order',
    status: 'confirmed',
    date: '2026-11-20',
    totals: totals('49.917', '59.9'),
  },
  runId: 'run-1',
  action: 'Vérifiez le document.',
};

/** An order gone from the shop: no order side. */
const MISSING: Difference = {
  kind: 'order-missing',
  key: { shopId: 2, orderId: 7 },
  order: undefined,
  document: { ...DIFFERS.document!, number: 'DE00003', type: 'quote', status: 'draft' },
  runId: undefined,
  action: '=Annulez le devis',
};

/** An order never imported, read unreadable: no totals, no document. */
const NOT_IMPORTED: Difference = {
  kind: 'not-imported',
  key: { shopId: 1, orderId: 43 },
  order: { reference: 'ABC', dateAdd: '', stateId: 0, stateName: '', totals: undefined },
  document: undefined,
  runId: undefined,
  action: 'Importez-la.',
};

const REPORT: ReconciliationReport = {
  period: { from: '2026-11-01 00:00:00', to: '2026-11-30 23:59:59', dateField: 'date_add' },
  shopIds: [1, 2],
  ordersChecked: 12,
  documentsChecked: 11,
  differences: [DIFFERS, MISSING, NOT_IMPORTED],
  webserviceCalls: 4,
};

describe('reconciliationJson', () => {
  it('gives amounts as exact decimal text and each difference with its French label', () => {
    expect(reconciliationJson(REPORT)).toEqual({
      period: REPORT.period,
      shopIds: [1, 2],
      ordersChecked: 12,
      documentsChecked: 11,
      webserviceCalls: 4,
      differences: [
        {
          kind: 'totals-differ',
          label: 'Totaux différents',
          shopId: 1,
          orderId: 42,
          order: { ...DIFFERS.order, totals: { taxExcl: '49.92', taxIncl: '59.9' } },
          document: { ...DIFFERS.document, totals: { taxExcl: '49.917', taxIncl: '59.9' } },
          runId: 'run-1',
          action: 'Vérifiez le document.',
        },
        {
          kind: 'order-missing',
          label: 'Commande disparue de la boutique',
          shopId: 2,
          orderId: 7,
          order: undefined,
          document: { ...MISSING.document, totals: { taxExcl: '49.917', taxIncl: '59.9' } },
          runId: undefined,
          action: '=Annulez le devis',
        },
        {
          kind: 'not-imported',
          label: 'Absente de la gestion commerciale',
          shopId: 1,
          orderId: 43,
          order: { ...NOT_IMPORTED.order, totals: undefined },
          document: undefined,
          runId: undefined,
          action: 'Importez-la.',
        },
      ],
    });
  });
});

describe('reconciliationCsvLines', () => {
  it('writes a BOM and the header, then one row per difference, in French for Excel', () => {
    const lines = [...reconciliationCsvLines(REPORT)];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`\uFEFF${RECONCILIATION_HEADER.join(';')}\r\n`);
    expect(RECONCILIATION_HEADER).toHaveLength(15);
    expect(lines[1]).toBe(
      '1;42;XKBKNABJK;20/11/2026;Paiement accepté;49,92;59,90;BC00001;Bon de commande;Confirmé;49,92;59,90;' +
        'Totaux différents;totals-differ;Vérifiez le document.\r\n',
    );
    // No order side; an action starting like a formula is kept as text.
    expect(lines[2]).toMatch(
      /^2;7;;;;;;DE00003;Devis;Saisi;49,92;59,90;Commande disparue de la boutique;order-missing;'=Annulez le devis\r\n$/,
    );
    expect(lines[3]).toBe(
      '1;43;ABC;;;;;;;;;;Absente de la gestion commerciale;not-imported;Importez-la.\r\n',
    );
  });

  it('writes the header alone when nothing differs', () => {
    expect([...reconciliationCsvLines({ ...REPORT, differences: [] })]).toHaveLength(1);
  });
});
