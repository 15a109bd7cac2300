import { ExpectedFailure } from '../../domain/failure.js';
import type { DocumentStatus, DocumentSummary, DocumentType } from '../../domain/sales-document.js';
import { parseShopOrderKey } from '../../domain/shop-order.js';
import type { ImportRecord } from '../../ports/gescom-target.js';
import type { SyncStore } from '../../ports/sync-store.js';
import type { DocumentResource } from './dolibarr-client.js';
import { documentNumber, rankOf, resourceFor, statusOf } from './document-kinds.js';
import type { Located } from './document-reads.js';
import { validated, type WriterContext } from './document-writer.js';
import { summaryOf, type ReadDocument } from './read-back.js';
import { documentTotals } from './totals-check.js';
import { amount, format } from '../../domain/money.js';

export interface TransformContext extends WriterContext {
  readonly ledger: Pick<SyncStore, 'findImports'>;
}

/**
 * A document turned into the next type as Dolibarr does it: `createfromproposal` / `createfromorder`
 * (which drop `ref_ext`: it is set again while the copy is a draft), the source's shipping contact given
 * to the copy when Dolibarr did not copy it (shipping-contacts.ts), the copy validated when asked, and
 * the source closed last (a proposal signed, an order billed), so that a crash half-way leaves the
 * source open and the copy marked with the key, adopted by the next try. Never backwards.
 */
export async function transformDocument(
  context: TransformContext,
  number: string,
  into: { type: DocumentType; status: DocumentStatus },
  record: ImportRecord,
): Promise<DocumentSummary> {
  const where = await context.reads.locateOrFail(number);
  const source = await context.reads.read(where);
  const intoResource = checkDirection(source, number, into.type);
  const key = source.wire.ref_ext ?? '';
  const chain = key === '' ? [] : ((await context.reads.chainsOf([key])).get(key) ?? []);
  const later = chain.filter(
    (doc) =>
      rankOf(doc.resource) > rankOf(where.resource) && !statusOf(doc.resource, doc.wire.status).cancelled,
  );
  const beyond = later.find((doc) => rankOf(doc.resource) > rankOf(intoResource));
  const existing = later.find((doc) => doc.resource === intoResource);
  if (beyond) throw alreadyTransformed(number, documentNumber(beyond.resource, beyond.wire.ref));
  if (existing) {
    const orderKey = parseShopOrderKey(key);
    const ledger = orderKey && (await context.ledger.findImports([orderKey])).get(key);
    const existingNumber = documentNumber(existing.resource, existing.wire.ref);
    if (ledger?.documentNumber === existingNumber) throw alreadyTransformed(number, existingNumber);
  }
  const copyWhere: Located = existing
    ? { resource: intoResource, id: existing.wire.id }
    : { resource: intoResource, id: await createCopy(context, where, intoResource, key) };
  await context.contacts.carryOver(where, copyWhere);
  let copy = await context.reads.read(copyWhere);
  if (!existing) await keptInCurrency(context, source, copy, number);
  if (into.status !== 'draft') copy = await validated(context, copy);
  await closeSource(context, source);
  const summary = summaryOf({ ...copy, sourceNumber: number });
  await context.store.recordImport(record, summary, 'transform');
  return summary;
}

/**
 * A document in a foreign currency must keep its currency and totals in its copy. Dolibarr's
 * `createFromProposal` takes the currency but, unless MULTICURRENCY_USE_ORIGIN_TX is set, the day's rate
 * and the lines' company prices × that rate; `createFromOrder` does not take the currency at all: the
 * copy's totals would no longer be the shop's. The copy (a draft) is deleted and the order failed.
 */
async function keptInCurrency(
  context: WriterContext,
  source: ReadDocument,
  copy: ReadDocument,
  number: string,
): Promise<void> {
  if (amount(source.wire.multicurrency_tx ?? '1').equals(1)) return;
  const before = documentTotals(source.wire);
  const after = documentTotals(copy.wire);
  if (
    copy.wire.multicurrency_code === source.wire.multicurrency_code &&
    before.taxExcl.equals(after.taxExcl) &&
    before.taxIncl.equals(after.taxIncl)
  )
    return;
  if (copy.wire.status === 0) await context.client.deleteDocument(copy.resource, copy.wire.id);
  throw new ExpectedFailure(
    'transform-currency',
    `Le document ${number} est en ${source.wire.multicurrency_code ?? ''} : en le transformant, Dolibarr n’a pas gardé sa devise ou son taux (${format(after.taxIncl)} ${copy.wire.multicurrency_code ?? ''} TTC au lieu de ${format(before.taxIncl)}), la copie a été supprimée. Transformez-le dans Dolibarr lui-même en vérifiant sa devise et son taux.`,
  );
}

function checkDirection(source: ReadDocument, number: string, type: DocumentType): DocumentResource {
  if (statusOf(source.resource, source.wire.status).cancelled)
    throw new ExpectedFailure('document-cancelled', `Le document ${number} est annulé dans Dolibarr.`);
  const intoResource = resourceFor(type);
  if (rankOf(intoResource) <= rankOf(source.resource))
    throw new ExpectedFailure(
      'transform-backwards',
      `Le document ${number} ne peut pas devenir un document de même rang ou antérieur : un document ne revient jamais en arrière.`,
    );
  return intoResource;
}

async function createCopy(
  context: WriterContext,
  source: Located,
  into: DocumentResource,
  key: string,
): Promise<number> {
  let id: number;
  if (source.resource === 'proposals' && into === 'orders')
    id = await context.client.createOrderFromProposal(source.id);
  else if (source.resource === 'orders' && into === 'invoices')
    id = await context.client.createInvoiceFromOrder(source.id);
  else
    throw new ExpectedFailure(
      'transform-unsupported',
      'Dolibarr fait une commande d’une proposition et une facture d’une commande, pas une facture directement d’une proposition : passez par la commande.',
    );
  // createfrom* do not copy ref_ext (fixture 074): set it while the copy is a draft.
  if (key !== '') await context.client.setRefExt(into, id, key);
  return id;
}

async function closeSource(context: WriterContext, source: ReadDocument): Promise<void> {
  const validSource = await validated(context, source);
  const id = source.wire.id;
  if (source.resource === 'proposals' && validSource.wire.status === 1)
    await context.client.closeProposal(id, 2);
  if (source.resource === 'orders') await context.client.setOrderBilled(id);
}

function alreadyTransformed(number: string, into: string): ExpectedFailure {
  return new ExpectedFailure(
    'already-transformed',
    `Le document ${number} a déjà été transformé en ${into} : c’est celui-là qu’il faut faire évoluer.`,
  );
}
