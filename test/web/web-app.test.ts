import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { DEMO_KEY } from '../../src/demo-shop/index.js';
import { openNavette } from '../../src/app/compose.js';
import { createWebApp, type WebApp } from '../../src/web/create-web-app.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import {
  TEST_WEB_TOKEN,
  TestBrowser,
  createTestApp,
  createWebFixture,
  type WebFixture,
} from './support/web-fixture.js';

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

async function signedIn(): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  const response = await browser.logIn();
  expect(response.status).toBe(303);
  return browser;
}

describe('login', () => {
  it('refuses a wrong password and keeps the pages closed', async () => {
    const browser = new TestBrowser(app);
    const refused = await browser.logIn('not the password');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Mot de passe incorrect');
    const page = await browser.get('/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);
  });

  it('accepts the right password with a strict, http-only session cookie', async () => {
    const browser = new TestBrowser(app);
    const accepted = await browser.logIn();
    expect(accepted.status).toBe(303);
    const cookie = accepted.headers.getSetCookie().find((line) => line.startsWith('navette_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await browser.get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Paiement accepté');
  });

  it('accepts the web token as a password', async () => {
    const browser = new TestBrowser(app);
    expect((await browser.logIn(TEST_WEB_TOKEN)).status).toBe(303);
    expect((await browser.get('/')).status).toBe(200);
  });

  it('slows down password guessing', async () => {
    // The limiter's own clock, moved by hand: wall time (a loaded machine taking seconds for the five
    // tries) must not refill the bucket behind the test's back.
    let now = Date.parse('2026-11-27T10:00:00Z');
    const clock: Clock = { now: () => new Date(now), sleep: (ms, signal) => systemClock.sleep(ms, signal) };
    const limited = createWebApp({ ...fixture.deps, clock });
    try {
      const browser = new TestBrowser(limited);
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect((await browser.logIn('wrong')).status).toBe(401);
      const refused = await browser.logIn('wrong');
      expect(refused.status).toBe(429);
      // One token comes back every 3 s: that is the wait the limiter asks for, and what it keeps to.
      expect(refused.headers.get('retry-after')).toBe('3');
      now += 2_999;
      expect((await browser.logIn('wrong')).status).toBe(429);
      now += 1;
      expect((await browser.logIn('wrong')).status).toBe(401);
      expect((await browser.logIn('wrong')).status).toBe(429);
    } finally {
      await limited.shutdown();
    }
  });

  it('signs out', async () => {
    const browser = await signedIn();
    const csrf = await browser.csrfToken();
    expect((await browser.postForm('/logout', { _csrf: csrf })).status).toBe(303);
    expect((await browser.get('/')).status).toBe(303);
  });
});

describe('the API', () => {
  const API_ROUTES: readonly [string, string][] = [
    ['GET', '/api/status'],
    ['GET', '/api/states'],
    ['GET', '/api/runs'],
    ['GET', '/api/runs/some-run'],
    ['GET', '/api/live/some-run/events'],
    ['GET', '/api/documents'],
    ['GET', '/api/documents/BC00001'],
    ['POST', '/api/connection/test'],
    ['POST', '/api/runs'],
    ['GET', '/api/no-such-route'],
  ];

  it.each(API_ROUTES)('%s %s answers 401 JSON without a session', async (method, path) => {
    const response = await app.request(`http://127.0.0.1${path}`, { method });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('refuses a wrong bearer token and accepts the right one', async () => {
    const wrong = await app.request('http://127.0.0.1/api/status', {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    const right = await app.request('http://127.0.0.1/api/status', {
      headers: { authorization: `Bearer ${TEST_WEB_TOKEN}` },
    });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ key: 'env' });
  });

  it('needs the CSRF header for state-changing calls of a browser session', async () => {
    const browser = await signedIn();
    const without = await browser.request('/api/connection/test', { method: 'POST' });
    expect(without.status).toBe(403);
    const withToken = await browser.request('/api/connection/test', {
      method: 'POST',
      headers: { 'x-csrf-token': await browser.csrfToken() },
    });
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toMatchObject({ ok: true });
  });
});

describe('CSRF', () => {
  const FORMS = [
    '/',
    '/connection',
    '/connection/test',
    '/payments',
    '/status-updates',
    '/settings',
    '/preview/run',
    '/preview/selection',
    '/import-now',
    '/language',
    '/logout',
    '/documents/BC00001/transform',
    '/status-updates/send',
  ];

  it.each(FORMS)('POST %s without the token is refused with 403', async (path) => {
    const browser = await signedIn();
    const response = await browser.postForm(path, { 'period.kind': 'today' });
    expect(response.status).toBe(403);
  });

  it.each(FORMS)('POST %s with a wrong token is refused with 403', async (path) => {
    const browser = await signedIn();
    const response = await browser.postForm(path, { _csrf: 'forged' });
    expect(response.status).toBe(403);
  });

  it('refuses the login form without its token', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/login');
    expect((await browser.postForm('/login', { password: 'x' })).status).toBe(403);
  });

  it('refuses a form posted from another site even with the token', async () => {
    const browser = await signedIn();
    const csrf = await browser.csrfToken();
    const response = await browser.postForm('/settings', { _csrf: csrf }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, no framing, nosniff and no referrer', async () => {
    const response = await app.request('http://127.0.0.1/login');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('Import des commandes', () => {
  it('shows the 13 states of the shop with the rules of SPEC §2', async () => {
    const browser = await signedIn();
    const html = await (await browser.get('/')).text();
    const rows = html.match(/<tr[^>]*data-state-id="\d+"/g) ?? [];
    expect(rows).toHaveLength(13);
    expect(html).toContain('En attente de réapprovisionnement (non payé)');
    expect(html).toContain('Clé webservice : définie (NAVETTE_PS_KEY)');
    expect(html).toContain('Paramétrer les Règlements');
    expect(html).toContain('Mise à jour des Statuts des Commandes');
  });

  it('saves a changed row through the config schema, atomically, and shows it again', async () => {
    const browser = await signedIn();
    const html = await (await browser.get('/')).text();
    const fields = formFields(html, 'import-window');
    // Row 6 is "En cours de préparation" (id 3): select it as a Commande, Confirmé.
    expect(fields.get('states[6].id')).toEqual(['3']);
    fields.set('states[6].selected', ['on']);
    fields.set('states[6].documentType', ['order']);
    fields.set('states[6].documentStatus', ['confirmed']);
    fields.set('states[6].changeStateTo', ['4']);
    const saved = await browser.postForm('/', Object.fromEntries(fields));
    expect(saved.status).toBe(303);
    const config = parseYaml(await readFile(fixture.configPath, 'utf8')) as {
      states: { id: number; selected: boolean; documentType: string; changeStateTo: number | null }[];
    };
    expect(config.states.find((rule) => rule.id === 3)).toMatchObject({
      selected: true,
      documentType: 'order',
      changeStateTo: 4,
    });
    const again = await (await browser.get('/?saved=1')).text();
    expect(again).toContain('Configuration enregistrée');
  });

  it('puts a validation error next to its field and writes nothing', async () => {
    const browser = await signedIn();
    const before = await readFile(fixture.configPath, 'utf8');
    const fields = formFields(await (await browser.get('/')).text(), 'import-window');
    fields.set('states[3].documentType', ['credit_note']);
    fields.set('period.kind', ['custom']);
    fields.set('period.from', ['2026-02-10']);
    fields.set('period.to', ['2026-01-01']);
    const response = await browser.postForm('/', Object.fromEntries(fields));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="f-states-3-documentType-error"/);
    expect(html).toMatch(/id="f-period-to-error"/);
    expect(await readFile(fixture.configPath, 'utf8')).toBe(before);
  });
});

describe('typed values, read as the command line reads them', () => {
  it('refuses a date that does not exist, next to its field, and writes nothing', async () => {
    const browser = await signedIn();
    const before = await readFile(fixture.configPath, 'utf8');
    const fields = formFields(await (await browser.get('/')).text(), 'import-window');
    fields.set('period.kind', ['custom']);
    fields.set('period.from', ['2026-02-30']);
    fields.set('period.to', ['2026-13-45']);
    const response = await browser.postForm('/', Object.fromEntries(fields));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="f-period-from-error"[^>]*>[^<]*la date 2026-02-30 n&#39;existe pas/);
    expect(html).toMatch(/id="f-period-to-error"/);
    expect(await readFile(fixture.configPath, 'utf8')).toBe(before);
  });

  it('refuses a negative tolerance and control characters in a prefix', async () => {
    const browser = await signedIn();
    const before = await readFile(fixture.configPath, 'utf8');
    const response = await browser.postForm('/settings', {
      _csrf: await browser.csrfToken(),
      'customers.prefix': 'WEB\u001b[31m',
      'totals.roundingTolerance': '-0.01',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="f-customers-prefix-error"[^>]*>[^<]*caractère de contrôle interdit/);
    expect(html).toMatch(/id="f-totals-roundingTolerance-error"[^>]*>[^<]*ne peut pas être négatif/);
    expect(await readFile(fixture.configPath, 'utf8')).toBe(before);
  });
});

describe('the Dolibarr settings', () => {
  it('show the foreign-currency choice only with Dolibarr as the GesCom, and save it', async () => {
    const browser = await signedIn();
    expect(await (await browser.get('/settings')).text()).not.toContain('foreignCurrencyWithoutModule');
    const config = parseYaml(await readFile(fixture.configPath, 'utf8')) as Record<string, unknown>;
    await writeFile(
      fixture.configPath,
      stringifyYaml({ ...config, gescom: { target: 'dolibarr', dolibarr: { url: 'demo://dolibarr' } } }),
    );
    const page = await (await browser.get('/settings')).text();
    expect(page).toContain('name="gescom.dolibarr.foreignCurrencyWithoutModule"');
    expect(page).toContain('Multi-devise');
    const fields = formFields(page, 'settings-form');
    expect(fields.get('gescom.dolibarr.foreignCurrencyWithoutModule')).toEqual(['refuse']);
    fields.set('gescom.dolibarr.foreignCurrencyWithoutModule', ['convert']);
    const saved = await browser.postForm('/settings', Object.fromEntries(fields));
    expect(saved.status).toBe(303);
    const after = parseYaml(await readFile(fixture.configPath, 'utf8')) as {
      gescom: { dolibarr: { foreignCurrencyWithoutModule: string; url: string } };
    };
    expect(after.gescom.dolibarr).toMatchObject({
      foreignCurrencyWithoutModule: 'convert',
      url: 'demo://dolibarr',
    });
  });
});

describe('reading navette’s own data', () => {
  it('shows the documents and the history without a webservice key', async () => {
    // Import once with the key, then open the same files with no key anywhere.
    const browser = await signedIn();
    await browser.postForm('/import-now', { _csrf: await browser.csrfToken() });
    await app.services.runs.settle();
    const keyless = createWebApp({
      configPath: fixture.configPath,
      env: { NAVETTE_WEB_TOKEN: TEST_WEB_TOKEN },
      openNavette: (config) => openNavette(config, { fetch: fixture.shop.fetch, env: {} }),
    });
    try {
      const reader = new TestBrowser(keyless);
      expect((await reader.logIn()).status).toBe(303);
      const documents = await reader.get('/documents');
      expect(documents.status).toBe(200);
      expect(await documents.text()).toMatch(/BC\d{5}/);
      const history = await reader.get('/history');
      expect(history.status).toBe(200);
      const runId = /href="\/history\/([^"]+)"/.exec(await history.text())?.[1];
      expect(runId).toBeDefined();
      expect((await reader.get(`/history/${runId ?? ''}`)).status).toBe(200);
      expect((await reader.get(`/history/${runId ?? ''}/report.csv`)).status).toBe(200);
      // The shop itself does need the key: said plainly, not a crash.
      const window = await reader.get('/');
      expect(window.status).toBe(200);
      expect(await window.text()).toContain('Aucune clé webservice');
    } finally {
      await keyless.shutdown();
    }
  });
});

describe('Tester la connexion', () => {
  it('never says the key has every right when it lacks one', async () => {
    const readOnlyKey = 'READONLYKEY00000000000000000001X';
    fixture.shop.addKey({ key: readOnlyKey, permissions: { '*': ['GET', 'HEAD'] } });
    const limited = createWebApp({
      ...fixture.deps,
      openNavette: (config) => openNavette(config, { fetch: fixture.shop.fetch, shopKey: readOnlyKey }),
    });
    try {
      const browser = new TestBrowser(limited);
      expect((await browser.logIn()).status).toBe(303);
      const response = await browser.postForm('/connection/test', { _csrf: await browser.csrfToken() });
      const html = await response.text();
      expect(html).toContain('Connexion réussie');
      expect(html).not.toContain('La clé a tous les droits');
      expect(html).toMatch(/La clé ne peut pas créer de order_histories/);
    } finally {
      await limited.shutdown();
    }
  });

  it('with Dolibarr, says the shop’s dollars will be refused while Multi-devise is off, and the two ways out', async () => {
    const browser = await signedIn();
    const config = parseYaml(await readFile(fixture.configPath, 'utf8')) as Record<string, unknown>;
    await writeFile(
      fixture.configPath,
      stringifyYaml({ ...config, gescom: { target: 'dolibarr', dolibarr: { url: 'demo://dolibarr' } } }),
    );
    const response = await browser.postForm('/connection/test', { _csrf: await browser.csrfToken() });
    const html = await response.text();
    expect(html).toContain('Connexion réussie');
    expect(html).toMatch(/Devises de la boutique<\/dt>\s*<dd[^>]*>EUR \(par défaut\), USD<\/dd>/);
    expect(html).toContain(
      'La boutique accepte des commandes en USD, mais le module Multi-devise de Dolibarr n’est pas activé : navette refusera ces commandes.',
    );
    expect(html).toContain('« La convertir au taux de la commande »');
    // Same default currency on both sides (EUR): nothing stops the imports.
    expect(html).not.toContain('La devise par défaut de la boutique');
  });
});

describe('no secret reaches the browser', () => {
  it('never shows the webservice key, on any page or answer', async () => {
    const browser = await signedIn();
    const csrf = await browser.csrfToken();
    for (const path of [
      '/',
      '/connection',
      '/settings',
      '/payments',
      '/status-updates',
      '/preview',
      '/import-now',
    ])
      expect((await browser.get(path)).status).toBe(200);
    await browser.postForm('/connection/test', { _csrf: csrf });
    await browser.postForm('/preview/run', { _csrf: csrf });
    await browser.get('/preview');
    const started = await browser.postForm('/import-now', { _csrf: csrf });
    const live = started.headers.get('location') ?? '';
    await app.services.runs.settle();
    await browser.get(live);
    await browser.get(`/api/live/${live.split('/').pop() ?? ''}/events`);
    const history = await (await browser.get('/history')).text();
    const runPath = /href="(\/history\/[^"]+)"/.exec(history)?.[1] ?? '';
    // What the run cost the shop, resource by resource, on its page and in its report.
    expect(await (await browser.get(runPath)).text()).toMatch(
      /Appels par ressource<\/dt>\s*<dd[^>]*>[^<]*\borders \d+/,
    );
    await browser.get(`${runPath}/report.csv`);
    const report = JSON.parse(await (await browser.get(`${runPath}/report.json`)).text()) as {
      outcomes: unknown[];
      webserviceCalls: number;
      webserviceCallsByResource: Record<string, number>;
      gescomCalls: unknown;
    };
    expect(report.outcomes.length).toBeGreaterThan(0);
    expect(report.webserviceCallsByResource['orders']).toBeGreaterThan(0);
    // The embedded GesCom is in navette's database: the report says it cost no call.
    expect(report.gescomCalls).toEqual({ target: 'embedded', total: 0, byResource: {} });
    expect(Object.values(report.webserviceCallsByResource).reduce((a, b) => a + b, 0)).toBe(
      report.webserviceCalls,
    );
    const documents = await (await browser.get('/documents')).text();
    const documentPath = /href="(\/documents\/[^"?]+)"/.exec(documents)?.[1] ?? '';
    expect((await browser.get(documentPath)).status).toBe(200);
    for (const path of ['/api/status', '/api/states', '/api/runs', '/api/documents']) await browser.get(path);
    await browser.request('/api/connection/test', { method: 'POST', headers: { 'x-csrf-token': csrf } });
    await browser.get('/static/app.js');

    expect(browser.bodies.length).toBeGreaterThan(20);
    for (const { path, body } of browser.bodies) {
      expect(body, path).not.toContain(fixture.shop.key);
      expect(body, path).not.toContain(DEMO_KEY);
      expect(body, path).not.toContain(TEST_WEB_TOKEN);
      expect(body, path).not.toMatch(/scrypt\$/);
    }
  });
});

describe('shop data is text, never markup', () => {
  it('escapes a malicious customer name and message in the aperçu, the run and the document', async () => {
    const data = fixture.shop.data;
    const customerId = data.addCustomer({
      shopId: 1,
      firstname: '<script>alert(1)</script>',
      lastname: '<img src=x onerror=alert(2)>',
      email: 'evil@example.com',
      dateAdd: data.nowText(),
    });
    const addressId = data.addAddress({
      customerId,
      firstname: '<script>alert(1)</script>',
      lastname: '<img src=x onerror=alert(2)>',
      address1: '"><svg onload=alert(3)>',
      postcode: '75001',
      city: 'Paris',
      dateAdd: data.nowText(),
    });
    const order = data.addOrder({
      shopId: 1,
      customerId,
      addressDeliveryId: addressId,
      addressInvoiceId: addressId,
      carrierId: 3,
      lines: [{ productId: 1, quantity: 1 }],
      payment: 'card',
      path: [2],
      placedAt: data.nowText(),
    });
    data.addCustomerMessage(order.id, '<script>document.cookie</script>');

    const browser = await signedIn();
    const csrf = await browser.csrfToken();
    await browser.postForm('/preview/run', { _csrf: csrf });
    const preview = await (await browser.get('/preview')).text();
    expect(preview).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    await browser.postForm('/import-now', { _csrf: csrf });
    await app.services.runs.settle();
    const documents = await (await browser.get('/documents?customer=script')).text();
    const documentPath = /href="(\/documents\/[^"?]+)"/.exec(documents)?.[1];
    expect(documentPath).toBeDefined();
    const page = await (await browser.get(documentPath ?? '')).text();
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
    for (const { path, body } of browser.bodies) {
      expect(body, path).not.toContain('<script>alert');
      expect(body, path).not.toContain('<script>document');
      expect(body, path).not.toContain('<img src=x');
      expect(body, path).not.toContain('<svg onload');
    }
  });
});

/** The named fields of one form of a page, as a browser would submit them (checked boxes only). */
export function formFields(html: string, formId: string): Map<string, string[]> {
  const start = html.indexOf(`id="${formId}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = new Map<string, string[]>();
  const add = (name: string, value: string) => fields.set(name, [...(fields.get(name) ?? []), value]);
  for (const match of form.matchAll(/<input([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const name = /name="([^"]*)"/.exec(attributes)?.[1];
    if (name === undefined) continue;
    const type = /type="([^"]*)"/.exec(attributes)?.[1] ?? 'text';
    const value = /value="([^"]*)"/.exec(attributes)?.[1] ?? 'on';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(attributes)) continue;
    add(name, value.replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
  }
  for (const match of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected =
      /<option value="([^"]*)" selected/.exec(match[2] ?? '')?.[1] ??
      /<option value="([^"]*)"/.exec(match[2] ?? '')?.[1];
    if (match[1] !== undefined && selected !== undefined) add(match[1], selected);
  }
  return fields;
}
