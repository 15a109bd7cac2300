import type { DocumentType, SalesDocument } from '../../domain/sales-document.js';
import type { Language, Translate } from '../i18n.js';
import { DOCUMENT_NAMES } from './labels.js';

/** "une facture", "un bon de commande" in French; the bare French name in English ("a facture"). */
function typeName(type: DocumentType, language: Language): string {
  const name = DOCUMENT_NAMES[type].toLowerCase();
  if (language === 'en') return name;
  return `${type === 'invoice' ? 'une' : 'un'} ${name}`;
}

/**
 * Why a transformation asked on the document page was refused, in the page's language: from the
 * refusal's code and the document (transform-document.ts gives the same in French to the CLI). A code
 * this page does not know (a remote GesCom's own refusal) keeps the message the use case gave.
 */
export function transformRefusalText(
  refusal: { readonly code: string; readonly message: string },
  document: Pick<SalesDocument, 'number' | 'type' | 'transformedInto'>,
  to: DocumentType | undefined,
  t: Translate,
  language: Language,
): string {
  const number = document.number;
  switch (refusal.code) {
    case 'tracking-needs-delivery':
      return to === undefined
        ? refusal.message
        : t('transformRefusedTrackingNeedsDelivery', { number, to: typeName(to, language) });
    case 'already-transformed':
      return t('transformRefusedAlreadyTransformed', { number, into: document.transformedInto ?? '—' });
    case 'document-cancelled':
      return t('transformRefusedCancelled', { number });
    case 'transform-backwards':
      return to === undefined
        ? refusal.message
        : t('transformRefusedBackwards', {
            number,
            from: typeName(document.type, language),
            to: typeName(to, language),
          });
    case 'transform-unsupported':
      return to === 'credit_note' || document.type === 'credit_note'
        ? t('transformRefusedCreditNote')
        : refusal.message;
    case 'transform-in-gescom':
      return t('transformInDolibarr');
    case 'invalid-value':
      return t('transformRefusedTrackingTooLong');
    default:
      return refusal.message;
  }
}
