import type { OrderOutcome } from '../../domain/import-report.js';
import { formatShopOrderKey } from '../../domain/shop-order.js';
import type { Language, Translate } from '../i18n.js';
import { DataTable, type Column } from './data-table.js';
import { formatLocalDate, formatMoney } from './format.js';
import { DOCUMENT_NAMES, DOCUMENT_STATUS_LABELS, OUTCOME_LABELS } from './labels.js';
import { outcomeNotesText } from './outcome-note-text.js';
import { outcomeReasonText } from './outcome-reason-text.js';

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

/**
 * Who ordered. An order settled from the shop's list alone (skipped, or refused before it could be
 * read) has no name unless its document gave one: the cell says it was not read rather than stay empty.
 */
function CustomerCell(props: { outcome: OrderOutcome; t: Translate }) {
  const { outcome, t } = props;
  if (outcome.customerName !== '') return <>{outcome.customerName}</>;
  if (outcome.status !== 'skipped' && outcome.status !== 'failed') return <>—</>;
  return (
    <span class="help" title={t('customerNotReadHelp')}>
      {t('customerNotRead')}
    </span>
  );
}

const choosable = (outcome: OrderOutcome) =>
  outcome.status === 'would-import' || outcome.status === 'would-upgrade';

const orderKey = (outcome: OrderOutcome) =>
  formatShopOrderKey({ shopId: outcome.shopId, orderId: outcome.orderId });

/** The aperçu's checkbox: ticked unless the order was left out; only for an order a run would import. */
function IncludeCell(props: { outcome: OrderOutcome; excluded: ReadonlySet<string>; t: Translate }) {
  const { outcome, t } = props;
  const key = orderKey(outcome);
  if (!choosable(outcome))
    return (
      <span class="help" title={t('notIncludable')}>
        —
      </span>
    );
  return (
    <>
      <input type="hidden" name="shown" value={key} />
      <input
        type="checkbox"
        name="include"
        value={key}
        checked={!props.excluded.has(key)}
        aria-label={`${t('include')} ${outcome.reference}`}
      />
    </>
  );
}

function outcomeColumns(t: Translate, language: Language): readonly Column<OrderOutcome>[] {
  return [
    {
      header: t('order'),
      cell: (outcome) => (
        <>
          {outcome.reference} <span class="help">{t('orderNumber', { orderId: outcome.orderId })}</span>
        </>
      ),
    },
    { header: t('date'), cell: (outcome) => formatLocalDate(outcome.orderDate), kind: 'date' },
    { header: t('shopState'), cell: (outcome) => outcome.stateName },
    { header: t('customer'), cell: (outcome) => <CustomerCell outcome={outcome} t={t} /> },
    {
      header: t('total'),
      cell: (outcome) => formatMoney(outcome.totalTaxIncl, outcome.currency, language),
      kind: 'number',
    },
    {
      header: t('outcome'),
      cell: (outcome) => <span class={`badge ${outcome.status}`}>{t(OUTCOME_LABELS[outcome.status])}</span>,
    },
    { header: t('document'), cell: (outcome) => <DocumentCell outcome={outcome} /> },
    {
      header: t('reason'),
      cell: (outcome) => (
        <>
          {outcomeReasonText(outcome, language)}
          {outcome.notes.length === 0 ? null : (
            <div class="help">{outcomeNotesText(outcome, language).join(' · ')}</div>
          )}
        </>
      ),
    },
  ];
}

/** Orders of a run, one row each: what was (or would be) done and why. */
export function OutcomeTable(props: {
  outcomes: readonly OrderOutcome[];
  t: Translate;
  language: Language;
  /** Aperçu: a checkbox per order that would be imported (unticked = left out of the next run). */
  selectable?: { readonly excluded: ReadonlySet<string> };
}) {
  const { t, selectable } = props;
  const include: readonly Column<OrderOutcome>[] =
    selectable === undefined
      ? []
      : [
          {
            header: t('include'),
            cell: (outcome) => <IncludeCell outcome={outcome} excluded={selectable.excluded} t={t} />,
            kind: 'check',
          },
        ];
  const noneChoosable = selectable !== undefined && !props.outcomes.some(choosable);
  return (
    <DataTable
      id="outcomes"
      columns={[...include, ...outcomeColumns(t, props.language)]}
      rows={props.outcomes}
      rowAttributes={(outcome) => ({ 'data-order-key': orderKey(outcome) })}
      note={
        noneChoosable ? (
          <p class="help" id="nothing-to-include">
            {t('nothingToInclude')}
          </p>
        ) : undefined
      }
    />
  );
}
