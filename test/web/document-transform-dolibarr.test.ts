import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';
import { openNavette } from '../../src/app/compose.js';
import { starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createDemoShop } from '../../src/demo-shop/index.js';
import { systemClock } from '../../src/ports/clock.js';
import { hashPassword } from '../../src/web/auth/password.js';
import { createWebApp, type WebApp } from '../../src/web/create-web-app.js';
import { DolibarrScreens } from '../support/dolibarr-screens.js';
import { TEST_PASSWORD, TestBrowser } from './support/web-fixture.js';

describe('a document page when Dolibarr is the GesCom', () => {
  let app: WebApp | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.shutdown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says to transform in Dolibarr instead of showing buttons, refuses a forged request plainly, and the sweep reads the shipment made in Dolibarr', async () => {
    const shop = createDemoShop({ now: new Date() });
    const dolibarr = createDemoDolibarr();
    dolibarr.setModule('expedition', true);
    const client = new DolibarrClient({
      url: dolibarr.url,
      key: dolibarr.key,
      fetch: dolibarr.fetch,
      clock: systemClock,
    });
    const bankAccountId = await client.createBankAccount();
    dir = await mkdtemp(join(tmpdir(), 'navette-web-dolibarr-'));
    const configPath = join(dir, 'navette.yaml');
    const starter = starterConfig(shop.url);
    await saveConfig(configPath, {
      ...starter,
      gescom: {
        target: 'dolibarr',
        database: join(dir, 'navette.db'),
        dolibarr: { url: dolibarr.url, bankAccountId },
      },
      payments: { ...starter.payments, defaultMode: 'CB' },
      statusUpdates: {
        onOrder: 3,
        onDelivery: 4,
        onInvoice: 5,
        sendEmail: false,
        tracking: { enabled: true, sendEmail: false, setStateTo: null },
      },
      web: { passwordHash: await hashPassword(TEST_PASSWORD), language: 'fr' },
    });
    app = createWebApp({
      configPath,
      env: { NAVETTE_PS_KEY: shop.key, NAVETTE_DOLIBARR_KEY: dolibarr.key },
      openNavette: (config) =>
        openNavette(config, {
          fetch: shop.fetch,
          shopKey: shop.key,
          dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
        }),
    });
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(303);
    const csrf = await browser.csrfToken();
    await browser.postForm('/import-now', { _csrf: csrf });
    await app.services.runs.settle();

    const order = [...dolibarr.store.documents.commande.values()].find(
      (doc) => String(doc.row.ref_ext).startsWith('ps-') && doc.row.status === '1',
    );
    expect(order).toBeDefined();
    const number = String(order!.row.ref);
    const page = await (await browser.get(`/documents/${number}`)).text();
    expect(page).toContain('Avec Dolibarr, les documents se transforment dans Dolibarr lui-même');
    expect(page).not.toContain('name="tracking"');

    const forged = await browser.postForm(`/documents/${number}/transform`, { _csrf: csrf, to: 'delivery' });
    expect(forged.status).toBe(422);
    const refused = await forged.text();
    expect(refused).toContain('Transformation refusée : Avec Dolibarr');
    expect(refused).not.toMatch(/\bat .*\.(ts|js):\d+/);

    // A first sweep sets the cursor; the shipment made in Dolibarr is read by the next one.
    await browser.postForm('/status-updates/send', { _csrf: csrf });
    await new DolibarrScreens(client).ship(order!.id, '6A-WEB-1');
    const sweep = await browser.postForm('/status-updates/send', { _csrf: csrf });
    expect(sweep.status).toBe(200);
    expect(await sweep.text()).toContain('1 transformation(s) lue(s)');
  });
});
