import { ExpectedFailure, isExpectedFailure } from '../../domain/failure.js';
import { DOCUMENT_TYPE_NAMES } from '../../domain/labels.js';
import type { DocumentSummary, DocumentType } from '../../domain/sales-document.js';
import type { GescomTarget } from '../../ports/gescom-target.js';

/** A tracking number typed for a transformation into anything but a bon de livraison. */
export const TRACKING_NEEDS_DELIVERY = 'tracking-needs-delivery';

/** What a person asks when transforming a document (CLI or web document page). */
export interface TransformRequest {
  readonly to: DocumentType;
  /** The carrier's tracking number, on a delivery (bon de livraison). */
  readonly trackingNumber?: string;
}

/**
 * Transforms a document by hand, as the GesCom's own screens do: the new document keeps the source's
 * status; no state change is queued here, the status sweep finds the transformation like any other
 * (SPEC §6). The GesCom's refusals are said in French, with what to do.
 */
export async function transformDocument(
  target: GescomTarget,
  number: string,
  request: TransformRequest,
): Promise<DocumentSummary> {
  const source = await target.getDocument(number);
  if (source === undefined)
    throw new ExpectedFailure(
      'document-not-found',
      `aucun document ${number} dans la gestion commerciale : vérifiez le numéro ("navette documents" les liste).`,
    );
  const trackingNumber = request.trackingNumber?.trim() ?? '';
  // Said before the GesCom is asked, whatever the GesCom: a number typed for another type is never dropped.
  if (trackingNumber !== '' && request.to !== 'delivery')
    throw new ExpectedFailure(
      TRACKING_NEEDS_DELIVERY,
      frenchReason(TRACKING_NEEDS_DELIVERY, source, request.to, ''),
    );
  try {
    return await target.transformDocument(number, {
      type: request.to,
      status: source.status,
      ...(trackingNumber === '' ? {} : { trackingNumber }),
    });
  } catch (error) {
    if (!isExpectedFailure(error)) throw error;
    throw new ExpectedFailure(error.code, frenchReason(error.code, source, request.to, error.message), {
      cause: error,
    });
  }
}

function frenchReason(
  code: string,
  source: {
    readonly number: string;
    readonly type: DocumentType;
    readonly transformedInto: string | undefined;
  },
  to: DocumentType,
  original: string,
): string {
  const from = DOCUMENT_TYPE_NAMES[source.type].toLowerCase();
  const into = `${to === 'invoice' ? 'une' : 'un'} ${DOCUMENT_TYPE_NAMES[to].toLowerCase()}`;
  switch (code) {
    case 'already-transformed':
      return `le document ${source.number} est déjà transformé en ${source.transformedInto ?? 'un autre'} : transformez celui-là.`;
    case 'document-cancelled':
      return `le document ${source.number} est annulé : il ne se transforme plus.`;
    case 'transform-backwards':
      return `le document ${source.number} est un ${from} : il ne peut pas devenir ${into} (un document ne fait qu'avancer : devis → bon de commande → bon de livraison → facture).`;
    case TRACKING_NEEDS_DELIVERY:
      return `le numéro de suivi se met sur un bon de livraison, pas sur ${into} : transformez ${source.number} en bon de livraison avec ce numéro, ou videz le champ.`;
    case 'transform-unsupported':
      // Else a GesCom that does not transform by hand (Dolibarr) says why in its own words.
      return to === 'credit_note' || source.type === 'credit_note'
        ? `un avoir ne fait pas partie de la chaîne devis → facture.`
        : original;
    case 'invalid-value':
      return `le numéro de suivi dépasse 64 caractères (la limite de PrestaShop) : vérifiez-le.`;
    default:
      return original;
  }
}
