import { amount, round, type Amount } from '../../domain/money.js';
import type {
  DocumentLineDraft,
  DocumentSummary,
  LineKind,
  PaymentDraft,
  SalesDocument,
} from '../../domain/sales-document.js';
import type { DocumentResource } from './dolibarr-client.js';
import { documentNumber, statusOf, timestampToDay, typeOf } from './document-kinds.js';
import { documentTotals } from './totals-check.js';
import type { WireDocument, WireLine, WirePayment } from './wire-schemas.js';

/** A third party as documents show it. */
export interface CustomerRef {
  readonly code: string;
  readonly name: string;
}

/** A Dolibarr document with what navette knows around it: its resource, customer and chain. */
export interface ReadDocument {
  readonly resource: DocumentResource;
  readonly wire: WireDocument;
  readonly customer: CustomerRef;
  /** The numbers of the documents before and after it holding the same `ref_ext`. */
  readonly sourceNumber?: string | undefined;
  readonly transformedInto?: string | undefined;
}

/** The special articles navette writes, recognised again on the lines read back. */
const KIND_OF_REFERENCE: Readonly<Record<string, LineKind>> = {
  PORT: 'shipping',
  REMISE: 'discount',
  EMBALLAGE: 'wrapping',
  ECOTAXE: 'ecotax',
  ECART: 'rounding',
};

export function lineKindOf(reference: string, special: ReadonlySet<string>): LineKind {
  const upper = reference.toUpperCase();
  return KIND_OF_REFERENCE[upper] ?? (special.has(upper) ? 'rounding' : 'product');
}

export function summaryOf(read: ReadDocument): DocumentSummary {
  const { wire, resource } = read;
  const { status, cancelled } = statusOf(resource, wire.status);
  return {
    id: `${resource}/${wire.id}`,
    number: documentNumber(resource, wire.ref),
    type: typeOf(resource),
    status,
    date: timestampToDay(wire.date),
    customerCode: read.customer.code,
    customerName: read.customer.name,
    reference: wire.ref_client ?? '',
    externalKey: wire.ref_ext ?? '',
    // In the document's currency: the order's, with Dolibarr's multicurrency module.
    totals: documentTotals(wire),
    currency: wire.multicurrency_code ?? 'EUR',
    transformedInto: read.transformedInto,
    cancelled,
  };
}

/** A line in the document's currency: its `multicurrency_*` amounts on a document in a foreign currency. */
function lineOf(
  line: WireLine,
  special: ReadonlySet<string>,
  foreign: boolean,
): DocumentLineDraft & { vatCode: string } {
  const reference = line.product_ref ?? '';
  const vatRate = amount(line.tva_tx);
  const unitPriceTaxExcl = amount((foreign ? line.multicurrency_subprice : line.subprice) ?? line.subprice);
  const totalTaxExcl = amount((foreign ? line.multicurrency_total_ht : line.total_ht) ?? '0');
  const totalTaxIncl = amount((foreign ? line.multicurrency_total_ttc : line.total_ttc) ?? '0');
  const zero: Amount = amount(0);
  return {
    kind: lineKindOf(reference, special),
    articleReference: reference,
    createArticle: false,
    label: line.desc ?? line.label ?? '',
    quantity: amount(line.qty),
    unitPriceTaxExcl,
    unitPriceTaxIncl: round(unitPriceTaxExcl.times(vatRate.div(100).plus(1)), 6),
    discountPercent: amount(line.remise_percent ?? '0'),
    discountAmountTaxExcl: zero,
    vatRate,
    totalTaxExcl,
    totalTaxIncl,
    ecotaxTaxExcl: zero,
    sourceLineId: undefined,
    // Dolibarr's VAT is a rate on each line, with no code of its own.
    vatCode: vatRate.toString(),
  };
}

function paymentOf(payment: WirePayment): PaymentDraft {
  return {
    modeCode: payment.type ?? '',
    journal: '',
    amount: amount(payment.amount),
    date: payment.date === null ? '' : new Date(payment.date * 1000).toISOString().slice(0, 10),
    transactionId: payment.num ?? '',
    label: payment.ref,
  };
}

/**
 * A document read back from Dolibarr: its own totals (rounded per line as Dolibarr does, which the
 * import compared with the shop's), its lines and payments. What Dolibarr keeps nowhere (the addresses
 * as the order gave them, the series) reads empty.
 */
export function salesDocumentOf(
  read: ReadDocument,
  payments: readonly WirePayment[],
  special: ReadonlySet<string>,
): SalesDocument {
  const summary = summaryOf(read);
  return {
    ...summary,
    customerCode: read.customer.code,
    customerName: read.customer.name,
    billingAddress: undefined,
    deliveryAddress: undefined,
    remark: read.wire.note_private ?? '',
    notes: read.wire.note_public ?? '',
    shopReference: read.wire.ref_client ?? '',
    conversionRate: amount(read.wire.multicurrency_tx ?? '1'),
    series: '',
    warehouse: '',
    shippingMode: '',
    lines: read.wire.lines
      .filter((line) => line.id !== null)
      .map((line) => lineOf(line, special, !amount(read.wire.multicurrency_tx ?? '1').equals(1))),
    // Dolibarr's totals are what the import checked against the shop's, to the cent.
    shopTotals: { taxExcl: summary.totals.taxExcl, taxIncl: summary.totals.taxIncl },
    payments: payments.map(paymentOf),
    sourceNumber: read.sourceNumber,
    transformedInto: read.transformedInto,
    createdAt: '',
  };
}
