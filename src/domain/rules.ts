import type { DocumentStatus, DocumentType } from './sales-document.js';

/**
 * The rules a run applies, in navette's own words: the "Import des commandes" window (SPEC §2), the
 * payment settings (§5), the status updates (§6) and the header, customer, article and totals settings of
 * §3.1. The config file's schema (config/config-schema.ts) reads a file into these types and is checked to
 * produce exactly them; the sync engine knows nothing of files, YAML or zod.
 */

/** One row of the state table: what to do with orders whose current state is `id`. */
export interface StateRule {
  readonly id: number;
  /** The state's name as last read from the shop, kept for people reading the file. */
  readonly name?: string | undefined;
  readonly selected: boolean;
  readonly documentType: Exclude<DocumentType, 'credit_note'>;
  readonly documentStatus: DocumentStatus;
  /** The shop state to set right after the document is created; null = "Ne pas modifier le statut". */
  readonly changeStateTo: number | null;
}

export const PERIOD_KINDS = [
  'today',
  'yesterday',
  'last-7-days',
  'last-30-days',
  'current-month',
  'previous-month',
  'since-last-import',
  'custom',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** "Période par défaut". */
export interface PeriodSettings {
  readonly kind: PeriodKind;
  /** For `custom`: inclusive days (`YYYY-MM-DD`) in the shop's local time. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly dateField: 'order' | 'invoice';
  /** "Depuis le dernier import" reads from the last high-water mark minus this overlap. */
  readonly overlapMinutes: number;
}

export interface DocumentSettings {
  readonly date: 'order' | 'invoice' | 'today';
  /** Numbering series (souches) by document type. */
  readonly series: Readonly<Record<'quote' | 'order' | 'delivery' | 'invoice', string>>;
  readonly warehouse: string;
  /** Fields: {reference} {id_order} {id_shop} {payment} {carrier} {date} {customer} {message}. */
  readonly referenceTemplate: string;
  readonly remarkTemplate: string;
  /** The customer's messages on the order go to the document's notes. */
  readonly messages: 'none' | 'first' | 'all';
  /** "Faire évoluer le document quand le statut de la commande change". */
  readonly upgradeOnStateChange: boolean;
  /** Cancel a document still Saisi when its order is cancelled or refunded in the shop. */
  readonly cancelDraftWhenOrderCancelled: boolean;
}

export interface CustomerSettings {
  readonly mode: 'per-customer' | 'generic';
  readonly prefix: string;
  readonly padding: number;
  readonly matchByEmail: boolean;
  readonly genericAccount: string;
  /** Guests (`is_guest`) on their own generic account; null = treat them like other customers. */
  readonly guestAccount: string | null;
}

export interface ArticleSettings {
  readonly matchByEan13: boolean;
  /** Unknown article: the generic article with the shop's label, create the article, or refuse the order. */
  readonly unknown: 'generic' | 'create' | 'refuse';
  readonly generic: string;
  readonly shipping: string;
  readonly discount: string;
  readonly wrapping: string;
  /** Free shipping: no line, or a line at zero. */
  readonly freeShippingLine: 'none' | 'zero';
  /** PrestaShop carrier reference id → GesCom shipping mode. */
  readonly carriers: Readonly<Record<string, string>>;
}

export interface TotalsSettings {
  /** A difference with the shop's total up to this bound becomes an "écart d'arrondi" line; above, the order fails. */
  readonly roundingTolerance: string;
}

export interface PaymentMethod {
  /** The PrestaShop payment module (`ps_wirepayment`): stable across languages. */
  readonly module: string;
  /** The label seen in the shop, for people. */
  readonly label?: string | undefined;
  /** The GesCom's mode de règlement. */
  readonly mode: string;
  readonly journal: string;
}

/** "Paramétrer les Règlements". */
export interface PaymentSettings {
  /** "Créer les règlements". */
  readonly create: boolean;
  readonly amountFrom: 'order-payments' | 'total-paid';
  /** Used for a module not in `methods`. */
  readonly defaultMode: string;
  readonly methods: readonly PaymentMethod[];
}

/** "Changer le statut en": whether the shop sends its e-mail with the state change. */
export interface WriteBackSettings {
  readonly sendEmail: boolean;
}

/** "Mise à jour des Statuts des Commandes". */
export interface StatusUpdateSettings {
  /** Shop state to set when the document becomes a bon de commande / livraison / facture; null = Aucun. */
  readonly onOrder: number | null;
  readonly onDelivery: number | null;
  readonly onInvoice: number | null;
  readonly sendEmail: boolean;
  readonly tracking: {
    readonly enabled: boolean;
    readonly sendEmail: boolean;
    readonly setStateTo: number | null;
  };
  /**
   * The first sweep of an installation (no transformation read yet) considers the documents transformed
   * in these last days only, not the GesCom's whole history; 0 = from the first sweep on.
   */
  readonly firstSweepDays: number;
}

/** Everything an import run applies, for one shop. */
export interface ImportRules {
  readonly shop: {
    /** Names the run lock: two runs never overlap on one shop. */
    readonly url: string;
    /** The shop's time zone: its dates are local time (PrestaShop's PS_TIMEZONE). */
    readonly timeZone: string;
  };
  readonly states: readonly StateRule[];
  readonly period: PeriodSettings;
  /** "Importer les commandes des boutiques": null = every shop. */
  readonly shops: readonly number[] | null;
  readonly document: DocumentSettings;
  readonly customers: CustomerSettings;
  readonly articles: ArticleSettings;
  readonly totals: TotalsSettings;
  readonly payments: PaymentSettings;
  readonly writeBack: WriteBackSettings;
  readonly statusUpdates: StatusUpdateSettings;
}
