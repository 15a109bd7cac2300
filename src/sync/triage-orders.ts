import { documentOf, blankOutcome, type OrderOutcome } from '../domain/import-report.js';
import { format } from '../domain/money.js';
import type { CustomerSettings } from '../domain/rules.js';
import type { DocumentSummary } from '../domain/sales-document.js';
import { formatShopOrderKey, type OrderState } from '../domain/shop-order.js';
import type { OrderHeader } from '../ports/order-source.js';
import type { LedgerEntry } from '../ports/sync-store.js';
import { decide, isCancellationState } from './decide.js';
import type { PageContext } from './import-page.js';

/**
 * What an order's slim record already settles: it is left as it is (already imported, state not
 * selected, unticked in the aperçu: `done`, with its outcome, or `undefined` for a cancellation that
 * concerns nothing imported), or it must be read whole (`complete`) to be imported, upgraded or
 * cancelled. A run that finds nothing new reads nothing more than its slim pages.
 */
export type Triage =
  { readonly kind: 'complete' } | { readonly kind: 'done'; readonly outcome: OrderOutcome | undefined };

const COMPLETE: Triage = { kind: 'complete' };

export function triageOrder(
  header: OrderHeader,
  ledgerEntry: LedgerEntry | undefined,
  head: DocumentSummary | undefined,
  context: PageContext,
): Triage {
  const state = context.statesById.get(header.stateId);
  const customerName = customerNameFrom(head, context.config.customers);
  if (context.excluded.has(formatShopOrderKey(header.key)))
    return done(header, state, customerName, {
      status: 'skipped',
      code: 'excluded',
      reason: "Laissée de côté dans l'aperçu.",
      reasonData: {},
    });
  // A state the run does not know (created since it was read): the whole order says more.
  if (state === undefined) return COMPLETE;
  const rule = context.rules.get(state.id);
  if (!rule?.selected && head === undefined && ledgerEntry === undefined && isCancellationState(state))
    return { kind: 'done', outcome: undefined };
  const decision = decide({ order: { state }, rule, ledgerEntry, head, config: context.config });
  if (decision.action !== 'skip') return COMPLETE;
  return done(header, state, customerName, {
    status: 'skipped',
    code: decision.code,
    reason: decision.reason,
    reasonData: decision.data,
    document: head && documentOf(head),
  });
}

/**
 * Who ordered, as far as navette knows without asking the shop: the customer the order's document is
 * made out to, unless that is an account shared by many (the generic account, the guests'), which names
 * no one. '' when there is no document: the slim record does not say, and reading the customer would
 * cost a call a run that finds nothing new must not make (the page says it was not read).
 */
export function customerNameFrom(head: DocumentSummary | undefined, customers: CustomerSettings): string {
  if (head === undefined) return '';
  const shared = [customers.genericAccount, customers.guestAccount].filter((code) => code !== null);
  return shared.some((code) => code.toUpperCase() === head.customerCode.toUpperCase())
    ? ''
    : head.customerName.trim();
}

/** The outcome of an order decided from its slim record: no currency, read with the rest. */
function done(
  header: OrderHeader,
  state: OrderState | undefined,
  customerName: string,
  fields: Pick<OrderOutcome, 'status' | 'code' | 'reason'> &
    Partial<Pick<OrderOutcome, 'document' | 'reasonData'>>,
): Triage {
  return {
    kind: 'done',
    outcome: {
      ...blankOutcome(header.key, header.reference),
      orderDate: header.dateAdd,
      stateId: header.stateId,
      stateName: state?.name ?? '',
      customerName,
      totalTaxIncl: format(header.totalPaidTaxIncl),
      ...fields,
    },
  };
}
