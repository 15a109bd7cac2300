import type { NavetteConfig } from '../config/config-schema.js';
import type { JournalEntry, OrderOutcome, RunSummary } from '../domain/import-report.js';
import type { StateRule } from '../domain/rules.js';
import type { DocumentSummary, SalesDocument } from '../domain/sales-document.js';
import type { OrderState, Shop } from '../domain/shop-order.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentFilter } from '../ports/gescom-target.js';
import type { ConnectionReport } from '../ports/order-source.js';
import type { ReconciliationReport } from '../domain/reconciliation.js';
import type { ImportOptions } from '../sync/import-options.js';
import type { ReconcileOptions } from '../sync/reconcile.js';
import type { ResetSelection } from '../sync/reset-orders.js';
import type { RunEvent } from '../sync/run-events.js';
import type { ArticleImport } from './use-cases/import-articles.js';
import type { SeenPaymentMethod } from './use-cases/seen-payment-methods.js';
import type { TransformRequest } from './use-cases/transform-document.js';

// The shapes the interfaces exchange with the use cases, named here so that web/ and cli/ need nothing
// from sync/ or ports/.
export type {
  ArticleImport,
  ConnectionReport,
  DocumentFilter,
  ImportOptions,
  ReconcileOptions,
  ResetSelection,
  RunEvent,
  SeenPaymentMethod,
  TransformRequest,
};

/** "Tester la connexion": the shop's answer, every right the key lacks listed as something to fix. */
export interface ConnectionCheck extends ConnectionReport {
  /** The GesCom's side when it is a remote one (Dolibarr); its problems are in `problems` too. */
  readonly gescom?: { readonly target: 'dolibarr'; readonly url: string; readonly version: string };
  /** False when a missing right stops imports; true when only optional rights (write-back) are missing. */
  readonly canImport: boolean;
}

/** What "Envoyer les statuts" did; `busy` when a run holds the shop's lock (it sends them itself). */
export interface StateChangeSending {
  readonly sent: number;
  readonly skipped: number;
  readonly failed: number;
  readonly busy?: boolean;
}

/**
 * What "Envoyer les statuts" / `navette status-updates` did: the GesCom's transformations read since the
 * last sweep, the updates queued for them, and what the outbox sending gave; `busy` when a run held the
 * shop's lock (nothing was done: the next sweep does it).
 */
export interface StatusSweepReport extends StateChangeSending {
  readonly transformations: number;
  readonly queued: number;
  /** On the first sweep only: the documents transformed before this instant were left aside. */
  readonly firstSweepFrom?: string;
}

/** A shop state with the rule the "Import des commandes" window shows for it. */
export interface ShopStateRow {
  readonly state: OrderState | undefined;
  readonly rule: StateRule;
}

/**
 * navette wired for one configuration: the use cases the CLI commands and the web UI call, and nothing
 * else — neither interface reaches the shop, the GesCom or the store on its own, so both behave the same.
 * Reading use cases (runs, documents, reset) never need the webservice key: the shop is opened only when
 * a use case calls it.
 */
export interface Navette {
  readonly config: NavetteConfig;
  readonly clock: Clock;

  /**
   * Runs one import or aperçu; never throws for one bad order; a run that cannot run returns a summary
   * with `fatal` (a missing key is one). An impossible period or a shop id the installation does not
   * have is refused before the run: `ExpectedFailure('invalid-value')`.
   */
  runImport(options: ImportOptions): Promise<RunSummary>;
  /** Sends the pending shop state changes of the outbox. */
  sendStateChanges(): Promise<StateChangeSending>;
  /**
   * "Mise à jour des Statuts des Commandes" (SPEC §6): the documents transformed in the GesCom since the
   * last sweep move their orders in the shop (state, tracking number), each at most once.
   */
  sweepStatuses(): Promise<StatusSweepReport>;
  /** The status sweeps' journal, newest first: what was sent per order, and why something was not. */
  statusJournal(limit: number): Promise<readonly JournalEntry[]>;
  /**
   * Forgets that these orders were imported — their documents stop answering to the orders' keys, the
   * ledger forgets them, the journal says who and why — so that the next run imports them again.
   */
  resetOrders(selection: ResetSelection, reason: string): Promise<number>;

  /**
   * "Rapprochement": the orders of the period against the GesCom — missing, other totals, a state that
   * disagrees with the document, documents whose order is gone — each with what to do. Writes nothing.
   * An impossible period or an unknown shop: `ExpectedFailure('invalid-value')`.
   */
  reconcile(options: ReconcileOptions): Promise<ReconciliationReport>;
  /** The reconciliation report for programs (`--json`): amounts as exact decimal text. */
  reconciliationJson(report: ReconciliationReport): unknown;
  /** The reconciliation report as CSV lines for French Excel. */
  reconciliationCsv(report: ReconciliationReport): Iterable<string>;

  listRuns(page: { readonly limit: number; readonly offset?: number }): Promise<readonly RunSummary[]>;
  run(runId: string): Promise<RunSummary | undefined>;
  runJournal(runId: string): Promise<readonly JournalEntry[]>;
  runOutcomes(runId: string): AsyncIterable<OrderOutcome>;
  /** The run's report as CSV lines for French Excel (streamed: a run may hold 100,000 orders). */
  runReportCsv(runId: string): AsyncIterable<string>;
  /** The run's whole report (summary, journal, outcomes) as JSON chunks. */
  runReportJson(summary: RunSummary): AsyncIterable<string>;

  listDocuments(
    filter: DocumentFilter,
  ): Promise<{ readonly items: readonly DocumentSummary[]; readonly total: number }>;
  document(number: string): Promise<SalesDocument | undefined>;
  /**
   * Transforms a document into the next ones of its chain (devis → bon de commande → bon de livraison →
   * facture), a tracking number on a delivery; refusals are `ExpectedFailure`s saying what to do.
   */
  transformDocument(number: string, request: TransformRequest): Promise<DocumentSummary>;

  /** The shop's order states, read live. */
  orderStates(): Promise<readonly OrderState[]>;
  /** The shops of the installation, read live. */
  shops(): Promise<readonly Shop[]>;
  /** The state table: the live states merged with the configured rules, in the order the user knows. */
  shopStates(): Promise<readonly ShopStateRow[]>;
  checkConnection(): Promise<ConnectionCheck>;
  /** The payment modules of the shop's recent orders, for the payment settings (best effort). */
  seenPaymentMethods(): Promise<readonly SeenPaymentMethod[]>;

  /**
   * Loads the shop's products and combinations into the GesCom's articles (references already known are
   * left as they are), so that order lines find their article instead of DIVERS.
   */
  importArticles(): Promise<ArticleImport>;
  /** How many articles the GesCom has, its special ones (DIVERS, PORT…) left out. */
  articleCount(): Promise<number>;

  close(): Promise<void>;
}
