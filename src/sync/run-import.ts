import type { ImportOptions } from './import-options.js';
import type { ImportRules } from '../domain/rules.js';
import { isExpectedFailure } from '../domain/failure.js';
import {
  countOutcome,
  emptyCounts,
  gescomCallsSince,
  noStateChanges,
  RUN_ABORTED,
  RUN_IN_PROGRESS,
  type GescomCalls,
  type JournalEntry,
  type OrderOutcome,
  type OutcomeCounts,
  type RunSummary,
  type StateChangeCounts,
} from '../domain/import-report.js';
import { nextHighWaterMark, shopDateTimeAt } from '../domain/period.js';
import type { ShopDateTime } from '../domain/shop-order.js';
import { formatShopOrderKey } from '../domain/shop-order.js';
import type { Clock } from '../ports/clock.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { OrderSource } from '../ports/order-source.js';
import type { SyncStore } from '../ports/sync-store.js';
import { importPage, type PageContext } from './import-page.js';
import type { RunEvent } from './run-events.js';
import { importLockName, withRunLock } from './run-lock.js';
import { earliest, selectOrders, type Selection } from './select-orders.js';
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
  /** The same, by resource (`orders`, `order_details`…). */
  readonly webserviceCallsByResource?: () => Readonly<Record<string, number>>;
  /** The calls made to the GesCom so far, by resource (none for the embedded GesCom). */
  readonly gescomCalls?: () => GescomCalls;
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
    stateChanges: noStateChanges(),
    webserviceCalls: undefined,
    fatal: {
      code: RUN_IN_PROGRESS,
      message:
        'Un import est déjà en cours pour cette boutique (lancé depuis la ligne de commande, la page web ou le planificateur) : réessayez quand il sera terminé.',
    },
  });
  options.onEvent?.({ type: 'finished', summary });
  return summary;
}

/** Where a run stands: what its report is made of, whether it ends normally or on a fatal failure. */
interface RunProgress {
  runId: string | undefined;
  readonly counts: OutcomeCounts;
  stateChanges: StateChangeCounts;
  /** The webservice calls counted before the run, so that the report counts only its own. */
  readonly callsAtStart: number;
  readonly callsByResourceAtStart: Readonly<Record<string, number>> | undefined;
  readonly gescomCallsAtStart: GescomCalls | undefined;
}

async function importUnderLock(
  deps: ImportDeps,
  config: ImportRules,
  options: ImportOptions,
): Promise<RunSummary> {
  const startedAt = shopDateTimeAt(config.shop.timeZone, deps.clock.now());
  const progress: RunProgress = {
    runId: undefined,
    counts: emptyCounts(),
    stateChanges: noStateChanges(),
    callsAtStart: deps.webserviceCalls?.() ?? 0,
    callsByResourceAtStart: deps.webserviceCallsByResource?.(),
    gescomCallsAtStart: deps.gescomCalls?.(),
  };
  try {
    const selection = await selectOrders(deps, config, options);
    const runId = await startRun(deps.store, selection, options);
    progress.runId = runId;
    const earliestFailure = await importPages(deps.source, selection, options, {
      progress,
      journal: journalOf(deps, options, runId),
      context: {
        ...selection,
        source: deps.source,
        withMessages: selection.query.withMessages,
        target: deps.target,
        store: deps.store,
        config,
        excluded: new Set((options.exclude ?? []).map(formatShopOrderKey)),
        dryRun: options.dryRun,
        runId,
        today: startedAt.slice(0, 10),
      },
    });
    // An aperçu leaves the outbox and the mark as they are: a real run must still send and read it all.
    if (!options.dryRun && !options.signal?.aborted) {
      progress.stateChanges = await sendOutbox(deps, options, journalOf(deps, options, runId));
      const mark = nextHighWaterMark(selection.query, selection.previousMark, startedAt, earliestFailure);
      if (mark !== undefined)
        for (const shopId of selection.shopIds) await deps.store.setHighWaterMark(shopId, mark);
    }
    const aborted = options.signal?.aborted
      ? { code: RUN_ABORTED, message: "L'import a été interrompu." }
      : undefined;
    return await finishRun(deps, options, progress, aborted);
  } catch (error) {
    if (!isExpectedFailure(error)) throw error;
    progress.runId ??= await deps.store.startRun({
      trigger: options.trigger,
      dryRun: options.dryRun,
      shopIds: options.shopIds ?? config.shops ?? [],
      period: undefined,
    });
    await deps.store.appendJournal(progress.runId, [
      {
        level: 'error',
        message: error.message,
        shopId: undefined,
        orderId: undefined,
        // A failure whose values are known can be said in the page's language.
        ...(error.data !== undefined && {
          note: { code: 'run-stopped', failureCode: error.code, data: error.data },
        }),
      },
    ]);
    return finishRun(deps, options, progress, { code: error.code, message: error.message });
  }
}

async function startRun(store: SyncStore, selection: Selection, options: ImportOptions): Promise<string> {
  const { from, to, dateField } = selection.query;
  const period = { from, to, dateField };
  const runId = await store.startRun({
    trigger: options.trigger,
    dryRun: options.dryRun,
    shopIds: selection.shopIds,
    period,
  });
  options.onEvent?.({ type: 'started', runId, dryRun: options.dryRun, period, shopIds: selection.shopIds });
  return runId;
}

type Journal = (entry: Omit<JournalEntry, 'at'>) => Promise<void>;

/** Writes to the run's journal and tells the listeners. */
function journalOf(deps: ImportDeps, options: ImportOptions, runId: string): Journal {
  return async (entry) => {
    await deps.store.appendJournal(runId, [entry]);
    options.onEvent?.({ type: 'journal', entry: { ...entry, at: deps.clock.now().toISOString() } });
  };
}

/**
 * Reads the selection page by page, importing each page and keeping its outcomes, until the source has
 * no more or the run is aborted. Returns the date of the oldest failed order ('' when a failed order's
 * date is unknown): the high-water mark must not pass it.
 */
async function importPages(
  source: OrderSource,
  selection: Selection,
  options: ImportOptions,
  run: { readonly progress: RunProgress; readonly journal: Journal; readonly context: PageContext },
): Promise<ShopDateTime | undefined> {
  const emit = (event: RunEvent): void => options.onEvent?.(event);
  const { progress, journal, context } = run;
  let earliestFailure: ShopDateTime | undefined;
  for await (const page of source.readOrderHeaders(selection.query)) {
    if (options.signal?.aborted) break;
    const recorded: OrderOutcome[] = [];
    for (const outcome of await importPage(page, context)) {
      if (outcome === undefined) continue;
      recorded.push(outcome);
      countOutcome(progress.counts, outcome);
      emit({ type: 'outcome', outcome, counts: { ...progress.counts } });
      if (outcome.status !== 'failed') continue;
      earliestFailure = earliest([earliestFailure ?? outcome.orderDate, outcome.orderDate]);
      await journal({
        level: 'error',
        message: `${outcome.reference} (n° ${outcome.orderId}) : ${outcome.reason ?? ''}`,
        shopId: outcome.shopId,
        orderId: outcome.orderId,
        note: {
          code: 'order-failed',
          reference: outcome.reference,
          orderId: outcome.orderId,
          reasonCode: outcome.code,
          reason: outcome.reason ?? '',
          ...(outcome.reasonData && { reasonData: outcome.reasonData }),
        },
      });
    }
    await context.store.recordOutcomes(context.runId, recorded);
  }
  return earliestFailure;
}

/** Step 5: sends the outbox, journaling what becomes of each change as it is settled. */
async function sendOutbox(
  deps: ImportDeps,
  options: ImportOptions,
  journal: Journal,
): Promise<StateChangeCounts> {
  // Each result journaled as it comes, between two claims of the outbox: a run that sends 100,000
  // changes holds none of their entries.
  const counts = await sendStateChanges(deps.source, deps.store, (change, result, detail, note) =>
    journal({
      level: result === 'failed' ? 'warning' : 'info',
      message: `Statut de la commande ${change.key.orderId} : ${detail}`,
      shopId: change.key.shopId,
      orderId: change.key.orderId,
      note: { code: 'order-state', orderId: change.key.orderId, sent: note },
    }),
  );
  options.onEvent?.({ type: 'state-changes', counts });
  return counts;
}

async function finishRun(
  deps: ImportDeps,
  options: ImportOptions,
  progress: RunProgress,
  fatal: RunSummary['fatal'],
): Promise<RunSummary> {
  const summary = await deps.store.finishRun(progress.runId!, {
    counts: progress.counts,
    stateChanges: progress.stateChanges,
    webserviceCalls: deps.webserviceCalls ? deps.webserviceCalls() - progress.callsAtStart : undefined,
    ...callsByResourceSince(deps, progress.callsByResourceAtStart),
    ...(deps.gescomCalls && {
      gescomCalls: gescomCallsSince(deps.gescomCalls(), progress.gescomCallsAtStart),
    }),
    fatal,
  });
  options.onEvent?.({ type: 'finished', summary });
  return summary;
}

/** The run's own calls by resource: the counts now, less those before it; none when nothing counts. */
function callsByResourceSince(
  deps: ImportDeps,
  before: Readonly<Record<string, number>> | undefined,
): { webserviceCallsByResource?: Readonly<Record<string, number>> } {
  if (deps.webserviceCallsByResource === undefined) return {};
  const since: Record<string, number> = {};
  for (const [resource, count] of Object.entries(deps.webserviceCallsByResource())) {
    const own = count - (before?.[resource] ?? 0);
    if (own > 0) since[resource] = own;
  }
  return { webserviceCallsByResource: since };
}
