import type { DocumentKind } from './store.js';

/** What differs between proposals, orders and invoices in tables, numbering and messages. */
export interface KindInfo {
  readonly kind: DocumentKind;
  readonly table: string;
  readonly lineTable: string;
  /** The line's foreign key to its document. */
  readonly lineParent: string;
  readonly prefix: string;
  readonly notFound: string;
  readonly noun: string;
  readonly createError: string;
  readonly listName: string;
}

export const KINDS: Readonly<Record<DocumentKind, KindInfo>> = {
  propal: {
    kind: 'propal',
    table: 'propal',
    lineTable: 'propaldet',
    lineParent: 'fk_propal',
    prefix: 'PR',
    notFound: 'Commercial Proposal not found',
    noun: 'proposal',
    createError: 'Error creating proposal',
    listName: 'propal',
  },
  commande: {
    kind: 'commande',
    table: 'commande',
    lineTable: 'commandedet',
    lineParent: 'fk_commande',
    prefix: 'CO',
    notFound: 'Order not found',
    noun: 'order',
    createError: 'Error creating order',
    listName: 'commande',
  },
  facture: {
    kind: 'facture',
    table: 'facture',
    lineTable: 'facturedet',
    lineParent: 'fk_facture',
    prefix: 'FA',
    notFound: 'Invoice not found',
    noun: 'invoice',
    createError: 'Error creating invoice',
    listName: 'facture',
  },
};
