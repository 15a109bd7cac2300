import { toText } from '../../domain/money.js';
import type { Difference, DifferenceKind, ReconciliationReport } from '../../domain/reconciliation.js';
import type { Language, MessageKey, Translate } from '../i18n.js';
import { formatAmount, formatLocalDate } from './format.js';
import { DOCUMENT_NAMES } from './labels.js';
import { DataTable, type Column } from './data-table.js';
import { Layout, Notice, type PageContext } from './layout.js';

/** What the form asked for, as typed (shown back as is). */
export interface ReconcileRequestFields {
  readonly from: string;
  readonly to: string;
  readonly shop: string;
}

const KIND_LABELS: Readonly<Record<DifferenceKind, MessageKey>> = {
  'not-imported': 'diffNotImported',
  'document-missing': 'diffDocumentMissing',
  'totals-differ': 'diffTotalsDiffer',
  'paid-still-quote': 'diffPaidStillQuote',
  'cancelled-still-live': 'diffCancelledStillLive',
  'order-missing': 'diffOrderMissing',
};

const TODO: Readonly<Record<DifferenceKind, MessageKey>> = {
  'not-imported': 'todoNotImported',
  'document-missing': 'todoDocumentMissing',
  'totals-differ': 'todoTotalsDiffer',
  'paid-still-quote': 'todoPaidStillQuote',
  'cancelled-still-live': 'todoCancelledStillLive',
  'order-missing': 'todoOrderMissing',
};

/** "Rapprochement": the period's form, then the differences with what to do and where. */
export function ReconcilePage(props: {
  page: PageContext;
  fields: ReconcileRequestFields;
  report: ReconciliationReport | undefined;
  error: string | undefined;
  csvLink: string | undefined;
}) {
  const { page, fields, report } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('reconcileTitle')} active="reconcile">
      <p class="help">{t('reconcileHelp')}</p>
      <form method="get" action="/reconcile" class="panel filters">
        <input type="hidden" name="run" value="1" />
        <DayField name="from" label={t('from')} value={fields.from} placeholder={t('datePlaceholder')} />
        <DayField name="to" label={t('to')} value={fields.to} placeholder={t('datePlaceholder')} />
        <div class="field">
          <label for="reconcile-shop">{t('reconcileShops')}</label>
          <input type="text" id="reconcile-shop" name="shop" value={fields.shop} size={8} />
        </div>
        <button type="submit">{t('reconcileRun')}</button>
      </form>
      {props.error === undefined ? null : <Notice kind="error">{props.error}</Notice>}
      {report === undefined ? null : (
        <ReportView report={report} t={t} language={page.language} csvLink={props.csvLink} />
      )}
    </Layout>
  );
}

function DayField(props: { name: string; label: string; value: string; placeholder: string }) {
  const id = `reconcile-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type="text"
        id={id}
        name={props.name}
        value={props.value}
        placeholder={props.placeholder}
        inputmode="numeric"
        size={10}
      />
    </div>
  );
}

function ReportView(props: {
  report: ReconciliationReport;
  t: Translate;
  language: Language;
  csvLink: string | undefined;
}) {
  const { report, t } = props;
  const count = report.differences.length;
  return (
    <section id="reconciliation">
      <p>
        {t('reconcileSummary', {
          from: formatLocalDate(report.period.from.slice(0, 10)),
          to: formatLocalDate(report.period.to.slice(0, 10)),
          orders: report.ordersChecked,
          documents: report.documentsChecked,
          calls: report.webserviceCalls ?? '?',
        })}
      </p>
      {count === 0 ? (
        <Notice kind="ok">{t('reconcileNone')}</Notice>
      ) : (
        <>
          <Notice kind="warn">{t('reconcileCount', { count })}</Notice>
          <DifferenceTable differences={report.differences} t={t} language={props.language} />
        </>
      )}
      {props.csvLink === undefined ? null : (
        <p>
          <a href={props.csvLink} download>
            {t('reconcileDownloadCsv')}
          </a>
        </p>
      )}
    </section>
  );
}

function DifferenceTable(props: { differences: readonly Difference[]; t: Translate; language: Language }) {
  const { t, language } = props;
  const money = (value: Parameters<typeof toText>[0] | undefined) =>
    value === undefined ? '' : formatAmount(toText(value), language);
  const columns: readonly Column<Difference>[] = [
    { header: t('colDifference'), cell: (difference) => t(KIND_LABELS[difference.kind]) },
    {
      header: t('colOrder'),
      cell: ({ key, order }) => `${key.orderId} (${key.shopId})${order ? ` ${order.reference}` : ''}`,
    },
    { header: t('date'), cell: ({ order }) => (order ? formatLocalDate(order.dateAdd) : '') },
    { header: t('colState'), cell: ({ order }) => order?.stateName ?? '' },
    { header: t('colShopTotal'), cell: ({ order }) => money(order?.totals?.taxIncl), kind: 'number' },
    {
      header: t('document'),
      cell: ({ document }) =>
        document ? (
          <a href={`/documents/${encodeURIComponent(document.number)}`}>
            {DOCUMENT_NAMES[document.type]} {document.number}
          </a>
        ) : (
          ''
        ),
    },
    { header: t('colGescomTotal'), cell: ({ document }) => money(document?.totals.taxIncl), kind: 'number' },
    {
      header: t('colToDo'),
      cell: (difference) => (
        <>
          {t(TODO[difference.kind], { shop: difference.key.shopId, order: difference.key.orderId })}{' '}
          <ActionLink difference={difference} t={t} />
        </>
      ),
    },
  ];
  return (
    <DataTable
      id="differences"
      columns={columns}
      rows={props.differences}
      rowAttributes={(difference) => ({ 'data-kind': difference.kind })}
    />
  );
}

/** Where to act: the document, the import that created it, or "Importer maintenant". */
function ActionLink(props: { difference: Difference; t: Translate }) {
  const { difference, t } = props;
  if (difference.kind === 'not-imported') return <a href="/import-now">{t('navImportNow')}</a>;
  if (difference.document !== undefined)
    return <a href={`/documents/${encodeURIComponent(difference.document.number)}`}>{t('seeDocument')}</a>;
  if (difference.runId !== undefined)
    return <a href={`/history/${encodeURIComponent(difference.runId)}`}>{t('seeImport')}</a>;
  return null;
}
