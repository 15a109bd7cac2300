import { describe, expect, it } from 'vitest';

import { expectedShopOrder } from '../../test/support/expected-orders.js';
import {
  blankOutcome,
  countOutcome,
  documentOf,
  emptyCounts,
  noStateChanges,
  outcomeFor,
  type OrderOutcome,
  type OutcomeStatus,
} from './import-report.js';
import type { ShopOrder } from './shop-order.js';

const ORDER = expectedShopOrder(7);

function withBuyer(customer: ShopOrder['customer'], invoiceAddress: ShopOrder['invoiceAddress']): ShopOrder {
  return { ...ORDER, customer, invoiceAddress };
}

describe('an outcome', () => {
  it('names the order read whole: key, reference, date, state, amount and currency', () => {
    const outcome = outcomeFor(ORDER, { status: 'imported', code: undefined });
    expect(outcome).toMatchObject({
      shopId: ORDER.key.shopId,
      orderId: ORDER.key.orderId,
      reference: ORDER.reference,
      orderDate: ORDER.dateAdd,
      stateId: ORDER.state.id,
      stateName: ORDER.state.name,
      currency: ORDER.currency.isoCode,
      status: 'imported',
      document: undefined,
      code: undefined,
      reason: undefined,
      notes: [],
    });
    expect(outcome.totalTaxIncl).toMatch(/^\d+\.\d\d$/);
  });

  it('lets the caller set what the run decided', () => {
    const stored = { number: 'BC00042', type: 'order', status: 'draft', id: 5 } as const;
    const document = documentOf(stored);
    expect(document).toEqual({ number: 'BC00042', type: 'order', status: 'draft' });
    const outcome = outcomeFor(ORDER, { status: 'skipped', code: 'excluded', reason: 'why', document });
    expect(outcome).toMatchObject({ status: 'skipped', code: 'excluded', reason: 'why', document });
  });

  it("names the customer by company, else by name, else by the invoice address's name", () => {
    const customer = ORDER.customer!;
    const address = ORDER.invoiceAddress!;
    expect(
      outcomeFor(withBuyer({ ...customer, company: 'ACME' }, address), { status: 'imported' }).customerName,
    ).toBe('ACME');
    const person = { ...customer, company: '', firstName: ' Jeanne', lastName: 'Martin ' };
    expect(outcomeFor(withBuyer(person, address), { status: 'imported' }).customerName).toBe('Jeanne Martin');
    const addressOnly = { ...address, firstName: 'Paul', lastName: 'Durand' };
    expect(outcomeFor(withBuyer(undefined, addressOnly), { status: 'imported' }).customerName).toBe(
      'Paul Durand',
    );
    expect(outcomeFor(withBuyer(undefined, undefined), { status: 'imported' }).customerName).toBe('');
  });

  it('of an order that could not be read keeps only its key and reference', () => {
    expect(blankOutcome({ shopId: 2, orderId: 9 }, 'XKBKNABJK')).toEqual({
      shopId: 2,
      orderId: 9,
      reference: 'XKBKNABJK',
      orderDate: '',
      stateId: 0,
      stateName: '',
      customerName: '',
      totalTaxIncl: '',
      currency: '',
      document: undefined,
      code: undefined,
      reason: undefined,
      notes: [],
    });
  });
});

describe('the counts of a run', () => {
  it('start at zero', () => {
    expect(emptyCounts()).toEqual({ read: 0, imported: 0, upgraded: 0, skipped: 0, failed: 0, planned: 0 });
    expect(noStateChanges()).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });

  it('count each outcome once, and what an aperçu would do as planned', () => {
    const counts = emptyCounts();
    const statuses: OutcomeStatus[] = [
      'imported',
      'upgraded',
      'skipped',
      'failed',
      'would-import',
      'would-upgrade',
    ];
    for (const status of statuses) countOutcome(counts, { status } as OrderOutcome);
    countOutcome(counts, { status: 'imported' } as OrderOutcome);
    expect(counts).toEqual({ read: 7, imported: 2, upgraded: 1, skipped: 1, failed: 1, planned: 2 });
  });
});
