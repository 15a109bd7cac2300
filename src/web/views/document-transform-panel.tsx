import { documentRank, type SalesDocument } from '../../domain/sales-document.js';
import { DOCUMENT_NAMES } from './labels.js';
import { CsrfField, type PageContext } from './layout.js';

const CHAIN = ['order', 'delivery', 'invoice'] as const;

/**
 * The document page's "Transformer" panel: one form, one button per type further along the chain (devis →
 * bon de commande → bon de livraison → facture), and the tracking number field. One form, so that a
 * number typed and then another button clicked reaches the server, which refuses it clearly (a tracking
 * number belongs to a delivery) instead of the browser dropping it. Shown only for the live head of a
 * chain: a transformed or cancelled document is not transformed again.
 */
export function DocumentTransformPanel(props: {
  page: PageContext;
  document: SalesDocument;
  /** Dolibarr: documents are transformed in the GesCom's own screens, the panel says so instead. */
  transformsInGescom?: boolean;
  /** What was typed, kept when the transformation was refused. */
  trackingNumber?: string;
}) {
  const { page, document } = props;
  const { t } = page;
  if (document.cancelled || document.transformedInto !== undefined || document.type === 'credit_note')
    return null;
  const targets = CHAIN.filter((type) => documentRank(type) > documentRank(document.type));
  if (targets.length === 0) return null;
  if (props.transformsInGescom)
    return (
      <section class="panel" id="document-transform" aria-labelledby="document-transform-title">
        <h2 id="document-transform-title">{t('transformTitle')}</h2>
        <p class="help">{t('transformInDolibarr')}</p>
      </section>
    );
  const action = `/documents/${encodeURIComponent(document.number)}/transform`;
  return (
    <section class="panel" id="document-transform" aria-labelledby="document-transform-title">
      <h2 id="document-transform-title">{t('transformTitle')}</h2>
      <p class="help">{t('transformHelp')}</p>
      <form method="post" action={action} class="inline-form">
        <CsrfField token={page.csrfToken} />
        {targets.includes('delivery') ? (
          <div class="field">
            <label for="transform-tracking">{t('trackingNumberOptional')}</label>
            <input
              id="transform-tracking"
              name="tracking"
              type="text"
              maxlength={64}
              autocomplete="off"
              value={props.trackingNumber ?? ''}
              aria-describedby="transform-tracking-help"
            />
            <p class="help" id="transform-tracking-help">
              {t('transformTrackingHelp')}
            </p>
          </div>
        ) : null}
        <div class="actions">
          {targets.map((type) => (
            <button type="submit" name="to" value={type} data-transform={type}>
              {t('transformInto', { type: DOCUMENT_NAMES[type].toLowerCase() })}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}
