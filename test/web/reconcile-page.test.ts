import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebApp } from '../../src/web/create-web-app.js';
import { TestBrowser, createTestApp, createWebFixture, type WebFixture } from './support/web-fixture.js';

let fixture: WebFixture;
let app: WebApp;

beforeEach(async () => {
  fixture = await createWebFixture();
  app = createTestApp(fixture);
});

afterEach(async () => {
  await app.shutdown();
  await fixture.cleanup();
});

/** Signed in, the demo shop imported once. */
async function importedBrowser(): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  expect((await browser.logIn()).status).toBe(303);
  await browser.postForm('/import-now', { _csrf: await browser.csrfToken() });
  await app.services.runs.settle();
  return browser;
}

/** A GesCom user changes a document's total: the number of the document changed. */
function changeATotal(): string {
  const database = new BetterSqlite3(join(fixture.dir, 'navette.db'));
  try {
    const { number } = database
      .prepare('SELECT number FROM documents WHERE transformed_into IS NULL ORDER BY id LIMIT 1')
      .get() as { number: string };
    database.prepare("UPDATE documents SET total_tax_incl = '1234.5' WHERE number = ?").run(number);
    return number;
  } finally {
    database.close();
  }
}

describe('Rapprochement', () => {
  it('is in the navigation and shows its form without reading the shop', async () => {
    const browser = await importedBrowser();
    fixture.shop.calls.reset();
    const page = await browser.get('/reconcile');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<a href="/reconcile" aria-current="page">Rapprochement</a>');
    expect(html).toContain('Lancer le rapprochement');
    expect(html).not.toContain('id="reconciliation"');
    expect(fixture.shop.calls.total()).toBe(0);
  });

  it('says the shop and the GesCom agree, then shows a changed total with a link to its document', async () => {
    const browser = await importedBrowser();
    const agreed = await (await browser.get('/reconcile?run=1')).text();
    expect(agreed).toContain('Aucun écart : la boutique et la gestion commerciale concordent.');
    expect(agreed).toMatch(/Du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4} : \d+ commande\(s\)/);

    const number = changeATotal();
    // The default period: the one the import read (a wider one would list the orders it did not read).
    const page = await browser.get('/reconcile?run=1&shop=1');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('1 écart(s) à traiter.');
    expect(html).toContain('<tr data-kind="totals-differ">');
    expect(html).toContain(`href="/documents/${number}"`);
    expect(html).toContain('1\u202f234,50');
    expect(html).toContain('href="/reconcile/report.csv?shop=1"');

    const csv = await browser.get('/reconcile/report.csv?shop=1');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Boutique;Commande;')).toBe(true);
    expect(text).toContain(';totals-differ;');

    await browser.postForm('/language', { _csrf: await browser.csrfToken(), language: 'en', back: '/' });
    const english = await (await browser.get('/reconcile?run=1')).text();
    expect(english).toContain('>Reconciliation</a>');
    expect(english).toContain('Different totals');
    expect(english).toContain('1,234.50');
  });

  it('refuses a day that does not exist or an unknown shop with what to type', async () => {
    const browser = await importedBrowser();
    const badDay = await browser.get('/reconcile?run=1&from=31/02/2026&to=01/03/2026');
    expect(badDay.status).toBe(422);
    const badDayHtml = await badDay.text();
    expect(badDayHtml).toMatch(/du : .*31\/02\/2026/);
    expect(badDayHtml).toContain('value="31/02/2026"');
    const badShop = await browser.get('/reconcile?run=1&shop=9');
    expect(badShop.status).toBe(422);
    expect(await badShop.text()).toContain('boutique inconnue : 9');
  });
});
