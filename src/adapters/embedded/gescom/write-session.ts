import type { Kysely, Selectable } from 'kysely';
import type { CustomerTable, Schema } from '../schema.js';
import { liveDocumentNumbers, liveHeadOfChain } from './document-queries.js';
import { incrementCounter, numberOf, storeCounterOf } from './numbering-series.js';
import { VatCodeBook } from './vat-codes.js';

/**
 * What one write transaction has already made sure of — the VAT codes it read, the payment modes,
 * warehouses and numbering series it knows exist, the customer accounts and articles it read or wrote —
 * so that a group of documents written in one transaction asks each once, not once per document.
 * Forgotten as a whole when a document of the group rolls back to its savepoint: what that document
 * created or changed is gone with it.
 *
 * A group also reads the live documents of all its external keys at once (`readLiveDocuments`), which
 * no rollback makes wrong: a refused document never enters it.
 */
export class WriteSession {
  #vatCodes: VatCodeBook;
  readonly #ensured = new Set<string>();
  /** Customer accounts by code, as they are in the transaction now. */
  readonly #customers = new Map<string, Selectable<CustomerTable>>();
  /** Article references known to exist in the transaction. */
  readonly #articles = new Set<string>();
  /** External key → number of its live document; undefined until a group reads them. */
  #live: Map<string, string> | undefined;
  /** The series this transaction took numbers from: the last counter it gave, the one in the database. */
  readonly #counters = new Map<string, { given: number; stored: number }>();
  /** The counters given when the current document began, to go back to if it rolls back. */
  #givenBefore = new Map<string, number>();
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
    this.#vatCodes = new VatCodeBook(db);
  }

  get vatCodes(): VatCodeBook {
    return this.#vatCodes;
  }

  /** Runs `ensure` unless it already ran in this session under `key`. */
  async once(key: string, ensure: () => Promise<void>): Promise<void> {
    if (this.#ensured.has(key)) return;
    await ensure();
    this.#ensured.add(key);
  }

  /**
   * Reads the live documents of a whole group's external keys, in one question, at the start of its
   * transaction: `liveDocument` then answers from it, and from what the group itself writes (`written`).
   *
   * As good a guard against a second writer as one look-up per document: on SQLite the transaction is
   * `BEGIN IMMEDIATE` (sqlite-dialect.ts), so from this read to the commit no other connection writes,
   * and the live documents at each document's write are exactly these plus the group's own. On
   * PostgreSQL neither read is a guarantee (another transaction may commit between a read and the
   * insert, one look-up a document or not): there the unique index on live external keys is, and its
   * violation is the same "already imported" (`alreadyImportedIfRaced`).
   */
  async readLiveDocuments(externalKeys: readonly string[]): Promise<void> {
    this.#live = await liveDocumentNumbers(this.#db, externalKeys);
  }

  /** The number of the live document of `externalKey`, if there is one. */
  async liveDocument(externalKey: string): Promise<string | undefined> {
    if (this.#live !== undefined) return this.#live.get(externalKey);
    return (await liveHeadOfChain(this.#db, externalKey))?.number;
  }

  /** A document this session wrote and kept (its savepoint released). */
  written(externalKey: string, number: string): void {
    if (externalKey !== '') this.#live?.set(externalKey, number);
  }

  /** The customer accounts this transaction read or wrote, by code (kept up to date by their writer). */
  get customers(): Map<string, Selectable<CustomerTable>> {
    return this.#customers;
  }

  /** The article references this transaction found or created. */
  get articles(): Set<string> {
    return this.#articles;
  }

  /**
   * The next number of the series `prefix`, which exists. The first is taken in the database (which
   * holds the series for this transaction, numbering-series.ts), the next ones counted here: one UPDATE
   * a series and a transaction instead of one a document, stored by `storeCounters` before the commit.
   */
  async nextNumber(prefix: string): Promise<string> {
    const held = this.#counters.get(prefix);
    if (held !== undefined) return numberOf(prefix, ++held.given);
    const counter = await incrementCounter(this.#db, prefix);
    this.#counters.set(prefix, { given: counter, stored: counter });
    return numberOf(prefix, counter);
  }

  /** Writes the counters given since they were last stored: to be done before the transaction commits. */
  async storeCounters(): Promise<void> {
    for (const [prefix, held] of this.#counters) {
      if (held.given === held.stored) continue;
      await storeCounterOf(this.#db, prefix, held.given);
      held.stored = held.given;
    }
  }

  /** A document begins (its savepoint): what `forget` goes back to. */
  documentBegins(): void {
    this.#givenBefore = new Map([...this.#counters].map(([prefix, held]) => [prefix, held.given]));
  }

  /**
   * After a rollback to the savepoint of the document that began last: nothing seen since the
   * transaction began can be trusted, and the numbers that document took are free again (a series it
   * was the first to take from is taken from the database again).
   */
  forget(): void {
    for (const [prefix, held] of this.#counters) {
      const given = this.#givenBefore.get(prefix);
      if (given === undefined) this.#counters.delete(prefix);
      else held.given = given;
    }
    this.#ensured.clear();
    this.#customers.clear();
    this.#articles.clear();
    this.#vatCodes = new VatCodeBook(this.#db);
  }
}
