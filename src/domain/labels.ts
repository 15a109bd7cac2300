import type { DocumentStatus, DocumentType } from './sales-document.js';

/**
 * The words French GesCom users know (Sage 100's), for every screen and report: they stay in French
 * whatever the interface's language.
 */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  quote: 'Devis',
  order: 'Bon de commande',
  delivery: 'Bon de livraison',
  invoice: 'Facture',
  credit_note: 'Avoir',
};

/** SPEC §2's window shows the bon de commande as "Commande". */
export const RULE_DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  ...DOCUMENT_TYPE_NAMES,
  order: 'Commande',
};

export const DOCUMENT_STATUS_NAMES: Readonly<Record<DocumentStatus, string>> = {
  draft: 'Saisi',
  confirmed: 'Confirmé',
  accepted: 'Accepté',
};
