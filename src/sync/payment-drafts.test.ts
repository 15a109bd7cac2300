import { describe, expect, it } from 'vitest';
import { amount } from '../domain/money.js';
import type { PaymentSettings } from '../domain/rules.js';
import type { OrderPayment, ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { paymentDrafts } from './payment-drafts.js';

/** "Paramétrer les Règlements" on its own: order 7 of the recorded shop (paid), its payments replaced. */

const BASE = expectedShopOrder(7);

const SETTINGS: PaymentSettings = {
  create: true,
  amountFrom: 'order-payments',
  defaultMode: 'AUTRE',
  methods: [
    { module: 'ps_wirepayment', label: 'Virement bancaire', mode: 'VIR', journal: 'BQ1' },
    { module: 'ps_checkpayment', label: 'Chèque', mode: 'CHQ', journal: 'BQ2' },
    { module: 'ps_cashondelivery', mode: 'CRB', journal: 'CA' },
  ],
};

const payment = (value: string, change: Partial<OrderPayment> = {}): OrderPayment => ({
  id: 1,
  orderReference: BASE.reference,
  method: 'Virement bancaire',
  amount: amount(value),
  currencyId: 1,
  conversionRate: amount('1'),
  transactionId: '',
  date: '2026-11-20 10:00:00',
  ...change,
});

function order(total: string, payments: OrderPayment[], change: Partial<ShopOrder> = {}): ShopOrder {
  return {
    ...BASE,
    paymentModule: 'ps_wirepayment',
    paymentLabel: 'Virement bancaire',
    totals: { ...BASE.totals, paidTaxIncl: amount(total) },
    payments,
    ...change,
  };
}

const shown = (result: ReturnType<typeof paymentDrafts>) =>
  result.payments.map(
    (draft) => `${draft.modeCode}/${draft.journal} ${draft.amount.toFixed(2)} ${draft.label}`,
  );

describe('paymentDrafts', () => {
  it('records each payment with the mode of its method, by module, or by its own label whatever the accents and case', () => {
    const result = paymentDrafts(
      order('30', [payment('10'), payment('20', { method: ' CHEQUE ', transactionId: 'T-2' })]),
      SETTINGS,
    );
    expect(shown(result)).toEqual(['VIR/BQ1 10.00 Virement bancaire', 'CHQ/BQ2 20.00 CHEQUE']);
    expect(result.payments.map((draft) => [draft.transactionId, draft.date])).toEqual([
      ['', '2026-11-20'],
      ['T-2', '2026-11-20'],
    ]);
    expect(result.notes).toEqual([]);
  });

  it('keeps the module’s mode when the payment says the order’s own label, or one no method has', () => {
    const settings = {
      ...SETTINGS,
      // A method of another module with the same label, listed first: the module still decides.
      methods: [
        { module: 'other', label: 'virement bancaire', mode: 'X', journal: 'X' },
        ...SETTINGS.methods,
      ],
    };
    expect(
      shown(paymentDrafts(order('10', [payment('10', { method: 'VIREMENT BANCAIRE' })]), settings)),
    ).toEqual(['VIR/BQ1 10.00 VIREMENT BANCAIRE']);
    expect(shown(paymentDrafts(order('10', [payment('10', { method: 'Espèces' })]), SETTINGS))).toEqual([
      'VIR/BQ1 10.00 Espèces',
    ]);
    const unknownModule = order('10', [payment('10', { method: 'Autre' })], {
      paymentModule: 'ps_other',
      paymentLabel: 'Autre',
    });
    expect(shown(paymentDrafts(unknownModule, SETTINGS))).toEqual(['AUTRE/ 10.00 Autre']);
  });

  it('records the total paid, with a note, when the shop recorded no payment (or only zero ones)', () => {
    const result = paymentDrafts(order('59.9', [payment('0')]), SETTINGS);
    expect(shown(result)).toEqual(['VIR/BQ1 59.90 Virement bancaire']);
    expect(result.payments).toMatchObject([{ transactionId: '' }]);
    expect(paymentDrafts(order('59.9', []), SETTINGS).payments).toMatchObject([{ transactionId: '' }]);
    expect(result.notes).toEqual([
      {
        code: 'payment-not-recorded',
        text: 'Aucun règlement enregistré dans la boutique pour cette commande payée : un règlement du total payé est créé.',
        data: {},
      },
    ]);
    // Asked for the total paid: no note.
    const total = paymentDrafts(order('59.9', [payment('20')]), { ...SETTINGS, amountFrom: 'total-paid' });
    expect(shown(total)).toEqual(['VIR/BQ1 59.90 Virement bancaire']);
    expect(total.notes).toEqual([]);
  });

  it('records nothing when off, for an order not paid, or paid nothing', () => {
    const none = { payments: [], notes: [] };
    expect(paymentDrafts(order('10', [payment('10')]), { ...SETTINGS, create: false })).toEqual(none);
    expect(
      paymentDrafts(order('10', [payment('10')], { state: { ...BASE.state, paid: false } }), SETTINGS),
    ).toEqual(none);
    expect(paymentDrafts(order('0.004', [payment('10')]), SETTINGS)).toEqual(none);
  });

  describe('payments shared by the orders of one reference', () => {
    it('takes the payment of exactly the order’s total when there is one', () => {
      const result = paymentDrafts(
        order('20', [payment('35.5'), payment('20', { transactionId: 'T-20' })]),
        SETTINGS,
      );
      expect(result.payments).toMatchObject([{ transactionId: 'T-20' }]);
      expect(shown(result)).toEqual(['VIR/BQ1 20.00 Virement bancaire']);
      expect(result.notes).toEqual([
        {
          code: 'payments-shared',
          text: `Les règlements de la référence ${BASE.reference} (55,50) couvrent plusieurs commandes qui la partagent : le total de celle-ci (20,00) est enregistré.`,
          data: { reference: BASE.reference, paid: '55.50', total: '20.00' },
        },
      ]);
    });

    it('otherwise takes its total from the payments in their order', () => {
      const result = paymentDrafts(
        order('25', [
          payment('10'),
          payment('30', { transactionId: 'T-2' }),
          payment('5', { transactionId: 'T-3' }),
        ]),
        SETTINGS,
      );
      expect(shown(result)).toEqual(['VIR/BQ1 10.00 Virement bancaire', 'VIR/BQ1 15.00 Virement bancaire']);
    });

    it('keeps every payment when they add up to the total and a cent more', () => {
      expect(shown(paymentDrafts(order('20', [payment('10'), payment('10.01')]), SETTINGS))).toEqual([
        'VIR/BQ1 10.00 Virement bancaire',
        'VIR/BQ1 10.01 Virement bancaire',
      ]);
    });
  });
});
