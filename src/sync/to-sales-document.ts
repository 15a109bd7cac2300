import type { MappingFailureCode, OutcomeNote, ReasonData } from '../domain/import-report.js';
import type { ImportRules, StateRule } from '../domain/rules.js';
import { amount } from '../domain/money.js';
import { FIELD_LIMITS, type SalesDocumentDraft } from '../domain/sales-document.js';
import { type ShopOrder, formatShopOrderKey } from '../domain/shop-order.js';
import { fillTemplate, templateValuesFor } from '../domain/templates.js';
import { cleanMultilineText, cleanText, truncateText } from '../domain/truncate.js';
import { billingAddressOf, customerAccountFor, toDocumentAddress } from './customer-account.js';
import { documentLines } from './document-lines.js';
import { paymentDrafts } from './payment-drafts.js';
import { reconcileTotals } from './reconcile-totals.js';

/**
 * One PrestaShop order → the sales document to create (SPEC §3.1, §5). Pure: everything it needs about
 * the GesCom (which articles exist) is handed in, so the same mapping serves the dry run (aperçu) and
 * the real run, and is tested against the recorded shop's orders.
 */

export interface ToSalesDocumentContext {
  readonly config: ImportRules;
  /** The state table's rule for the order's current state: the document type and status to create. */
  readonly rule: StateRule;
  /** Article references the GesCom knows, upper-cased. */
  readonly knownArticles: ReadonlySet<string>;
  /** EAN13 → GesCom article reference. */
  readonly knownEan13: ReadonlyMap<string, string>;
  /** `YYYY-MM-DD`, the shop's today (for the "today" document date setting). */
  readonly today: string;
}

export type ToSalesDocumentResult =
  | { readonly ok: true; readonly draft: SalesDocumentDraft; readonly notes: OutcomeNote[] }
  | {
      readonly ok: false;
      readonly code: MappingFailureCode;
      readonly message: string;
      readonly data: ReasonData;
    };

/** Shipping modes are 35 characters in Sage (the configuration schema allows as much). */
const SHIPPING_MODE_LIMIT = 35;

function documentDate(order: ShopOrder, context: ToSalesDocumentContext): string {
  switch (context.config.document.date) {
    case 'order':
      return order.dateAdd.slice(0, 10);
    // An order not invoiced yet has no invoice date: its order date is the next best.
    case 'invoice':
      return (order.invoiceDate ?? order.dateAdd).slice(0, 10);
    case 'today':
      return context.today;
  }
}

function documentNotes(order: ShopOrder, messages: ImportRules['document']['messages']): string {
  const chosen =
    messages === 'none' ? [] : messages === 'first' ? order.messages.slice(0, 1) : order.messages;
  const parts = chosen.map((message) => cleanMultilineText(message)).filter((message) => message !== '');
  const gift = cleanMultilineText(order.giftMessage);
  if (order.gift && gift) parts.push(`Message cadeau : ${gift}`);
  return parts.join('\n\n');
}

function shippingMode(order: ShopOrder, carriers: Readonly<Record<string, string>>): string {
  if (!order.carrier) return '';
  // By the carrier's reference id: editing a carrier in the back office gives it a new id, not a new reference.
  const mapped = carriers[String(order.carrier.referenceId)];
  return truncateText(mapped ?? order.carrier.name, SHIPPING_MODE_LIMIT);
}

export function toSalesDocument(order: ShopOrder, context: ToSalesDocumentContext): ToSalesDocumentResult {
  const { config, rule } = context;
  const notes: OutcomeNote[] = [];

  const customer = customerAccountFor(order, config.customers);
  if (!customer.ok) return customer;
  notes.push(...customer.notes);

  const lines = documentLines(order, config.articles, context);
  if (!lines.ok) return lines;
  notes.push(...lines.notes);

  const reconciled = reconcileTotals(
    lines.lines,
    { taxExcl: order.totals.paidTaxExcl, taxIncl: order.totals.paidTaxIncl },
    {
      tolerance: amount(config.totals.roundingTolerance),
      roundingArticle: config.articles.generic,
      currency: order.currency.isoCode,
    },
  );
  if (!reconciled.ok) return reconciled;
  notes.push(...reconciled.notes);

  const payments = paymentDrafts(order, config.payments);
  notes.push(...payments.notes);

  const templateValues = templateValuesFor(order);
  const billing = billingAddressOf(order);
  const delivery = order.deliveryAddress ?? order.invoiceAddress;
  const type = rule.documentType;

  return {
    ok: true,
    draft: {
      type,
      status: rule.documentStatus,
      date: documentDate(order, context),
      customer: customer.account,
      billingAddress: billing && toDocumentAddress(billing),
      deliveryAddress: delivery && toDocumentAddress(delivery),
      reference: truncateText(
        fillTemplate(config.document.referenceTemplate, templateValues),
        FIELD_LIMITS.reference,
      ),
      // No GesCom limit is known for the remark: cleaned to one line, never cut.
      remark: cleanText(fillTemplate(config.document.remarkTemplate, templateValues)),
      notes: documentNotes(order, config.document.messages),
      externalKey: formatShopOrderKey(order.key),
      shopReference: order.reference,
      currency: order.currency.isoCode,
      conversionRate: order.conversionRate,
      series: config.document.series[type],
      warehouse: config.document.warehouse,
      shippingMode: shippingMode(order, config.articles.carriers),
      lines: reconciled.lines,
      totals: reconciled.totals,
      shopTotals: { taxExcl: order.totals.paidTaxExcl, taxIncl: order.totals.paidTaxIncl },
      payments: payments.payments,
    },
    notes,
  };
}
