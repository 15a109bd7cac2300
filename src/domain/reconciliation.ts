import { DOCUMENT_TYPE_NAMES } from './labels.js';
import { frenchAmount } from './french-format.js';
import type { Amount } from './money.js';
import type { DocumentStatus, DocumentType } from './sales-document.js';
import type { ShopDateTime, ShopOrderKey } from './shop-order.js';

/**
 * The reconciliation report ("Rapprochement", issue 11): what is in the shop and not in the GesCom, and
 * what differs between an order and its document, each difference with what to do about it.
 */

export const DIFFERENCE_KINDS = [
  /** An order of a selected state that was never imported. */
  'not-imported',
  /** An order imported once whose document is no longer in the GesCom. */
  'document-missing',
  /** The document's totals (the GesCom's own) are not the order's. */
  'totals-differ',
  /** Paid in the shop, still a devis in the GesCom. */
  'paid-still-quote',
  /** Cancelled or refunded in the shop, still live (not cancelled) in the GesCom. */
  'cancelled-still-live',
  /** A document whose order no longer exists in the shop. */
  'order-missing',
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface ReconciledTotals {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

/** The document a difference concerns: the newest of the order's chain. */
export interface ReconciledDocument {
  readonly number: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly totals: ReconciledTotals;
}

/** The order a difference concerns, as the shop has it now. */
export interface ReconciledOrder {
  readonly reference: string;
  readonly dateAdd: ShopDateTime;
  readonly stateId: number;
  readonly stateName: string;
  /** Undefined when the shop's answer for the order could not be read. */
  readonly totals: ReconciledTotals | undefined;
}

export interface Difference {
  readonly kind: DifferenceKind;
  readonly key: ShopOrderKey;
  /** Undefined for `order-missing`. */
  readonly order: ReconciledOrder | undefined;
  /** Undefined for `not-imported` and `document-missing`. */
  readonly document: ReconciledDocument | undefined;
  /** The import run that created the order's document, when the import ledger knows it. */
  readonly runId: string | undefined;
  /** What to do, in French. */
  readonly action: string;
}

export interface ReconciliationReport {
  /** Inclusive bounds, in the shop's local time, on `dateField`. */
  readonly period: { readonly from: ShopDateTime; readonly to: ShopDateTime; readonly dateField: string };
  readonly shopIds: readonly number[];
  /** Orders of the period read from the shop (selected states and cancellations). */
  readonly ordersChecked: number;
  /** Documents of the period found in the GesCom with an order key. */
  readonly documentsChecked: number;
  readonly differences: readonly Difference[];
  /** Webservice calls the report made, when counted. */
  readonly webserviceCalls: number | undefined;
}

/** French names of the kinds, for the CLI, the CSV and the JSON. */
export const DIFFERENCE_NAMES: Readonly<Record<DifferenceKind, string>> = {
  'not-imported': 'Absente de la gestion commerciale',
  'document-missing': 'Document disparu de la gestion commerciale',
  'totals-differ': 'Totaux différents',
  'paid-still-quote': 'Payée, encore en devis',
  'cancelled-still-live': 'Annulée ou remboursée, document toujours actif',
  'order-missing': 'Commande disparue de la boutique',
};

/** `le devis DE00001`, `la facture FA00001`. */
function theDocument(document: ReconciledDocument | undefined): string {
  if (document === undefined) return 'le document';
  const article = document.type === 'invoice' ? 'la' : 'le';
  return `${article} ${DOCUMENT_TYPE_NAMES[document.type].toLowerCase()} ${document.number}`;
}

/** What to do about one difference, in French: said to a shop owner, naming the command to type. */
export function differenceAction(
  kind: DifferenceKind,
  facts: {
    readonly key: ShopOrderKey;
    readonly order?: ReconciledOrder | undefined;
    readonly document?: ReconciledDocument | undefined;
  },
): string {
  const { key, order, document } = facts;
  const day = order?.dateAdd.slice(0, 10) ?? '';
  const it = theDocument(document);
  switch (kind) {
    case 'not-imported':
      return `Importez-la : navette import --from ${day} --to ${day} --shop ${key.shopId} (ou « Importer maintenant »).`;
    case 'document-missing':
      return (
        'Son document a été supprimé de la gestion commerciale : pour la réimporter, ' +
        `navette reset --orders ${key.orderId} --shop ${key.shopId}, puis importez-la.`
      );
    case 'totals-differ': {
      const gescom = document ? `${frenchAmount(document.totals.taxIncl)} TTC` : '?';
      const shop = order?.totals ? `${frenchAmount(order.totals.taxIncl)} TTC` : '?';
      return (
        `Vérifiez ${it} : ${gescom} dans la gestion commerciale, ${shop} dans la boutique ` +
        '(commande modifiée dans la boutique, ou document modifié dans la gestion commerciale).'
      );
    }
    case 'paid-still-quote':
      return `Transformez ${it} en bon de commande ou en facture : la commande est payée dans la boutique.`;
    case 'cancelled-still-live':
      return `Annulez ${it} ou faites-en un avoir dans la gestion commerciale : la commande est « ${order?.stateName ?? ''} » dans la boutique.`;
    case 'order-missing':
      return `La commande ${key.orderId} (boutique ${key.shopId}) n'existe plus dans la boutique : vérifiez ${it} et annulez-le s'il n'a plus lieu d'être.`;
  }
}
