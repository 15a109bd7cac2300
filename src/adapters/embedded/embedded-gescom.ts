import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import { ExpectedFailure } from '../../domain/failure.js';
import type { Amount } from '../../domain/money.js';
import {
  documentRank,
  FIELD_LIMITS,
  type DocumentStatus,
  type DocumentSummary,
  type DocumentType,
  type SalesDocument,
  type SalesDocumentDraft,
} from '../../domain/sales-document.js';
import type { Clock } from '../../ports/clock.js';
import type { ArticleMatch, DocumentFilter, GescomTarget, ImportRecord } from '../../ports/gescom-target.js';
import { ensureArticles, findArticles } from './articles.js';
import { clampLimit, ensureCustomer } from './customer-accounts.js';
import { truncateText } from '../../domain/truncate.js';
import type { EmbeddedDatabase } from './database.js';
import {
  addressToJson,
  decimalText,
  toDocumentSummary,
  toSalesDocument,
  type DocumentRow,
} from './document-rows.js';
import { writeImportRecord } from './import-record-writer.js';
import { allocateNumber } from './numbering-series.js';
import { DEFAULT_SERIES, DEFAULT_WAREHOUSE } from './reference-data.js';
import type { Schema } from './schema.js';
import { chunks, isUniqueViolation, likeContains } from './sql-helpers.js';
import { VatCodeBook } from './vat-codes.js';

export interface EmbeddedGescomOptions {
  /** Numbering series (souches) by type, from the configuration; the seeded DE, BC, BL, FA, AV otherwise. */
  readonly series?: Partial<Record<DocumentType, string>>;
}

const LIVE_EXTERNAL_KEY_INDEX = {
  name: 'documents_one_live_per_external_key',
  sqliteColumns: 'documents.external_key',
};

/**
 * navette's own small GesCom in the embedded database: the default target. Every write is one
 * transaction that also holds the sync's record (ledger + outbox), which is what makes "never twice,
 * never lost" hold through a crash (SPEC §3.2).
 *
 * The database belongs to whoever opened it: `close()` leaves it open for the store that shares it.
 */
/** An article of the GesCom's catalogue. */
export interface CatalogueArticle {
  readonly reference: string;
  readonly label: string;
  readonly ean13: string;
  readonly vatRate: Amount;
}

export class EmbeddedGescom implements GescomTarget {
  readonly #db: Kysely<Schema>;
  readonly #clock: Clock;
  readonly #series: Readonly<Record<DocumentType, string>>;

  constructor(database: EmbeddedDatabase, clock: Clock, options: EmbeddedGescomOptions = {}) {
    this.#db = database.db;
    this.#clock = clock;
    this.#series = { ...DEFAULT_SERIES, ...options.series };
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
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const existing = await headOfChain(trx, draft.externalKey, { liveOnly: true });
        if (existing !== undefined) throw alreadyImported(draft.externalKey, existing.number);
        const now = this.#clock.now().toISOString();
        const customer = await ensureCustomer(trx, draft.customer, draft.deliveryAddress, now);
        const vatCodes = new VatCodeBook(trx);
        await ensureArticles(trx, draft.lines, vatCodes, now);
        await ensurePaymentModes(
          trx,
          draft.payments.map((payment) => payment.modeCode),
        );
        const warehouse = draft.warehouse.trim() === '' ? DEFAULT_WAREHOUSE : draft.warehouse;
        await ensureWarehouse(trx, warehouse);
        const series = draft.series.trim() === '' ? this.#series[draft.type] : draft.series;
        const number = await allocateNumber(trx, draft.type, series);
        const row = await trx
          .insertInto('documents')
          .values({
            number,
            type: draft.type,
            status: draft.status,
            date: draft.date,
            customer_code: customer.code,
            // The shared web account's name says nothing: the document shows who ordered.
            customer_name: truncateText(
              customer.generic ? draft.customer.name : customer.name,
              FIELD_LIMITS.accountName,
            ),
            billing_address: addressToJson(draft.billingAddress),
            delivery_address: addressToJson(draft.deliveryAddress),
            reference: truncateText(draft.reference, FIELD_LIMITS.reference),
            remark: draft.remark,
            notes: draft.notes,
            currency: draft.currency,
            conversion_rate: decimalText(draft.conversionRate),
            total_tax_excl: decimalText(draft.totals.taxExcl),
            total_tax: decimalText(draft.totals.tax),
            total_tax_incl: decimalText(draft.totals.taxIncl),
            shop_total_tax_excl: decimalText(draft.shopTotals.taxExcl),
            shop_total_tax_incl: decimalText(draft.shopTotals.taxIncl),
            external_key: draft.externalKey,
            shop_reference: draft.shopReference,
            series,
            warehouse,
            shipping_mode: draft.shippingMode,
            source_number: null,
            transformed_into: null,
            cancelled: 0,
            cancel_reason: '',
            cancelled_at: null,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertLines(trx, row.id, draft, vatCodes);
        if (draft.payments.length > 0) {
          await trx
            .insertInto('document_payments')
            .values(
              draft.payments.map((payment) => ({
                document_id: row.id,
                mode_code: payment.modeCode,
                journal: payment.journal,
                amount: decimalText(payment.amount),
                date: payment.date,
                transaction_id: payment.transactionId,
                label: truncateText(payment.label, FIELD_LIMITS.label),
              })),
            )
            .execute();
        }
        await writeImportRecord(
          trx,
          record,
          { number, type: draft.type, status: draft.status },
          now,
          'import',
        );
        return toDocumentSummary(row);
      });
    } catch (error) {
      // The read above is the polite answer; the unique index is the guarantee when two writers race.
      if (isUniqueViolation(error, LIVE_EXTERNAL_KEY_INDEX)) {
        const head = await headOfChain(this.#db, draft.externalKey, { liveOnly: true });
        throw alreadyImported(draft.externalKey, head?.number, error);
      }
      throw error;
    }
  }

  async transformDocument(
    number: string,
    into: { type: DocumentType; status: DocumentStatus },
    record: ImportRecord,
  ): Promise<DocumentSummary> {
    return this.#db.transaction().execute(async (trx) => {
      const source = await trx
        .selectFrom('documents')
        .selectAll()
        .where('number', '=', number)
        .executeTakeFirst();
      if (source === undefined) throw notFound(number);
      const sourceType = source.type as DocumentType;
      if (source.cancelled === 1) {
        throw new ExpectedFailure(
          'document-cancelled',
          `The document ${number} was cancelled in the GesCom.`,
        );
      }
      if (source.transformed_into !== null) {
        throw new ExpectedFailure(
          'already-transformed',
          `The document ${number} was already transformed into ${source.transformed_into}.`,
        );
      }
      if (into.type === 'credit_note' || sourceType === 'credit_note') {
        throw new ExpectedFailure('transform-unsupported', `A credit note is not part of the sales chain.`);
      }
      if (documentRank(into.type) <= documentRank(sourceType)) {
        throw new ExpectedFailure(
          'transform-backwards',
          `The document ${number} is a ${sourceType}: it cannot become a ${into.type} (documents only move forward).`,
        );
      }
      const now = this.#clock.now();
      const series = this.#series[into.type];
      const newNumber = await allocateNumber(trx, into.type, series);
      // Closed first: the source must stop being the live document of its key before the new one is.
      await trx
        .updateTable('documents')
        .set({ transformed_into: newNumber })
        .where('id', '=', source.id)
        .execute();
      const { id: _id, ...header } = source;
      const row = await trx
        .insertInto('documents')
        .values({
          ...header,
          number: newNumber,
          type: into.type,
          status: into.status,
          date: localDay(now),
          series,
          source_number: source.number,
          transformed_into: null,
          created_at: now.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const sourceLines = await trx
        .selectFrom('document_lines')
        .selectAll()
        .where('document_id', '=', source.id)
        .orderBy('position')
        .execute();
      if (sourceLines.length > 0) {
        await trx
          .insertInto('document_lines')
          .values(
            sourceLines.map(({ id, ...line }) => ({ ...line, document_id: row.id, origin_line_id: id })),
          )
          .execute();
      }
      // Payments follow the document, as Sage's règlements do: the head of the chain carries them.
      await trx
        .updateTable('document_payments')
        .set({ document_id: row.id })
        .where('document_id', '=', source.id)
        .execute();
      await trx
        .insertInto('transformations')
        .values({
          source_number: source.number,
          target_number: newNumber,
          source_type: sourceType,
          target_type: into.type,
          at: now.toISOString(),
        })
        .execute();
      await writeImportRecord(trx, record, { number: newNumber, ...into }, now.toISOString(), 'transform');
      return toDocumentSummary(row);
    });
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

/**
 * The document an external key's chain ends at: the one not transformed into another. A live one wins
 * over a cancelled one (an order re-imported after its draft was cancelled), the newest over older ones.
 */
async function headOfChain(
  db: Kysely<Schema>,
  externalKey: string,
  options: { liveOnly?: boolean } = {},
): Promise<DocumentRow | undefined> {
  if (externalKey === '') return undefined;
  let query = db
    .selectFrom('documents')
    .selectAll()
    .where('external_key', '=', externalKey)
    .where('transformed_into', 'is', null);
  if (options.liveOnly === true) query = query.where('cancelled', '=', 0);
  return query.orderBy('cancelled').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

async function insertLines(
  db: Kysely<Schema>,
  documentId: number,
  draft: SalesDocumentDraft,
  vatCodes: VatCodeBook,
): Promise<void> {
  if (draft.lines.length === 0) return;
  const values = [];
  for (const [index, line] of draft.lines.entries()) {
    values.push({
      document_id: documentId,
      position: index + 1,
      kind: line.kind,
      article_reference: truncateText(line.articleReference, FIELD_LIMITS.articleReference),
      label: truncateText(line.label, FIELD_LIMITS.label),
      quantity: decimalText(line.quantity),
      unit_price_tax_excl: decimalText(line.unitPriceTaxExcl),
      unit_price_tax_incl: decimalText(line.unitPriceTaxIncl),
      discount_percent: decimalText(line.discountPercent),
      discount_amount_tax_excl: decimalText(line.discountAmountTaxExcl),
      vat_code: await vatCodes.codeFor(line.vatRate),
      vat_rate: decimalText(line.vatRate),
      total_tax_excl: decimalText(line.totalTaxExcl),
      total_tax_incl: decimalText(line.totalTaxIncl),
      ecotax_tax_excl: decimalText(line.ecotaxTaxExcl),
      source_line_id: line.sourceLineId ?? null,
      origin_line_id: null,
    });
  }
  // 18 parameters a line: 500 lines stay far below either database's limit per statement.
  for (let start = 0; start < values.length; start += 500) {
    await db
      .insertInto('document_lines')
      .values(values.slice(start, start + 500))
      .execute();
  }
}

/** A payment mode the GesCom does not know yet is created with its code as label, for someone to rename. */
async function ensurePaymentModes(db: Kysely<Schema>, codes: readonly string[]): Promise<void> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return;
  await db
    .insertInto('payment_modes')
    .values(unique.map((code) => ({ code, label: code })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

async function ensureWarehouse(db: Kysely<Schema>, code: string): Promise<void> {
  await db
    .insertInto('warehouses')
    .values({ code, label: code, is_default: 0 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

function filterConditions(
  eb: ExpressionBuilder<Schema, 'documents'>,
  filter: DocumentFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.type !== undefined) conditions.push(eb('type', '=', filter.type));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.from !== undefined) conditions.push(eb('date', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('date', '<=', filter.to));
  const contains = (columns: readonly (keyof DocumentRow)[], text: string) => {
    const pattern = likeContains(text);
    return eb.or(
      columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`),
    );
  };
  if (filter.customer !== undefined && filter.customer.trim() !== '') {
    conditions.push(contains(['customer_code', 'customer_name'], filter.customer.trim()));
  }
  if (filter.search !== undefined && filter.search.trim() !== '') {
    conditions.push(
      contains(['number', 'reference', 'external_key', 'shop_reference'], filter.search.trim()),
    );
  }
  return conditions;
}

/** The day of `instant` where navette runs (the business's own time zone). */
function localDay(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

function alreadyImported(externalKey: string, number: string | undefined, cause?: unknown): ExpectedFailure {
  return new ExpectedFailure(
    'already-imported',
    `The order ${externalKey} is already in the GesCom${number === undefined ? '' : ` as ${number}`}.`,
    cause === undefined ? undefined : { cause },
  );
}

function notFound(number: string): ExpectedFailure {
  return new ExpectedFailure('document-not-found', `The GesCom has no document ${number}.`);
}
