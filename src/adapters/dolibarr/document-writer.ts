import { ExpectedFailure } from '../../domain/failure.js';
import { frenchAmount } from '../../domain/french-format.js';
import { amount, Decimal, format, toText, type Amount } from '../../domain/money.js';
import { FIELD_LIMITS, type DocumentSummary, type SalesDocumentDraft } from '../../domain/sales-document.js';
import { truncateText } from '../../domain/truncate.js';
import type { ImportRecord } from '../../ports/gescom-target.js';
import type { SyncStore } from '../../ports/sync-store.js';
import type { DolibarrClient, DocumentResource } from './dolibarr-client.js';
import { dayToTimestamp, resourceFor } from './document-kinds.js';
import { currencyUndeclared } from './foreign-currency.js';
import { dolibarrUnitPrice, fittedUnitPrice } from './line-prices.js';
import { type DocumentReads, type Located } from './document-reads.js';
import type { NumberingTurn, NumberingTurns } from './numbering-turns.js';
import type { Payments } from './payments.js';
import type { Products } from './products.js';
import { summaryOf, type ReadDocument } from './read-back.js';
import type { ShippingContacts } from './shipping-contacts.js';
import type { ThirdParties } from './third-parties.js';
import { documentTotals, ecartLine, gapOf, isClosed, totalsMismatch } from './totals-check.js';

export interface WriterContext {
  readonly client: DolibarrClient;
  readonly reads: DocumentReads;
  readonly thirdParties: ThirdParties;
  readonly products: Products;
  readonly payments: Payments;
  readonly contacts: ShippingContacts;
  readonly store: Pick<SyncStore, 'recordImport'>;
  /** Largest difference per total (HT, TTC) closed by an écart line. */
  readonly tolerance: Amount;
  /** The article of écart lines (`ECART`). */
  readonly roundingArticle: string;
  /** VAT rates active in Dolibarr (percent). */
  readonly vatRates: () => Promise<readonly Amount[]>;
  /** Validations one at a time per resource, in the order the writes started (numbering-turns.ts). */
  readonly turns: NumberingTurns;
  /** The turn this write took when it started; none: one is taken when validating. */
  readonly turn?: NumberingTurn;
}

/**
 * Writes one new document: the customer, the articles, the document with its lines in one call (HT
 * unit prices with all their decimals), its shipping contact when delivered elsewhere than billed, then
 * Dolibarr's own totals read back and compared with the shop's. A gap within the tolerance gets an
 * écart line; beyond it, the draft is deleted and the order fails with both totals. Then `finish`.
 */
export async function createDocument(
  context: WriterContext,
  draft: SalesDocumentDraft,
  record: ImportRecord,
  rate?: Amount,
): Promise<DocumentSummary> {
  const resource = resourceFor(draft.type);
  const customer = await context.thirdParties.resolve(draft.customer);
  const products = await context.products.resolve(draft.lines);
  const lines = draft.lines.map((line, index) => {
    const product = products[index];
    return {
      desc: truncateText(line.label, FIELD_LIMITS.label),
      qty: toText(line.quantity),
      ...unitPrices(fittedUnitPrice(line), rate),
      tva_tx: toText(line.vatRate),
      remise_percent: 0,
      product_type: product?.type ?? (line.kind === 'product' ? 0 : 1),
      ...(product && { fk_product: product.id }),
    };
  });
  // An invoice's create() takes each inline line's price in the document's currency; an order's or a
  // proposal's drops it (it would be the company price × rate): their lines then go one by one.
  const inline = rate === undefined || resource === 'invoices';
  const id = await context.client.createDocument(resource, {
    socid: customer.id,
    date: dayToTimestamp(draft.date),
    ref_ext: draft.externalKey,
    ref_client: truncateText(draft.reference, FIELD_LIMITS.reference),
    note_private: draft.remark,
    note_public: draft.notes,
    ...(rate !== undefined && { multicurrency_code: draft.currency, multicurrency_tx: toText(rate) }),
    ...(inline && { lines }),
  });
  const where = { resource, id };
  context.reads.remember(resource, { id, ref: `(PROV${id})` });
  if (!inline) for (const line of lines) await context.client.addLine(resource, id, line);
  await context.contacts.attach(where, customer.id, draft);
  const read = await reconcile(context, where, draft, rate);
  return finish(context, read, draft, record, { adopted: false });
}

/**
 * A line's HT unit price: in the company's currency, or, on a document in the order's currency, that
 * price as `multicurrency_subprice` (Dolibarr's `pu_ht_devise`, from which `calcul_price_total` computes
 * the line's totals in that currency) with the company price beside it, converted at the rate.
 */
function unitPrices(unit: Amount, rate: Amount | undefined): Record<string, string> {
  if (rate === undefined) return { subprice: toText(unit) };
  return { subprice: toText(dolibarrUnitPrice(unit.div(rate))), multicurrency_subprice: toText(unit) };
}

/** Dolibarr's totals made equal to the shop's, or the draft deleted and the order failed. */
async function reconcile(
  context: WriterContext,
  where: Located,
  draft: SalesDocumentDraft,
  rate: Amount | undefined,
): Promise<ReadDocument> {
  let read = await context.reads.read(where);
  const currency = read.wire.multicurrency_code ?? '';
  if (rate !== undefined && currency !== draft.currency) {
    await context.client.deleteDocument(where.resource, where.id);
    throw currencyUndeclared(draft, currency);
  }
  const gap = gapOf(draft, read.wire);
  if (isClosed(gap)) return read;
  const line = ecartLine(gap, await ratesOfDraft(context, draft), context.tolerance);
  if (line !== undefined) {
    const zero = amount(0);
    const [ecart] = await context.products.resolve([
      {
        kind: 'rounding',
        articleReference: context.roundingArticle,
        createArticle: true,
        label: 'Écart d’arrondi',
        quantity: amount(1),
        unitPriceTaxExcl: zero,
        unitPriceTaxIncl: zero,
        discountPercent: zero,
        discountAmountTaxExcl: zero,
        vatRate: line.vatRate,
        totalTaxExcl: zero,
        totalTaxIncl: zero,
        ecotaxTaxExcl: zero,
        sourceLineId: undefined,
      },
    ]);
    await context.client.addLine(where.resource, where.id, {
      desc: 'Écart d’arrondi',
      qty: 1,
      ...ecartPrices(line.taxIncl, rate),
      price_base_type: 'TTC',
      tva_tx: toText(line.vatRate),
      product_type: 1,
      ...(ecart && { fk_product: ecart.id }),
    });
    read = await context.reads.read(where);
    if (isClosed(gapOf(draft, read.wire))) return read;
  }
  await context.client.deleteDocument(where.resource, where.id);
  throw totalsMismatch(draft, read.wire);
}

/**
 * The écart line's TTC price. In the order's currency, orders' and proposals' line endpoints take it as
 * `multicurrency_subprice`; the invoices' one ignores that field and computes it as the company price ×
 * rate: the company price then carries enough decimals for that product to round to the gap's cent.
 */
function ecartPrices(taxIncl: Amount, rate: Amount | undefined): Record<string, string> {
  if (rate === undefined) return { subprice: toText(taxIncl) };
  return {
    subprice: toText(taxIncl.div(rate).toDecimalPlaces(10, Decimal.ROUND_HALF_UP)),
    multicurrency_subprice: toText(taxIncl),
  };
}

/** The draft's own rates first (the écart belongs to one of them), then Dolibarr's other active ones. */
async function ratesOfDraft(context: WriterContext, draft: SalesDocumentDraft): Promise<Amount[]> {
  const own = draft.lines.map((line) => line.vatRate);
  const active = await context.vatRates();
  const all = [...own, ...active];
  return all.filter((rate, index) => all.findIndex((other) => other.equals(rate)) === index);
}

/**
 * The document brought to the status the draft asks (validated, a proposal signed), the payments of an
 * invoice recorded, then the ledger written: the document is in Dolibarr, marked with the order's key,
 * before the ledger knows it, and a crash between the two is adopted by the next run (see `adopt`).
 */
export async function finish(
  context: WriterContext,
  read: ReadDocument,
  draft: SalesDocumentDraft,
  record: ImportRecord,
  options: { readonly adopted: boolean },
): Promise<DocumentSummary> {
  const where = { resource: read.resource, id: read.wire.id };
  let current = read;
  if (draft.status !== 'draft') current = await validated(context, current);
  if (where.resource === 'proposals' && draft.status === 'accepted' && current.wire.status !== 2) {
    await context.client.closeProposal(where.id, 2);
    current = { ...current, wire: { ...current.wire, status: 2 } };
  }
  if (where.resource === 'invoices' && draft.payments.length > 0 && current.wire.status !== 0) {
    await context.payments.record(where.id, draft.externalKey, draft.payments, {
      issuer: current.customer.name,
      checkExisting: options.adopted,
      ...(!amount(current.wire.multicurrency_tx ?? '1').equals(1) && {
        currency: {
          rate: amount(current.wire.multicurrency_tx ?? '1'),
          total: documentTotals(current.wire).taxIncl,
          companyTotal: amount(current.wire.total_ttc),
        },
      }),
    });
  }
  const summary = summaryOf(current);
  await context.store.recordImport(record, summary, 'import');
  return summary;
}

/**
 * Validated (Dolibarr numbers it then: in its turn, so that orders written at once are numbered one at a
 * time and in the order they were started); a 304 means it already was, and it is read again.
 */
export async function validated(context: WriterContext, read: ReadDocument): Promise<ReadDocument> {
  if (read.wire.status !== 0) return read;
  const where = { resource: read.resource, id: read.wire.id };
  const turn = context.turn ?? context.turns.take(where.resource);
  await turn.ready;
  let answer: Awaited<ReturnType<WriterContext['client']['validate']>>;
  try {
    answer = await context.client.validate(where.resource, where.id);
  } finally {
    turn.release();
  }
  if (!answer.done) return context.reads.read(where);
  context.reads.remember(where.resource, answer.body);
  return { ...read, wire: { ...read.wire, ref: answer.body.ref, status: answer.body.status ?? 1 } };
}

/**
 * A document Dolibarr holds for the order but the ledger does not know: a run stopped between
 * Dolibarr's create and the ledger write. A validated one is complete and taken as it is; a draft of
 * the right kind whose totals are the shop's is finished; any other draft was left half-written and is
 * deleted, and the order written again. Undefined when nothing was adopted.
 */
export async function adopt(
  context: WriterContext,
  chain: readonly ReadDocument[],
  draft: SalesDocumentDraft,
  record: ImportRecord,
): Promise<DocumentSummary | undefined> {
  const resource: DocumentResource = resourceFor(draft.type);
  const reference = truncateText(draft.reference, FIELD_LIMITS.reference);
  const another = chain.find((found) => (found.wire.ref_client ?? '') !== reference);
  if (another !== undefined) throw keyTaken(draft, another);
  for (const found of [...chain].reverse()) {
    const where = { resource: found.resource, id: found.wire.id };
    if (found.wire.status !== 0) {
      const complete = await context.reads.read(where);
      if (!isClosed(gapOf(draft, complete.wire))) throw keyTaken(draft, complete);
      // The run may have stopped before the shipping contact: given again (Dolibarr says if it has it).
      await context.contacts.attach(where, found.wire.socid, draft);
      return finish(context, complete, draft, record, { adopted: true });
    }
    const read = await context.reads.read(where);
    if (found.resource === resource && isClosed(gapOf(draft, read.wire))) {
      await context.contacts.attach(where, read.wire.socid, draft);
      return finish(context, read, draft, record, { adopted: true });
    }
    await context.client.deleteDocument(where.resource, where.id);
  }
  return undefined;
}

/**
 * A document of Dolibarr's carries the order's key but is not this order's: another order reference,
 * or validated with other totals. Seen on a real Dolibarr where two shops (each with a shop 1) wrote:
 * `ps-1-19` was both's. navette never adopts, changes or deletes it; the order fails until someone looks.
 */
function keyTaken(draft: SalesDocumentDraft, found: ReadDocument): ExpectedFailure {
  const documentIncl = documentTotals(found.wire).taxIncl;
  return new ExpectedFailure(
    'external-key-taken',
    `Dolibarr a déjà le document ${found.wire.ref} avec la clé ${draft.externalKey}, mais il ne correspond pas à cette commande (document : référence « ${found.wire.ref_client ?? ''} », ${frenchAmount(documentIncl)} TTC ; commande : référence « ${draft.reference} », ${frenchAmount(draft.shopTotals.taxIncl)} TTC). Une autre boutique écrit-elle dans ce Dolibarr avec les mêmes numéros ? Vérifiez ce document ; navette n’y touche pas et réessaiera au prochain import.`,
    {
      data: {
        case: 'external-key-taken',
        documentNumber: found.wire.ref,
        externalKey: draft.externalKey,
        documentReference: found.wire.ref_client ?? '',
        documentIncl: format(documentIncl),
        orderReference: draft.reference,
        orderIncl: format(draft.shopTotals.taxIncl),
      },
    },
  );
}

export function alreadyImported(externalKey: string, number: string): ExpectedFailure {
  return new ExpectedFailure(
    'already-imported',
    `La commande ${externalKey} est déjà dans Dolibarr (${number}).`,
  );
}
