import { isExpectedFailure, isGescomFailure, isGescomUnavailable } from '../domain/failure.js';
import { blankOutcome, outcomeFor, type OrderOutcome, type OutcomeCode } from '../domain/import-report.js';
import type { ImportRules, StateRule } from '../domain/rules.js';
import {
  formatShopOrderKey,
  type OrderState,
  type ShopOrder,
  type SourcedOrder,
} from '../domain/shop-order.js';
import type { GescomTarget, ImportAttempt, ImportItem } from '../ports/gescom-target.js';
import type { OrderHeader, OrderSource } from '../ports/order-source.js';
import type { LedgerEntry, SyncStore } from '../ports/sync-store.js';
import { importOrder, planOrder, type OrderStep } from './import-order.js';
import { ReadAhead } from './read-ahead.js';
import { triageOrder, type Triage } from './triage-orders.js';
import { WriteLanes } from './write-lanes.js';

/** What every order of a run is imported with. */
export interface PageContext {
  /** Where the orders to import are read whole. */
  readonly source: Pick<OrderSource, 'completeOrders'>;
  /** Whether customer messages are read with the orders (they go to the documents' notes). */
  readonly withMessages: boolean;
  readonly target: GescomTarget;
  readonly store: SyncStore;
  readonly config: ImportRules;
  readonly rules: ReadonlyMap<number, StateRule>;
  readonly statesById: ReadonlyMap<number, OrderState>;
  /** `ps-1-42` keys of the orders unticked in the aperçu. */
  readonly excluded: ReadonlySet<string>;
  readonly dryRun: boolean;
  readonly runId: string;
  /** `YYYY-MM-DD`, the shop's day when the run started. */
  readonly today: string;
}

/**
 * Steps 2 to 4 for one slim page: the page's ledger entries and documents are looked up once; the
 * orders they settle (already imported, state not selected) get their outcome at once, and only the
 * others are read whole — in batches, the next read while the current one is written — then decided and
 * mapped each on its own, so that one bad order never stops the others. A GesCom that takes several
 * writes at once (`writeConcurrency`, Dolibarr) gets them so, each order with its own ledger entry; the
 * others get the page's new documents in groups of up to `IMPORT_GROUP`, in the page's order (one
 * transaction in the embedded GesCom, each document with its record behind a savepoint). The outcomes
 * come in the page's order whatever order the writes end in; `undefined` for an order read only to
 * notice a cancellation that concerns nothing imported.
 */
export async function importPage(
  page: readonly OrderHeader[],
  context: PageContext,
): Promise<(OrderOutcome | undefined)[]> {
  const keys = page.map((header) => header.key);
  const ledger = await context.store.findImports(keys);
  const heads = await context.target.findByExternalKeys(keys.map(formatShopOrderKey));
  const triage: Triage[] = page.map((header) => {
    const externalKey = formatShopOrderKey(header.key);
    return triageOrder(header, ledger.get(externalKey), heads.get(externalKey), context);
  });
  const wanted = page.filter((_, index) => triage[index]?.kind === 'complete');
  // The next batch is read from the shop while this one is written.
  const whole = new ReadAhead(wanted, context.source, { withMessages: context.withMessages });
  const articlesOf = new WeakMap<readonly SourcedOrder[], Promise<KnownArticles>>();
  const written: PageWrite = { triage, whole, articlesOf, ledger, heads, context };
  return context.target.writeConcurrency > 1 ? writeInLanes(written) : writeInGroups(written);
}

/** What a page's writing works from, once the page is triaged. */
interface PageWrite {
  readonly triage: readonly Triage[];
  readonly whole: ReadAhead;
  readonly articlesOf: WeakMap<readonly SourcedOrder[], Promise<KnownArticles>>;
  readonly ledger: ReadonlyMap<string, LedgerEntry>;
  readonly heads: Awaited<ReturnType<GescomTarget['findByExternalKeys']>>;
  readonly context: PageContext;
}

/** Several orders written at once, each on its own (a GesCom whose every call waits on the network). */
async function writeInLanes(write: PageWrite): Promise<(OrderOutcome | undefined)[]> {
  const { triage, whole, articlesOf, ledger, heads, context } = write;
  // As many orders written at once as the GesCom says it takes (the embedded GesCom: one at a time).
  const lanes = new WriteLanes(context.target.writeConcurrency);
  const outcomes: Promise<OrderOutcome | undefined>[] = [];
  /** Set when the GesCom was found out of reach: no further order is started. */
  let unavailable = false;
  let next = 0;
  try {
    for (const decided of triage) {
      if (decided.kind === 'done') {
        outcomes.push(Promise.resolve(decided.outcome));
        continue;
      }
      const { batch, at } = await whole.batchOf(next++);
      const sourced = batch[at];
      if (sourced === undefined) continue;
      if (!sourced.ok) {
        outcomes.push(Promise.resolve(unreadableOutcome(sourced, ledger, context)));
        continue;
      }
      if (!articlesOf.has(batch)) {
        // A batch's orders are mapped with the articles the GesCom knows once the batch before is
        // written (one it created is known), as when written one by one.
        await lanes.settle();
        articlesOf.set(batch, knownArticlesOf(batch, context));
      }
      const articles = await articlesOf.get(batch)!;
      const externalKey = formatShopOrderKey(sourced.order.key);
      await lanes.ready();
      if (unavailable) break;
      const written = lanes.run(() =>
        importOrder(sourced.order, ledger.get(externalKey), heads.get(externalKey), {
          ...context,
          ...articles,
        }).catch((error: unknown) => {
          // A GesCom out of reach fails no order: the run stops and the rest waits for the next one.
          if (isGescomUnavailable(error)) {
            unavailable = true;
            throw error;
          }
          return failedOutcome(sourced.order, error);
        }),
      );
      outcomes.push(written);
    }
  } finally {
    await lanes.settle();
  }
  // In the page's order: the first order that found the GesCom out of reach stops the run, as when the
  // orders are written one by one (those started beside it have ended, their ledger entries written).
  return (await Promise.allSettled(outcomes)).map((settled) => {
    if (settled.status === 'rejected') throw settled.reason;
    return settled.value;
  });
}

/** The page's new documents written in groups, in the page's order (the embedded GesCom). */
async function writeInGroups(write: PageWrite): Promise<(OrderOutcome | undefined)[]> {
  const { triage, whole, articlesOf, ledger, heads, context } = write;
  const outcomes: (OrderOutcome | undefined)[] = [];
  // New documents wait here to be written together, in the page's order, before any other write.
  const group = new ImportGroup(context.target, outcomes);
  let next = 0;
  let current: readonly SourcedOrder[] | undefined;
  for (const decided of triage) {
    if (decided.kind === 'done') {
      outcomes.push(decided.outcome);
      continue;
    }
    const { batch, at } = await whole.batchOf(next++);
    // A group never spans two batches: the read-ahead's next batch is not kept waiting on it.
    if (batch !== current) await group.write();
    current = batch;
    const sourced = batch[at];
    if (sourced === undefined) continue;
    if (!sourced.ok) {
      outcomes.push(unreadableOutcome(sourced, ledger, context));
      continue;
    }
    if (!articlesOf.has(batch)) articlesOf.set(batch, knownArticlesOf(batch, context));
    const articles = await articlesOf.get(batch)!;
    const order = sourced.order;
    const externalKey = formatShopOrderKey(order.key);
    let step: OrderStep;
    try {
      step = planOrder(order, ledger.get(externalKey), heads.get(externalKey), { ...context, ...articles });
    } catch (error) {
      outcomes.push(failedOutcome(order, error));
      continue;
    }
    if (step.kind === 'outcome') outcomes.push(step.outcome);
    else if (step.kind === 'import') await group.add(order, step);
    else {
      await group.write();
      outcomes.push(
        await step.run().catch((error: unknown) => failedOutcome(order, rethrowUnavailable(error))),
      );
    }
  }
  await group.write();
  return outcomes;
}

/** How many new documents are written together at most: one transaction in the embedded GesCom. */
export const IMPORT_GROUP = 100;

/**
 * The page's new documents waiting to be written, with the slots their outcomes go to. Written by the
 * target's `importDocuments` when it has one, else one by one.
 */
class ImportGroup {
  readonly #target: GescomTarget;
  readonly #outcomes: (OrderOutcome | undefined)[];
  #pending: { order: ShopOrder; step: Extract<OrderStep, { kind: 'import' }>; slot: number }[] = [];

  constructor(target: GescomTarget, outcomes: (OrderOutcome | undefined)[]) {
    this.#target = target;
    this.#outcomes = outcomes;
  }

  async add(order: ShopOrder, step: Extract<OrderStep, { kind: 'import' }>): Promise<void> {
    this.#pending.push({ order, step, slot: this.#outcomes.length });
    this.#outcomes.push(undefined);
    if (this.#pending.length >= IMPORT_GROUP) await this.write();
  }

  async write(): Promise<void> {
    const pending = this.#pending;
    if (pending.length === 0) return;
    this.#pending = [];
    const attempts = await writeImports(
      this.#target,
      pending.map(({ step }) => step.item),
    ).catch((error: unknown) =>
      pending.map(() => ({ ok: false as const, error: rethrowUnavailable(error) })),
    );
    for (const [index, { order, step, slot }] of pending.entries()) {
      const attempt = attempts[index]!;
      this.#outcomes[slot] = attempt.ok
        ? step.outcome(attempt.document)
        : failedOutcome(order, rethrowUnavailable(attempt.error));
    }
  }
}

/** The target's own group write, or `importDocument` item by item, stopping at a GesCom out of reach. */
async function writeImports(
  target: GescomTarget,
  items: readonly ImportItem[],
): Promise<readonly ImportAttempt[]> {
  if (target.importDocuments !== undefined) return target.importDocuments(items);
  const attempts: ImportAttempt[] = [];
  for (const { draft, record } of items) {
    try {
      attempts.push({ ok: true, document: await target.importDocument(draft, record) });
    } catch (error) {
      attempts.push({ ok: false, error: rethrowUnavailable(error) });
    }
  }
  return attempts;
}

/** A GesCom out of reach fails no order: the run stops and the rest waits for the next one. */
function rethrowUnavailable(error: unknown): unknown {
  if (isGescomUnavailable(error)) throw error;
  return error;
}

interface KnownArticles {
  readonly knownArticles: ReadonlySet<string>;
  readonly knownEan13: ReadonlyMap<string, string>;
}

/** The batch's article references and EAN13 codes the GesCom knows, in one question. */
async function knownArticlesOf(batch: readonly SourcedOrder[], context: PageContext): Promise<KnownArticles> {
  const lines = batch.flatMap((sourced) => (sourced.ok ? sourced.order.lines : []));
  if (lines.length === 0) return { knownArticles: new Set(), knownEan13: new Map() };
  const articles = await context.target.findArticles({
    references: lines.map((line) => line.reference).filter((reference) => reference !== ''),
    ean13s: context.config.articles.matchByEan13
      ? lines.map((line) => line.ean13).filter((ean) => ean !== '')
      : [],
  });
  return {
    knownArticles: new Set(articles.map((article) => article.reference.toUpperCase())),
    knownEan13: new Map(
      articles.filter((article) => article.ean13 !== '').map((article) => [article.ean13, article.reference]),
    ),
  };
}

/** An order the shop's answer did not let read: failed, unless it is a cancellation that concerns nothing imported. */
function unreadableOutcome(
  sourced: Extract<SourcedOrder, { ok: false }>,
  ledger: ReadonlyMap<string, LedgerEntry>,
  context: PageContext,
): OrderOutcome | undefined {
  const stateId = sourced.stateId;
  const rule = stateId === undefined ? undefined : context.rules.get(stateId);
  // An unreadable order of a cancellation state that was never imported concerns nothing.
  if (stateId !== undefined && !rule?.selected && !ledger.has(formatShopOrderKey(sourced.key)))
    return undefined;
  return {
    ...blankOutcome(sourced.key, sourced.reference),
    stateId: stateId ?? 0,
    stateName: stateId === undefined ? '' : (context.statesById.get(stateId)?.name ?? ''),
    status: 'failed',
    code: sourced.code,
    reason: sourced.message,
    ...(sourced.data === undefined ? {} : { reasonData: sourced.data }),
  };
}

/**
 * An order whose writing threw: the GesCom's refusal as it said it (with the data it was written from,
 * when it has some: Dolibarr's own words among them), or a bug of navette's.
 */
function failedOutcome(order: ShopOrder, error: unknown): OrderOutcome {
  if (!isExpectedFailure(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return outcomeFor(order, {
      status: 'failed',
      code: 'internal-error',
      reason: `Erreur interne de navette (${detail}) : la commande sera reprise au prochain import ; signalez-la si elle persiste.`,
      reasonData: { detail },
    });
  }
  const code: OutcomeCode = isGescomFailure(error) ? error.code : 'gescom-refused';
  return outcomeFor(order, {
    status: 'failed',
    code,
    reason: error.message,
    ...(error.data === undefined ? {} : { reasonData: error.data }),
  });
}
