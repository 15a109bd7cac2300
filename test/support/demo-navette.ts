import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNavetteWithAdapters, type NavetteAdapters } from '../../src/app/compose.js';
import type { Navette } from '../../src/app/navette.js';
import { configSchema, type NavetteConfigInput } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { createDemoShop, type DemoShop, type DemoShopOptions } from '../../src/demo-shop/index.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';

/** A fixed "now" for the demo shop and navette alike: dates, periods and tests stay reproducible. */
export const DEMO_NOW = new Date('2026-11-27T10:00:00Z');

/** Time stands still for dates and periods; waiting (timeouts, backoff) is real. */
export const fixedClock = (now: Date = DEMO_NOW): Clock => ({
  now: () => now,
  sleep: (ms, signal) => systemClock.sleep(ms, signal),
});

/** The use cases, with the adapters beside them so that tests can check what was written. */
type TestNavette = Navette & NavetteAdapters;

export interface DemoNavette {
  readonly shop: DemoShop;
  readonly navette: TestNavette;
  readonly dir: string;
  /** Opens navette again on the same GesCom (a second run, a restart). */
  reopen(overrides?: Partial<NavetteConfigInput>): Promise<TestNavette>;
  close(): Promise<void>;
}

/**
 * The demo shop (in process) and navette on a fresh embedded GesCom in a temporary folder, with the
 * SPEC §2 table and a period covering every demo order.
 */
export async function openDemoNavette(
  options: { shop?: DemoShopOptions; config?: Partial<NavetteConfigInput>; database?: string } = {},
): Promise<DemoNavette> {
  const shop = createDemoShop({ now: DEMO_NOW, ...options.shop });
  const dir = await mkdtemp(join(tmpdir(), 'navette-e2e-'));
  const open = (overrides: Partial<NavetteConfigInput> = {}): Promise<TestNavette> =>
    openNavetteWithAdapters(
      configSchema.parse({
        ...starterConfig(shop.url),
        gescom: { target: 'embedded', database: options.database ?? join(dir, 'gescom.db') },
        period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
        ...options.config,
        ...overrides,
      }),
      { fetch: shop.fetch, shopKey: shop.key, clock: fixedClock() },
    );
  const opened: TestNavette[] = [await open()];
  return {
    shop,
    navette: opened[0]!,
    dir,
    reopen: async (overrides) => {
      const navette = await open(overrides);
      opened.push(navette);
      return navette;
    },
    close: async () => {
      for (const navette of opened) await navette.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
