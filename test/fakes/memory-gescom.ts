import { ExpectedFailure, type GescomFailureCode } from '../../src/domain/failure.js';
import { toText } from '../../src/domain/money.js';
import {
  documentRank,
  FIELD_LIMITS,
  type CustomerAccountDraft,
  type DocumentSummary,
  type DocumentType,
  type SalesDocument,
  type SalesDocumentDraft,
} from '../../src/domain/sales-document.js';
import { truncateText } from '../../src/domain/truncate.js';
import type { Clock } from '../../src/ports/clock.js';
import type {
  ArticleMatch,
  DocumentFilter,
  DocumentTransformation,
  GescomTarget,
  ImportRecord,
  TransformInto,
} from '../../src/ports/gescom-target.js';
import type { MemorySyncStore } from './memory-sync-store.js';

const SERIES: Readonly<Record<DocumentType, string>> = {
  quote: 'DE',
  order: 'BC',
  delivery: 'BL',
  invoice: 'FA',
  credit_note: 'AV',
};

/** The articles every GesCom has before its first import: the lines the sync writes besides products. */
const SPECIAL_ARTICLES: readonly ArticleMatch[] = [
  { reference: 'PORT', ean13: '', label: 'Frais de port' },
  { reference: 'REMISE', ean13: '', label: 'Remise' },
  { reference: 'EMBALLAGE', ean13: '', label: 'Emballage cadeau' },
  { reference: 'DIVERS', ean13: '', label: 'Article divers' },
];

interface Account {
  readonly code: string;
  readonly name: string;
  readonly email: string;
  readonly generic: boolean;
}

type StoredDocument = {
  -readonly [K in keyof SalesDocument]: SalesDocument[K];
};

function failure(code: GescomFailureCode, message: string): ExpectedFailure<GescomFailureCode> {
  return new ExpectedFailure(code, message);
}

/**
 * A GesCom in memory, writing its import records to a MemorySyncStore as the embedded GesCom writes
 * them to its database: the same contract (test/contract/gescom-target.contract.ts), for the sync
 * engine's unit tests. Every check comes before the first write, so a refused import leaves nothing.
 */
export class MemoryGescom implements GescomTarget {
  readonly #store: MemorySyncStore;
  readonly #clock: Clock;
  readonly #documents: StoredDocument[] = [];
  readonly #articles = new Map<string, ArticleMatch>(SPECIAL_ARTICLES.map((a) => [a.reference, a]));
  readonly #accounts = new Map<string, Account>();
  readonly #counters = new Map<string, number>();
  /** The GesCom's own record of transformations, as `transformationsSince` reads it. */
  readonly #transformations: DocumentTransformation[] = [];
  /** How many times each method was called: tests check what a dry run did not do. */
  readonly writes = { importDocument: 0, transformDocument: 0, cancelDocument: 0 };
  /** Makes the next writes fail as a GesCom can (a refused document, a lost connection). */
  failNextWrite: Error | undefined;
  /** One at a time, as the embedded GesCom; tests of concurrent writes raise it. */
  writeConcurrency = 1;

  constructor(store: MemorySyncStore, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /** Adds articles to the catalogue (a GesCom has its articles before any web order arrives). */
  addArticles(articles: readonly ArticleMatch[]): void {
    for (const article of articles) this.#articles.set(article.reference, article);
  }

  async findByExternalKey(externalKey: string): Promise<DocumentSummary | undefined> {
    const head = this.#head(externalKey);
    return head && summaryOf(head);
  }

  async findByExternalKeys(externalKeys: readonly string[]): Promise<ReadonlyMap<string, DocumentSummary>> {
    const heads = new Map<string, DocumentSummary>();
    for (const key of externalKeys) {
      const head = this.#head(key);
      if (head) heads.set(key, summaryOf(head));
    }
    return heads;
  }

  async findArticles(query: {
    references: readonly string[];
    ean13s: readonly string[];
  }): Promise<readonly ArticleMatch[]> {
    const references = new Set(query.references.map((r) => truncateText(r, FIELD_LIMITS.articleReference)));
    const ean13s = new Set(query.ean13s.filter((ean) => ean.trim() !== ''));
    return [...this.#articles.values()].filter(
      (article) => references.has(article.reference) || (article.ean13 !== '' && ean13s.has(article.ean13)),
    );
  }

  async importDocument(draft: SalesDocumentDraft, record: ImportRecord): Promise<DocumentSummary> {
    this.writes.importDocument += 1;
    this.#failIfAsked();
    const live = this.#head(draft.externalKey, { liveOnly: true });
    if (live)
      throw failure(
        'already-imported',
        `The order ${draft.externalKey} is already in the GesCom as ${live.number}.`,
      );
    const lines = draft.lines.map((line) => ({
      ...line,
      articleReference: truncateText(line.articleReference, FIELD_LIMITS.articleReference),
      label: truncateText(line.label, FIELD_LIMITS.label),
      vatCode: `TVA${toText(line.vatRate)}`,
    }));
    const missing = lines.find((line) => !this.#articles.has(line.articleReference) && !line.createArticle);
    if (missing)
      throw new Error(`the article ${missing.articleReference} does not exist and may not be created`);

    for (const line of lines)
      if (!this.#articles.has(line.articleReference))
        this.#articles.set(line.articleReference, {
          reference: line.articleReference,
          ean13: '',
          label: line.label,
        });
    const account = this.#account(draft.customer);
    const { customer: _customer, ...header } = draft;
    const document: StoredDocument = {
      ...header,
      id: String(this.#documents.length + 1),
      number: this.#nextNumber(draft.type, draft.series),
      reference: truncateText(draft.reference, FIELD_LIMITS.reference),
      customerCode: account.code,
      // The shared web account's name says nothing: the document shows who ordered.
      customerName: truncateText(
        account.generic ? draft.customer.name : account.name,
        FIELD_LIMITS.accountName,
      ),
      lines,
      payments: [...draft.payments],
      sourceNumber: undefined,
      transformedInto: undefined,
      cancelled: false,
      createdAt: this.#clock.now().toISOString(),
    };
    this.#documents.push(document);
    this.#store.writeImport(record, document);
    return summaryOf(document);
  }

  async transformDocument(
    number: string,
    into: TransformInto,
    record?: ImportRecord,
  ): Promise<DocumentSummary> {
    this.writes.transformDocument += 1;
    this.#failIfAsked();
    const trackingNumber = (into.trackingNumber ?? '').trim();
    if (trackingNumber !== '' && into.type !== 'delivery')
      throw failure('transform-unsupported', `A tracking number goes on a delivery, not on a ${into.type}.`);
    const source = this.#find(number);
    if (source.cancelled)
      throw failure('document-cancelled', `The document ${number} was cancelled in the GesCom.`);
    if (source.transformedInto !== undefined)
      throw failure(
        'already-transformed',
        `The document ${number} was already transformed into ${source.transformedInto}.`,
      );
    if (into.type === 'credit_note' || source.type === 'credit_note')
      throw failure('transform-unsupported', 'A credit note is not part of the sales chain.');
    if (documentRank(into.type) <= documentRank(source.type))
      throw failure(
        'transform-backwards',
        `The document ${number} is a ${source.type}: it cannot become a ${into.type}.`,
      );
    const copy: StoredDocument = {
      ...source,
      id: String(this.#documents.length + 1),
      number: this.#nextNumber(into.type, ''),
      type: into.type,
      status: into.status,
      date: this.#clock.now().toISOString().slice(0, 10),
      lines: [...source.lines],
      // Payments follow the document: the head of the chain carries them.
      payments: source.payments,
      sourceNumber: source.number,
      transformedInto: undefined,
      createdAt: this.#clock.now().toISOString(),
      ...(trackingNumber === '' ? {} : { trackingNumber }),
    };
    source.transformedInto = copy.number;
    source.payments = [];
    this.#documents.push(copy);
    this.#transformations.push({
      sourceNumber: source.number,
      sourceType: source.type,
      number: copy.number,
      type: copy.type,
      externalKey: copy.externalKey,
      trackingNumber,
      at: copy.createdAt,
    });
    if (record === undefined) this.#store.followDocument(source.number, copy);
    else this.#store.writeImport(record, copy, 'transform');
    return summaryOf(copy);
  }

  async transformationsSince(
    cursor: string | undefined,
    limit: number,
    options?: { readonly from?: string },
  ): Promise<{ readonly items: readonly DocumentTransformation[]; readonly cursor: string | undefined }> {
    // With no cursor, `from` is honoured as the embedded GesCom does: the history before it passed over.
    const since = cursor === undefined ? options?.from : undefined;
    const skipped = since === undefined ? 0 : this.#transformations.filter((item) => item.at < since).length;
    const from = cursor === undefined ? skipped : Number(cursor);
    if (since !== undefined && from >= this.#transformations.length)
      return { items: [], cursor: String(this.#transformations.length) };
    const items = this.#transformations.slice(from, from + Math.max(1, limit));
    return { items, cursor: items.length === 0 ? cursor : String(from + items.length) };
  }

  async releaseExternalKeys(
    orders: { readonly externalKeys: readonly string[] } | { readonly shopId: number },
  ): Promise<number> {
    const wanted =
      'shopId' in orders
        ? (key: string) => key.startsWith(`ps-${orders.shopId}-`)
        : (key: string) => orders.externalKeys.includes(key);
    let released = 0;
    for (const document of this.#documents) {
      // A key released before stays as it was.
      if (document.externalKey.includes('#reset-') || !wanted(document.externalKey)) continue;
      document.externalKey = `${document.externalKey}#reset-${document.number}`;
      released += 1;
    }
    return released;
  }

  async cancelDocument(number: string, _reason: string): Promise<void> {
    this.writes.cancelDocument += 1;
    this.#failIfAsked();
    const document = this.#find(number);
    if (document.cancelled) return;
    if (document.transformedInto !== undefined)
      throw failure(
        'document-transformed',
        `The document ${number} was transformed into ${document.transformedInto}.`,
      );
    if (document.status !== 'draft')
      throw failure(
        'document-not-draft',
        `The document ${number} is no longer "Saisi" (it is ${document.status}).`,
      );
    document.cancelled = true;
  }

  async getDocument(number: string): Promise<SalesDocument | undefined> {
    const document = this.#documents.find((candidate) => candidate.number === number);
    return document && { ...document };
  }

  async listDocuments(
    filter: DocumentFilter,
  ): Promise<{ readonly items: readonly DocumentSummary[]; readonly total: number }> {
    const contains = (values: readonly string[], text: string | undefined) =>
      text === undefined ||
      text.trim() === '' ||
      values.some((value) => value.toLowerCase().includes(text.trim().toLowerCase()));
    const matching = this.#documents
      .filter(
        (d) =>
          (filter.type === undefined || d.type === filter.type) &&
          (filter.status === undefined || d.status === filter.status) &&
          (filter.from === undefined || d.date >= filter.from) &&
          (filter.to === undefined || d.date <= filter.to) &&
          contains([d.customerCode, d.customerName], filter.customer) &&
          contains([d.number, d.reference, d.externalKey, d.shopReference], filter.search),
      )
      .sort((a, b) => b.date.localeCompare(a.date) || Number(b.id) - Number(a.id));
    const offset = Math.max(0, Math.trunc(filter.offset ?? 0));
    const limit = Math.min(500, Math.max(1, Math.trunc(filter.limit ?? 50)));
    return { items: matching.slice(offset, offset + limit).map(summaryOf), total: matching.length };
  }

  async close(): Promise<void> {}

  #failIfAsked(): void {
    const error = this.failNextWrite;
    this.failNextWrite = undefined;
    if (error) throw error;
  }

  /** The document an external key's chain ends at: a live one before a cancelled one, the newest first. */
  #head(externalKey: string, options: { liveOnly?: boolean } = {}): StoredDocument | undefined {
    const candidates = this.#documents.filter(
      (d) =>
        externalKey !== '' &&
        d.externalKey === externalKey &&
        d.transformedInto === undefined &&
        !(options.liveOnly === true && d.cancelled),
    );
    return candidates.sort(
      (a, b) => Number(a.cancelled) - Number(b.cancelled) || Number(b.id) - Number(a.id),
    )[0];
  }

  #find(number: string): StoredDocument {
    const document = this.#documents.find((candidate) => candidate.number === number);
    if (document === undefined) throw failure('document-not-found', `The GesCom has no document ${number}.`);
    return document;
  }

  #account(draft: CustomerAccountDraft): Account {
    const code = truncateText(draft.code, FIELD_LIMITS.accountCode);
    const email = draft.email.trim().toLowerCase();
    const found =
      this.#accounts.get(code) ??
      (draft.matchByEmail && email !== '' && !draft.generic
        ? [...this.#accounts.values()].find((a) => !a.generic && a.email.toLowerCase() === email)
        : undefined);
    if (found) return found;
    const account = {
      code,
      name: truncateText(draft.name.trim() === '' ? code : draft.name, FIELD_LIMITS.accountName),
      email: draft.generic ? '' : draft.email,
      generic: draft.generic,
    };
    this.#accounts.set(code, account);
    return account;
  }

  #nextNumber(type: DocumentType, series: string): string {
    const prefix = series.trim() === '' ? SERIES[type] : series;
    const counter = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, counter);
    return `${prefix}${String(counter).padStart(5, '0')}`;
  }
}

function summaryOf(document: StoredDocument): DocumentSummary {
  return {
    id: document.id,
    number: document.number,
    type: document.type,
    status: document.status,
    date: document.date,
    customerCode: document.customerCode,
    customerName: document.customerName,
    reference: document.reference,
    externalKey: document.externalKey,
    totals: document.totals,
    currency: document.currency,
    transformedInto: document.transformedInto,
    cancelled: document.cancelled,
    ...(document.trackingNumber === undefined ? {} : { trackingNumber: document.trackingNumber }),
  };
}
