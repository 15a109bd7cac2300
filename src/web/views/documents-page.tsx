import type { DocumentFilter } from '../../ports/gescom-target.js';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentSummary,
  type SalesDocument,
} from '../../domain/sales-document.js';
import type { DocumentAddress, PaymentDraft } from '../../domain/sales-document.js';
import { formatShopOrderKey, parseShopOrderKey } from '../../domain/shop-order.js';
import { format } from '../../domain/money.js';
import { formatAmount, formatLocalDate, formatMoney, formatVatRate, isoDayToField } from './format.js';
import { DOCUMENT_NAMES, DOCUMENT_STATUS_LABELS } from './labels.js';
import { DataTable, type Column } from './data-table.js';
import { DocumentTransformPanel } from './document-transform-panel.js';
import { Layout, Notice, type PageContext } from './layout.js';

/** dd/mm/yyyy (the browser's own date widget would follow its locale, not the page's language). */
const DAY_PATTERN = '\\d{2}/\\d{2}/\\d{4}';

/** A filter of the documents list: one value, or every one. */
function FilterSelect<V extends string>(props: {
  name: string;
  label: string;
  all: string;
  values: readonly V[];
  labels: Readonly<Record<V, string>>;
  current: V | undefined;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.all}</option>
        {props.values.map((value) => (
          <option value={value} selected={props.current === value}>
            {props.labels[value]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One document a row; its number opens it, its type says whether it was cancelled or transformed. */
function documentColumns(page: PageContext): readonly Column<DocumentSummary>[] {
  const { t, language } = page;
  const money = (document: DocumentSummary, value: Parameters<typeof format>[0]) =>
    formatMoney(format(value), document.currency, language);
  return [
    {
      header: t('number'),
      cell: (document) => <a href={`/documents/${encodeURIComponent(document.number)}`}>{document.number}</a>,
    },
    {
      header: t('type'),
      cell: (document) => (
        <>
          {DOCUMENT_NAMES[document.type]}
          {document.cancelled ? ` (${t('cancelled')})` : ''}
          {document.transformedInto === undefined ? '' : ` → ${document.transformedInto}`}
        </>
      ),
    },
    { header: t('status'), cell: (document) => DOCUMENT_STATUS_LABELS[document.status] },
    { header: t('date'), cell: (document) => formatLocalDate(document.date), kind: 'date' },
    {
      header: t('customer'),
      cell: (document) => (
        <>
          {document.customerName} <span class="help">{document.customerCode}</span>
        </>
      ),
    },
    { header: t('reference'), cell: (document) => document.reference },
    {
      header: t('totalExcl'),
      cell: (document) => money(document, document.totals.taxExcl),
      kind: 'number',
    },
    {
      header: t('totalIncl'),
      cell: (document) => money(document, document.totals.taxIncl),
      kind: 'number',
    },
  ];
}

export function DocumentsPage(props: {
  page: PageContext;
  filter: DocumentFilter;
  items: readonly DocumentSummary[];
  total: number;
  offset: number;
  pageSize: number;
  query: string;
}) {
  const { page, filter } = props;
  const { t } = page;
  const pageLink = (offset: number) =>
    `/documents?${props.query}${props.query === '' ? '' : '&'}offset=${offset}`;
  return (
    <Layout page={page} title={t('documentsTitle')} active="documents">
      <form method="get" action="/documents" class="panel filters" role="search">
        <FilterSelect
          name="type"
          label={t('type')}
          all={t('allTypes')}
          values={DOCUMENT_TYPES}
          labels={DOCUMENT_NAMES}
          current={filter.type}
        />
        <FilterSelect
          name="status"
          label={t('status')}
          all={t('allStatuses')}
          values={DOCUMENT_STATUSES}
          labels={DOCUMENT_STATUS_LABELS}
          current={filter.status}
        />
        <div class="field">
          <label for="filter-from">{t('from')}</label>
          <input
            type="text"
            id="filter-from"
            name="from"
            value={isoDayToField(filter.from ?? '')}
            placeholder={t('datePlaceholder')}
            pattern={DAY_PATTERN}
            inputmode="numeric"
            size={10}
          />
        </div>
        <div class="field">
          <label for="filter-to">{t('to')}</label>
          <input
            type="text"
            id="filter-to"
            name="to"
            value={isoDayToField(filter.to ?? '')}
            placeholder={t('datePlaceholder')}
            pattern={DAY_PATTERN}
            inputmode="numeric"
            size={10}
          />
        </div>
        <div class="field">
          <label for="filter-customer">{t('customer')}</label>
          <input type="text" id="filter-customer" name="customer" value={filter.customer ?? ''} />
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
      <DataTable
        id="documents"
        columns={documentColumns(page)}
        rows={props.items}
        empty={<Notice kind="warn">{t('noDocuments')}</Notice>}
      />
      <div class="pager">
        <span id="documents-count">{t('documentCount', { count: props.total })}</span>
        {props.offset > 0 ? (
          <a href={pageLink(Math.max(0, props.offset - props.pageSize))}>{t('previous')}</a>
        ) : null}
        {props.offset + props.items.length < props.total ? (
          <a href={pageLink(props.offset + props.pageSize)}>{t('next')}</a>
        ) : null}
      </div>
    </Layout>
  );
}

function Address(props: { title: string; address: DocumentAddress | undefined }) {
  const { address } = props;
  return (
    <div class="panel">
      <h2>{props.title}</h2>
      {address === undefined ? (
        <p>—</p>
      ) : (
        <address>
          {address.name}
          <br />
          {address.company === '' ? null : (
            <>
              {address.company}
              <br />
            </>
          )}
          {address.line1}
          <br />
          {address.line2 === '' ? null : (
            <>
              {address.line2}
              <br />
            </>
          )}
          {address.postcode} {address.city}
          <br />
          {address.country}
        </address>
      )}
    </div>
  );
}

/** An amount in the document's currency, in the page's language. */
type Money = (value: Parameters<typeof format>[0]) => string;

function lineColumns(page: PageContext, money: Money): readonly Column<SalesDocument['lines'][number]>[] {
  const { t, language } = page;
  return [
    { header: t('article'), cell: (line) => line.articleReference },
    { header: t('label'), cell: (line) => line.label },
    { header: t('quantity'), cell: (line) => line.quantity.toFixed(), kind: 'number' },
    {
      header: t('unitPrice'),
      cell: (line) => formatAmount(line.unitPriceTaxExcl.toFixed(), language),
      kind: 'number',
    },
    { header: t('vatRate'), cell: (line) => formatVatRate(line.vatRate, language), kind: 'number' },
    { header: t('totalExcl'), cell: (line) => money(line.totalTaxExcl), kind: 'number' },
    { header: t('totalIncl'), cell: (line) => money(line.totalTaxIncl), kind: 'number' },
  ];
}

function paymentColumns(page: PageContext, money: Money): readonly Column<PaymentDraft>[] {
  const { t } = page;
  return [
    { header: t('date'), cell: (payment) => formatLocalDate(payment.date), kind: 'date' },
    { header: t('mode'), cell: (payment) => payment.modeCode },
    { header: t('paymentJournal'), cell: (payment) => payment.journal },
    {
      header: t('label'),
      cell: (payment) => (
        <>
          {payment.label} <span class="help">{payment.transactionId}</span>
        </>
      ),
    },
    { header: t('amount'), cell: (payment) => money(payment.amount), kind: 'number' },
  ];
}

export function DocumentPage(props: {
  page: PageContext;
  document: SalesDocument;
  /** The outcome of a transformation asked on this page. */
  notice?: { readonly kind: 'ok' | 'error'; readonly text: string };
  /** Dolibarr: no transform buttons, documents are transformed in Dolibarr itself. */
  transformsInGescom?: boolean;
  /** The tracking number typed, kept when its transformation was refused. */
  trackingNumber?: string;
}) {
  const { page, document } = props;
  const { t, language } = page;
  const money: Money = (value) => formatMoney(format(value), document.currency, language);
  const orderKey = parseShopOrderKey(document.externalKey);
  return (
    <Layout page={page} title={`${DOCUMENT_NAMES[document.type]} ${document.number}`} active="documents">
      {document.cancelled ? <Notice kind="warn">{t('cancelled')}</Notice> : null}
      {props.notice === undefined ? null : <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      <div class="grid doc-grid">
        <div class="panel">
          <dl class="facts" id="document-header">
            <dt>{t('number')}</dt>
            <dd>{document.number}</dd>
            <dt>{t('type')}</dt>
            <dd>{DOCUMENT_NAMES[document.type]}</dd>
            <dt>{t('status')}</dt>
            <dd>{DOCUMENT_STATUS_LABELS[document.status]}</dd>
            <dt>{t('date')}</dt>
            <dd>{formatLocalDate(document.date)}</dd>
            <dt>{t('customer')}</dt>
            <dd>
              {document.customerName} ({document.customerCode})
            </dd>
            <dt>{t('reference')}</dt>
            <dd>{document.reference}</dd>
            <dt>{t('shopOrder')}</dt>
            <dd data-testid="shop-order">
              {document.shopReference}
              {orderKey === undefined
                ? ''
                : ` — ${t('shopOrderKey', { shopId: orderKey.shopId, orderId: orderKey.orderId })} (${formatShopOrderKey(orderKey)})`}
            </dd>
            {document.sourceNumber === undefined ? null : (
              <>
                <dt>{t('sourceDocument')}</dt>
                <dd>
                  <a href={`/documents/${encodeURIComponent(document.sourceNumber)}`}>
                    {document.sourceNumber}
                  </a>
                </dd>
              </>
            )}
            {document.transformedInto === undefined ? null : (
              <>
                <dt>{t('transformedInto')}</dt>
                <dd>
                  <a href={`/documents/${encodeURIComponent(document.transformedInto)}`}>
                    {document.transformedInto}
                  </a>
                </dd>
              </>
            )}
            {document.trackingNumber === undefined ? null : (
              <>
                <dt>{t('trackingNumber')}</dt>
                <dd data-testid="tracking-number">{document.trackingNumber}</dd>
              </>
            )}
            <dt>{t('remark')}</dt>
            <dd>{document.remark}</dd>
            {document.notes === '' ? null : (
              <>
                <dt>{t('notes')}</dt>
                <dd>{document.notes}</dd>
              </>
            )}
          </dl>
        </div>
        <Address title={t('billingAddress')} address={document.billingAddress} />
        <Address title={t('deliveryAddress')} address={document.deliveryAddress} />
      </div>
      <DocumentTransformPanel
        page={page}
        document={document}
        transformsInGescom={props.transformsInGescom ?? false}
        {...(props.trackingNumber === undefined ? {} : { trackingNumber: props.trackingNumber })}
      />
      <h2>{t('lines')}</h2>
      <DataTable id="document-lines" columns={lineColumns(page, money)} rows={document.lines} />
      <div class="panel totals">
        <dl class="facts" id="document-totals">
          <dt>{t('totalExcl')}</dt>
          <dd class="num" data-total="excl">
            {money(document.totals.taxExcl)}
          </dd>
          <dt>{t('totalTax')}</dt>
          <dd class="num" data-total="tax">
            {money(document.totals.tax)}
          </dd>
          <dt>{t('totalIncl')}</dt>
          <dd class="num" data-total="incl">
            {money(document.totals.taxIncl)}
          </dd>
        </dl>
      </div>
      <h2>{t('payments')}</h2>
      <DataTable
        id="document-payments"
        columns={paymentColumns(page, money)}
        rows={document.payments}
        empty={<p>{t('noPayments')}</p>}
      />
    </Layout>
  );
}
