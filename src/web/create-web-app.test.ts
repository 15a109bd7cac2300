import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TestBrowser,
  createTestApp,
  createWebFixture,
  type WebFixture,
} from '../../test/web/support/web-fixture.js';
import type { WebApp } from './create-web-app.js';

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

async function signedIn(language: 'fr' | 'en'): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  expect((await browser.logIn()).status).toBe(303);
  await browser.switchLanguage(language);
  return browser;
}

describe('the page of an unknown address', () => {
  it('is in the session’s language', async () => {
    const english = await (await signedIn('en')).get('/nope');
    expect(english.status).toBe(404);
    const page = await english.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('This page does not exist.');
    expect(page).not.toContain('n’existe pas');

    const french = await (await signedIn('fr')).get('/nope');
    expect(french.status).toBe(404);
    expect(await french.text()).toContain('Cette page n’existe pas.');
  });

  it('is in the session’s language for a run or a document that does not exist', async () => {
    const browser = await signedIn('en');
    for (const path of ['/history/no-such-run', '/documents/XX99999']) {
      const response = await browser.get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This page does not exist.');
    }
  });

  it('answers the API in JSON, as before', async () => {
    const browser = await signedIn('en');
    const response = await browser.get('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found' });
  });
});

describe('the page of a failure', () => {
  it('is in the session’s language, title and message', async () => {
    // The GesCom's database is not one: every page that reads it stops on the error page.
    await writeFile(join(fixture.dir, 'navette.db'), 'not a database '.repeat(400));
    const english = await (await signedIn('en')).get('/history');
    expect(english.status).toBe(503);
    const page = (await english.text()).replaceAll('&quot;', '"');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Sales management unreachable</h1>');
    expect(page).toContain('is not a readable sales management database');
    const french = await (await signedIn('fr')).get('/history');
    expect(french.status).toBe(503);
    const pageFr = await french.text();
    expect(pageFr).toContain('<h1>Gestion commerciale inaccessible</h1>');
    expect(pageFr).toContain('n&#39;est pas une base de gestion commerciale lisible');
  });
});
