import { ExpectedFailure } from '../../domain/failure.js';
import { amount, format, round, type Amount } from '../../domain/money.js';
import type { SalesDocumentDraft } from '../../domain/sales-document.js';
import type { WireDocument } from './wire-schemas.js';

/** Dolibarr's totals against the shop's, to the cent. */
export interface TotalsGap {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

export function gapOf(draft: SalesDocumentDraft, wire: WireDocument): TotalsGap {
  return {
    taxExcl: round(draft.shopTotals.taxExcl).minus(amount(wire.total_ht)),
    taxIncl: round(draft.shopTotals.taxIncl).minus(amount(wire.total_ttc)),
  };
}

export function isClosed(gap: TotalsGap): boolean {
  return gap.taxExcl.isZero() && gap.taxIncl.isZero();
}

/**
 * The écart line that closes a gap within the tolerance: its TTC is the TTC gap (sent TTC-based, so
 * Dolibarr keeps it to the cent) at the real VAT rate whose HT comes nearest the HT gap, exactly when
 * one does. Undefined when the gap is beyond the tolerance or no rate closes it.
 */
export function ecartLine(
  gap: TotalsGap,
  rates: readonly Amount[],
  tolerance: Amount,
): { readonly taxIncl: Amount; readonly vatRate: Amount } | undefined {
  if (gap.taxExcl.abs().greaterThan(tolerance) || gap.taxIncl.abs().greaterThan(tolerance)) return undefined;
  if (gap.taxIncl.isZero()) return undefined;
  const exact = rates.find((rate) => round(gap.taxIncl.div(rate.div(100).plus(1))).equals(gap.taxExcl));
  return exact === undefined ? undefined : { taxIncl: gap.taxIncl, vatRate: exact };
}

export function totalsMismatch(draft: SalesDocumentDraft, wire: WireDocument): ExpectedFailure {
  const dolibarr = `Dolibarr ${format(amount(wire.total_ht))} HT / ${format(amount(wire.total_ttc))} TTC`;
  const shop = `boutique ${format(round(draft.shopTotals.taxExcl))} HT / ${format(round(draft.shopTotals.taxIncl))} TTC`;
  return new ExpectedFailure(
    'totals-mismatch',
    `Les totaux calculés par Dolibarr diffèrent de ceux de la boutique au-delà de l’écart toléré (${shop} ; ${dolibarr}) : le brouillon a été supprimé ; vérifiez les taux de TVA et les arrondis de Dolibarr, ou augmentez l’écart toléré.`,
  );
}
