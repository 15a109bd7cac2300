import { stateById } from './catalogue.js';
import type { HistoryRecord, LocalDateTime, OrderRecord, PaymentRecord } from './model.js';
import { CURRENCY_PRECISION, psRound, ShopDecimal as Decimal, wire6, type ShopAmount } from './shop-money.js';

/** Hands out the ids and numbers PrestaShop's auto-increments and sequences would. */
export interface Sequences {
  next(kind: SequenceKind): number;
}

export type SequenceKind =
  | 'order'
  | 'cart'
  | 'detail'
  | 'history'
  | 'payment'
  | 'orderCarrier'
  | 'orderCartRule'
  | 'invoice'
  | 'invoiceNumber'
  | 'deliveryNumber';

/** What a state change needs to know about the rest of the shop. */
export interface OrderLifeContext {
  readonly sequences: Sequences;
  /** Orders sharing a reference (a split cart), this one included. */
  siblings(reference: string): readonly OrderRecord[];
}

/** How the customer pays: the payment records created when the order first reaches a paid state. */
export interface PaymentPlan {
  readonly method: string;
  /** Fixed amounts of every payment but the last, which takes the rest. */
  readonly parts?: readonly { readonly method: string; readonly amount: string }[];
  /** Amount recorded by a payment-error state (differs from the total, as real modules do). */
  readonly errorAmount?: string;
  readonly transactionPrefix?: string;
  readonly cardBrand?: string;
}

const PAYMENT_ERROR_STATE = 8;

/**
 * Moves an order to a state as PrestaShop's OrderHistory::changeIdOrderState does: appends the history,
 * sets current_state/valid/date_upd, creates the payment the first time a paid state is reached (for the
 * whole reference of a split cart), numbers the invoice and the delivery slip once.
 */
export function applyState(
  order: OrderRecord,
  stateId: number,
  date: LocalDateTime,
  plan: PaymentPlan,
  context: OrderLifeContext,
  employeeId = 0,
): HistoryRecord {
  const state = stateById(stateId);
  if (!state) throw new Error(`unknown order state ${stateId}`);
  const history: HistoryRecord = {
    id: context.sequences.next('history'),
    orderId: order.id,
    stateId,
    employeeId,
    date,
  };
  order.histories.push(history);
  order.currentState = stateId;
  order.valid = state.logable;
  order.dateUpd = date;

  const siblings = context.siblings(order.reference);
  const alreadyPaid = siblings.some((o) => o.payments.length > 0);
  if (state.paid && !alreadyPaid) {
    const total = siblings.reduce((sum, o) => sum.plus(o.totals.paidTaxIncl), new Decimal(0));
    order.payments.push(...paymentsFor(order, plan, total, date, context));
    for (const o of siblings) o.totalPaidReal = o.totals.paidTaxIncl;
  } else if (stateId === PAYMENT_ERROR_STATE && !alreadyPaid && plan.errorAmount !== undefined) {
    order.payments.push(payment(order, plan.method, new Decimal(plan.errorAmount), date, plan, context));
  }
  if (state.invoice && order.invoiceNumber === 0) {
    order.invoiceNumber = context.sequences.next('invoiceNumber');
    order.invoiceId = context.sequences.next('invoice');
    order.invoiceDate = date;
    if (order.orderCarrier) order.orderCarrier.orderInvoiceId = order.invoiceId;
  }
  if (state.delivery && order.deliveryNumber === 0) {
    order.deliveryNumber = context.sequences.next('deliveryNumber');
    order.deliveryDate = date;
  }
  return history;
}

function paymentsFor(
  order: OrderRecord,
  plan: PaymentPlan,
  total: ShopAmount,
  date: LocalDateTime,
  context: OrderLifeContext,
): PaymentRecord[] {
  const parts = plan.parts ?? [];
  const payments: PaymentRecord[] = [];
  let rest = total;
  for (const part of parts) {
    const value = new Decimal(part.amount);
    payments.push(payment(order, part.method, value, date, plan, context));
    rest = rest.minus(value);
  }
  payments.push(payment(order, plan.method, rest, date, plan, context));
  return payments;
}

function payment(
  order: OrderRecord,
  method: string,
  value: ShopAmount,
  date: LocalDateTime,
  plan: PaymentPlan,
  context: OrderLifeContext,
): PaymentRecord {
  const id = context.sequences.next('payment');
  return {
    id,
    orderReference: order.reference,
    currencyId: order.currencyId,
    amount: wire6(psRound(value, CURRENCY_PRECISION, order.roundMode)),
    method,
    conversionRate: order.conversionRate,
    transactionId: plan.transactionPrefix ? `${plan.transactionPrefix}${String(id).padStart(8, '0')}` : '',
    cardBrand: plan.cardBrand ?? '',
    date,
  };
}
