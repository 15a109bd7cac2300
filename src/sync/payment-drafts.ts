import type { OutcomeNote } from '../domain/import-report.js';
import type { PaymentSettings } from '../domain/rules.js';
import { type Amount, Decimal, ZERO, format, round, sum } from '../domain/money.js';
import { FIELD_LIMITS, type PaymentDraft } from '../domain/sales-document.js';
import type { OrderPayment, ShopOrder } from '../domain/shop-order.js';
import { truncateText } from '../domain/truncate.js';

/**
 * "Paramétrer les Règlements" (SPEC §5): the payments recorded on the document. Only for an order whose
 * current state is a paid state (`order_states.paid`); amounts from the order's `order_payments` or from
 * its total paid (setting); the GesCom's mode de règlement and journal from the payment method table.
 */

type PaymentMethod = PaymentSettings['methods'][number];

const french = (value: Amount) => format(value).replace('.', ',');

const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/**
 * The mode of a payment. The order's module (`ps_wirepayment`) is the stable key; but a payment added
 * in the back office (order 16 of the recorded shop: a wire order paid partly by cheque) says its own
 * method in its label, which then wins when a configured method has that label.
 */
function methodFor(
  settings: PaymentSettings,
  order: ShopOrder,
  paymentLabel: string | undefined,
): PaymentMethod | undefined {
  const byModule = settings.methods.find(
    (method) => method.module.toLowerCase() === order.paymentModule.toLowerCase(),
  );
  if (paymentLabel === undefined || normalise(paymentLabel) === normalise(order.paymentLabel))
    return byModule;
  const byLabel = settings.methods.find(
    (method) => method.label !== undefined && normalise(method.label) === normalise(paymentLabel),
  );
  return byLabel ?? byModule;
}

function draft(
  settings: PaymentSettings,
  order: ShopOrder,
  value: Amount,
  payment: OrderPayment | undefined,
): PaymentDraft {
  const method = methodFor(settings, order, payment?.method);
  const date = payment?.date ?? order.invoiceDate ?? order.dateAdd;
  return {
    modeCode: method?.mode ?? settings.defaultMode,
    journal: method?.journal ?? '',
    amount: round(value),
    date: date.slice(0, 10),
    transactionId: truncateText(payment?.transactionId ?? '', 255),
    label: truncateText(payment?.method || order.paymentLabel, FIELD_LIMITS.label),
  };
}

/**
 * The order's share of its reference's payments. PrestaShop links payments to the order *reference*,
 * which the sibling orders of a cart split over several carriers share, and records one payment for the
 * whole cart (PaymentModule::validateOrder pays once per reference). When the payments add up to more
 * than this order's total, the order takes a payment of exactly its total if there is one, otherwise
 * its total taken from the payments in the order they were made (each capped at its amount), so that
 * the siblings' documents together account for the payments once, each with its own total.
 */
function shareOfPayments(
  payments: readonly OrderPayment[],
  total: Amount,
): { readonly parts: { payment: OrderPayment; amount: Amount }[]; readonly shared: boolean } {
  const paid = sum(payments.map((payment) => payment.amount));
  if (round(paid).lessThanOrEqualTo(round(total).plus('0.01')))
    return { parts: payments.map((payment) => ({ payment, amount: payment.amount })), shared: false };
  const exact = payments.find((payment) => round(payment.amount).equals(round(total)));
  if (exact) return { parts: [{ payment: exact, amount: exact.amount }], shared: true };
  const parts: { payment: OrderPayment; amount: Amount }[] = [];
  let left = round(total);
  for (const payment of payments) {
    if (!left.greaterThan(ZERO)) break;
    const taken = Decimal.min(payment.amount, left);
    parts.push({ payment, amount: taken });
    left = left.minus(taken);
  }
  return { parts, shared: true };
}

export function paymentDrafts(
  order: ShopOrder,
  settings: PaymentSettings,
): { readonly payments: readonly PaymentDraft[]; readonly notes: readonly OutcomeNote[] } {
  if (!settings.create || !order.state.paid) return { payments: [], notes: [] };
  const total = order.totals.paidTaxIncl;
  if (!round(total).greaterThan(ZERO)) return { payments: [], notes: [] };

  const recorded = order.payments.filter((payment) => !round(payment.amount).isZero());
  if (settings.amountFrom === 'total-paid' || recorded.length === 0) {
    const notes: OutcomeNote[] =
      settings.amountFrom === 'order-payments'
        ? [
            {
              code: 'payment-not-recorded',
              text: 'Aucun règlement enregistré dans la boutique pour cette commande payée : un règlement du total payé est créé.',
              data: {},
            },
          ]
        : [];
    return { payments: [draft(settings, order, total, recorded[0])], notes };
  }

  const { parts, shared } = shareOfPayments(recorded, total);
  const paid = sum(recorded.map((payment) => payment.amount));
  const notes: OutcomeNote[] = shared
    ? [
        {
          code: 'payments-shared',
          text:
            `Les règlements de la référence ${order.reference} (${french(paid)}) ` +
            `couvrent plusieurs commandes qui la partagent : le total de celle-ci (${french(total)}) est enregistré.`,
          data: { reference: order.reference, paid: format(paid), total: format(total) },
        },
      ]
    : [];
  return { payments: parts.map(({ payment, amount }) => draft(settings, order, amount, payment)), notes };
}
