import type { OrderOutcome } from '../../domain/import-report.js';
import { formatShopOrderKey } from '../../domain/shop-order.js';
import type { Language, Translate } from '../i18n.js';
import { formatLocalDate, formatMoney } from './format.js';
import { DOCUMENT_NAMES, DOCUMENT_STATUS_LABELS, OUTCOME_LABELS } from './labels.js';

/**
 * The document's type and status, apart: "Bon de commande · Confirmé", never "Commande Confirmé" (the
 * state table's short "Commande" is for its own column; the status is the GesCom's, not an adjective).
 */
function DocumentCell(props: { outcome: OrderOutcome }) {
  const { document } = props.outcome;
  if (document === undefined) return <>—</>;
  const label = `${DOCUMENT_NAMES[document.type]} · ${DOCUMENT_STATUS_LABELS[document.status]}`;
  return document.number === undefined ? (
    <>{label}</>
  ) : (
    <>
      <a href={`/documents/${encodeURIComponent(document.number)}`}>{document.number}</a> ({label})
    </>
  );
}

/** Orders of a run, one row each: what was (or would be) done and why. */
export function OutcomeTable(props: {
  outcomes: readonly OrderOutcome[];
  t: Translate;
  language: Language;
  /** Aperçu: a checkbox per order that would be imported (unticked = left out of the next run). */
  selectable?: { readonly excluded: ReadonlySet<string> };
}) {
  const { t, language, selectable } = props;
  const choosable = (outcome: OrderOutcome) =>
    outcome.status === 'would-import' || outcome.status === 'would-upgrade';
  const noneChoosable = selectable !== undefined && !props.outcomes.some(choosable);
  return (
    <div class="table-wrap">
      {noneChoosable ? (
        <p class="help" id="nothing-to-include">
          {t('nothingToInclude')}
        </p>
      ) : null}
      <table id="outcomes">
        <thead>
          <tr>
            {selectable === undefined ? null : <th scope="col">{t('include')}</th>}
            <th scope="col">{t('order')}</th>
            <th scope="col">{t('date')}</th>
            <th scope="col">{t('shopState')}</th>
            <th scope="col">{t('customer')}</th>
            <th scope="col" class="num">
              {t('total')}
            </th>
            <th scope="col">{t('outcome')}</th>
            <th scope="col">{t('document')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.outcomes.map((outcome) => {
            const key = formatShopOrderKey({ shopId: outcome.shopId, orderId: outcome.orderId });
            const canChoose = choosable(outcome);
            return (
              <tr data-order-key={key}>
                {selectable === undefined ? null : (
                  <td class="center">
                    {canChoose ? (
                      <>
                        <input type="hidden" name="shown" value={key} />
                        <input
                          type="checkbox"
                          name="include"
                          value={key}
                          checked={!selectable.excluded.has(key)}
                          aria-label={`${t('include')} ${outcome.reference}`}
                        />
                      </>
                    ) : (
                      <span class="help" title={t('notIncludable')}>
                        —
                      </span>
                    )}
                  </td>
                )}
                <td>
                  {outcome.reference} <span class="help">n° {outcome.orderId}</span>
                </td>
                <td class="nowrap">{formatLocalDate(outcome.orderDate)}</td>
                <td>{outcome.stateName}</td>
                <td>{outcome.customerName}</td>
                <td class="num">{formatMoney(outcome.totalTaxIncl, outcome.currency, language)}</td>
                <td>
                  <span class={`badge ${outcome.status}`}>{t(OUTCOME_LABELS[outcome.status])}</span>
                </td>
                <td>
                  <DocumentCell outcome={outcome} />
                </td>
                <td>
                  {outcome.reason ?? ''}
                  {outcome.notes.length === 0 ? null : <div class="help">{outcome.notes.join(' · ')}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
