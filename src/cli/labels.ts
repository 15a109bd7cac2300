import type { DocumentStatus, DocumentType } from '../domain/sales-document.js';

/** The words a French GesCom user knows (Sage 100's). */
export function documentTypeLabel(type: DocumentType): string {
  return {
    quote: 'Devis',
    order: 'Bon de commande',
    delivery: 'Bon de livraison',
    invoice: 'Facture',
    credit_note: 'Avoir',
  }[type];
}

export function documentStatusLabel(status: DocumentStatus): string {
  return { draft: 'Saisi', confirmed: 'Confirmé', accepted: 'Accepté' }[status];
}
