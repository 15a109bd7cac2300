import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { openNavette } from '../../src/app/compose.js';
import { createDemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createWebApp, type WebApp } from '../../src/web/create-web-app.js';
import { demoBankAccount } from '../support/demo-bank-account.js';
import { TestBrowser, createTestApp, createWebFixture, type WebFixture } from './support/web-fixture.js';

/**
 * An order's failure reason and the import journal's lines are kept in French (what the CLI and the
 * reports print) and as data: an English page says them in English, a French page as written.
 */

let fixture: WebFixture;
let app: WebApp;

beforeEach(async () => {
  fixture = await createWebFixture();
  // No tolerance: the demo orders whose totals the shop rounded fail; state 1 moves on once imported.
  const config = parseYaml(await readFile(fixture.configPath, 'utf8')) as {
    totals?: { roundingTolerance?: string };
    states: { id: number; changeStateTo: number | null }[];
  };
  config.totals = { ...config.totals, roundingTolerance: '0.00' };
  for (const state of config.states) if (state.id === 1) state.changeStateTo = 13;
  await writeFile(fixture.configPath, stringifyYaml(config));
  app = createTestApp(fixture);
});

afterEach(async () => {
  await app.shutdown();
  await fixture.cleanup();
});

/** Pages as text, entities decoded, so that apostrophes and quotes read as typed. */
async function textOf(browser: TestBrowser, path: string): Promise<string> {
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

async function importedIn(language: 'fr' | 'en') {
  const browser = new TestBrowser(app);
  expect((await browser.logIn()).status).toBe(303);
  await browser.switchLanguage(language);
  const csrf = await browser.csrfToken();
  const started = await browser.postForm('/import-now', { _csrf: csrf });
  const livePath = started.headers.get('location') ?? '';
  await app.services.runs.settle();
  const runId = /href="\/history\/([^"?]+)"/.exec(await textOf(browser, '/history'))?.[1] ?? '';
  return { browser, livePath, runPath: `/history/${runId}` };
}

describe('failure reasons and journal lines in the page’s language', () => {
  it('an English run page says the failures and the state changes in English', async () => {
    const { browser, runPath } = await importedIn('en');
    for (const path of [runPath, `${runPath}?outcome=failed`]) {
      const page = await textOf(browser, path);
      expect(page).toMatch(
        /The document's totals do not match the shop's: shop \d+\.\d\d excl\. VAT \/ \d+\.\d\d incl\. VAT/,
      );
      expect(page).not.toContain('ne correspondent pas');
      expect(page).not.toContain('Vérifiez');
    }
    const run = await textOf(browser, runPath);
    // The journal: the failed order by reference and number, then what became of each state change.
    expect(run).toMatch(/[A-Z]{9} \(no\. \d+\): The document's totals do not match/);
    expect(run).toMatch(/State of order \d+: sent: state 13/);
    expect(run).not.toContain('Statut de la commande');
    expect(run).not.toContain('envoyé');
    expect(run).not.toContain('n° ');
    // The order a document comes from, on the document's page.
    const number = /href="\/documents\/([A-Z]{2}\d{5})"/.exec(run)?.[1] ?? '';
    const document = await textOf(browser, `/documents/${number}`);
    expect(document).toMatch(/ — shop 1, order no\. \d+ \(ps-1-\d+\)/);
    expect(document).not.toContain('commande n°');
  });

  it('the live page of an English run says its journal in English, as rendered and as streamed', async () => {
    const { browser, livePath } = await importedIn('en');
    expect(livePath).toMatch(/^\/import-now\/live\//);
    const live = await textOf(browser, livePath);
    expect(live).toMatch(/\(no\. \d+\): The document's totals do not match the shop's/);
    expect(live).not.toContain('ne correspondent pas');
    const events = await textOf(browser, `/api/live/${livePath.split('/').at(-1) ?? ''}/events`);
    expect(events).toContain('"text":"State of order');
    expect(events).toMatch(/"text":"[A-Z]{9} \(no\. \d+\): The document's totals do not match/);
  });

  it('a run stopped by the shop says why in English on its page, its live page and its stream', async () => {
    fixture.shop.setWebserviceEnabled(false);
    const { browser, livePath, runPath } = await importedIn('en');
    const english = 'The shop’s webservice is disabled: enable it in Advanced Parameters';
    const run = await textOf(browser, runPath);
    expect(run).toContain(`<div class="notice error" role="alert">${english}`);
    expect(run).not.toContain('est désactivé');
    const events = await textOf(browser, `/api/live/${livePath.split('/').at(-1) ?? ''}/events`);
    expect(events).toContain(`"fatal":{"code":"webservice-disabled"`);
    expect(events).toContain(`"text":"${english}`);
    // A French page says it as written.
    const french = await importedIn('fr');
    expect(await textOf(french.browser, french.runPath)).toContain(
      'Le webservice de la boutique est désactivé',
    );
  });

  it('a French run page keeps the reasons and the journal as written', async () => {
    const { browser, runPath } = await importedIn('fr');
    const run = await textOf(browser, runPath);
    expect(run).toContain('Les totaux du document ne correspondent pas à ceux de la boutique');
    expect(run).toMatch(/[A-Z]{9} \(n° \d+\) : Les totaux du document/);
    expect(run).toMatch(/Statut de la commande \d+ : état 13 envoyé/);
    expect(run).not.toContain('do not match');
  });
});

describe('a refusal of Dolibarr’s in the page’s language', () => {
  it('an English run page says it in English, Dolibarr’s own words quoted; a French one as written', async () => {
    // Dolibarr numbers the customer codes itself (Monkey): it refuses navette's for every new customer.
    const dolibarr = createDemoDolibarr();
    dolibarr.store.constants.set('SOCIETE_CODECLIENT_ADDON', 'mod_codeclient_monkey');
    const bankAccountId = await demoBankAccount(dolibarr);
    const config = parseYaml(await readFile(fixture.configPath, 'utf8')) as Record<string, unknown>;
    await writeFile(
      fixture.configPath,
      stringifyYaml({
        ...config,
        gescom: { target: 'dolibarr', dolibarr: { url: 'https://erp.example', bankAccountId } },
      }),
    );
    await app.shutdown();
    app = createWebApp({
      ...fixture.deps,
      openNavette: (opened) =>
        openNavette(opened, {
          fetch: fixture.shop.fetch,
          shopKey: fixture.shop.key,
          dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
        }),
    });
    const { browser, runPath } = await importedIn('en');
    const english = await textOf(browser, `${runPath}?outcome=failed`);
    expect(english).toContain(
      'Dolibarr refuses the data of POST thirdparties and says: “Error creating thirdparty ' +
        '(ErrorBadCustomerCodeSyntax)”. Correct the record at fault (in the shop or in Dolibarr), then run the ' +
        'import again.',
    );
    expect(english).not.toContain('Dolibarr refuse les données');
    // The journal says the failed order the same way.
    expect(await textOf(browser, runPath)).toMatch(
      /[A-Z]{9} \(no\. \d+\): Dolibarr refuses the data of POST thirdparties and says: “Error creating/,
    );
    await browser.switchLanguage('fr');
    expect(await textOf(browser, `${runPath}?outcome=failed`)).toContain(
      'Dolibarr refuse les données de POST thirdparties : Error creating thirdparty ' +
        '(ErrorBadCustomerCodeSyntax). Corrigez la fiche en cause',
    );
  });
});
