import type { NavetteConfig } from '../config/config-schema.js';
import { KeyFileFailure } from '../config/key-file.js';
import { resolveDolibarrKey, resolveShopKey } from '../config/load-config.js';
import { createDemoDolibarr } from '../demo-dolibarr/index.js';
import { ExpectedFailure } from '../domain/failure.js';
import { amount } from '../domain/money.js';
import type { GescomCalls } from '../domain/import-report.js';
import {
  createPrestaShopOrderSource,
  type PrestaShopOrderSource,
} from '../adapters/prestashop/prestashop-order-source.js';
import type { FetchLike } from '../adapters/http/fetch-like.js';
import { checkDolibarr, failureMessage, type DolibarrCheck } from '../adapters/dolibarr/connection-check.js';
import { DolibarrFailure } from '../adapters/dolibarr/errors.js';
import { DolibarrClient } from '../adapters/dolibarr/dolibarr-client.js';
import { DolibarrGescom } from '../adapters/dolibarr/dolibarr-gescom.js';
import { openDatabase, type EmbeddedDatabase } from '../adapters/embedded/database.js';
import { EmbeddedGescom, type CatalogueArticle } from '../adapters/embedded/gescom/embedded-gescom.js';
import { SqlSyncStore } from '../adapters/embedded/store/sql-sync-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { CatalogueSource } from '../ports/catalogue-source.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import {
  connectionMessage,
  type ConnectionMessage,
  type ConnectionReport,
  type OrderSource,
} from '../ports/order-source.js';
import type { SyncStore } from '../ports/sync-store.js';
import { reportCsvLines } from '../sync/report-csv.js';
import { reportJsonChunks } from '../sync/report-json.js';
import { importLockName, newLockOwner, withRunLock } from '../sync/run-lock.js';
import { reconciliationCsvLines, reconciliationJson } from '../sync/reconciliation-exports.js';
import { resetOrders } from '../sync/reset-orders.js';
import { runImport } from '../sync/run-import.js';
import { sweepStatuses } from '../sync/status-sweep.js';
import { sendStateChanges } from '../sync/write-back.js';
import { isDemoDolibarrUrl, isDemoShopUrl, startInProcessDemoShop } from './demo.js';
import { LazyGescomTarget } from './lazy-gescom-target.js';
import { createLogger, logAttempt, type Logger } from './logger.js';
import { LazyOrderSource } from './lazy-order-source.js';
import type { Navette } from './navette.js';
import { connectionCheck } from './use-cases/connection-check.js';
import { importArticles } from './use-cases/import-articles.js';
import { reconciliation } from './use-cases/reconciliation.js';
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
  /** Dolibarr's `fetch` and key (tests and benchmarks hand a simulator's in-process ones). */
  readonly dolibarr?: { readonly fetch: FetchLike; readonly key: string };
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
  const callsByResource: Record<string, number> = {};
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
        const resource = resourceOf(url);
        callsByResource[resource] = (callsByResource[resource] ?? 0) + 1;
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
  const store = new SqlSyncStore(database, clock);
  const gescom = wireGescom(config, database, store, { ...options, clock, env });
  const target = gescom.target;
  const deps = {
    source,
    target,
    store,
    clock,
    lockOwner: newLockOwner(),
    webserviceCalls: () => calls,
    webserviceCallsByResource: () => ({ ...callsByResource }),
    gescomCalls: gescom.calls,
  };
  const navette: Navette = {
    config,
    clock,
    runImport: async (importOptions) => {
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
    reconcile: async (options) => {
      prestaShop?.forgetReferenceData();
      const report = await reconciliation(deps, config, options);
      logger?.info(
        {
          differences: report.differences.length,
          orders: report.ordersChecked,
          calls: report.webserviceCalls,
        },
        'reconcile',
      );
      return report;
    },
    reconciliationJson: (report) => reconciliationJson(report),
    reconciliationCsv: (report) => reconciliationCsvLines(report),
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
      // The settings show the shop's states as they are now (an import keeps them for the process's life).
      await source.open();
      const states = await (prestaShop?.freshOrderStates() ?? source.orderStates());
      const byId = new Map(states.map((state) => [state.id, state]));
      return stateRulesFor(config, states).map((rule) => ({ state: byId.get(rule.id), rule }));
    },
    checkConnection: async () => {
      const shopReport = await source.checkConnection();
      const shopSide = connectionCheck(shopReport);
      const dolibarr = await gescom.check?.(shopReport);
      if (dolibarr === undefined) return shopSide;
      return {
        ...shopSide,
        gescom: { target: 'dolibarr', url: dolibarr.url, version: dolibarr.version },
        problems: [
          ...shopSide.problems,
          ...[...dolibarr.problems, ...(dolibarr.warnings ?? [])].map((problem): ConnectionMessage => ({
            ...problem,
            text: `Dolibarr : ${problem.text}`,
            side: 'dolibarr',
          })),
        ],
        canImport: shopSide.canImport && dolibarr.problems.length === 0,
      };
    },
    seenPaymentMethods: () => seenPaymentMethods(source, clock, config.shop.timeZone),
    importArticles: () => {
      const catalogue: CatalogueSource = {
        async *readCatalogue() {
          await source.open();
          if (prestaShop === undefined) return;
          yield* prestaShop.readCatalogue();
        },
      };
      return importArticles(
        catalogue,
        (articles) => gescom.embedded().addArticles(articles),
        deps.webserviceCalls,
      );
    },
    articleCount: () =>
      config.gescom.target === 'dolibarr' ? Promise.resolve(1) : gescom.embedded().articleCount(),
    close: async () => {
      await target.close();
      await database.close();
    },
  };
  return { navette, adapters: { source, target, store } };
}

/** `https://shop/api/order_details?…` → `order_details`; `''` for the API root. */
function resourceOf(url: string): string {
  const path = new URL(url).pathname;
  const after = path.slice(path.lastIndexOf('/api/') + '/api/'.length);
  return after.split('/')[0] ?? '';
}

interface GescomWiring {
  readonly target: GescomTarget;
  /** The embedded GesCom, for what only it does (its catalogue of articles). */
  embedded(): EmbeddedGescom;
  /**
   * Dolibarr's side of "Tester la connexion", told the shop's currencies (from the shop's side); none for
   * the embedded GesCom.
   */
  readonly check:
    ((shop: Pick<ConnectionReport, 'currencies' | 'defaultCurrency'>) => Promise<DolibarrCheck>) | undefined;
  /** Calls made to the GesCom so far, by resource (none for the embedded GesCom). */
  readonly calls: () => GescomCalls;
}

/**
 * The GesCom the configuration names. Dolibarr is opened on first use (its key resolved then); its
 * URL `demo://dolibarr` is a simulated Dolibarr living in this process, with a bank account.
 */
function wireGescom(
  config: NavetteConfig,
  database: EmbeddedDatabase,
  store: SqlSyncStore,
  options: OpenOptions & { clock: Clock; env: NodeJS.ProcessEnv },
): GescomWiring {
  const { clock, env } = options;
  const settings = config.gescom.dolibarr;
  if (config.gescom.target !== 'dolibarr' || settings === undefined) {
    const embedded = new EmbeddedGescom(database, clock, { series: config.document.series });
    return {
      target: embedded,
      embedded: () => embedded,
      check: undefined,
      calls: () => ({ target: 'embedded', total: 0, byResource: {} }),
    };
  }
  let calls = 0;
  const callsByResource: Record<string, number> = {};
  let opened: Promise<{ client: DolibarrClient; url: string; bankAccountId: number | undefined }> | undefined;
  const open = async () => {
    const demo = isDemoDolibarrUrl(settings.url) ? createDemoDolibarr({ now: () => clock.now() }) : undefined;
    const key = demo?.key ?? options.dolibarr?.key ?? (await resolveDolibarrKey(config, env));
    const baseFetch: FetchLike =
      demo?.fetch ?? options.dolibarr?.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
    const url = demo?.url ?? settings.url;
    const client = new DolibarrClient({
      url,
      key,
      clock,
      fetch: (target, init) => {
        calls += 1;
        const resource = dolibarrResourceOf(target);
        callsByResource[resource] = (callsByResource[resource] ?? 0) + 1;
        return baseFetch(target, init);
      },
      timeoutMs: settings.timeoutSeconds * 1000,
    });
    const bankAccountId =
      demo === undefined ? settings.bankAccountId : await client.createBankAccount('Banque de démonstration');
    return { client, url, bankAccountId };
  };
  const client = () =>
    (opened ??= open().catch((error: unknown) => {
      opened = undefined;
      throw error;
    }));
  const target = new LazyGescomTarget(async () => {
    const { client: dolibarr, bankAccountId } = await client();
    return new DolibarrGescom(dolibarr, store, {
      ...(bankAccountId === undefined ? {} : { bankAccountId }),
      tolerance: amount(config.totals.roundingTolerance),
      roundingArticle: config.articles.generic,
      genericArticle: config.articles.generic,
      customerCode: config.gescom.dolibarr?.customerCode ?? 'navette',
      foreignCurrencyWithoutModule: config.gescom.dolibarr?.foreignCurrencyWithoutModule ?? 'refuse',
      writeConcurrency: settings.concurrency,
    });
  }, settings.concurrency);
  return {
    target,
    embedded: () => {
      throw new ExpectedFailure(
        'dolibarr-articles',
        'Avec Dolibarr, les articles sont ceux de Dolibarr (Produits/Services) : navette ne les importe pas ; il crée ceux qui manquent si le réglage « Créer l’article » est activé.',
      );
    },
    check: async (shop) => {
      try {
        const { client: dolibarr, url, bankAccountId } = await client();
        return await checkDolibarr(dolibarr, url, {
          payments: config.payments.create,
          bankAccountId,
          customerCode: config.gescom.dolibarr?.customerCode ?? 'navette',
          ...(shop.currencies !== undefined && { shopCurrencies: shop.currencies }),
          ...(shop.defaultCurrency !== undefined && { shopDefaultCurrency: shop.defaultCurrency }),
          foreignCurrencyWithoutModule: config.gescom.dolibarr?.foreignCurrencyWithoutModule ?? 'refuse',
        });
      } catch (error) {
        // No key, an unreadable key file, Dolibarr failing a read: said as the Dolibarr side's problem, the
        // shop's still shown.
        const problem = expectedProblem(error, settings);
        if (problem !== undefined) return { url: settings.url, version: '', problems: [problem] };
        throw error;
      }
    },
    calls: () => ({ target: 'dolibarr', total: calls, byResource: { ...callsByResource } }),
  };
}

/**
 * An expected failure of Dolibarr's side as the check says it, with its code and values when a page can
 * say it in English (no key set, its key file refused, a failure of Dolibarr's); undefined for a bug,
 * which is thrown on.
 */
function expectedProblem(error: unknown, settings: { readonly url: string }): ConnectionMessage | undefined {
  if (error instanceof KeyFileFailure)
    return connectionMessage(
      error.message,
      error.code === 'key-file-unreadable' ? 'dolibarr-key-file-unreadable' : 'dolibarr-key-file-invalid',
      { path: error.path },
    );
  // A failure of Dolibarr's after its version was read (its company, its currencies…): said by its code.
  if (error instanceof DolibarrFailure) return failureMessage(error, settings.url);
  if (!(error instanceof ExpectedFailure)) return undefined;
  const { code, message } = error as ExpectedFailure<string>;
  return code === 'dolibarr-key-missing'
    ? connectionMessage(message, 'dolibarr-key-not-set')
    : connectionMessage(message);
}

/** `https://erp/api/index.php/orders/12/validate?…` → `orders`. */
function dolibarrResourceOf(url: string): string {
  const path = new URL(url).pathname;
  const at = path.indexOf('/api/index.php/');
  return (at < 0 ? '' : path.slice(at + '/api/index.php/'.length)).split('/')[0] ?? '';
}
