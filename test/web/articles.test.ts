import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNavette } from '../../src/app/compose.js';
import { PRODUCTS } from '../../src/demo-shop/data/catalogue.js';
import { createWebApp, type WebApp } from '../../src/web/create-web-app.js';
import {
  TEST_WEB_TOKEN,
  TestBrowser,
  createTestApp,
  createWebFixture,
  type WebFixture,
} from './support/web-fixture.js';

/**
 * "Importer le catalogue de la boutique": a new embedded GesCom has no articles, so every order line
 * would land on DIVERS; the web offers the same use case as `navette articles import`.
 */

let fixture: WebFixture;
let app: WebApp;

beforeEach(async () => {
  fixture = await createWebFixture({ withToken: true });
  app = createTestApp(fixture);
});

afterEach(async () => {
  await app.shutdown();
  await fixture.cleanup();
});

async function signedIn(web: WebApp = app): Promise<TestBrowser> {
  const browser = new TestBrowser(web);
  expect((await browser.logIn()).status).toBe(303);
  return browser;
}

const articleCount = (web: WebApp = app) => web.services.navettes.use((navette) => navette.articleCount());

const items = [
  ...PRODUCTS.filter((product) => product.combinations.length === 0),
  ...PRODUCTS.flatMap((product) => product.combinations),
];
const withReference = items.filter((item) => item.reference !== '').length;

describe('the shop’s catalogue from the web', () => {
  it('is offered on the import window while the GesCom has no articles, by a CSRF-protected form', async () => {
    const browser = await signedIn();
    const html = await (await browser.get('/')).text();
    expect(html).toContain(
      'Votre gestion commerciale n’a aucun article : chaque ligne irait sur l’article DIVERS.',
    );
    const form = /<form[^>]*action="\/articles\/import"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toMatch(/method="post"/);
    expect(form).toMatch(/name="_csrf" value="[^"]+"/);
    expect(form).toContain('Importer le catalogue de la boutique');
  });

  it('refuses an import without the session’s CSRF token, and imports nothing', async () => {
    const browser = await signedIn();
    expect((await browser.postForm('/articles/import', {})).status).toBe(403);
    expect((await browser.postForm('/articles/import', { _csrf: 'forged' })).status).toBe(403);
    const csrf = await browser.csrfToken();
    const crossSite = await browser.postForm(
      '/articles/import',
      { _csrf: csrf },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(await articleCount()).toBe(0);
  });

  it('imports the catalogue, says what it did, and adds nothing the second time', async () => {
    const browser = await signedIn();
    const csrf = await browser.csrfToken();
    const first = await browser.postForm('/articles/import', { _csrf: csrf });
    expect(first.status).toBe(303);
    const page = await (await browser.get(first.headers.get('location') ?? '')).text();
    expect(page).toContain(
      `Catalogue importé : ${withReference} article(s) ajouté(s), 0 déjà connu(s), ${items.length - withReference} sans référence laissé(s) de côté (${items.length} produits et déclinaisons lus).`,
    );
    expect(page).toMatch(new RegExp(`id="article-count">${withReference}<`));
    expect(await articleCount()).toBe(withReference);
    // The hint is gone from the import window; the page stays reachable from its links.
    const window = await (await browser.get('/')).text();
    expect(window).not.toContain('aucun article');
    expect(window).toContain('href="/articles"');

    const second = await browser.postForm('/articles/import', { _csrf: csrf });
    const again = await (await browser.get(second.headers.get('location') ?? '')).text();
    expect(again).toContain(`0 article(s) ajouté(s), ${withReference} déjà connu(s)`);
    expect(await articleCount()).toBe(withReference);
  });

  it('says the same in English', async () => {
    const browser = await signedIn();
    const csrf = await browser.csrfToken();
    await browser.postForm('/language', { _csrf: csrf, language: 'en', back: '/articles' });
    const empty = await (await browser.get('/articles')).text();
    expect(empty).toContain('Your sales management has no articles');
    const done = await browser.postForm('/articles/import', { _csrf: csrf });
    const page = await (await browser.get(done.headers.get('location') ?? '')).text();
    expect(page).toContain(`Catalogue imported: ${withReference} article(s) added`);
  });

  it('says plainly that the key is missing, never a stack trace', async () => {
    const keyless = createWebApp({
      configPath: fixture.configPath,
      env: { NAVETTE_WEB_TOKEN: TEST_WEB_TOKEN },
      openNavette: (config) => openNavette(config, { fetch: fixture.shop.fetch, env: {} }),
    });
    try {
      const browser = await signedIn(keyless);
      const response = await browser.postForm('/articles/import', { _csrf: await browser.csrfToken() });
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toMatch(/id="catalogue-failed">Le catalogue n’a pas été importé : Aucune clé webservice/);
      expect(html).not.toMatch(/\n\s+at |Error:/);
      expect(await articleCount(keyless)).toBe(0);
    } finally {
      await keyless.shutdown();
    }
  });

  it('says plainly that the shop does not answer, never a stack trace', async () => {
    const unreachable = createWebApp({
      ...fixture.deps,
      openNavette: (config) =>
        openNavette(
          { ...config, shop: { ...config.shop, timeoutSeconds: 1 } },
          {
            fetch: () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })),
            shopKey: fixture.shop.key,
          },
        ),
    });
    try {
      const browser = await signedIn(unreachable);
      const response = await browser.postForm('/articles/import', { _csrf: await browser.csrfToken() });
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toMatch(/id="catalogue-failed">Le catalogue n’a pas été importé : [^<]+/);
      expect(html).not.toMatch(/\n\s+at |TypeError|ECONNREFUSED/);
      expect(html).not.toContain(fixture.shop.key);
    } finally {
      await unreachable.shutdown();
    }
  }, 60_000);
});
