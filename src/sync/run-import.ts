import type { ImportOptions } from './import-options.js';
import type { ImportRules, StateRule } from '../domain/rules.js';
import { isExpectedFailure, isGescomFailure } from '../domain/failure.js';
import type {
  JournalEntry,
  OrderOutcome,
  OutcomeCounts,
  RunSummary,
  StateChangeCounts,
} from '../domain/import-report.js';
import { format } from '../domain/money.js';
import type { DocumentStatus, DocumentSummary, DocumentType } from '../domain/sales-document.js';
import { nextHighWaterMark, periodBetween, resolvePeriod, shopDateTimeAt } from '../domain/period.js';
import type { OrderState, ShopOrder, ShopOrderKey, SourcedOrder } from '../domain/shop-order.js';
import { formatShopOrderKey } from '../domain/shop-order.js';
import type { Clock } from '../ports/clock.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { OrderQuery, OrderSource } from '../ports/order-source.js';
import type { LedgerEntry, SyncStore } from '../ports/sync-store.js';
import { decide, isCancellationState } from './decide.js';
import type { RunEvent } from './run-events.js';
import { stateChangesForImport, stateChangesForUpgrade } from './state-changes.js';
import { toSalesDocument } from './to-sales-document.js';
import { importLockName, withRunLock } from './run-lock.js';
import { sendStateChanges } from './write-back.js';

export interface ImportDeps {
  readonly source: OrderSource;
  readonly target: GescomTarget;
  readonly store: SyncStore;
  readonly clock: Clock;
  /** Who holds the run lock: unique per process. */
  readonly lockOwner: string;
  /** The webservice calls made so far, for the report (cheap on the shop is a promise we measure). */
  readonly webserviceCalls?: () => number;
}

/**
 * One import run (SPEC §3): select → decide → map → write → write back → report.
 *
 * Never throws for one bad order: each order gets an outcome, kept in the store page by page (a run of
 * 100,000 orders holds one page in memory). A run that cannot run at all (shop unreachable, key
 * refused, another run in progress) returns a summary with `fatal`.
 */
export async function runImport(
  deps: ImportDeps,
  config: ImportRules,
  options: ImportOptions,
): Promise<RunSummary> {
  // An aperçu writes nothing to the GesCom: it need not wait for a real run to end.
  if (options.dryRun) return importUnderLock(deps, config, options);
  const lock = importLockName(config.shop.url);
  const summary = await withRunLock(deps.store, lock, deps.lockOwner, () =>
    importUnderLock(deps, config, options),
  );
  return summary ?? refusedRun(deps.store, options, options.shopIds ?? config.shops ?? []);
}

/** A run refused because another one holds the shop's lock: recorded, so that the history says why. */
async function refusedRun(
  store: SyncStore,
  options: ImportOptions,
  shopIds: readonly number[],
): Promise<RunSummary> {
  const runId = await store.startRun({ trigger: options.trigger, dryRun: false, shopIds, period: undefined });
  const summary = await store.finishRun(runId, {
    counts: emptyCounts(),
    stateChanges: { sent: 0, skipped: 0, failed: 0 },
    webserviceCalls: undefined,
    fatal: {
      code: 'run-in-progress',
      message:
        'Un import est déjà en cours pour cette boutique (lancé depuis la ligne de commande, la page web ou le planificateur) : réessayez quand il sera terminé.',
    },
  });
  options.onEvent?.({ type: 'finished', summary });
  return summary;
}

async function importUnderLock(
  deps: ImportDeps,
  config: ImportRules,
  options: ImportOptions,
): Promise<RunSummary> {
  const { source, store, clock } = deps;
  const emit = (event: RunEvent): void => options.onEvent?.(event);
  const shopIdsWanted = options.shopIds ?? config.shops ?? [];
  const startedAt = shopDateTimeAt(config.shop.timeZone, clock.now());
  const callsAtStart = deps.webserviceCalls?.() ?? 0;
  let runId: string | undefined;
  const counts = emptyCounts();
  let stateChanges: StateChangeCounts = { sent: 0, skipped: 0, failed: 0 };
  try {
    const [states, shops] = await Promise.all([source.orderStates(), source.shops()]);
    const shopIds = shopIdsWanted.length > 0 ? shopIdsWanted : shops.map((shop) => shop.id);
    const marks = await Promise.all(shopIds.map((shopId) => store.getHighWaterMark(shopId)));
    const previousMark = earliest(marks);
    const period = options.period
      ? periodBetween(options.period.from, options.period.to)
      : resolvePeriod(config.period, {
          now: clock.now(),
          timeZone: config.shop.timeZone,
          highWaterMark: previousMark,
        });
    const dateField = config.period.dateField === 'invoice' ? 'invoice_date' : 'date_add';
    runId = await store.startRun({
      trigger: options.trigger,
      dryRun: options.dryRun,
      shopIds,
      period: { from: period.from, to: period.to, dateField },
    });
    emit({
      type: 'started',
      runId,
      dryRun: options.dryRun,
      period: { from: period.from, to: period.to, dateField },
      shopIds,
    });

    const rules = new Map(config.states.map((rule) => [rule.id, rule]));
    const statesById = new Map(states.map((state) => [state.id, state]));
    const query: OrderQuery = {
      shopIds,
      stateIds: statesToRead(config.states, states),
      dateField,
      from: period.from,
      to: period.to,
      withMessages: config.document.messages !== 'none',
    };
    const excluded = new Set((options.exclude ?? []).map(formatShopOrderKey));
    /** The date of the oldest failed order ('' when a failed order's date is unknown). */
    let earliestFailure: string | undefined;
    const journal = async (entry: Omit<JournalEntry, 'at'>): Promise<void> => {
      await store.appendJournal(runId!, [entry]);
      emit({ type: 'journal', entry: { ...entry, at: clock.now().toISOString() } });
    };

    for await (const page of source.readOrders(query)) {
      if (options.signal?.aborted) break;
      const outcomes = await importPage(page, {
        deps,
        config,
        rules,
        statesById,
        excluded,
        dryRun: options.dryRun,
        runId,
        today: startedAt.slice(0, 10),
      });
      const recorded: OrderOutcome[] = [];
      for (const outcome of outcomes) {
        if (outcome === undefined) continue;
        recorded.push(outcome);
        countOutcome(counts, outcome);
        emit({ type: 'outcome', outcome, counts: { ...counts } });
        if (outcome.status !== 'failed') continue;
        earliestFailure = earliest([earliestFailure ?? outcome.orderDate, outcome.orderDate]);
        await journal({
          level: 'error',
          message: `${outcome.reference} (n° ${outcome.orderId}) : ${outcome.reason ?? ''}`,
          shopId: outcome.shopId,
          orderId: outcome.orderId,
        });
      }
      await store.recordOutcomes(runId, recorded);
    }

    if (!options.dryRun && !options.signal?.aborted) {
      const sent: Omit<JournalEntry, 'at'>[] = [];
      stateChanges = await sendStateChanges(source, store, (change, result, detail) => {
        sent.push({
          level: result === 'failed' ? 'warning' : 'info',
          message: `Statut de la commande ${change.key.orderId} : ${detail}`,
          shopId: change.key.shopId,
          orderId: change.key.orderId,
        });
      });
      // Journaled once the sending is over: the listener itself must not write while the outbox is read.
      for (const entry of sent) await journal(entry);
      emit({ type: 'state-changes', counts: stateChanges });
      const mark = nextHighWaterMark(period, previousMark, startedAt, earliestFailure);
      if (mark !== undefined) for (const shopId of shopIds) await store.setHighWaterMark(shopId, mark);
    }
    const summary = await store.finishRun(runId, {
      counts,
      stateChanges,
      webserviceCalls: callsSince(deps, callsAtStart),
      fatal: options.signal?.aborted ? { code: 'aborted', message: "L'import a été interrompu." } : undefined,
    });
    emit({ type: 'finished', summary });
    return summary;
  } catch (error) {
    if (!isExpectedFailure(error)) throw error;
    runId ??= await store.startRun({
      trigger: options.trigger,
      dryRun: options.dryRun,
      shopIds: shopIdsWanted,
      period: undefined,
    });
    await store.appendJournal(runId, [
      { level: 'error', message: error.message, shopId: undefined, orderId: undefined },
    ]);
    const summary = await store.finishRun(runId, {
      counts,
      stateChanges,
      webserviceCalls: callsSince(deps, callsAtStart),
      fatal: { code: error.code, message: error.message },
    });
    emit({ type: 'finished', summary });
    return summary;
  }
}

interface PageContext {
  readonly deps: ImportDeps;
  readonly config: ImportRules;
  readonly rules: ReadonlyMap<number, StateRule>;
  readonly statesById: ReadonlyMap<number, OrderState>;
  readonly excluded: ReadonlySet<string>;
  readonly dryRun: boolean;
  readonly runId: string;
  readonly today: string;
}

/** The outcomes of one page, in order; `undefined` for an order read only to notice a cancellation that concerns nothing imported. */
async function importPage(
  page: readonly SourcedOrder[],
  context: PageContext,
): Promise<(OrderOutcome | undefined)[]> {
  const { deps } = context;
  const keys = page.map((sourced) => (sourced.ok ? sourced.order.key : sourced.key));
  const ledger = await deps.store.findImports(keys);
  const heads = await deps.target.findByExternalKeys(keys.map(formatShopOrderKey));
  const orders = page.flatMap((sourced) => (sourced.ok ? [sourced.order] : []));
  const articles = await deps.target.findArticles({
    references: orders
      .flatMap((order) => order.lines.map((line) => line.reference))
      .filter((reference) => reference !== ''),
    ean13s: context.config.articles.matchByEan13
      ? orders.flatMap((order) => order.lines.map((line) => line.ean13)).filter((ean) => ean !== '')
      : [],
  });
  const knownArticles = new Set(articles.map((article) => article.reference.toUpperCase()));
  const knownEan13 = new Map(
    articles.filter((article) => article.ean13 !== '').map((article) => [article.ean13, article.reference]),
  );

  const outcomes: (OrderOutcome | undefined)[] = [];
  for (const sourced of page) {
    if (!sourced.ok) {
      const stateId = sourced.stateId;
      const rule = stateId === undefined ? undefined : context.rules.get(stateId);
      const stateName = stateId === undefined ? '' : (context.statesById.get(stateId)?.name ?? '');
      // An unreadable order of a cancellation state that was never imported concerns nothing.
      if (stateId !== undefined && !rule?.selected && !ledger.has(formatShopOrderKey(sourced.key))) {
        outcomes.push(undefined);
        continue;
      }
      outcomes.push({
        ...blankOutcome(sourced.key, sourced.reference),
        stateId: stateId ?? 0,
        stateName,
        status: 'failed',
        code: sourced.code,
        reason: sourced.message,
      });
      continue;
    }
    const order = sourced.order;
    const externalKey = formatShopOrderKey(order.key);
    if (context.excluded.has(externalKey)) {
      outcomes.push(
        outcomeFor(order, { status: 'skipped', code: 'excluded', reason: "Laissée de côté dans l'aperçu." }),
      );
      continue;
    }
    try {
      outcomes.push(
        await importOrder(order, ledger.get(externalKey), heads.get(externalKey), {
          ...context,
          knownArticles,
          knownEan13,
        }),
      );
    } catch (error) {
      outcomes.push(
        outcomeFor(order, {
          status: 'failed',
          code: !isExpectedFailure(error)
            ? 'internal-error'
            : isGescomFailure(error)
              ? error.code
              : 'gescom-refused',
          reason: isExpectedFailure(error)
            ? error.message
            : `Erreur interne de navette (${error instanceof Error ? error.message : String(error)}) : la commande sera reprise au prochain import ; signalez-la si elle persiste.`,
        }),
      );
    }
  }
  return outcomes;
}

async function importOrder(
  order: ShopOrder,
  ledgerEntry: LedgerEntry | undefined,
  /** The order's document found in the GesCom itself, by its external key. */
  head: DocumentSummary | undefined,
  context: PageContext & { knownArticles: ReadonlySet<string>; knownEan13: ReadonlyMap<string, string> },
): Promise<OrderOutcome | undefined> {
  const { deps, config } = context;
  const rule = context.rules.get(order.state.id);
  // Orders of a cancellation state are read only to notice imported orders that were cancelled.
  if (!rule?.selected && head === undefined && ledgerEntry === undefined && isCancellationState(order.state))
    return undefined;
  const decision = decide({ order, rule, ledgerEntry, head, config });
  const record = {
    key: order.key,
    orderReference: order.reference,
    orderStateId: order.state.id,
    runId: context.runId,
  };

  switch (decision.action) {
    case 'skip':
      return outcomeFor(order, {
        status: 'skipped',
        code: decision.code,
        reason: decision.reason,
        document: head && documentOf(head),
      });
    case 'cancel-draft': {
      if (!context.dryRun) await deps.target.cancelDocument(decision.document.number, decision.reason);
      return outcomeFor(order, {
        status: 'skipped',
        code: 'cancelled-in-shop',
        reason: decision.reason,
        document: documentOf(decision.document),
      });
    }
    case 'upgrade': {
      const into = decision.into;
      if (context.dryRun) {
        return outcomeFor(order, {
          status: 'would-upgrade',
          document: { number: undefined, ...into },
          reason: decision.reason,
        });
      }
      const upgraded = await deps.target.transformDocument(decision.from.number, into, {
        ...record,
        stateChanges: stateChangesForUpgrade(order, into.type, config),
      });
      return outcomeFor(order, {
        status: 'upgraded',
        document: documentOf(upgraded),
        reason: decision.reason,
      });
    }
    case 'import': {
      const mapped = toSalesDocument(order, {
        config,
        rule: decision.rule,
        knownArticles: context.knownArticles,
        knownEan13: context.knownEan13,
        today: context.today,
      });
      if (!mapped.ok)
        return outcomeFor(order, { status: 'failed', code: mapped.code, reason: mapped.message });
      const planned = { number: undefined, type: mapped.draft.type, status: mapped.draft.status };
      if (context.dryRun)
        return outcomeFor(order, { status: 'would-import', document: planned, notes: mapped.notes });
      const created = await deps.target.importDocument(mapped.draft, {
        ...record,
        stateChanges: stateChangesForImport(order, decision.rule, config),
      });
      return outcomeFor(order, { status: 'imported', document: documentOf(created), notes: mapped.notes });
    }
  }
}

/** The states a run reads: the selected ones, plus cancellations so that imported orders cancelled later are noticed. */
function statesToRead(rules: readonly StateRule[], states: readonly OrderState[]): number[] {
  const selected = rules.filter((rule) => rule.selected).map((rule) => rule.id);
  const cancellations = states.filter(isCancellationState).map((state) => state.id);
  return [...new Set([...selected, ...cancellations])].sort((a, b) => a - b);
}

function documentOf(document: {
  number: string;
  type: DocumentType;
  status: DocumentStatus;
}): OrderOutcome['document'] {
  return { number: document.number, type: document.type, status: document.status };
}

function outcomeFor(
  order: ShopOrder,
  fields: Partial<OrderOutcome> & Pick<OrderOutcome, 'status'>,
): OrderOutcome {
  const customerName = order.customer
    ? [order.customer.firstName, order.customer.lastName].join(' ').trim()
    : [order.invoiceAddress?.firstName, order.invoiceAddress?.lastName].join(' ').trim();
  return {
    shopId: order.key.shopId,
    orderId: order.key.orderId,
    reference: order.reference,
    orderDate: order.dateAdd,
    stateId: order.state.id,
    stateName: order.state.name,
    customerName: order.customer?.company || customerName,
    totalTaxIncl: format(order.totals.paidTaxIncl),
    currency: order.currency.isoCode,
    document: undefined,
    code: undefined,
    reason: undefined,
    notes: [],
    ...fields,
  };
}

function blankOutcome(key: ShopOrderKey, reference: string): Omit<OrderOutcome, 'status'> {
  return {
    shopId: key.shopId,
    orderId: key.orderId,
    reference,
    orderDate: '',
    stateId: 0,
    stateName: '',
    customerName: '',
    totalTaxIncl: '',
    currency: '',
    document: undefined,
    code: undefined,
    reason: undefined,
    notes: [],
  };
}

function emptyCounts(): OutcomeCounts {
  return { read: 0, imported: 0, upgraded: 0, skipped: 0, failed: 0, planned: 0 };
}

function countOutcome(counts: OutcomeCounts, outcome: OrderOutcome): void {
  counts.read += 1;
  if (outcome.status === 'would-import' || outcome.status === 'would-upgrade') counts.planned += 1;
  else counts[outcome.status] += 1;
}

function callsSince(deps: ImportDeps, start: number): number | undefined {
  return deps.webserviceCalls ? deps.webserviceCalls() - start : undefined;
}

function earliest(values: readonly (string | undefined)[]): string | undefined {
  if (values.some((value) => value === undefined)) return undefined;
  return (values as string[]).reduce<string | undefined>(
    (min, value) => (min === undefined || value < min ? value : min),
    undefined,
  );
}
