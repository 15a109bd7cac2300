import { describe, expect, it } from 'vitest';
import { isExpectedFailure } from '../../domain/failure.js';
import { amount } from '../../domain/money.js';
import type { PaymentDraft, SalesDocumentDraft } from '../../domain/sales-document.js';
import { draft, payment as cardPayment } from '../../../test/contract/sample-documents.js';
import { convertedDraft, planCurrency } from './foreign-currency.js';
import { inDocumentCurrency } from './payments.js';

const payment = (value: string): PaymentDraft => cardPayment({ amount: amount(value) });

function inDollars(overrides: Partial<SalesDocumentDraft> = {}): SalesDocumentDraft {
  return draft({ shopId: 1, orderId: 7 }, { currency: 'USD', conversionRate: amount('1.1'), ...overrides });
}

function failureOf(work: () => unknown): { code: string; message: string; data: unknown } {
  try {
    work();
  } catch (error) {
    if (isExpectedFailure(error)) return { code: error.code, message: error.message, data: error.data };
    throw error;
  }
  throw new Error('no failure');
}

describe('an order in a foreign currency for Dolibarr', () => {
  it('is written as it is in the company’s currency, in its own with the multicurrency module', () => {
    const euros = draft({ shopId: 1, orderId: 7 });
    expect(planCurrency(euros, 'EUR', false, 'refuse')).toEqual({ kind: 'company', draft: euros });
    const dollars = inDollars();
    expect(planCurrency(dollars, 'EUR', true, 'refuse')).toMatchObject({ kind: 'document', draft: dollars });
  });

  it('without the module, is refused naming both ways out, or converted as the setting says', () => {
    const refused = failureOf(() => planCurrency(inDollars(), 'EUR', false, 'refuse'));
    expect(refused.code).toBe('currency-unsupported');
    expect(refused.message).toContain('activez le module Multi-devise');
    expect(refused.message).toContain('foreignCurrencyWithoutModule: convert');
    // What the message was written from, for an English page.
    expect(refused.data).toEqual({
      case: 'currency-unsupported',
      externalKey: 'ps-1-7',
      currency: 'USD',
      companyCurrency: 'EUR',
    });
    const plan = planCurrency(inDollars(), 'EUR', false, 'convert');
    expect(plan.kind).toBe('company');
    expect(plan.draft.currency).toBe('EUR');
  });

  it('without a rate, is refused whatever the module', () => {
    const refused = failureOf(() =>
      planCurrency(inDollars({ conversionRate: amount(0) }), 'EUR', true, 'convert'),
    );
    expect(refused.code).toBe('currency-rate-missing');
    expect(refused.data).toEqual({ case: 'currency-rate-missing', externalKey: 'ps-1-7', currency: 'USD' });
  });

  it('converted, has its lines and totals divided by the rate, the original in the remark', () => {
    const converted = convertedDraft(inDollars({ payments: [payment('20'), payment('3.95')] }), 'EUR');
    expect(converted.conversionRate.toString()).toBe('1');
    expect(converted.shopTotals.taxIncl.toString()).toBe('21.77');
    expect(converted.shopTotals.taxExcl.toString()).toBe('20.02');
    expect(converted.lines[0]?.totalTaxIncl.toFixed(6)).toBe('18.181818');
    expect(converted.remark).toBe(
      'Commande web n° 7 — Chèque\nCommande en USD au taux 1,1 : total TTC 23,95 USD',
    );
    // 20 / 1.1 = 18.18 and 3.95 / 1.1 = 3.59 leave 21.77 − 18.18 = 3.59 for the last: the whole total.
    expect(converted.payments.map((p) => p.amount.toString())).toEqual(['18.18', '3.59']);
    const odd = convertedDraft(inDollars({ payments: [payment('11.95'), payment('12')] }), 'EUR');
    // 11.95 / 1.1 = 10.86, 12 / 1.1 = 10.91: 21.77 in all, the last one taking 10.91.
    expect(odd.payments.map((p) => p.amount.toString())).toEqual(['10.86', '10.91']);
  });
});

describe('payments of an invoice in the order’s currency', () => {
  it('are given in that currency when Dolibarr’s conversion lands on the company total', () => {
    // 79.97 / 1.1 = 72.70: the company total of the recorded invoice (real exchange 046).
    expect(
      inDocumentCurrency([payment('79.97')], {
        rate: amount('1.1'),
        total: amount('79.97'),
        companyTotal: amount('72.70'),
      }),
    ).toEqual([{ amount: '', multicurrencyAmount: '79.97' }]);
  });

  it('take the last one as the company remainder when the conversion would leave a cent', () => {
    // 23.95 / 1.1 = 21.77, but the lines' own roundings gave a company total of 21.78.
    expect(
      inDocumentCurrency([payment('20'), payment('3.95')], {
        rate: amount('1.1'),
        total: amount('23.95'),
        companyTotal: amount('21.78'),
      }),
    ).toEqual([{ amount: '', multicurrencyAmount: '20' }, { amount: 'remain' }]);
    // A part payment is given as it is: the invoice is not to be closed.
    expect(
      inDocumentCurrency([payment('20')], {
        rate: amount('1.1'),
        total: amount('23.95'),
        companyTotal: amount('21.78'),
      }),
    ).toEqual([{ amount: '', multicurrencyAmount: '20' }]);
  });
});
