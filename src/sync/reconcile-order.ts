import { round } from '../domain/money.js';
import {
  type Difference,
  type DifferenceKind,
  type ReconciledDocument,
  type ReconciledOrder,
  type ReconciledTotals,
  differenceAction,
} from '../domain/reconciliation.js';
import type { DocumentSummary } from '../domain/sales-document.js';
import type { OrderState, SourcedOrder } from '../domain/shop-order.js';
import type { LedgerEntry } from '../ports/sync-store.js';
import { isCancellationState } from './decide.js';
import type { Selection } from './select-orders.js';

/** The document a difference names: the chain's newest, with the GesCom's own totals. */
export function documentOf(head: DocumentSummary): ReconciledDocument {
  return {
    number: head.number,
    type: head.type,
    status: head.status,
    date: head.date,
    totals: { taxExcl: head.totals.taxExcl, taxIncl: head.totals.taxIncl },
  };
}

/** The order as the report shows it; its state from the shop's list when the order could not be read. */
function orderOf(sourced: SourcedOrder, statesById: ReadonlyMap<number, OrderState>): ReconciledOrder {
  if (sourced.ok) {
    const { order } = sourced;
    return {
      reference: order.reference,
      dateAdd: order.dateAdd,
      stateId: order.state.id,
      stateName: order.state.name,
      totals: { taxExcl: order.totals.paidTaxExcl, taxIncl: order.totals.paidTaxIncl },
    };
  }
  const stateId = sourced.stateId ?? 0;
  return {
    reference: sourced.reference,
    dateAdd: '',
    stateId,
    stateName: statesById.get(stateId)?.name ?? '',
    totals: undefined,
  };
}

/**
 * What differs between one order of the period and the GesCom (pure): nothing, or one line per
 * difference — an order can both have other totals and still be a devis.
 *
 * - Cancelled or refunded in the shop: a difference only if its document is still live.
 * - Otherwise only orders of a selected state count: never imported, document gone, other totals
 *   (to the cent, HT or TTC), paid and still a devis. A document cancelled in the GesCom is a decision
 *   someone made there, not a difference.
 */
export function differencesOf(
  sourced: SourcedOrder,
  ledgerEntry: LedgerEntry | undefined,
  head: DocumentSummary | undefined,
  selection: Pick<Selection, 'rules' | 'statesById'>,
): Difference[] {
  const key = sourced.ok ? sourced.order.key : sourced.key;
  const order = orderOf(sourced, selection.statesById);
  const state = sourced.ok ? sourced.order.state : selection.statesById.get(order.stateId);
  const document = head && documentOf(head);
  const line = (kind: DifferenceKind): Difference => ({
    kind,
    key,
    order,
    document,
    runId: ledgerEntry?.runId,
    action: differenceAction(kind, { key, order, document }),
  });

  if (state !== undefined && isCancellationState(state))
    return head !== undefined && !head.cancelled ? [line('cancelled-still-live')] : [];
  if (!selection.rules.get(order.stateId)?.selected) return [];
  if (head === undefined) return [line(ledgerEntry ? 'document-missing' : 'not-imported')];
  if (head.cancelled) return [];
  const differences: Difference[] = [];
  if (order.totals !== undefined && !sameTotals(order.totals, head.totals))
    differences.push(line('totals-differ'));
  if (state?.paid === true && head.type === 'quote') differences.push(line('paid-still-quote'));
  return differences;
}

/** To the cent, tax excluded and tax included: what SPEC §3.1 promises of every imported document. */
function sameTotals(shop: ReconciledTotals, gescom: ReconciledTotals): boolean {
  return (
    round(shop.taxExcl).equals(round(gescom.taxExcl)) && round(shop.taxIncl).equals(round(gescom.taxIncl))
  );
}
