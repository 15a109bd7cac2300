import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';
import { starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoDolibarr, type DemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { DocumentSummary } from '../../src/domain/sales-document.js';
import { systemClock } from '../../src/ports/clock.js';
import { ManualClock } from '../contract/manual-clock.js';
import { ensureBuiltCli, ROOT, type CliResult } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';
import { DolibarrScreens, dolibarrId } from '../support/dolibarr-screens.js';

/**
 * `navette status-updates` with `gescom.target: dolibarr`, as a shop owner types it: the built CLI, the
 * demo shop and Dolibarr's simulator listening on ports of this process. The shipment is made in
 * Dolibarr (its own screens, here its REST API), never by navette.
 */
describe('navette status-updates with Dolibarr as the GesCom', () => {
  let shop: DemoShop;
  let dolibarr: DemoDolibarr;
  const clock = new ManualClock(DEMO_NOW.toISOString());
  const servers: { close(): Promise<void> }[] = [];
  let dir: string;
  let config: string;
  let screens: DolibarrScreens;

  const cli = (args: readonly string[]) =>
    new Promise<CliResult>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'navette.js'), '--config', config, ...args],
        {
          cwd: dir,
          env: { ...process.env, NAVETTE_PS_KEY: shop.key, NAVETTE_DOLIBARR_KEY: dolibarr.key },
          encoding: 'utf8',
          timeout: 120_000,
        },
        (error, stdout, stderr) =>
          resolve({ status: error === null ? 0 : (error.code as number | null), stdout, stderr }),
      );
    });
  const orderIdOf = (item: DocumentSummary) => Number(item.externalKey.split('-')[2]);

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW });
    dolibarr = createDemoDolibarr({ now: () => clock.now() });
    dolibarr.setModule('expedition', true);
    const shopServer = await shop.listen(0, '127.0.0.1');
    const dolibarrServer = await dolibarr.listen(0, '127.0.0.1');
    servers.push(shopServer, dolibarrServer);
    const client = new DolibarrClient({
      url: dolibarrServer.url,
      key: dolibarr.key,
      fetch: dolibarr.fetch,
      clock: systemClock,
    });
    screens = new DolibarrScreens(client);
    const bankAccountId = await client.createBankAccount();
    dir = await mkdtemp(join(tmpdir(), 'navette-dolibarr-sweep-'));
    config = join(dir, 'navette.yaml');
    const starter = starterConfig(shopServer.url);
    await saveConfig(config, {
      ...starter,
      gescom: {
        target: 'dolibarr',
        database: join(dir, 'navette.db'),
        dolibarr: { url: dolibarrServer.url, bankAccountId },
      },
      period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
      payments: { ...starter.payments, defaultMode: 'CB' },
      statusUpdates: {
        onOrder: 3,
        onDelivery: 4,
        onInvoice: 5,
        sendEmail: false,
        tracking: { enabled: true, sendEmail: false, setStateTo: null },
      },
    });
    const imported = await cli(['import', '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a transformation by hand in one French line, then moves the order Dolibarr shipped, once', async () => {
    const listed = await cli(['documents', '--json', '--type', 'commande', '--limit', '500']);
    expect(listed.status).toBe(0);
    const { items } = JSON.parse(listed.stdout) as { items: DocumentSummary[] };
    const chosen = items.find(
      (item) =>
        !item.cancelled &&
        shop.data.order(orderIdOf(item))?.currentState === 2 &&
        shop.data.orderCarrier(orderIdOf(item)) !== undefined,
    );
    expect(chosen).toBeDefined();
    const orderId = orderIdOf(chosen!);
    shop.data.replaceOrderCarrier(shop.data.orderCarrier(orderId)!.id, { trackingNumber: '' }, true);

    const refused = await cli(['documents', 'transform', chosen!.number, '--to', 'livraison']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('dans Dolibarr');
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    // The first sweep sets the cursor: nothing transformed yet.
    clock.advance(60_000);
    const first = await cli(['status-updates']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Documents transformés lus : 0 · /);

    clock.advance(60_000);
    await screens.ship(dolibarrId(chosen!.id), '6A-DOLI-1');
    clock.advance(60_000);
    const sweep = await cli(['status-updates', '--journal']);
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    expect(sweep.stdout).toMatch(/Documents transformés lus : 1 · /);
    expect(sweep.stdout).toMatch(/Envoyés : 2 · non envoyés : 0 · en échec : 0/);
    expect(shop.data.order(orderId)?.currentState).toBe(4);
    expect(shop.data.orderCarrier(orderId)?.trackingNumber).toBe('6A-DOLI-1');

    clock.advance(60_000);
    dolibarr.calls.reset();
    const again = await cli(['status-updates']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Documents transformés lus : 0 · /);
    expect(again.stdout).toMatch(/Envoyés : 0 · /);
    expect(dolibarr.calls.byResourceAndMethod()).toEqual({
      shipments: { GET: 1 },
      invoices: { GET: 1 },
      orders: { GET: 1 },
    });
    expect(shop.data.histories(orderId).filter((history) => history.stateId === 4)).toHaveLength(1);
  }, 240_000);
});
