import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { openNavette } from '../../src/app/compose.js';
import { createDemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createWebApp, type WebApp } from '../../src/web/create-web-app.js';
import { TestBrowser, createWebFixture, type WebFixture } from './support/web-fixture.js';

/**
 * "Tester la connexion" says what to fix in the page's language: an English page in English (the menus
 * as the English back offices name them), a French page as written — the French the CLI prints.
 */

const READ_ONLY_KEY = 'READONLYKEY00000000000000000001X';

let fixture: WebFixture;
let app: WebApp;

beforeEach(async () => {
  fixture = await createWebFixture();
  // A key that may only read: the write-back rights are missing.
  fixture.shop.addKey({ key: READ_ONLY_KEY, permissions: { '*': ['GET', 'HEAD'] } });
  app = createWebApp({
    ...fixture.deps,
    openNavette: (config) => openNavette(config, { fetch: fixture.shop.fetch, shopKey: READ_ONLY_KEY }),
  });
});

afterEach(async () => {
  await app.shutdown();
  await fixture.cleanup();
});

/** The connection test's page as text, entities decoded, in the given language. */
async function testedIn(language: 'fr' | 'en'): Promise<string> {
  const browser = new TestBrowser(app);
  expect((await browser.logIn()).status).toBe(303);
  await browser.switchLanguage(language);
  const csrf = await browser.csrfToken();
  const response = await browser.postForm('/connection/test', { _csrf: csrf });
  expect(response.status).toBe(200);
  return (await response.text())
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

async function withDolibarr(url = 'demo://dolibarr', settings: Record<string, unknown> = {}): Promise<void> {
  const config = parseYaml(await readFile(fixture.configPath, 'utf8')) as Record<string, unknown>;
  await writeFile(
    fixture.configPath,
    stringifyYaml({ ...config, gescom: { target: 'dolibarr', dolibarr: { url, ...settings } } }),
  );
}

describe('the connection check in the page’s language', () => {
  it('an English page says the rights the key lacks in English', async () => {
    const page = await testedIn('en');
    expect(page).toContain(
      'The key cannot create order_histories: tick POST for order_histories in Advanced Parameters > ' +
        'Webservice (without it, navette cannot change the orders’ states).',
    );
    expect(page).toContain(
      'The key cannot modify order_carriers: tick PUT for order_carriers in Advanced Parameters > ' +
        'Webservice (without it, navette cannot write the tracking numbers).',
    );
    expect(page).not.toContain('La clé ne peut pas');
    expect(page).not.toContain('Paramètres avancés');
  });

  it('a French page says them as written', async () => {
    const page = await testedIn('fr');
    expect(page).toContain(
      'La clé ne peut pas créer de order_histories : cochez POST pour order_histories dans Paramètres ' +
        'avancés > Webservice (sans cela, navette ne pourra pas changer le statut des commandes).',
    );
    expect(page).not.toContain('The key cannot');
  });

  it('an English page says Dolibarr’s side in English too: Multicurrency off and the dollars refused', async () => {
    await withDolibarr();
    const page = await testedIn('en');
    expect(page).toContain(
      'Dolibarr: The shop takes orders in USD, but Dolibarr’s Multicurrency module is not enabled: navette ' +
        'will refuse those orders. Two ways out: enable the module in Dolibarr (Home > Setup > ' +
        'Modules/Applications > Multicurrency, then the module’s setup page)',
    );
    expect(page).toContain('“Convert it at the order’s rate”');
    expect(page).not.toContain('Multi-devise');
    expect(page).not.toContain('Dolibarr :');
  });

  it('a French page says Dolibarr’s side as written', async () => {
    await withDolibarr();
    const page = await testedIn('fr');
    expect(page).toContain(
      'Dolibarr : La boutique accepte des commandes en USD, mais le module Multi-devise de Dolibarr n’est ' +
        'pas activé : navette refusera ces commandes.',
    );
    expect(page).not.toContain('Multicurrency module');
  });

  it('an English page says a Dolibarr without a key in English, a French page as written', async () => {
    // No key set for this Dolibarr: the check stops there, before any call.
    await withDolibarr('https://erp.invalid');
    expect(await testedIn('en')).toContain(
      'Dolibarr: No key for Dolibarr’s API: set the NAVETTE_DOLIBARR_KEY variable or “gescom.dolibarr.keyFile”',
    );
    expect(await testedIn('fr')).toContain(
      'Dolibarr : Aucune clé pour l’API Dolibarr : définissez la variable NAVETTE_DOLIBARR_KEY',
    );
  });

  it('an English page says a key file for Dolibarr that does not exist, or is empty, in English', async () => {
    const missing = join(fixture.dir, 'no-such-dolibarr.key');
    await withDolibarr('https://erp.invalid', { keyFile: missing });
    const english = await testedIn('en');
    expect(english).toContain(
      `Dolibarr: The key file ${missing} cannot be read: check its path and its permissions.`,
    );
    expect(english).not.toContain('illisible');
    expect(await testedIn('fr')).toContain(
      `Dolibarr : Le fichier de clé ${missing} est illisible : vérifiez son chemin et ses droits.`,
    );

    const empty = join(fixture.dir, 'empty-dolibarr.key');
    await writeFile(empty, '', { mode: 0o600 });
    await withDolibarr('https://erp.invalid', { keyFile: empty });
    expect(await testedIn('en')).toContain(
      `Dolibarr: The key file ${empty} does not hold a Dolibarr API key: it must hold the key alone, 32 ` +
        'letters and digits',
    );
    expect(await testedIn('fr')).toContain(
      `Dolibarr : Le fichier de clé ${empty} ne contient pas une clé d’API Dolibarr`,
    );
  });

  it('an English page says Dolibarr failing to give its currencies in English, its own words quoted', async () => {
    // A Dolibarr whose company (its currency) cannot be read: it answers with an error of its own.
    const dolibarr = createDemoDolibarr();
    const words = 'Error DB_ERROR_1146 in fetch of company';
    const failing = (async (input: string | URL | Request, init?: RequestInit) =>
      String(input instanceof Request ? input.url : input).includes('/setup/company')
        ? Response.json({ error: { code: 500, message: words } }, { status: 500 })
        : dolibarr.fetch(input, init)) as typeof fetch;
    await app.shutdown();
    app = createWebApp({
      ...fixture.deps,
      openNavette: (config) =>
        openNavette(config, {
          fetch: fixture.shop.fetch,
          shopKey: READ_ONLY_KEY,
          dolibarr: { fetch: failing, key: dolibarr.key },
        }),
    });
    await withDolibarr('https://erp.example');
    expect(await testedIn('en')).toContain(
      `Dolibarr: Dolibarr answered GET setup/company with an error (HTTP 500), saying “${words}”: try again ` +
        'later; if it lasts, look at Dolibarr’s logs.',
    );
    expect(await testedIn('fr')).toContain(
      `Dolibarr : Dolibarr a répondu par une erreur (HTTP 500) à GET setup/company : ${words}.`,
    );
  });

  it('the JSON answer keeps the messages as their French texts', async () => {
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(303);
    const csrf = await browser.csrfToken();
    const response = await browser.request('/api/connection/test', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
    });
    const answer = (await response.json()) as { ok: boolean; report: { problems: unknown[] } };
    expect(answer.ok).toBe(true);
    expect(answer.report.problems).toContain(
      'La clé ne peut pas créer de order_histories : cochez POST pour order_histories dans Paramètres ' +
        'avancés > Webservice (sans cela, navette ne pourra pas changer le statut des commandes).',
    );
  });
});
