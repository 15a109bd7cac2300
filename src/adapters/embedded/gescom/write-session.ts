import type { Kysely } from 'kysely';
import type { Schema } from '../schema.js';
import { VatCodeBook } from './vat-codes.js';

/**
 * What one write transaction has already made sure of — the VAT codes it read, the payment modes,
 * warehouses and numbering series it knows exist — so that a group of documents written in one
 * transaction asks each once, not once per document. Forgotten as a whole when a document of the group
 * rolls back to its savepoint: what that document created is gone with it.
 */
export class WriteSession {
  #vatCodes: VatCodeBook;
  readonly #ensured = new Set<string>();
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

  /** After a rollback to a savepoint: nothing seen since the transaction began can be trusted. */
  forget(): void {
    this.#ensured.clear();
    this.#vatCodes = new VatCodeBook(this.#db);
  }
}
