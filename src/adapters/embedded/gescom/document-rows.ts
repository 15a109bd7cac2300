import type { Selectable } from 'kysely';
import { amount, toText, type Amount } from '../../../domain/money.js';
import type {
  DocumentAddress,
  DocumentLineDraft,
  DocumentStatus,
  DocumentSummary,
  DocumentType,
  LineKind,
  PaymentDraft,
  SalesDocument,
} from '../../../domain/sales-document.js';
import type { DocumentLineTable, DocumentPaymentTable, DocumentTable } from '../schema.js';

/** Rows of the documents tables ↔ navette's neutral model (the `UserRow` → `User` split). */

export type DocumentRow = Selectable<DocumentTable>;
export type DocumentLineRow = Selectable<DocumentLineTable>;
export type DocumentPaymentRow = Selectable<DocumentPaymentTable>;

export function decimalText(value: Amount): string {
  return toText(value);
}

export function addressToJson(address: DocumentAddress | undefined): string | null {
  return address === undefined ? null : JSON.stringify(address);
}

export function addressFromJson(json: string | null): DocumentAddress | undefined {
  return json === null ? undefined : (JSON.parse(json) as DocumentAddress);
}

export function toDocumentSummary(row: DocumentRow): DocumentSummary {
  return {
    id: String(row.id),
    number: row.number,
    type: row.type as DocumentType,
    status: row.status as DocumentStatus,
    date: row.date,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    reference: row.reference,
    externalKey: row.external_key,
    totals: {
      taxExcl: amount(row.total_tax_excl),
      tax: amount(row.total_tax),
      taxIncl: amount(row.total_tax_incl),
    },
    currency: row.currency,
    transformedInto: row.transformed_into ?? undefined,
    ...(row.tracking_number === '' ? {} : { trackingNumber: row.tracking_number }),
    cancelled: row.cancelled === 1,
  };
}

export function toSalesDocument(
  row: DocumentRow,
  lines: readonly DocumentLineRow[],
  payments: readonly DocumentPaymentRow[],
): SalesDocument {
  const summary = toDocumentSummary(row);
  return {
    ...summary,
    billingAddress: addressFromJson(row.billing_address),
    deliveryAddress: addressFromJson(row.delivery_address),
    remark: row.remark,
    notes: row.notes,
    shopReference: row.shop_reference,
    conversionRate: amount(row.conversion_rate),
    series: row.series,
    warehouse: row.warehouse,
    shippingMode: row.shipping_mode,
    shopTotals: { taxExcl: amount(row.shop_total_tax_excl), taxIncl: amount(row.shop_total_tax_incl) },
    lines: lines.map(toLine),
    payments: payments.map(toPayment),
    sourceNumber: row.source_number ?? undefined,
    createdAt: row.created_at,
  };
}

function toLine(row: DocumentLineRow): DocumentLineDraft & { readonly vatCode: string } {
  return {
    kind: row.kind as LineKind,
    articleReference: row.article_reference,
    // Only meaningful on the way in.
    createArticle: false,
    label: row.label,
    quantity: amount(row.quantity),
    unitPriceTaxExcl: amount(row.unit_price_tax_excl),
    unitPriceTaxIncl: amount(row.unit_price_tax_incl),
    discountPercent: amount(row.discount_percent),
    discountAmountTaxExcl: amount(row.discount_amount_tax_excl),
    vatRate: amount(row.vat_rate),
    vatCode: row.vat_code,
    totalTaxExcl: amount(row.total_tax_excl),
    totalTaxIncl: amount(row.total_tax_incl),
    ecotaxTaxExcl: amount(row.ecotax_tax_excl),
    sourceLineId: row.source_line_id ?? undefined,
  };
}

function toPayment(row: DocumentPaymentRow): PaymentDraft {
  return {
    modeCode: row.mode_code,
    journal: row.journal,
    amount: amount(row.amount),
    date: row.date,
    transactionId: row.transaction_id,
    label: row.label,
  };
}
