import type { Kysely } from 'kysely';
import { ExpectedFailure } from '../../../domain/failure.js';
import { truncateText } from '../../../domain/truncate.js';
import {
  documentRank,
  FIELD_LIMITS,
  type DocumentStatus,
  type DocumentSummary,
  type DocumentType,
  type SalesDocumentDraft,
} from '../../../domain/sales-document.js';
import type { Clock } from '../../../ports/clock.js';
import type { ImportRecord, TransformInto } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';
import { isUniqueViolation } from '../sql-helpers.js';
import { writeImportRecord } from '../store/import-record-writer.js';
import { ensureArticles } from './articles.js';
import { ensureCustomer } from './customer-accounts.js';
import { headOfChain } from './document-queries.js';
import { precompiledInsert } from '../precompiled.js';
import { addressToJson, decimalText, toDocumentSummary, type DocumentRow } from './document-rows.js';
import { allocateNumber, ensureSeries } from './numbering-series.js';
import { DEFAULT_WAREHOUSE } from './reference-data.js';
import type { VatCodeBook } from './vat-codes.js';
import { WriteSession } from './write-session.js';

/**
 * Writes documents into the embedded GesCom: a new one from an order (`importDocument`), or the next one
 * of its sales chain (`transformDocument`). Each is one transaction that also holds the sync's record
 * (ledger + outbox), which is what makes "never twice, never lost" hold through a crash (SPEC §3.2).
 */

/** What a write needs besides the database: the time, and the numbering series of each document type. */
export interface WriterContext {
  readonly clock: Clock;
  readonly series: Readonly<Record<DocumentType, string>>;
}

// Compiled once: every imported order runs them (precompiled.ts says why).
const insertDocument = precompiledInsert(
  'documents',
  [
    'number',
    'type',
    'status',
    'date',
    'customer_code',
    'customer_name',
    'billing_address',
    'delivery_address',
    'reference',
    'remark',
    'notes',
    'currency',
    'conversion_rate',
    'total_tax_excl',
    'total_tax',
    'total_tax_incl',
    'shop_total_tax_excl',
    'shop_total_tax_incl',
    'external_key',
    'shop_reference',
    'series',
    'warehouse',
    'shipping_mode',
    'source_number',
    'transformed_into',
    'cancelled',
    'cancel_reason',
    'cancelled_at',
    'created_at',
    'tracking_number',
  ],
  // Only the id: the rest of the row is what was just written.
  { returning: ['id'] },
);
const insertLineRows = precompiledInsert('document_lines', [
  'document_id',
  'position',
  'kind',
  'article_reference',
  'label',
  'quantity',
  'unit_price_tax_excl',
  'unit_price_tax_incl',
  'discount_percent',
  'discount_amount_tax_excl',
  'vat_code',
  'vat_rate',
  'total_tax_excl',
  'total_tax_incl',
  'ecotax_tax_excl',
  'source_line_id',
  'origin_line_id',
]);
const insertPayments = precompiledInsert('document_payments', [
  'document_id',
  'mode_code',
  'journal',
  'amount',
  'date',
  'transaction_id',
  'label',
]);

const LIVE_EXTERNAL_KEY_INDEX = {
  name: 'documents_one_live_per_external_key',
  sqliteColumns: 'documents.external_key',
};

export async function importDocument(
  db: Kysely<Schema>,
  draft: SalesDocumentDraft,
  record: ImportRecord,
  context: WriterContext,
): Promise<DocumentSummary> {
  try {
    return await db.transaction().execute(async (trx) => {
      const session = new WriteSession(trx);
      const document = await writeNewDocument(trx, draft, record, context, session);
      await session.storeCounters();
      return document;
    });
  } catch (error) {
    throw await alreadyImportedIfRaced(db, draft, error);
  }
}

/**
 * The document of `draft` and its record, inside the caller's transaction. `session` remembers what the
 * transaction already made sure of (VAT codes, payment modes, warehouse, series…) for the next document,
 * and counts its numbers: `session.storeCounters()` before the commit.
 */
export async function writeNewDocument(
  trx: Kysely<Schema>,
  draft: SalesDocumentDraft,
  record: ImportRecord,
  context: WriterContext,
  session: WriteSession,
): Promise<DocumentSummary> {
  const existing = await session.liveDocument(draft.externalKey);
  if (existing !== undefined) throw alreadyImported(draft.externalKey, existing);
  const now = context.clock.now().toISOString();
  const customer = await ensureCustomer(trx, draft.customer, draft.deliveryAddress, now, session.customers);
  const vatCodes = session.vatCodes;
  await ensureArticles(trx, draft.lines, vatCodes, now, session.articles);
  for (const code of new Set(draft.payments.map((payment) => payment.modeCode)))
    await session.once(`payment-mode:${code}`, () => ensurePaymentMode(trx, code));
  const warehouse = draft.warehouse.trim() === '' ? DEFAULT_WAREHOUSE : draft.warehouse;
  await session.once(`warehouse:${warehouse}`, () => ensureWarehouse(trx, warehouse));
  const series = draft.series.trim() === '' ? context.series[draft.type] : draft.series;
  await session.once(`series:${series}`, () => ensureSeries(trx, draft.type, series));
  const number = await session.nextNumber(series);
  const values = {
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
    tracking_number: '',
  };
  const [inserted] = (await insertDocument(trx, [values])).rows;
  if (inserted === undefined) throw new Error(`the document ${number} was not written`);
  const row: DocumentRow = { id: inserted.id, ...values };
  await insertLines(trx, row.id, draft, vatCodes);
  if (draft.payments.length > 0) {
    await insertPayments(
      trx,
      draft.payments.map((payment) => ({
        document_id: row.id,
        mode_code: payment.modeCode,
        journal: payment.journal,
        amount: decimalText(payment.amount),
        date: payment.date,
        transaction_id: payment.transactionId,
        label: truncateText(payment.label, FIELD_LIMITS.label),
      })),
    );
  }
  await writeImportRecord(trx, record, { number, type: draft.type, status: draft.status }, now, 'import');
  return toDocumentSummary(row);
}

/**
 * The read in `writeNewDocument` is the polite answer; the unique index is the guarantee when two writers
 * race: its violation is the same "already imported". `db` must be usable (outside the failed
 * transaction, or rolled back to a savepoint).
 */
export async function alreadyImportedIfRaced(
  db: Kysely<Schema>,
  draft: SalesDocumentDraft,
  error: unknown,
): Promise<unknown> {
  if (!isUniqueViolation(error, LIVE_EXTERNAL_KEY_INDEX)) return error;
  const head = await headOfChain(db, draft.externalKey, { liveOnly: true });
  return alreadyImported(draft.externalKey, head?.number, error);
}

export async function transformDocument(
  db: Kysely<Schema>,
  number: string,
  into: TransformInto,
  record: ImportRecord | undefined,
  context: WriterContext,
): Promise<DocumentSummary> {
  const trackingNumber = (into.trackingNumber ?? '').trim();
  if (trackingNumber !== '' && into.type !== 'delivery') {
    throw new ExpectedFailure(
      'transform-unsupported',
      `A tracking number goes on a delivery (bon de livraison), not on a ${into.type}: transform ${number} into a delivery to give it one.`,
    );
  }
  if (trackingNumber.length > TRACKING_NUMBER_LIMIT) {
    throw new ExpectedFailure(
      'invalid-value',
      `The tracking number is longer than ${TRACKING_NUMBER_LIMIT} characters (PrestaShop's limit): check it.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const source = await trx
      .selectFrom('documents')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirst();
    if (source === undefined) throw notFound(number);
    const sourceType = source.type as DocumentType;
    if (source.cancelled === 1) {
      throw new ExpectedFailure('document-cancelled', `The document ${number} was cancelled in the GesCom.`);
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
    const now = context.clock.now();
    const series = context.series[into.type];
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
        tracking_number: trackingNumber,
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
        .values(sourceLines.map(({ id, ...line }) => ({ ...line, document_id: row.id, origin_line_id: id })))
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
    const document = { number: newNumber, type: into.type, status: into.status };
    if (record === undefined) await followInLedger(trx, source.number, document, now.toISOString());
    else await writeImportRecord(trx, record, document, now.toISOString(), 'transform');
    return toDocumentSummary(row);
  });
}

/** PrestaShop's `order_carrier.tracking_number` is 64 characters. */
const TRACKING_NUMBER_LIMIT = 64;

/** A transformation asked by hand: the order's ledger entry follows its document along the chain. */
async function followInLedger(
  db: Kysely<Schema>,
  sourceNumber: string,
  document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
  now: string,
): Promise<void> {
  await db
    .updateTable('import_ledger')
    .set({
      document_number: document.number,
      document_type: document.type,
      document_status: document.status,
      updated_at: now,
    })
    .where('document_number', '=', sourceNumber)
    .execute();
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
  for (let start = 0; start < values.length; start += 500)
    await insertLineRows(db, start === 0 && values.length <= 500 ? values : values.slice(start, start + 500));
}

/** A payment mode the GesCom does not know yet is created with its code as label, for someone to rename. */
async function ensurePaymentMode(db: Kysely<Schema>, code: string): Promise<void> {
  await db
    .insertInto('payment_modes')
    .values({ code, label: code })
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

export function notFound(number: string): ExpectedFailure {
  return new ExpectedFailure('document-not-found', `The GesCom has no document ${number}.`);
}
