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

  it('refuses a tracking number typed for anything but a delivery, in the page’s language, and keeps it typed', async () => {
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(303);
    await browser.postForm('/import-now', { _csrf: await browser.csrfToken() });
    await app.services.runs.settle();
    const list = await (await browser.get('/documents?type=order')).text();
    const number = /BC\d{5}/.exec(list)?.[0];
    expect(number).toBeDefined();
    // One form: the tracking field goes with every button, so the server sees what was typed.
    const page = await (await browser.get(`/documents/${number}`)).text();
    const form = /<form[^>]*action="\/documents\/[^"]+\/transform"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
    expect(form).toContain('name="tracking"');
    expect(form).toContain('name="to" value="invoice"');
    expect(form).toContain('name="to" value="delivery"');

    const csrf = await browser.csrfToken();
    const refused = await browser.postForm(`/documents/${number}/transform`, {
      _csrf: csrf,
      to: 'invoice',
      tracking: '6A555',
    });
    expect(refused.status).toBe(422);
    const french = await refused.text();
    expect(french).toContain(
      `Transformation refusée : le numéro de suivi se met sur un bon de livraison, pas sur une facture : transformez ${number} en bon de livraison avec ce numéro, ou videz le champ.`,
    );
    expect(french).toContain('value="6A555"');
    // Nothing was transformed: the bon de commande is still the head of its chain.
    const still = await app.services.navettes.use((navette) => navette.document(number!));
    expect(still?.transformedInto).toBeUndefined();

    await browser.postForm('/language', { _csrf: csrf, language: 'en', back: '/' });
    const english = await (
      await browser.postForm(`/documents/${number}/transform`, {
        _csrf: csrf,
        to: 'invoice',
        tracking: '6A555',
      })
    ).text();
    expect(english).toContain(
      `Transformation refused: a tracking number goes on a bon de livraison (delivery note), not on a facture: transform ${number} into a bon de livraison with that number, or empty the field.`,
    );
    expect(english).not.toContain('le numéro de suivi');
    const backwards = await browser.postForm(`/documents/${number}/transform`, { _csrf: csrf, to: 'quote' });
    expect(await backwards.text()).toContain(
      `Transformation refused: document ${number} is a bon de commande: it cannot become a devis`,
    );
  });

  it('shows the status journal in English on the English page, the states by name', async () => {
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(303);
    const csrf = await browser.csrfToken();
    await browser.postForm('/import-now', { _csrf: csrf });
    await app.services.runs.settle();
    const list = await (await browser.get('/documents?type=order')).text();
    const number = /BC\d{5}/.exec(list)?.[0];
    await browser.postForm(`/documents/${number}/transform`, {
      _csrf: csrf,
      to: 'delivery',
      tracking: '6A777',
    });
    await browser.postForm('/language', { _csrf: csrf, language: 'en', back: '/' });
    const swept = await (await browser.postForm('/status-updates/send', { _csrf: csrf })).text();
    expect(swept).toMatch(/First sweep: only the documents transformed since \d{2}\/\d{2}\/\d{4}/);
    expect(swept).toContain('→ “None”: no state to set');
    expect(swept).toContain('tracking number 6A777 not copied (the “Tracking number” setting is off)');
    expect(swept).not.toMatch(/numéro de suivi|pas de statut|premier passage/);
    expect(swept).toContain('Days of history considered');
  });
});
