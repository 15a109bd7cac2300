import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebApp } from '../../src/web/create-web-app.js';
import { TestBrowser, createTestApp, createWebFixture, type WebFixture } from './support/web-fixture.js';

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

describe('transforming a document on its page', () => {
  it('turns a bon de commande into a bon de livraison with its tracking number, then refuses going back', async () => {
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(303);
    await browser.postForm('/import-now', { _csrf: await browser.csrfToken() });
    await app.services.runs.settle();
    const list = await (await browser.get('/documents?type=order')).text();
    const number = /BC\d{5}/.exec(list)?.[0];
    expect(number).toBeDefined();

    const page = await (await browser.get(`/documents/${number}`)).text();
    expect(page).toContain('Transformer en bon de livraison');
    expect(page).toContain('name="tracking"');

    const csrf = await browser.csrfToken();
    const done = await browser.postForm(`/documents/${number}/transform`, {
      _csrf: csrf,
      to: 'delivery',
      tracking: '6A12345678901',
    });
    expect(done.status).toBe(303);
    const location = done.headers.get('location') ?? '';
    expect(location).toMatch(/^\/documents\/BL\d{5}\?transformed-from=/);
    const delivery = await (await browser.get(location)).text();
    expect(delivery).toContain('6A12345678901');
    expect(delivery).toContain(`Document créé par transformation de ${number}.`);
    expect(delivery).toContain('Transformer en facture');
    expect(delivery).not.toContain('Transformer en bon de commande');

    const again = await browser.postForm(`/documents/${number}/transform`, { _csrf: csrf, to: 'invoice' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('Transformation refusée : le document');

    // "Envoyer les statuts maintenant": the sweep reads the transformation and says why nothing was set.
    const page2 = await (await browser.get('/status-updates')).text();
    expect(page2).toContain('Envoyer les statuts maintenant');
    expect(page2).toMatch(/data-state="4" data-step="3"/);
    const sweep = await browser.postForm('/status-updates/send', { _csrf: csrf });
    expect(sweep.status).toBe(200);
    const swept = await sweep.text();
    expect(swept).toContain('1 transformation(s) lue(s)');
    expect(swept).toContain('« Aucun » : pas de statut à poser');
    expect(swept).toContain('numéro de suivi 6A12345678901 non reporté');
  });
});
