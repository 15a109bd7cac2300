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

/** SPEC §2's demo table, row for row. */
const SPEC_TABLE: readonly [string, string, boolean, string, string, string][] = [
  ['1', 'En attente du paiement par chèque', true, 'Devis', 'Saisi', 'Ne pas modifier le statut'],
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
  ['2', 'Paiement accepté', true, 'Commande', 'Confirmé', 'Ne pas modifier le statut'],
  ['3', 'En cours de préparation', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['4', 'Expédié', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['5', 'Livré', true, 'Commande', 'Accepté', 'Ne pas modifier le statut'],
  ['6', 'Annulé', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['7', 'Remboursé', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['8', 'Erreur de paiement', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
  ['9', 'En attente de réapprovisionnement (payé)', false, 'Devis', 'Accepté', 'Ne pas modifier le statut'],
];

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

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
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

  it('shows the history and the documents list', async () => {
    await page.goto(`${server.url}/history`);
    await shot('11-historique');
    await page.locator('#runs a').first().click();
    await page.getByText('Télécharger le rapport (CSV)').waitFor();
    await shot('12-detail-import');
    await page.goto(`${server.url}/documents`);
    await shot('13-documents');
  });

  it('switches to English and stays usable on a tablet', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'History' }).waitFor();
    expect(await page.locator('#state-table th').nth(2).innerText()).toBe('Sélectionné');
    await page.setViewportSize({ width: 800, height: 1100 });
    await shot('14-import-en-tablette');
  });
});
