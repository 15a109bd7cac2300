import { openNavetteWithAdapters } from '../../src/app/compose.js';
import type { Navette } from '../../src/app/navette.js';
import { configSchema } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { createDemoDolibarr, type DemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createDemoShop } from '../../src/demo-shop/index.js';
import type { OrderOutcome } from '../../src/domain/import-report.js';
import { demoBankAccount } from './demo-bank-account.js';
import { DEMO_NOW, fixedClock } from './demo-navette.js';

type Starter = ReturnType<typeof starterConfig>;

/**
 * The demo shop and a simulated Dolibarr (with a bank account), navette's store in memory, the period
 * covering every demo order. `dolibarr` adds settings of `gescom.dolibarr`; `setUp` turns the simulated
 * Dolibarr's modules on or off; `config` changes the rest from the starter configuration.
 */
export async function openDemoIntoDolibarr(
  options: {
    dolibarr?: Record<string, unknown> | undefined;
    setUp?: (dolibarr: DemoDolibarr) => void;
    config?: (starter: Starter) => Record<string, unknown>;
  } = {},
) {
  const shop = createDemoShop({ now: DEMO_NOW });
  const dolibarr = createDemoDolibarr({ now: () => DEMO_NOW });
  options.setUp?.(dolibarr);
  const bankAccountId = await demoBankAccount(dolibarr);
  const starter = starterConfig(shop.url);
  const config = configSchema.parse({
    ...starter,
    gescom: {
      target: 'dolibarr',
      database: ':memory:',
      dolibarr: { url: dolibarr.url, bankAccountId, ...options.dolibarr },
    },
    period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
    ...options.config?.(starter),
  });
  const navette = await openNavetteWithAdapters(config, {
    fetch: shop.fetch,
    shopKey: shop.key,
    clock: fixedClock(),
    dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
  });
  return { shop, dolibarr, navette };
}

/** Every outcome of a run, in the shop's order. */
export async function outcomesOf(navette: Navette, runId: string): Promise<OrderOutcome[]> {
  const outcomes: OrderOutcome[] = [];
  for await (const outcome of navette.runOutcomes(runId)) outcomes.push(outcome);
  return outcomes;
}
