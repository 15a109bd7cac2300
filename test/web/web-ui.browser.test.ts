import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebServer, type RunningWebServer } from '../../src/web/start-web-server.js';
import { TEST_PASSWORD, createWebFixture, type WebFixture } from './support/web-fixture.js';

/**
 * The web UI in a real browser (Debian's Chromium driven by playwright-core), against `navette serve` on
 * the demo shop. Screenshots of each page go to test-output/screenshots/.
 */

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-output/screenshots';
// Debian's Chromium is part of the test set-up (npm run setup:test): missing, it is a failure, never a skip.
if (!existsSync(CHROMIUM))
  throw new Error(
    `Chromium is missing at ${CHROMIUM}: run npm run setup:test (apt-get install -y chromium).`,
  );

/** SPEC §2's demo table, row for row, shown in the shop's id order (1, 2, … 13). */
const SPEC_TABLE: readonly [string, string, boolean, string, string, string][] = [
  ['1', 'En attente du paiement par chèque', true, 'Devis', 'Saisi', 'Ne pas modifier le statut'],
  ['2', 'Paiement accepté', true, 'Commande', 'Confirmé', 'Ne pas modifier le statut'],
  ['3', 'En cours de préparation', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['4', 'Expédié', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['5', 'Livré', true, 'Commande', 'Accepté', 'Ne pas modifier le statut'],
  ['6', 'Annulé', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['7', 'Remboursé', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['8', 'Erreur de paiement', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['9', 'En attente de réapprovisionnement (payé)', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['10', 'En attente de virement bancaire', true, 'Devis', 'Saisi', 'Ne pas modifier le statut'],
  ['11', 'Paiement à distance accepté', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  [
    '12',
    'En attente de réapprovisionnement (non payé)',
    false,
    'Devis',
    'Accepté',
    'En attente du paiement par chèque',
  ],
  ['13', 'En attente de paiement à la livraison', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
];

/**
 * Words that betray a page left half-translated: English ones on a French page, French ones on an
 * English page. Shop data (state and customer names) and the GesCom's words (Devis, Commande, Saisi…)
 * stay as they are in both languages, so none of those is listed.
 */
const ENGLISH_WORDS = [
  'Imported',
  'Skipped',
  'Failed',
  'succeeded',
  'partial',
  'running',
  'Settings',
  'History',
  'Save',
  'Download',
  'Planned',
  'Preview',
  'Outcome',
  'would-import',
  'Selected',
];
const FRENCH_WORDS = [
  'Enregistrer',
  'Paramètres',
  'Historique',
  'Période',
  'Sélectionné',
  'Réussi',
  'Télécharger',
  'Importées',
  'Ignorées',
  'Lues',
  'Prévues',
  'Souche',
  'Règlements',
  'Origine',
  'Durée',
  'Résultat',
  'Motif',
  'Inclure',
  'Changer le statut en',
  'Ne pas modifier',
  'Tester la connexion',
  'envoyé',
  'demandé',
  'numéro de suivi',
  'premier passage',
];

function wordsFound(text: string, words: readonly string[]): string[] {
  return words.filter((word) =>
    new RegExp(`(^|[^\\p{L}-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}-])`, 'u').test(text),
  );
}

/** Elements wider than their container, or sticking out of it: what a cut or overlapping field is. */
async function overflows(page: Page): Promise<string[]> {
  // No DOM types in this project: the browser-side code is a string, its result plain data.
  return page.evaluate(`(() => {
    const found = [];
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.getAttribute('name') ? '[name="' + el.getAttribute('name') + '"]' : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push('page wider than the window: ' + root.scrollWidth);
    for (const el of document.querySelectorAll('main table, main .table-wrap, main td, main th, main input, main select, main fieldset, main .field, main .panel')) {
      if (el.type === 'hidden') continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible' && el.tagName !== 'INPUT' && el.tagName !== 'SELECT')
        found.push(name(el) + ' scrolls: ' + el.scrollWidth + ' > ' + el.clientWidth);
      const parent = el.parentElement;
      if (!parent) continue;
      const box = el.getBoundingClientRect();
      const outer = parent.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > outer.right + 1 || box.left < outer.left - 1)
        found.push(name(el) + ' sticks out of ' + name(parent) + ': ' + Math.round(box.left) + '–' + Math.round(box.right) + ' vs ' + Math.round(outer.left) + '–' + Math.round(outer.right));
    }
    return found;
  })()`);
}

/** "1 234,56 €" → cents. */
function cents(text: string): number {
  const digits = text.replace(/[^\d,-]/g, '').replace(',', '.');
  return Math.round(Number(digits) * 100);
}

describe('web UI in a browser', () => {
  let fixture: WebFixture;
  let server: RunningWebServer;
  let browser: Browser;
  let page: Page;
  /** A bon de commande's page (with its "Transformer" panel) and the delivery made from it. */
  let orderPagePath: string | undefined;
  let deliveryPagePath: string | undefined;

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    await mkdir(`${SCREENSHOTS}/pages`, { recursive: true });
    fixture = await createWebFixture();
    server = await startWebServer({ port: 0, allowNetwork: false, deps: fixture.deps });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fixture?.cleanup();
  });

  it('refuses a wrong password, then signs in', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.url()).toContain('/login');
    await shot('01-login');
    await page.getByLabel('Mot de passe').fill('pas le bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByText('Mot de passe incorrect.').count()).toBe(1);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForSelector('#state-table');
  });

  it('shows the demo state table exactly as SPEC §2', async () => {
    await shot('02-import-des-commandes');
    const rows = page.locator('#state-table tbody tr');
    expect(await rows.count()).toBe(13);
    for (const [index, [id, name, selected, type, status, changeTo]] of SPEC_TABLE.entries()) {
      const row = rows.nth(index);
      const cells = row.locator('td, th');
      expect((await cells.nth(0).innerText()).trim()).toBe(id);
      expect((await cells.nth(1).innerText()).trim()).toBe(name);
      expect(await row.locator('input[type="checkbox"]').isChecked()).toBe(selected);
      const selects = row.locator('select');
      const shown = (n: number) =>
        // No DOM types in this project: the element is described by the one property read.
        selects
          .nth(n)
          .evaluate(
            (select) =>
              (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
          );
      expect(await shown(0)).toBe(type);
      expect(await shown(1)).toBe(status);
      expect(await shown(2)).toBe(changeTo);
    }
    expect(await page.locator('#period-kind').inputValue()).toBe('last-30-days');
    expect(await page.getByLabel('date de la commande').isChecked()).toBe(true);
  });

  it('saves a changed row and keeps it after a reload', async () => {
    const row = page.locator('#state-table tbody tr[data-state-id="3"]');
    await row.locator('input[type="checkbox"]').check();
    await row.getByLabel('Type de document — En cours de préparation').selectOption({ label: 'Commande' });
    await row.getByLabel('Statut du document — En cours de préparation').selectOption({ label: 'Confirmé' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Configuration enregistrée.').waitFor();
    await page.reload();
    const again = page.locator('#state-table tbody tr[data-state-id="3"]');
    expect(await again.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await again.getByLabel('Type de document — En cours de préparation').inputValue()).toBe('order');
    expect(await again.getByLabel('Statut du document — En cours de préparation').inputValue()).toBe(
      'confirmed',
    );
  });

  it('tests the connection and shows the settings pages', async () => {
    await page.goto(`${server.url}/connection`);
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.locator('#connection-report').waitFor();
    expect(await page.content()).not.toContain(fixture.shop.key);
    await shot('03-connexion');
    await page.goto(`${server.url}/payments`);
    await shot('04-reglements');
    await page.goto(`${server.url}/status-updates`);
    await shot('05-statuts');
    await page.goto(`${server.url}/settings`);
    await shot('06-parametres');
  });

  it('previews the import', async () => {
    await page.goto(`${server.url}/preview`);
    await page.getByRole('button', { name: 'Lancer l’aperçu' }).click();
    await page.locator('#outcomes').waitFor();
    await shot('07-apercu');
  });

  it('imports with live progress up to ✓ TERMINÉ and opens a document with its totals', async () => {
    await page.goto(`${server.url}/import-now`);
    await shot('08-importer-maintenant');
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    await page.locator('#live-banner.done').waitFor({ timeout: 60_000 });
    expect((await page.locator('#live-banner').innerText()).trim()).toBe('✓ TERMINÉ');
    expect(Number(await page.locator('[data-count="imported"]').innerText())).toBeGreaterThan(0);
    // Each created document once, no "Commande en cours" left, a journal that says something.
    const numbers = await page.locator('#live-documents a').allInnerTexts();
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await page.locator('#live-current-line').isVisible()).toBe(false);
    expect((await page.locator('#live-journal').innerText()).trim()).not.toBe('');
    await shot('09-import-termine');

    await page.locator('#live-documents a').first().click();
    await page.locator('#document-totals').waitFor();
    const excl = cents(await page.locator('[data-total="excl"]').innerText());
    const tax = cents(await page.locator('[data-total="tax"]').innerText());
    const incl = cents(await page.locator('[data-total="incl"]').innerText());
    expect(incl).toBeGreaterThan(0);
    expect(excl + tax).toBe(incl);
    const number = (await page.locator('#document-header dd').first().innerText()).trim();
    const stored = await server.app.services.navettes.use((navette) => navette.document(number));
    expect(stored?.totals.taxIncl.toFixed(2)).toBe((incl / 100).toFixed(2));
    await shot('10-document');
  });

  it('transforms a bon de commande into a delivery with a tracking number, and the sweep moves the order in the shop', async () => {
    // SPEC §6 set on its page: Livraison → « Expédié », the tracking number copied where empty.
    await page.goto(`${server.url}/status-updates`);
    await page.getByLabel('Bon de livraison', { exact: true }).selectOption({ label: 'Expédié (4)' });
    await page.getByLabel('Reporter le numéro de suivi du bon de livraison sur le transporteur').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Configuration enregistrée.').waitFor();

    const { items } = await server.app.services.navettes.use((navette) =>
      navette.listDocuments({ limit: 1000 }),
    );
    const orderIdOf = (externalKey: string) => Number(externalKey.split('-')[2]);
    const chosen = items.find(
      (item) =>
        item.type === 'order' &&
        item.transformedInto === undefined &&
        !item.cancelled &&
        fixture.shop.data.order(orderIdOf(item.externalKey))?.currentState === 2 &&
        fixture.shop.data.orderCarrier(orderIdOf(item.externalKey)) !== undefined,
    );
    expect(chosen).toBeDefined();
    const orderId = orderIdOf(chosen!.externalKey);
    // Another live bon de commande, for the screenshots of a page with its "Transformer" panel.
    const other = items.find(
      (item) =>
        item.type === 'order' &&
        item.transformedInto === undefined &&
        !item.cancelled &&
        item.number !== chosen!.number,
    );
    orderPagePath = `/documents/${other?.number ?? chosen!.number}`;
    const carrier = fixture.shop.data.orderCarrier(orderId)!;
    fixture.shop.data.replaceOrderCarrier(carrier.id, { trackingNumber: '' }, true);

    await page.goto(`${server.url}/documents/${chosen!.number}`);
    await page.locator('#document-transform').waitFor();
    await shot('16-document-a-transformer');
    await page.getByLabel('Numéro de suivi du transporteur (facultatif)').fill('6A98765432101');
    await page.getByRole('button', { name: 'Transformer en bon de livraison' }).click();
    await page.getByText(`Document créé par transformation de ${chosen!.number}.`).waitFor();
    expect(page.url()).toMatch(/\/documents\/BL\d{5}/);
    expect(await page.getByTestId('tracking-number').innerText()).toBe('6A98765432101');
    deliveryPagePath = new URL(page.url()).pathname;
    await shot('17-bon-de-livraison');
    // The GesCom alone has changed: the shop learns it from the sweep.
    expect(fixture.shop.data.order(orderId)?.currentState).toBe(2);

    await page.goto(`${server.url}/status-updates`);
    await page.getByRole('button', { name: 'Envoyer les statuts maintenant' }).click();
    await page
      .getByText(/1 transformation\(s\) lue\(s\) · 2 envoi\(s\) · 0 non envoyé\(s\) · 0 en échec/)
      .waitFor();
    expect(fixture.shop.data.order(orderId)?.currentState).toBe(4);
    expect(fixture.shop.data.orderCarrier(orderId)?.trackingNumber).toBe('6A98765432101');
    const journal = await page.locator('#status-journal').innerText();
    expect(journal).toContain('6A98765432101');
    expect(journal).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(journal).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The sweep journal names the state, not its id alone.
    expect(journal).toContain('envoyé : état « Expédié » (4)');
    expect(journal).not.toMatch(/état \d+ envoyé/);
    await shot('18-statuts-envoyes');
  });

  it('refuses a tracking number typed for an invoice, in French and in English, and keeps it typed', async () => {
    const number = orderPagePath?.split('/').at(-1);
    expect(number).toMatch(/^BC\d{5}$/);
    await page.goto(`${server.url}${orderPagePath!}`);
    await page.getByLabel('Numéro de suivi du transporteur (facultatif)').fill('6A11111111111');
    await page.getByRole('button', { name: 'Transformer en facture' }).click();
    await page.getByText('le numéro de suivi se met sur un bon de livraison, pas sur une facture').waitFor();
    expect(await page.getByLabel('Numéro de suivi du transporteur (facultatif)').inputValue()).toBe(
      '6A11111111111',
    );
    await shot('19-suivi-refuse');
    // The switch goes back to the page's own address: a GET page, not the refused POST's.
    await page.goto(`${server.url}${orderPagePath!}`);
    await page.locator('header form[action="/language"] button').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${server.url}${orderPagePath!}`);
    await page.getByLabel('Carrier’s tracking number (optional)').fill('6A11111111111');
    await page.getByRole('button', { name: 'Transform into facture' }).click();
    await page
      .getByText('a tracking number goes on a bon de livraison (delivery note), not on a facture')
      .waitFor();
    await shot('19-suivi-refuse-en');
    await page.goto(`${server.url}/status-updates`);
    const journal = await page.locator('#status-journal').innerText();
    expect(journal).toContain('sent: state “Expédié” (4)');
    expect(journal).not.toMatch(/envoyé|numéro de suivi/);
    await shot('19-statuts-en');
    await page.locator('header form[action="/language"] button').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    const stored = await server.app.services.navettes.use((navette) => navette.document(number!));
    expect(stored?.transformedInto).toBeUndefined();
  });

  it('shows the history and the documents list', async () => {
    await page.goto(`${server.url}/history`);
    await shot('11-historique');
    await page.locator('#runs a').first().click();
    await page.getByText('Télécharger le rapport (CSV)').waitFor();
    await shot('12-detail-import');
    await page.goto(`${server.url}/documents`);
    await shot('13-documents');
  });

  it('loads the shop’s catalogue from the import window while the GesCom has no articles', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#catalogue-empty').waitFor();
    await page.getByRole('button', { name: 'Importer le catalogue de la boutique' }).click();
    await page.locator('#catalogue-imported').waitFor({ timeout: 60_000 });
    expect(await page.locator('#catalogue-imported').innerText()).toMatch(
      /^Catalogue importé : \d+ article\(s\) ajouté\(s\)/,
    );
    expect(Number(await page.locator('#article-count').innerText())).toBeGreaterThan(0);
    await shot('15-articles');
    await page.goto(`${server.url}/`);
    expect(await page.locator('#catalogue-empty').count()).toBe(0);
  });

  it('switches to English and stays usable on a tablet', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'History' }).waitFor();
    expect(await page.locator('#state-table th').nth(2).innerText()).toBe('Selected');
    // The GesCom's words stay French (SPEC §2): the document type of state 2 is still "Commande".
    expect(
      await page
        .locator('#state-table tr[data-state-id="2"] select')
        .first()
        .evaluate(
          (select) => (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
        ),
    ).toBe('Commande');
    await page.setViewportSize({ width: 800, height: 1100 });
    await shot('14-import-en-tablette');
  });

  it('shows every page in standards mode, fully translated, with nothing cut or overflowing', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const failedResponses: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}/history`);
    const runPath = await page.locator('#runs a').first().getAttribute('href');
    await page.goto(`${server.url}/documents`);
    const documentPath = await page.locator('#documents tbody a').first().getAttribute('href');
    const pages: readonly [string, string][] = [
      ['import', '/'],
      ['connexion', '/connection'],
      ['parametres', '/settings'],
      ['reglements', '/payments'],
      ['statuts', '/status-updates'],
      ['apercu', '/preview'],
      ['importer-maintenant', '/import-now'],
      ['historique', '/history'],
      ['detail-import', runPath ?? '/history'],
      ['detail-import-echecs', `${runPath ?? '/history'}?outcome=failed`],
      ['documents', '/documents'],
      ['document', documentPath ?? '/documents'],
      ['document-a-transformer', orderPagePath ?? '/documents'],
      ['document-livraison', deliveryPagePath ?? '/documents'],
      ['articles', '/articles'],
      ['rapprochement', '/reconcile?run=1'],
      // A period wider than the import's: the orders it did not read are listed, with what to do.
      ['rapprochement-ecarts', '/reconcile?run=1&from=01/01/2020&to=31/12/2099'],
    ];
    const problems: string[] = [];
    for (const language of ['fr', 'en'] as const) {
      // The language switch is the header's button; the page says which language it is in.
      await page.goto(`${server.url}/`);
      if ((await page.locator('html').getAttribute('lang')) !== language)
        await page.locator('header form[action="/language"] button').click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`);
        if (name === 'apercu') {
          await page.locator('#run-preview').click();
          await page.locator('#outcomes, .notice').first().waitFor();
        }
        await page.screenshot({ path: `${SCREENSHOTS}/pages/${name}-${language}.png`, fullPage: true });
        const where = `${name} (${language})`;
        if ((await page.evaluate('document.compatMode')) !== 'CSS1Compat')
          problems.push(`${where}: quirks mode`);
        for (const overflow of await overflows(page)) problems.push(`${where}: ${overflow}`);
        const text = await page.locator('body').innerText();
        const stray = wordsFound(text, language === 'fr' ? ENGLISH_WORDS : FRENCH_WORDS);
        if (stray.length > 0) problems.push(`${where}: untranslated ${stray.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(failedResponses).toEqual([]);
  }, 240_000);
});
