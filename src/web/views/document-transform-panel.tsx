import { documentRank, type SalesDocument } from '../../domain/sales-document.js';
import { DOCUMENT_NAMES } from './labels.js';
import { CsrfField, type PageContext } from './layout.js';

const CHAIN = ['order', 'delivery', 'invoice'] as const;

/**
 * The document page's "Transformer" panel: one button per type further along the chain (devis → bon de
 * commande → bon de livraison → facture), the tracking number beside the delivery. Shown only for the live
 * head of a chain: a transformed or cancelled document is not transformed again.
 */
export function DocumentTransformPanel(props: {
  page: PageContext;
  document: SalesDocument;
  /** Dolibarr: documents are transformed in the GesCom's own screens, the panel says so instead. */
  transformsInGescom?: boolean;
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
      {targets.map((type) => (
        <form method="post" action={action} class="inline-form" data-transform={type}>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="to" value={type} />
          {type === 'delivery' ? (
            <div class="field">
              <label for="transform-tracking">{t('trackingNumberOptional')}</label>
              <input id="transform-tracking" name="tracking" type="text" maxlength={64} autocomplete="off" />
            </div>
          ) : null}
          <div class="actions">
            <button type="submit">{t('transformInto', { type: DOCUMENT_NAMES[type].toLowerCase() })}</button>
          </div>
        </form>
      ))}
    </section>
  );
}
