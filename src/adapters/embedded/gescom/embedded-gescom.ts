import { sql, type Kysely } from 'kysely';
import { ExpectedFailure } from '../../../domain/failure.js';
import type { Amount } from '../../../domain/money.js';
import {
  FIELD_LIMITS,
  type DocumentSummary,
  type DocumentType,
  type SalesDocument,
  type SalesDocumentDraft,
} from '../../../domain/sales-document.js';
import { truncateText } from '../../../domain/truncate.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  ArticleMatch,
  DocumentFilter,
  DocumentTransformation,
  GescomTarget,
  ImportAttempt,
  ImportItem,
  ImportRecord,
  TransformInto,
} from '../../../ports/gescom-target.js';
import type { EmbeddedDatabase } from '../database.js';
import type { Schema } from '../schema.js';
import { chunks } from '../sql-helpers.js';
import { findArticles } from './articles.js';
import { clampLimit } from './customer-accounts.js';
import { filterConditions, headOfChain } from './document-queries.js';
import { toDocumentSummary, toSalesDocument } from './document-rows.js';
import { transformationsSince } from './transformations.js';
import { importDocuments } from './document-group-writer.js';
import { importDocument, notFound, transformDocument, type WriterContext } from './document-writer.js';
import { DEFAULT_SERIES } from './reference-data.js';
import { VatCodeBook } from './vat-codes.js';

export interface EmbeddedGescomOptions {
  /** Numbering series (souches) by type, from the configuration; the seeded DE, BC, BL, FA, AV otherwise. */
  readonly series?: Partial<Record<DocumentType, string>>;
}

/** An article of the GesCom's catalogue. */
export interface CatalogueArticle {
  readonly reference: string;
  readonly label: string;
  readonly ean13: string;
  readonly vatRate: Amount;
}

/**
 * navette's own small GesCom in the embedded database: the default target. Documents are written by
 * document-writer.ts, each in one transaction with the sync's record (ledger + outbox).
 *
 * The database belongs to whoever opened it: `close()` leaves it open for the store that shares it.
 */
export class EmbeddedGescom implements GescomTarget {
  /** One order at a time: SQLite has one writer, and each write is a local transaction, with no network wait. */
  readonly writeConcurrency = 1;
  readonly #db: Kysely<Schema>;
  readonly #clock: Clock;
  readonly #writerContext: WriterContext;

  constructor(database: EmbeddedDatabase, clock: Clock, options: EmbeddedGescomOptions = {}) {
    this.#db = database.db;
    this.#clock = clock;
    this.#writerContext = { clock, series: { ...DEFAULT_SERIES, ...options.series } };
  }

  async findByExternalKey(externalKey: string): Promise<DocumentSummary | undefined> {
    const row = await headOfChain(this.#db, externalKey);
    return row === undefined ? undefined : toDocumentSummary(row);
  }

  async findByExternalKeys(externalKeys: readonly string[]): Promise<ReadonlyMap<string, DocumentSummary>> {
    const heads = new Map<string, DocumentSummary>();
    for (const batch of chunks(externalKeys, 500)) {
      const rows = await this.#db
        .selectFrom('documents')
        .selectAll()
        .where('external_key', 'in', batch)
        .where('transformed_into', 'is', null)
        .orderBy('cancelled')
        .orderBy('id', 'desc')
        .execute();
      // The same choice as headOfChain: a live document first, then the newest.
      for (const row of rows)
        if (!heads.has(row.external_key)) heads.set(row.external_key, toDocumentSummary(row));
    }
    return heads;
  }

  async findArticles(query: {
    references: readonly string[];
    ean13s: readonly string[];
  }): Promise<readonly ArticleMatch[]> {
    return findArticles(this.#db, query);
  }

  /**
   * Adds articles to the GesCom's catalogue (a GesCom has its articles before any web order arrives);
   * existing references are left as they are. Returns how many were added.
   */
  async addArticles(articles: readonly CatalogueArticle[]): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      const vatCodes = new VatCodeBook(trx);
      const now = this.#clock.now().toISOString();
      let added = 0;
      for (const article of articles) {
        const result = await trx
          .insertInto('articles')
          .values({
            reference: truncateText(article.reference, FIELD_LIMITS.articleReference),
            label: truncateText(article.label, FIELD_LIMITS.label),
            ean13: article.ean13,
            vat_code: await vatCodes.codeFor(article.vatRate),
            special: 0,
            created_at: now,
          })
          .onConflict((oc) => oc.column('reference').doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return added;
    });
  }

  /** How many articles the catalogue holds, the special ones (DIVERS, PORT…) left out. */
  async articleCount(): Promise<number> {
    const row = await this.#db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('special', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async releaseExternalKeys(
    orders: { readonly externalKeys: readonly string[] } | { readonly shopId: number },
  ): Promise<number> {
    const batches = 'shopId' in orders ? [[`ps-${orders.shopId}-%`]] : [...chunks(orders.externalKeys, 500)];
    return this.#db.transaction().execute(async (trx) => {
      let released = 0;
      for (const batch of batches) {
        const result = await trx
          .updateTable('documents')
          .set({ external_key: sql<string>`external_key || '#reset-' || number` })
          .where((eb) =>
            'shopId' in orders ? eb('external_key', 'like', batch[0]!) : eb('external_key', 'in', batch),
          )
          // A key released before stays as it was.
          .where('external_key', 'not like', '%#reset-%')
          .executeTakeFirst();
        released += Number(result.numUpdatedRows);
      }
      return released;
    });
  }

  async importDocument(draft: SalesDocumentDraft, record: ImportRecord): Promise<DocumentSummary> {
    return importDocument(this.#db, draft, record, this.#writerContext);
  }

  async importDocuments(items: readonly ImportItem[]): Promise<readonly ImportAttempt[]> {
    return importDocuments(this.#db, items, this.#writerContext);
  }

  async transformDocument(
    number: string,
    into: TransformInto,
    record?: ImportRecord,
  ): Promise<DocumentSummary> {
    return transformDocument(this.#db, number, into, record, this.#writerContext);
  }

  async transformationsSince(
    cursor: string | undefined,
    limit: number,
    options?: { readonly from?: string },
  ): Promise<{ readonly items: readonly DocumentTransformation[]; readonly cursor: string | undefined }> {
    return transformationsSince(this.#db, cursor, limit, options?.from);
  }

  async cancelDocument(number: string, reason: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('documents')
        .selectAll()
        .where('number', '=', number)
        .executeTakeFirst();
      if (row === undefined) throw notFound(number);
      if (row.cancelled === 1) return;
      if (row.transformed_into !== null) {
        throw new ExpectedFailure(
          'document-transformed',
          `The document ${number} was transformed into ${row.transformed_into}: cancel that one instead.`,
        );
      }
      if (row.status !== 'draft') {
        throw new ExpectedFailure(
          'document-not-draft',
          `The document ${number} is no longer "Saisi" (it is ${row.status}): cancel it in the GesCom by hand.`,
        );
      }
      await trx
        .updateTable('documents')
        .set({ cancelled: 1, cancel_reason: reason, cancelled_at: this.#clock.now().toISOString() })
        .where('id', '=', row.id)
        .execute();
    });
  }

  async getDocument(number: string): Promise<SalesDocument | undefined> {
    const row = await this.#db
      .selectFrom('documents')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const [lines, payments] = await Promise.all([
      this.#db
        .selectFrom('document_lines')
        .selectAll()
        .where('document_id', '=', row.id)
        .orderBy('position')
        .execute(),
      this.#db
        .selectFrom('document_payments')
        .selectAll()
        .where('document_id', '=', row.id)
        .orderBy('id')
        .execute(),
    ]);
    return toSalesDocument(row, lines, payments);
  }

  async listDocuments(
    filter: DocumentFilter,
  ): Promise<{ readonly items: readonly DocumentSummary[]; readonly total: number }> {
    const base = this.#db.selectFrom('documents').where((eb) => eb.and(filterConditions(eb, filter)));
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(clampLimit(filter.limit))
        .offset(Math.max(0, Math.trunc(filter.offset ?? 0)))
        .execute(),
      base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toDocumentSummary), total: Number(count.total) };
  }

  async close(): Promise<void> {
    // The database is shared with the store and closed by whoever opened it.
  }
}
