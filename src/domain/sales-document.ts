import type { Amount } from './money.js';

/**
 * navette's neutral model of a GesCom sales document (gescom-model.md). Every target adapter translates
 * it into its own vocabulary (Sage's DO_Type/DO_Statut, Dolibarr's proposals/orders/invoices…).
 */

/** Devis, Bon de commande, Bon de livraison, Facture, Avoir. Types move forward only. */
export const DOCUMENT_TYPES = ['quote', 'order', 'delivery', 'invoice', 'credit_note'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Saisi, Confirmé, Accepté (Sage 100's DO_Statut 0/1/2). */
export const DOCUMENT_STATUSES = ['draft', 'confirmed', 'accepted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The rank of a sales type in the chain quote → order → delivery → invoice; a document never goes back. */
export function documentRank(type: DocumentType): number {
  return { quote: 0, order: 1, delivery: 2, invoice: 3, credit_note: 4 }[type];
}

export const LINE_KINDS = [
  'product',
  'shipping',
  'discount',
  'wrapping',
  'ecotax',
  'rounding',
  'comment',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** Sage 100's field lengths, respected by every target (cut cleanly, never fail on a long name). */
export const FIELD_LIMITS = {
  documentNumber: 13,
  reference: 17,
  accountCode: 17,
  articleReference: 18,
  label: 69,
  accountName: 69,
} as const;

export interface DocumentAddress {
  readonly name: string;
  readonly company: string;
  readonly line1: string;
  readonly line2: string;
  readonly postcode: string;
  readonly city: string;
  readonly countryIso: string;
  readonly country: string;
  readonly phone: string;
}

/**
 * The shop customer an account stands for: the shop's id and its own customer id. A target that keeps
 * links to outside accounts (Dolibarr's account link) finds the account by it; the embedded GesCom,
 * which finds accounts by `code`, does not need it.
 */
export interface ShopCustomerRef {
  readonly shopId: number;
  readonly customerId: number;
}

/** A customer account to find, or create when missing (found by `code`, then optionally by e-mail). */
export interface CustomerAccountDraft {
  readonly code: string;
  /** The shop customer behind the account; undefined for a shared (generic) account. */
  readonly shopCustomer: ShopCustomerRef | undefined;
  readonly name: string;
  readonly email: string;
  readonly company: string;
  readonly vatNumber: string;
  readonly siret: string;
  readonly phone: string;
  readonly address: DocumentAddress | undefined;
  /** A shared account (generic web account): never updated from one order's data. */
  readonly generic: boolean;
  /** Also look the account up by e-mail before creating one. */
  readonly matchByEmail: boolean;
}

export interface DocumentLineDraft {
  readonly kind: LineKind;
  /** The GesCom article reference (≤ 18), e.g. a product reference, `PORT`, `REMISE`, `DIVERS`. */
  readonly articleReference: string;
  /** Create the article when the GesCom does not have it (setting "créer l'article"). */
  readonly createArticle: boolean;
  readonly label: string;
  readonly quantity: Amount;
  readonly unitPriceTaxExcl: Amount;
  readonly unitPriceTaxIncl: Amount;
  /** The line's discount, already applied in the unit prices, kept for display: percent or amount per unit. */
  readonly discountPercent: Amount;
  readonly discountAmountTaxExcl: Amount;
  /** VAT rate in percent; the target maps it to its own VAT code. */
  readonly vatRate: Amount;
  readonly totalTaxExcl: Amount;
  readonly totalTaxIncl: Amount;
  /** Ecotax per unit, tax excluded, included in the prices above. */
  readonly ecotaxTaxExcl: Amount;
  /** The shop's order detail id, for traceability. */
  readonly sourceLineId: number | undefined;
}

export interface PaymentDraft {
  /** The GesCom's mode de règlement code (e.g. `CHQ`, `VIR`, `CB`). */
  readonly modeCode: string;
  readonly journal: string;
  readonly amount: Amount;
  readonly date: string;
  readonly transactionId: string;
  readonly label: string;
}

export interface DocumentTotals {
  readonly taxExcl: Amount;
  readonly tax: Amount;
  readonly taxIncl: Amount;
}

/** Everything a target needs to create one sales document from one shop order. */
export interface SalesDocumentDraft {
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly customer: CustomerAccountDraft;
  readonly billingAddress: DocumentAddress | undefined;
  readonly deliveryAddress: DocumentAddress | undefined;
  /** Référence (≤ 17), from the template, default the PrestaShop reference. */
  readonly reference: string;
  readonly remark: string;
  readonly notes: string;
  /** navette's shop order key (`ps-1-42`): the external reference a second check finds the document by. */
  readonly externalKey: string;
  readonly shopReference: string;
  readonly currency: string;
  readonly conversionRate: Amount;
  /** Numbering series (souche); the target's default for the type when empty. */
  readonly series: string;
  readonly warehouse: string;
  readonly shippingMode: string;
  readonly lines: readonly DocumentLineDraft[];
  /** Sum of the lines, as the document shows them. */
  readonly totals: DocumentTotals;
  /** The shop's own totals, kept beside for reconciliation. */
  readonly shopTotals: { readonly taxExcl: Amount; readonly taxIncl: Amount };
  readonly payments: readonly PaymentDraft[];
}

/** A document as a target holds it. */
export interface SalesDocument extends Omit<SalesDocumentDraft, 'customer' | 'lines' | 'payments'> {
  readonly id: string;
  readonly number: string;
  readonly customerCode: string;
  readonly customerName: string;
  readonly lines: readonly (DocumentLineDraft & { readonly vatCode: string })[];
  readonly payments: readonly PaymentDraft[];
  /** The document this one was transformed from, if any. */
  readonly sourceNumber: string | undefined;
  /** The document this one was transformed into, if any (it is then closed). */
  readonly transformedInto: string | undefined;
  /** Set when the document was cancelled in the GesCom. */
  readonly cancelled: boolean;
  readonly createdAt: string;
  /** The carrier's tracking number a delivery (bon de livraison) carries, when it has one. */
  readonly trackingNumber?: string;
}

/** A document's header, for lists. */
export interface DocumentSummary {
  readonly id: string;
  readonly number: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly date: string;
  readonly customerCode: string;
  readonly customerName: string;
  readonly reference: string;
  readonly externalKey: string;
  readonly totals: DocumentTotals;
  readonly currency: string;
  readonly transformedInto: string | undefined;
  readonly cancelled: boolean;
  /** The carrier's tracking number a delivery (bon de livraison) carries, when it has one. */
  readonly trackingNumber?: string;
}
