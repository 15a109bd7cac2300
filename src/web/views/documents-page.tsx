import type { DocumentFilter } from '../../ports/gescom-target.js';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentSummary,
  type SalesDocument,
} from '../../domain/sales-document.js';
import type { DocumentAddress } from '../../domain/sales-document.js';
import { formatShopOrderKey, parseShopOrderKey } from '../../domain/shop-order.js';
import { format } from '../../domain/money.js';
import { formatAmount, formatLocalDate, formatMoney, isoDayToField } from './format.js';
import { DOCUMENT_NAMES, DOCUMENT_STATUS_LABELS } from './labels.js';
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
  const { t, language } = page;
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
      {props.items.length === 0 ? (
        <Notice kind="warn">{t('noDocuments')}</Notice>
      ) : (
        <div class="table-wrap">
          <table id="documents">
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('reference')}</th>
                <th scope="col" class="num">
                  {t('totalExcl')}
                </th>
                <th scope="col" class="num">
                  {t('totalIncl')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((document) => (
                <tr>
                  <td>
                    <a href={`/documents/${encodeURIComponent(document.number)}`}>{document.number}</a>
                  </td>
                  <td>
                    {DOCUMENT_NAMES[document.type]}
                    {document.cancelled ? ` (${t('cancelled')})` : ''}
                    {document.transformedInto === undefined ? '' : ` → ${document.transformedInto}`}
                  </td>
                  <td>{DOCUMENT_STATUS_LABELS[document.status]}</td>
                  <td class="nowrap">{formatLocalDate(document.date)}</td>
                  <td>
                    {document.customerName} <span class="help">{document.customerCode}</span>
                  </td>
                  <td>{document.reference}</td>
                  <td class="num">
                    {formatMoney(format(document.totals.taxExcl), document.currency, language)}
                  </td>
                  <td class="num">
                    {formatMoney(format(document.totals.taxIncl), document.currency, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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

export function DocumentPage(props: {
  page: PageContext;
  document: SalesDocument;
  /** The outcome of a transformation asked on this page. */
  notice?: { readonly kind: 'ok' | 'error'; readonly text: string };
}) {
  const { page, document } = props;
  const { t, language } = page;
  const money = (value: Parameters<typeof format>[0]) =>
    formatMoney(format(value), document.currency, language);
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
                : ` — boutique ${orderKey.shopId}, commande n° ${orderKey.orderId} (${formatShopOrderKey(orderKey)})`}
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
      <DocumentTransformPanel page={page} document={document} />
      <h2>{t('lines')}</h2>
      <div class="table-wrap">
        <table id="document-lines">
          <thead>
            <tr>
              <th scope="col">{t('article')}</th>
              <th scope="col">{t('label')}</th>
              <th scope="col" class="num">
                {t('quantity')}
              </th>
              <th scope="col" class="num">
                {t('unitPrice')}
              </th>
              <th scope="col" class="num">
                {t('vatRate')}
              </th>
              <th scope="col" class="num">
                {t('totalExcl')}
              </th>
              <th scope="col" class="num">
                {t('totalIncl')}
              </th>
            </tr>
          </thead>
          <tbody>
            {document.lines.map((line) => (
              <tr>
                <td>{line.articleReference}</td>
                <td>{line.label}</td>
                <td class="num">{line.quantity.toFixed()}</td>
                <td class="num">{formatAmount(line.unitPriceTaxExcl.toFixed(), language)}</td>
                <td class="num">{line.vatRate.toFixed()}</td>
                <td class="num">{money(line.totalTaxExcl)}</td>
                <td class="num">{money(line.totalTaxIncl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
      {document.payments.length === 0 ? (
        <p>{t('noPayments')}</p>
      ) : (
        <div class="table-wrap">
          <table id="document-payments">
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('mode')}</th>
                <th scope="col">{t('paymentJournal')}</th>
                <th scope="col">{t('label')}</th>
                <th scope="col" class="num">
                  {t('amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {document.payments.map((payment) => (
                <tr>
                  <td class="nowrap">{formatLocalDate(payment.date)}</td>
                  <td>{payment.modeCode}</td>
                  <td>{payment.journal}</td>
                  <td>
                    {payment.label} <span class="help">{payment.transactionId}</span>
                  </td>
                  <td class="num">{money(payment.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
