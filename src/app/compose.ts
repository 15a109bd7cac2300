import type { NavetteConfig } from '../config/config-schema.js';
import { resolveShopKey } from '../config/load-config.js';
import { createPrestaShopOrderSource } from '../adapters/prestashop/prestashop-order-source.js';
import type { FetchLike } from '../adapters/prestashop/webservice-client.js';
import { openDatabase } from '../adapters/embedded/database.js';
import { EmbeddedGescom, type CatalogueArticle } from '../adapters/embedded/gescom/embedded-gescom.js';
import { SqlSyncStore } from '../adapters/embedded/store/sql-sync-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import { importLockName, newLockOwner, withRunLock } from '../sync/run-lock.js';
import { resetOrders } from '../sync/reset-orders.js';
import { runImport } from '../sync/run-import.js';
import { sendStateChanges } from '../sync/write-back.js';
import { isDemoShopUrl, startInProcessDemoShop } from './demo.js';
import { createLogger, logAttempt, type Logger } from './logger.js';
import type { Navette } from './navette.js';

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

/** The only place that constructs adapters: wires navette for one configuration. */
export async function openNavette(config: NavetteConfig, options: OpenOptions = {}): Promise<Navette> {
  const clock = options.clock ?? systemClock;
  const shop =
    isDemoShopUrl(config.shop.url) && options.fetch === undefined
      ? startInProcessDemoShop(clock.now())
      : undefined;
  const env = options.env ?? process.env;
  const key = shop?.key ?? options.shopKey ?? (await resolveShopKey(config, env));
  const logger =
    options.logger ?? createLogger({ level: env['NAVETTE_LOG_LEVEL'] ?? 'warn', secrets: [key] });
  let calls = 0;
  const baseFetch: FetchLike = shop?.fetch ?? options.fetch ?? ((url, init) => fetch(url, init));
  const source = createPrestaShopOrderSource({
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
    onAttempt: (event) => logAttempt(logger, event),
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
  return {
    config,
    source,
    target,
    store,
    clock,
    runImport: (importOptions) => {
      // States, carriers, currencies… are read once per run: a long-lived server sees the shop's changes.
      source.forgetReferenceData();
      return runImport(deps, config, importOptions).then((summary) => {
        logger.info(
          { run: summary.runId, status: summary.status, counts: summary.counts, fatal: summary.fatal },
          'import',
        );
        return summary;
      });
    },
    sendStateChanges: async () =>
      (await withRunLock(store, importLockName(config.shop.url), deps.lockOwner, () =>
        sendStateChanges(source, store),
      )) ?? {
        sent: 0,
        skipped: 0,
        failed: 0,
        busy: true,
      },
    resetOrders: (selection, reason) => resetOrders(target, store, selection, reason),
    close: async () => {
      await database.close();
    },
  };
}
