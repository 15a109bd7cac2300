import { ExpectedFailure } from '../../domain/failure.js';
import { amount, format, round, type Amount } from '../../domain/money.js';
import type { DocumentTotals, SalesDocumentDraft } from '../../domain/sales-document.js';
import type { WireDocument } from './wire-schemas.js';

/**
 * A document's totals in its own currency. With Dolibarr's multicurrency module, a document in another
 * currency than the company's has a rate other than 1 and its totals in that currency apart
 * (`multicurrency_total_*`, each line computed from its price in that currency by `calcul_price_total`);
 * `total_*` are then in the company's currency. At a rate of 1 both are the same.
 */
export function documentTotals(
  wire: Pick<
    WireDocument,
    | 'total_ht'
    | 'total_tva'
    | 'total_ttc'
    | 'multicurrency_tx'
    | 'multicurrency_total_ht'
    | 'multicurrency_total_tva'
    | 'multicurrency_total_ttc'
  >,
): DocumentTotals {
  const rate = wire.multicurrency_tx;
  const foreign =
    rate !== null &&
    rate !== undefined &&
    !amount(rate).equals(1) &&
    typeof wire.multicurrency_total_ht === 'string' &&
    typeof wire.multicurrency_total_ttc === 'string';
  if (foreign)
    return {
      taxExcl: amount(wire.multicurrency_total_ht ?? '0'),
      tax: amount(wire.multicurrency_total_tva ?? '0'),
      taxIncl: amount(wire.multicurrency_total_ttc ?? '0'),
    };
  return { taxExcl: amount(wire.total_ht), tax: amount(wire.total_tva), taxIncl: amount(wire.total_ttc) };
}

/** Dolibarr's totals against the shop's, to the cent. */
export interface TotalsGap {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

/** In the document's currency (the order's), whatever Dolibarr's company currency. */
export function gapOf(draft: SalesDocumentDraft, wire: WireDocument): TotalsGap {
  const totals = documentTotals(wire);
  return {
    taxExcl: round(draft.shopTotals.taxExcl).minus(totals.taxExcl),
    taxIncl: round(draft.shopTotals.taxIncl).minus(totals.taxIncl),
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
  const totals = documentTotals(wire);
  const values = {
    shopExcl: format(round(draft.shopTotals.taxExcl)),
    shopIncl: format(round(draft.shopTotals.taxIncl)),
    dolibarrExcl: format(totals.taxExcl),
    dolibarrIncl: format(totals.taxIncl),
  };
  const dolibarr = `Dolibarr ${values.dolibarrExcl} HT / ${values.dolibarrIncl} TTC`;
  const shop = `boutique ${values.shopExcl} HT / ${values.shopIncl} TTC`;
  return new ExpectedFailure(
    'totals-mismatch',
    `Les totaux calculés par Dolibarr diffèrent de ceux de la boutique au-delà de l’écart toléré (${shop} ; ${dolibarr}) : le brouillon a été supprimé ; vérifiez les taux de TVA et les arrondis de Dolibarr, ou augmentez l’écart toléré.`,
    { data: { case: 'totals-differ', ...values } },
  );
}
