import { documentOf, blankOutcome, type OrderOutcome } from '../domain/import-report.js';
import { format } from '../domain/money.js';
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
  if (context.excluded.has(formatShopOrderKey(header.key)))
    return done(header, state, {
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
  return done(header, state, {
    status: 'skipped',
    code: decision.code,
    reason: decision.reason,
    reasonData: decision.data,
    document: head && documentOf(head),
  });
}

/** The outcome of an order decided from its slim record: no customer name nor currency, read with the rest. */
function done(
  header: OrderHeader,
  state: OrderState | undefined,
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
      totalTaxIncl: format(header.totalPaidTaxIncl),
      ...fields,
    },
  };
}
