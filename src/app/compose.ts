import type { NavetteConfig } from '../config/config-schema.js';
import { resolveShopKey } from '../config/load-config.js';
import {
  createPrestaShopOrderSource,
  type PrestaShopOrderSource,
} from '../adapters/prestashop/prestashop-order-source.js';
import type { FetchLike } from '../adapters/prestashop/webservice-client.js';
import { openDatabase } from '../adapters/embedded/database.js';
import { EmbeddedGescom, type CatalogueArticle } from '../adapters/embedded/gescom/embedded-gescom.js';
import { SqlSyncStore } from '../adapters/embedded/store/sql-sync-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { CatalogueSource } from '../ports/catalogue-source.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { OrderSource } from '../ports/order-source.js';
import type { SyncStore } from '../ports/sync-store.js';
import { reportCsvLines } from '../sync/report-csv.js';
import { reportJsonChunks } from '../sync/report-json.js';
import { importLockName, newLockOwner, withRunLock } from '../sync/run-lock.js';
import { resetOrders } from '../sync/reset-orders.js';
import { runImport } from '../sync/run-import.js';
import { sweepStatuses } from '../sync/status-sweep.js';
import { sendStateChanges } from '../sync/write-back.js';
import { isDemoShopUrl, startInProcessDemoShop } from './demo.js';
import { createLogger, logAttempt, type Logger } from './logger.js';
import { LazyOrderSource } from './lazy-order-source.js';
import type { Navette } from './navette.js';
import { connectionCheck } from './use-cases/connection-check.js';
import { importArticles } from './use-cases/import-articles.js';
import { checkRunRequest } from './use-cases/run-request.js';
import { seenPaymentMethods } from './use-cases/seen-payment-methods.js';
import { transformDocument } from './use-cases/transform-document.js';
import { stateRulesFor } from './use-cases/shop-states.js';

/** The interfaces' clock (re-exported: web/ and cli/ import nothing from ports/). */
export { systemClock };

export interface OpenOptions {
  /** The shop's `fetch` (tests and benchmarks hand the demo shop's in-process one). */
  readonly fetch?: FetchLike;
  readonly clock?: Clock;
  /** Default: NAVETTE_PS_KEY or the config's key file. */
  readonly shopKey?: string;
  /** Where NAVETTE_PS_KEY and NAVETTE_LOG_LEVEL are read (default: the process's environment). */
  readonly env?: NodeJS.ProcessEnv;
  /** Default: JSON lines on stderr at NAVETTE_LOG_LEVEL (warn), the key masked. */
  readonly logger?: Logger;
}

/**
 * Adds articles to the catalogue of the configuration's embedded GesCom (`navette demo` fills it with
 * the demo shop's catalogue). Returns how many were new.
 */
export async function addCatalogueArticles(
  config: NavetteConfig,
  articles: readonly CatalogueArticle[],
  clock: Clock = systemClock,
): Promise<number> {
  const database = await openDatabase(config.gescom.database);
  try {
    return await new EmbeddedGescom(database, clock).addArticles(articles);
  } finally {
    await database.close();
  }
}

/** The adapters behind the use cases, for tests and benchmarks that check what the use cases wrote. */
export interface NavetteAdapters {
  readonly source: OrderSource;
  readonly target: GescomTarget;
  readonly store: SyncStore;
}

/** The only place that constructs adapters: wires navette for one configuration. */
export async function openNavette(config: NavetteConfig, options: OpenOptions = {}): Promise<Navette> {
  return (await wire(config, options)).navette;
}

/** `openNavette`, with the adapters beside it: for tests and benchmarks only (the interfaces get none). */
export async function openNavetteWithAdapters(
  config: NavetteConfig,
  options: OpenOptions = {},
): Promise<Navette & NavetteAdapters> {
  const { navette, adapters } = await wire(config, options);
  return { ...navette, ...adapters };
}

async function wire(
  config: NavetteConfig,
  options: OpenOptions,
): Promise<{ navette: Navette; adapters: NavetteAdapters }> {
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  let logger = options.logger;
  let calls = 0;
  let prestaShop: PrestaShopOrderSource | undefined;
  // The key is resolved when the shop is first called: runs, documents and resets need none.
  const source = new LazyOrderSource(async () => {
    const shop =
      isDemoShopUrl(config.shop.url) && options.fetch === undefined
        ? startInProcessDemoShop(clock.now())
        : undefined;
    const key = shop?.key ?? options.shopKey ?? (await resolveShopKey(config, env));
    const log = (logger ??= createLogger({ level: env['NAVETTE_LOG_LEVEL'] ?? 'warn', secrets: [key] }));
    const baseFetch: FetchLike = shop?.fetch ?? options.fetch ?? ((url, init) => fetch(url, init));
    prestaShop = createPrestaShopOrderSource({
      url: shop?.url ?? config.shop.url,
      key,
      fetch: (url, init) => {
        calls += 1;
        return baseFetch(url, init);
      },
      clock,
      timeoutMs: config.shop.timeoutSeconds * 1000,
      concurrency: config.shop.concurrency,
      languageId: config.shop.languageId,
      onAttempt: (event) => logAttempt(log, event),
    });
    return prestaShop;
  });
  const database = await openDatabase(config.gescom.database);
  const target = new EmbeddedGescom(database, clock, { series: config.document.series });
  const store = new SqlSyncStore(database, clock);
  const deps = {
    source,
    target,
    store,
    clock,
    lockOwner: newLockOwner(),
    webserviceCalls: () => calls,
  };
  const navette: Navette = {
    config,
    clock,
    runImport: async (importOptions) => {
      // States, carriers, currencies… are read once per run: a long-lived server sees the shop's changes.
      prestaShop?.forgetReferenceData();
      // An unknown shop or an impossible period is refused before a run is recorded (a missing key is
      // the run's fatal failure, kept in the history like an unreachable shop).
      if (importOptions.period !== undefined || importOptions.shopIds !== undefined)
        await checkRunRequest(importOptions, source);
      const summary = await runImport(deps, config, importOptions);
      logger?.info(
        { run: summary.runId, status: summary.status, counts: summary.counts, fatal: summary.fatal },
        'import',
      );
      return summary;
    },
    sendStateChanges: async () => {
      await source.open();
      return (
        (await withRunLock(store, importLockName(config.shop.url), deps.lockOwner, () =>
          sendStateChanges(source, store),
        )) ?? { sent: 0, skipped: 0, failed: 0, busy: true }
      );
    },
    sweepStatuses: async () => {
      // A missing key is said before anything; opening the source calls nothing.
      await source.open();
      // The shop's states are read again (once, and only if something was transformed).
      prestaShop?.forgetReferenceData();
      return (
        (await withRunLock(store, importLockName(config.shop.url), deps.lockOwner, () =>
          sweepStatuses(deps, config.statusUpdates),
        )) ?? { transformations: 0, queued: 0, sent: 0, skipped: 0, failed: 0, busy: true }
      );
    },
    statusJournal: (limit) => store.statusJournal(limit),
    resetOrders: (selection, reason) => resetOrders(target, store, selection, reason),
    listRuns: (page) => store.listRuns(page),
    run: (runId) => store.getRun(runId),
    runJournal: (runId) => store.runJournal(runId),
    runOutcomes: (runId) => store.runOutcomes(runId),
    runReportCsv: (runId) => reportCsvLines(store.runOutcomes(runId)),
    runReportJson: async function* (summary) {
      const journal = await store.runJournal(summary.runId);
      yield* reportJsonChunks(summary, journal, store.runOutcomes(summary.runId));
    },
    listDocuments: (filter) => target.listDocuments(filter),
    document: (number) => target.getDocument(number),
    transformDocument: (number, request) => transformDocument(target, number, request),
    orderStates: () => source.orderStates(),
    shops: () => source.shops(),
    shopStates: async () => {
      const states = await source.orderStates();
      const byId = new Map(states.map((state) => [state.id, state]));
      return stateRulesFor(config, states).map((rule) => ({ state: byId.get(rule.id), rule }));
    },
    checkConnection: async () => connectionCheck(await source.checkConnection()),
    seenPaymentMethods: () => seenPaymentMethods(source, clock, config.shop.timeZone),
    importArticles: () => {
      const catalogue: CatalogueSource = {
        async *readCatalogue() {
          await source.open();
          if (prestaShop === undefined) return;
          yield* prestaShop.readCatalogue();
        },
      };
      return importArticles(catalogue, (articles) => target.addArticles(articles), deps.webserviceCalls);
    },
    articleCount: () => target.articleCount(),
    close: async () => {
      await database.close();
    },
  };
  return { navette, adapters: { source, target, store } };
}
