import type {
  DocumentStatus,
  DocumentSummary,
  DocumentType,
  SalesDocument,
  SalesDocumentDraft,
} from '../domain/sales-document.js';
import type { ShopOrderKey } from '../domain/shop-order.js';

/** What the sync records with a document: the import ledger entry and the state changes to send after. */
export interface ImportRecord {
  readonly key: ShopOrderKey;
  readonly orderReference: string;
  /** The order's state when it was read. */
  readonly orderStateId: number;
  readonly runId: string;
  /** Shop state changes to send once the document exists (the outbox), each guarded by `expectedStateId`. */
  readonly stateChanges: readonly {
    readonly expectedStateId: number;
    readonly newStateId: number;
    readonly sendEmail: boolean;
  }[];
}

/** One document of a group written by `importDocuments`, with its record. */
export interface ImportItem {
  readonly draft: SalesDocumentDraft;
  readonly record: ImportRecord;
}

/** What became of one item of a group: its document, or what `importDocument` would have thrown for it. */
export type ImportAttempt =
  { readonly ok: true; readonly document: DocumentSummary } | { readonly ok: false; readonly error: unknown };

/** What transforming a document asks for: the type it becomes, its status, the delivery's tracking number. */
export interface TransformInto {
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  /** Only on a delivery (bon de livraison): the carrier's tracking number. */
  readonly trackingNumber?: string;
}

/**
 * One transformation as the GesCom itself recorded it, whoever made it (navette, the GesCom's own
 * screens, another program): what the status sweep reads (SPEC §6).
 */
export interface DocumentTransformation {
  readonly sourceNumber: string;
  readonly sourceType: DocumentType;
  /** The new document. */
  readonly number: string;
  readonly type: DocumentType;
  /** The new document's external key (`ps-1-42`), '' for a document that came from no shop order. */
  readonly externalKey: string;
  /** The new document's tracking number ('' when none). */
  readonly trackingNumber: string;
  readonly at: string;
}

export interface ArticleMatch {
  readonly reference: string;
  readonly ean13: string;
  readonly label: string;
}

export interface DocumentFilter {
  readonly type?: DocumentType;
  readonly status?: DocumentStatus;
  /** Inclusive `YYYY-MM-DD` bounds. */
  readonly from?: string;
  readonly to?: string;
  /** Part of the customer's code or name. */
  readonly customer?: string;
  /** Part of the number, reference or external key. */
  readonly search?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * A gestion commerciale that navette writes sales documents into (adapters/embedded, adapters/dolibarr).
 * Every target passes the same contract suite (test/contract/gescom-target.contract.ts).
 *
 * Contract:
 * - `importDocument` finds the customer account by code (then by e-mail when the draft asks), creates it
 *   when missing, creates the document with its lines, totals and payments, numbered in the target's
 *   series for the type, and makes `record` durable (ledger entry + outbox). It is all or nothing: after a
 *   crash, either the document and its record both exist or neither does. A target that cannot share a
 *   transaction with the record writes `draft.externalKey` on the document, and `findByExternalKey`
 *   finds it before any create, so a crash between the two never duplicates.
 * - It never creates a second document for an external key that already has one: it fails with
 *   `ExpectedFailure('already-imported')`.
 * - What it refuses, it refuses with an `ExpectedFailure` whose code is a `GescomFailureCode`
 *   (domain/failure.ts): the sync records that code on the order's outcome; any other code reads
 *   `gescom-refused`.
 * - `transformDocument` turns a document into a higher type (quote → order → delivery → invoice) as the
 *   GesCom itself would: a new document linked to its source, numbered in its type's series, the source
 *   closed, the transformation recorded where `transformationsSince` finds it; never backwards. A
 *   tracking number is only taken by a delivery.
 * - Text longer than the target's fields is cut cleanly (FIELD_LIMITS), never refused.
 * - Amounts are stored exactly (decimals); reading a document back gives the amounts written.
 */
export interface GescomTarget {
  /**
   * How many orders of a page the sync may write into this GesCom at once (at least 1). The embedded
   * GesCom says 1: SQLite has a single writer, and its writes cost no network wait. A remote GesCom,
   * whose every call waits on the network, may say more; it then answers for what concurrent writes of
   * *different* orders share: a customer account or an article created once however many orders need
   * it at the same time, and whatever it numbers itself kept from colliding. The sync never writes two
   * documents of one external key at once, starts the writes in the page's order (a target that numbers
   * documents numbers them in that order, as one by one), and keeps the outcomes in it.
   */
  readonly writeConcurrency: number;
  /** The newest document of the chain that an order's external key started, if any. */
  findByExternalKey(externalKey: string): Promise<DocumentSummary | undefined>;
  /** The same for a whole page of orders at once (a run asks once per page, not once per order). */
  findByExternalKeys(externalKeys: readonly string[]): Promise<ReadonlyMap<string, DocumentSummary>>;
  /** Which of these article references and EAN13 codes the GesCom knows. */
  findArticles(query: {
    references: readonly string[];
    ean13s: readonly string[];
  }): Promise<readonly ArticleMatch[]>;
  importDocument(draft: SalesDocumentDraft, record: ImportRecord): Promise<DocumentSummary>;
  /**
   * Optional: `importDocument` for each item, in order, for less than the items cost one by one (the
   * embedded GesCom writes a group in one transaction, a savepoint per item). Each item is still all or
   * nothing with its record, and an item the GesCom refuses fails alone, as its attempt. A failure of the
   * GesCom itself (unreachable, disk full) throws, and then none of the group is written. Without it, the
   * sync calls `importDocument` item by item.
   */
  importDocuments?(items: readonly ImportItem[]): Promise<readonly ImportAttempt[]>;
  /**
   * Without `record` (a transformation asked by hand, `navette documents transform`), no outbox entry is
   * written: the status sweep finds the transformation like any other.
   */
  transformDocument(number: string, into: TransformInto, record?: ImportRecord): Promise<DocumentSummary>;
  /**
   * The transformations the GesCom recorded after `cursor` (from the first when undefined), oldest first,
   * at most `limit`, with the cursor to ask from next time (when there is nothing new: the same one, or,
   * for a GesCom read by modification time, one whose time only moved on). Never the same transformation
   * twice across cursors. Cheap when nothing changed: one query (embedded) or one call per object kind
   * (Dolibarr: shipments, invoices, orders).
   *
   * `options.from` (an ISO instant), only with no cursor: the first sweep of an installation does not go
   * over years of history. A target may start at the first transformation made at or after it, and then
   * gives a cursor even when there is none (where the next read starts); one that does not gives them all
   * and the caller leaves the older ones aside.
   */
  transformationsSince(
    cursor: string | undefined,
    limit: number,
    options?: { readonly from?: string },
  ): Promise<{ readonly items: readonly DocumentTransformation[]; readonly cursor: string | undefined }>;
  /**
   * A deliberate re-import (`navette reset`): the documents of these orders keep their number and
   * content, but no longer answer to the order's external key (it becomes `ps-1-42#reset-<number>`), so the
   * next import creates a new document. Returns how many documents were released.
   */
  releaseExternalKeys(
    orders: { readonly externalKeys: readonly string[] } | { readonly shopId: number },
  ): Promise<number>;
  /** Cancels a document still `draft` (an order cancelled in the shop); refuses otherwise. */
  cancelDocument(number: string, reason: string): Promise<void>;
  getDocument(number: string): Promise<SalesDocument | undefined>;
  listDocuments(
    filter: DocumentFilter,
  ): Promise<{ readonly items: readonly DocumentSummary[]; readonly total: number }>;
  close(): Promise<void>;
}
