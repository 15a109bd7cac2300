import { ExpectedFailure, GESCOM_UNAVAILABLE } from '../../domain/failure.js';
import { amount, type Amount } from '../../domain/money.js';
import type {
  DocumentStatus,
  DocumentSummary,
  DocumentType,
  SalesDocument,
  SalesDocumentDraft,
} from '../../domain/sales-document.js';
import { parseShopOrderKey, type ShopOrderKey } from '../../domain/shop-order.js';
import type {
  ArticleMatch,
  DocumentFilter,
  DocumentTransformation,
  GescomTarget,
  ImportRecord,
} from '../../ports/gescom-target.js';
import type { SyncStore } from '../../ports/sync-store.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { resourceFor } from './document-kinds.js';
import { DocumentReads, headOf } from './document-reads.js';
import { adopt, alreadyImported, createDocument, type WriterContext } from './document-writer.js';
import { DolibarrFailure, type DolibarrFailureCode } from './errors.js';
import { listDocuments, releaseExternalKeys } from './listing.js';
import { type NumberingTurn, NumberingTurns } from './numbering-turns.js';
import { planCurrency, type CurrencyPlan, type ForeignCurrencyWithoutModule } from './foreign-currency.js';
import { Payments } from './payments.js';
import { Products } from './products.js';
import { salesDocumentOf, summaryOf, type ReadDocument } from './read-back.js';
import { ShippingContacts } from './shipping-contacts.js';
import { ThirdParties, type CustomerCodeMode } from './third-parties.js';
import { transformDocument } from './transform.js';
import { readTransformations } from './transformations.js';
import { snapVatRates } from './vat-snap.js';

export interface DolibarrGescomOptions {
  /** Dolibarr's bank account (`/bankaccounts` id) the payments go to; none: payments are refused. */
  readonly bankAccountId?: number;
  /** Largest gap per total (HT, TTC) closed by an écart line. Default 0.05. */
  readonly tolerance?: Amount;
  /** The écart lines' article. Default `ECART`. */
  readonly roundingArticle?: string;
  /** The generic article unknown products fall back on, created when Dolibarr lacks it. Default `DIVERS`. */
  readonly genericArticle?: string;
  /** Who numbers the third parties navette creates. Default `navette` (the draft's code). */
  readonly customerCode?: CustomerCodeMode;
  /** Orders written at once (`writeConcurrency`). Default `DOLIBARR_WRITE_CONCURRENCY`. */
  readonly writeConcurrency?: number;
  /** An order in a foreign currency when Dolibarr's multicurrency module is off. Default `refuse`. */
  readonly foreignCurrencyWithoutModule?: ForeignCurrencyWithoutModule;
}

/**
 * Orders written into Dolibarr at once by default (`gescom.dolibarr.concurrency`). Each order is ~3.5
 * calls one after the other (create, read back, validate…): one at a time, a run waits ~175 ms an order
 * at 50 ms a call (≈ 340 orders a minute); three would be ≈ 1,030 a minute with no margin for the page
 * look-ups and the validations that queue (below); four, ≈ 1,370. And four leave one PHP worker of a
 * default PHP-FPM pool (`pm.max_children = 5`) to the people using Dolibarr's screens meanwhile.
 * Validations and payments, which Dolibarr numbers, still go one at a time (one-at-a-time.ts).
 */
export const DOLIBARR_WRITE_CONCURRENCY = 4;

/** What stops the run rather than failing one order: Dolibarr out of reach or not usable as configured. */
const UNAVAILABLE: ReadonlySet<DolibarrFailureCode> = new Set([
  'dolibarr-unreachable',
  'not-dolibarr',
  'key-missing',
  'key-refused',
  'right-missing',
  'module-off',
  'malformed-answer',
  'timeout',
  'server-error',
  'waf-refused',
]);

/**
 * Dolibarr as a GesCom target (gescom-model.md, SPEC §4.2), over the REST client. navette's ledger and
 * outbox stay in its own store: each document is written to Dolibarr first, marked with the order's key
 * in `ref_ext`, then recorded in the store. A document Dolibarr holds without a ledger entry (a crash
 * between the two) is not shown to the sync as imported: the next import adopts it (document-writer.ts).
 * The page's look-up by `ref_ext` is remembered, so an order found absent is created without asking
 * again: about 3 calls per order (create, read back, validate).
 */
export class DolibarrGescom implements GescomTarget {
  readonly writeConcurrency: number;
  readonly #context: WriterContext & { ledger: Pick<SyncStore, 'findImports'> };
  readonly #reads: DocumentReads;
  readonly #products: Products;
  readonly #store: Pick<SyncStore, 'findImports' | 'recordImport'>;
  /** Keys the last page look-up found without any document. */
  readonly #absent = new Set<string>();
  /** Keys whose documents the ledger does not know, as found by the last page look-up. */
  readonly #orphans = new Map<string, readonly ReadDocument[]>();
  /** Read once per target, and again after a failed read. */
  readonly #vatRates = untilFailure(() =>
    this.client
      .vatRates()
      .then((rates) => rates.filter((rate) => rate.active === 1).map((rate) => amount(rate.taux))),
  );
  readonly #companyCurrency = untilFailure(() =>
    this.client.company().then((company) => company.currency_code ?? 'EUR'),
  );
  /**
   * Whether Dolibarr's multicurrency module is on, asked only when an order in a foreign currency comes.
   * The modules list needs an administrator's key: without one, the module is taken as off.
   */
  readonly #multicurrency = untilFailure(() =>
    this.client.modules().then(
      (modules) => modules.includes('multicurrency'),
      (error: unknown) => {
        if (error instanceof DolibarrFailure && error.code === 'right-missing') return false;
        throw error;
      },
    ),
  );
  readonly #foreignCurrencyWithoutModule: ForeignCurrencyWithoutModule;

  constructor(
    private readonly client: DolibarrClient,
    store: Pick<SyncStore, 'findImports' | 'recordImport'>,
    options: DolibarrGescomOptions = {},
  ) {
    this.writeConcurrency = options.writeConcurrency ?? DOLIBARR_WRITE_CONCURRENCY;
    this.#foreignCurrencyWithoutModule = options.foreignCurrencyWithoutModule ?? 'refuse';
    const thirdParties = new ThirdParties(client, options.customerCode);
    this.#products = new Products(client, [options.genericArticle ?? 'DIVERS']);
    this.#reads = new DocumentReads(client, thirdParties);
    this.#store = store;
    this.#context = {
      client,
      reads: this.#reads,
      thirdParties,
      products: this.#products,
      payments: new Payments(client, options.bankAccountId),
      contacts: new ShippingContacts(client),
      store,
      ledger: store,
      tolerance: options.tolerance ?? amount('0.05'),
      roundingArticle: options.roundingArticle ?? 'ECART',
      vatRates: () => this.activeVatRates(),
      turns: new NumberingTurns(),
    };
  }

  async findByExternalKey(externalKey: string): Promise<DocumentSummary | undefined> {
    return (await this.findByExternalKeys([externalKey])).get(externalKey);
  }

  findByExternalKeys(externalKeys: readonly string[]): Promise<ReadonlyMap<string, DocumentSummary>> {
    return this.guard(async () => {
      const heads = new Map<string, DocumentSummary>();
      if (externalKeys.length === 0) return heads;
      const chains = await this.#reads.chainsOf(externalKeys);
      const ledger = await this.#store.findImports(shopKeys(externalKeys));
      for (const key of externalKeys) {
        const chain = chains.get(key) ?? [];
        const head = headOf(chain);
        if (head === undefined) this.#absent.add(key);
        else if (!ledger.has(key)) this.#orphans.set(key, chain);
        else heads.set(key, summaryOf(head));
      }
      return heads;
    });
  }

  findArticles(query: {
    references: readonly string[];
    ean13s: readonly string[];
  }): Promise<readonly ArticleMatch[]> {
    return this.guard(() => this.#products.find(query.references.filter((ref) => ref !== '')));
  }

  importDocument(shopDraft: SalesDocumentDraft, record: ImportRecord): Promise<DocumentSummary> {
    // Its turn to be numbered, taken now, before any call: orders are numbered in the order they came.
    const turn = this.turnFor(shopDraft.type);
    const context = { ...this.#context, turn };
    return this.guard(async () => {
      // A rate derived from the shop's cents goes to the active rate those cents allow (vat-snap.ts).
      const snapped = snapVatRates(shopDraft, await this.activeVatRates());
      const plan = await this.currencyPlan(snapped);
      const draft = plan.draft;
      await this.checkDraft(draft);
      const key = draft.externalKey;
      const chain = this.#absent.delete(key)
        ? []
        : (this.#orphans.get(key) ?? (await this.#reads.chainsOf([key])).get(key) ?? []);
      this.#orphans.delete(key);
      const head = headOf(chain);
      if (head !== undefined) {
        const orderKey = parseShopOrderKey(key);
        const entry = orderKey && (await this.#store.findImports([orderKey])).get(key);
        if (entry) throw alreadyImported(key, summaryOf(head).number);
        const adopted = await adopt(context, chain, draft, record);
        if (adopted) return adopted;
      }
      return createDocument(context, draft, record, plan.kind === 'document' ? plan.rate : undefined);
    }).finally(() => turn.release());
  }

  transformDocument(
    number: string,
    into: { type: DocumentType; status: DocumentStatus },
    record?: ImportRecord,
  ): Promise<DocumentSummary> {
    // By hand, a document is transformed in Dolibarr itself: a shipment needs its warehouse, quantities
    // and stock movements, which Dolibarr's own screens manage; the sweep reads the result either way.
    if (record === undefined) return Promise.reject(transformInDolibarr());
    const turn = this.turnFor(into.type);
    return this.guard(() => transformDocument({ ...this.#context, turn }, number, into, record)).finally(() =>
      turn.release(),
    );
  }

  /** Shipments, invoices made from an order, orders closed as delivered (transformations.ts). */
  transformationsSince(
    cursor: string | undefined,
    limit: number,
    options?: { readonly from?: string },
  ): Promise<{ readonly items: readonly DocumentTransformation[]; readonly cursor: string | undefined }> {
    return this.guard(() => readTransformations(this.client, cursor, limit, options?.from));
  }

  releaseExternalKeys(
    orders: { readonly externalKeys: readonly string[] } | { readonly shopId: number },
  ): Promise<number> {
    return this.guard(() => releaseExternalKeys(this.client, this.#reads, orders));
  }

  cancelDocument(number: string, reason: string): Promise<void> {
    void reason;
    return this.guard(async () => {
      const where = await this.#reads.locateOrFail(number);
      const read = await this.#reads.read(where, { chain: true });
      if (read.transformedInto !== undefined)
        throw new ExpectedFailure(
          'document-transformed',
          `Le document ${number} a été transformé en ${read.transformedInto} : c’est celui-là qu’il faut annuler.`,
        );
      if (read.wire.status !== 0)
        throw new ExpectedFailure(
          'document-not-draft',
          `Le document ${number} n’est plus un brouillon dans Dolibarr : annulez-le dans Dolibarr (avoir, annulation).`,
        );
      // Dolibarr has no cancel for a draft over REST: the draft, never numbered, is deleted.
      await this.client.deleteDocument(where.resource, where.id);
    });
  }

  getDocument(number: string): Promise<SalesDocument | undefined> {
    return this.guard(async () => {
      const where = await this.#reads.locate(number);
      if (where === undefined) return undefined;
      let read: ReadDocument;
      try {
        read = await this.#reads.read(where, { chain: true });
      } catch (error) {
        if (error instanceof DolibarrFailure && error.code === 'not-found') return undefined;
        throw error;
      }
      const payments = where.resource === 'invoices' ? await this.client.invoicePayments(where.id) : [];
      return salesDocumentOf(read, payments, new Set([this.#context.roundingArticle.toUpperCase()]));
    });
  }

  listDocuments(
    filter: DocumentFilter,
  ): Promise<{ readonly items: readonly DocumentSummary[]; readonly total: number }> {
    return this.guard(() => listDocuments(this.#reads, filter));
  }

  async close(): Promise<void> {
    // Nothing held open: the client's calls are each their own.
  }

  /**
   * An order in Dolibarr's company currency is written as it is; in another one, in that currency with
   * Dolibarr's multicurrency module, else converted or refused as the setting says (foreign-currency.ts).
   */
  private async currencyPlan(draft: SalesDocumentDraft): Promise<CurrencyPlan> {
    const companyCurrency = await this.#companyCurrency();
    if (draft.currency === companyCurrency) return { kind: 'company', draft };
    return planCurrency(
      draft,
      companyCurrency,
      await this.#multicurrency(),
      this.#foreignCurrencyWithoutModule,
    );
  }

  /**
   * Refused before anything is written: no lines (Dolibarr would accept it), a VAT rate it lacks, a
   * payment type it lacks on an invoice that will carry payments.
   */
  private async checkDraft(draft: SalesDocumentDraft): Promise<void> {
    resourceFor(draft.type);
    if (draft.lines.length === 0)
      throw new ExpectedFailure(
        'no-lines',
        `La commande ${draft.externalKey} n’a aucune ligne : navette ne crée pas de document vide dans Dolibarr.`,
        { data: { case: 'no-lines', externalKey: draft.externalKey } },
      );
    const rates = await this.activeVatRates();
    for (const line of draft.lines)
      if (!rates.some((rate) => rate.equals(line.vatRate)))
        throw new ExpectedFailure(
          'vat-rate-inactive',
          `Le taux de TVA ${line.vatRate.toString()} % (ligne « ${line.label} ») n’est pas actif dans Dolibarr : activez-le dans Configuration > Dictionnaires > Taux de TVA.`,
          { data: { case: 'vat-rate-inactive', rate: line.vatRate.toString(), line: line.label } },
        );
    if (resourceFor(draft.type) === 'invoices' && draft.status !== 'draft')
      await this.#context.payments.checkTypes(draft.payments);
  }

  /** The turn to be numbered of a document of this type (one Dolibarr lacks is refused later, in `guard`). */
  private turnFor(type: DocumentType): NumberingTurn {
    let resource: string;
    try {
      resource = resourceFor(type);
    } catch {
      resource = type;
    }
    return this.#context.turns.take(resource);
  }

  private activeVatRates(): Promise<readonly Amount[]> {
    return this.#vatRates();
  }

  /** Dolibarr out of reach, or unusable as configured, stops the run: the sync leaves the rest. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DolibarrFailure && UNAVAILABLE.has(error.code))
        // Its data too, for a page to say in its own language what put Dolibarr out of reach.
        throw new ExpectedFailure(GESCOM_UNAVAILABLE, error.message, {
          cause: error,
          ...(error.data && { data: error.data }),
        });
      throw error;
    }
  }
}

function shopKeys(externalKeys: readonly string[]): ShopOrderKey[] {
  return externalKeys.flatMap((key) => {
    const parsed = parseShopOrderKey(key);
    return parsed ? [parsed] : [];
  });
}

function transformInDolibarr(): ExpectedFailure {
  return new ExpectedFailure(
    'transform-in-gescom',
    'Avec Dolibarr, faites l’expédition (avec son numéro de suivi) ou la facture dans Dolibarr lui-même, depuis la commande : la mise à jour des statuts les lira ensuite.',
  );
}

/** A read kept once it succeeds; a failed one is forgotten, so the next call asks again. */
function untilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}
