import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebApp } from '../../src/web/create-web-app.js';
import { createWebApp } from '../../src/web/create-web-app.js';
import { startWebServer, type RunningWebServer } from '../../src/web/start-web-server.js';
import { rawRequest, streamUpload } from './support/raw-http.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import {
  TEST_PASSWORD,
  TEST_WEB_TOKEN,
  TestBrowser,
  createWebFixture,
  type WebFixture,
} from './support/web-fixture.js';

let fixture: WebFixture;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  fixture = await createWebFixture({ withToken: true });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await fixture.cleanup();
});

async function started(options: { hostNames?: readonly string[] } = {}): Promise<RunningWebServer> {
  const server = await startWebServer({ port: 0, allowNetwork: false, deps: fixture.deps, ...options });
  closers.push(() => server.close());
  return server;
}

function appWith(extra: { trustProxy?: boolean; clock?: Clock } = {}): WebApp {
  const app = createWebApp({ ...fixture.deps, ...extra });
  closers.push(() => app.shutdown());
  return app;
}

describe('the Host header (DNS rebinding)', () => {
  it('serves the names the server was started for: loopback names with its port', async () => {
    const server = await started();
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const answer = await rawRequest({ url: `${server.url}/login`, headers: { host } });
      expect(answer.status, host).toBe(200);
    }
  });

  it('refuses any other name, the login included, with a short message', async () => {
    const server = await started();
    const port = new URL(server.url).port;
    const hosts = [
      `evil.example:${port}`,
      'evil.example',
      `localhost.evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      '127.0.0.1:1',
      `127.0.0.1`,
    ];
    for (const host of hosts) {
      for (const [method, path] of [
        ['GET', '/login'],
        ['POST', '/login'],
        ['GET', '/'],
        ['GET', '/api/status'],
        ['GET', '/static/app.css'],
      ] as const) {
        const answer = await rawRequest({
          url: `${server.url}${path}`,
          method,
          headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
          body: method === 'POST' ? `password=${encodeURIComponent(TEST_PASSWORD)}` : undefined,
        });
        expect([400, 421], `${host} ${method} ${path}`).toContain(answer.status);
        expect(answer.body).toContain('--host-name');
        expect(answer.headers['set-cookie']).toBeUndefined();
      }
    }
  });

  it('a page loaded from a rebound name cannot read the UI, even with a stolen session', async () => {
    const server = await started();
    const port = new URL(server.url).port;
    const browser = await logInOver(server.url);
    const answer = await rawRequest({
      url: `${server.url}/`,
      headers: { host: `rebound.evil.example:${port}`, cookie: browser },
    });
    expect(answer.status).toBe(421);
  });

  it('serves the names given with --host-name (a reverse proxy in front)', async () => {
    const server = await started({ hostNames: ['navette.example.org'] });
    const ok = await rawRequest({ url: `${server.url}/login`, headers: { host: 'navette.example.org' } });
    expect(ok.status).toBe(200);
    const refused = await rawRequest({ url: `${server.url}/login`, headers: { host: 'other.example.org' } });
    expect(refused.status).toBe(421);
  });
});

/** Logs in over a real socket; returns the session cookie header. */
async function logInOver(url: string, localAddress?: string): Promise<string> {
  const from = localAddress === undefined ? {} : { localAddress };
  const page = await rawRequest({ url: `${url}/login`, ...from });
  const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
  const answer = await rawRequest({
    url: `${url}/login`,
    method: 'POST',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: TestBrowser.csrfOf(page.body),
      password: TEST_PASSWORD,
      next: '/',
    }).toString(),
    ...from,
  });
  expect(answer.status).toBe(303);
  const session = ([] as string[])
    .concat(answer.headers['set-cookie'] ?? [])
    .find((line) => line.startsWith('navette_session='));
  return session?.split(';')[0] ?? '';
}

describe('request bodies', () => {
  it('answers 413 to a big form before reading it whole, signed in or not', async () => {
    const app = appWith();
    const big = `password=${'a'.repeat(600 * 1024)}`;
    const login = await app.request('http://127.0.0.1/login', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(login.status).toBe(413);
    expect(await login.text()).toContain('trop volumineuse');
    const api = await app.request('http://127.0.0.1/api/runs', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(api.status).toBe(413);
    expect(await api.json()).toMatchObject({ error: 'body-too-large' });
  });

  it('still accepts an ordinary form', async () => {
    const browser = new TestBrowser(appWith());
    expect((await browser.logIn()).status).toBe(303);
  });

  it.each([
    ['a declared 1 GB body', { 'content-length': String(1024 ** 3) }],
    ['an endless chunked body', {}],
  ] as const)('refuses %s on /login without growing memory', async (_name, headers) => {
    const server = await started();
    const before = process.memoryUsage().rss;
    const upload = await streamUpload(`${server.url}/login`, 256 * 1024 * 1024, headers);
    const grown = process.memoryUsage().rss - before;
    expect(upload.status).toBe(413);
    expect(upload.body).toContain('trop volumineuse');
    expect(upload.bytesSent).toBeLessThan(64 * 1024 * 1024);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('?next= after login', () => {
  const BASE = 'http://127.0.0.1';
  const NASTY = [
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/%0d%0aSet-Cookie:%20x=1',
    '/\r\nSet-Cookie: x=1',
    '/\\evil.example',
    '\\/evil.example',
    '\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '/./\\evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/../..//evil.example',
    ' //evil.example',
    '\t//evil.example',
    '\u0000//evil.example',
    '/\u0000/evil.example',
    'https://evil.example/',
    'http:evil.example',
    'HTTP://evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    '/\u2028/evil.example',
    `/${'x'.repeat(10_000)}`,
  ];

  it.each(NASTY.map((value) => [JSON.stringify(value), value]))(
    'never redirects off-site nor fails for %s',
    async (_shown, next) => {
      const browser = new TestBrowser(appWith());
      const loginPage = await browser.get(`/login?next=${encodeURIComponent(next)}`);
      expect(loginPage.status).toBe(200);
      const hidden = /name="next" value="([^"]*)"/.exec(await loginPage.text())?.[1] ?? '';
      expect(new URL(hidden.replaceAll('&amp;', '&'), BASE).origin).toBe(BASE);
      const page = await (await browser.get('/login')).text();
      const answer = await browser.postForm('/login', {
        _csrf: TestBrowser.csrfOf(page),
        password: TEST_PASSWORD,
        next,
      });
      expect(answer.status).toBe(303);
      const location = answer.headers.get('location') ?? '';
      // The browser's own URL parser: it drops tabs and newlines and reads "\" as "/".
      expect(new URL(location, BASE).origin).toBe(BASE);
      expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    },
  );

  it('keeps a same-site path with its query', async () => {
    const browser = new TestBrowser(appWith());
    const page = await (await browser.get('/login')).text();
    const answer = await browser.postForm('/login', {
      _csrf: TestBrowser.csrfOf(page),
      password: TEST_PASSWORD,
      next: '/documents?type=facture&page=2',
    });
    expect(answer.headers.get('location')).toBe('/documents?type=facture&page=2');
  });
});

describe('the session cookie behind an https proxy', () => {
  async function sessionCookieOf(app: WebApp, headers: Record<string, string>): Promise<string> {
    const browser = new TestBrowser(app);
    const page = await (await browser.request('/login', { headers })).text();
    const answer = await browser.postForm(
      '/login',
      { _csrf: TestBrowser.csrfOf(page), password: TEST_PASSWORD, next: '/' },
      headers,
    );
    expect(answer.status).toBe(303);
    return answer.headers.getSetCookie().find((line) => /navette_session=/.test(line)) ?? '';
  }

  it('is Secure (and __Host-) when a trusted proxy says the browser used https', async () => {
    const app = appWith({ trustProxy: true });
    const cookie = await sessionCookieOf(app, { 'x-forwarded-proto': 'https', origin: 'https://127.0.0.1' });
    expect(cookie).toMatch(/^__Host-navette_session=/);
    expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('stays plain over http through the proxy', async () => {
    const cookie = await sessionCookieOf(appWith({ trustProxy: true }), { 'x-forwarded-proto': 'http' });
    expect(cookie).toMatch(/^navette_session=/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('ignores X-Forwarded-Proto unless the proxy is trusted (off by default)', async () => {
    const cookie = await sessionCookieOf(appWith(), { 'x-forwarded-proto': 'https' });
    expect(cookie).toMatch(/^navette_session=/);
    expect(cookie).not.toMatch(/Secure/i);
  });
});

describe('one limit for every way to authenticate', () => {
  it('bounds Bearer token guesses per second, from one address or many', async () => {
    const server = await started();
    const statuses = new Map<number, number>();
    const until = Date.now() + 2_000;
    let sent = 0;
    const client = async (localAddress: string) => {
      while (Date.now() < until) {
        sent += 1;
        const answer = await rawRequest({
          url: `${server.url}/api/status`,
          headers: { authorization: `Bearer guess-${sent}` },
          localAddress,
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    };
    await Promise.all(['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'].map(client));
    // 30 at once, then about one a second: two seconds let through at most about 33 guesses.
    expect(statuses.get(401) ?? 0).toBeLessThanOrEqual(36);
    expect(statuses.get(429) ?? 0).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(40);
    // Whatever came before, the right token works again within a few seconds.
    let right = 0;
    for (let wait = 0; wait < 40 && right !== 200; wait += 1) {
      right = (
        await rawRequest({
          url: `${server.url}/api/status`,
          headers: { authorization: `Bearer ${TEST_WEB_TOKEN}` },
          localAddress: '127.0.0.5',
        })
      ).status;
      if (right !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(right).toBe(200);
  });

  it('accepts the right password from another address during a guessing attack', async () => {
    const server = await started();
    for (let i = 0; i < 8; i += 1)
      await rawRequest({
        url: `${server.url}/api/status`,
        headers: { authorization: 'Bearer wrong' },
        localAddress: '127.0.0.2',
      });
    expect((await logInOver(server.url, '127.0.0.3')).length).toBeGreaterThan(0);
  });

  it('counts the login form and the Bearer token in the same limit', async () => {
    const app = appWith();
    for (let i = 0; i < 5; i += 1) {
      const guessed = await app.request('http://127.0.0.1/api/status', {
        headers: { authorization: 'Bearer wrong' },
      });
      expect(guessed.status).toBe(401);
    }
    const limited = await app.request('http://127.0.0.1/api/status', {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(429);
  });

  it('lets the right password in a few seconds after mistakes from the same address', async () => {
    let now = Date.UTC(2026, 10, 27, 10);
    const clock: Clock = { now: () => new Date(now), sleep: (ms, signal) => systemClock.sleep(ms, signal) };
    const browser = new TestBrowser(appWith({ clock }));
    for (let i = 0; i < 5; i += 1) expect((await browser.logIn('wrong')).status).toBe(401);
    expect((await browser.logIn()).status).toBe(429);
    now += 3_000;
    expect((await browser.logIn()).status).toBe(303);
  });
});

describe('the key file named on the connection page', () => {
  const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

  async function saveKeyFile(browser: TestBrowser, path: string): Promise<Response> {
    return browser.postForm('/connection', {
      _csrf: await browser.csrfToken(),
      'shop.url': fixture.shop.url,
      'shop.keyFile': path,
    });
  }

  it('refuses a file that is not a key, with a French message, and keeps the config', async () => {
    const hostname = join(fixture.dir, 'hostname');
    await writeFile(hostname, 'my-computer\n', { mode: 0o600 });
    const browser = new TestBrowser(appWith());
    await browser.logIn();
    const before = await readFile(fixture.configPath, 'utf8');
    const answer = await saveKeyFile(browser, hostname);
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toContain('ne contient pas une clé webservice');
    expect(page).not.toContain('my-computer');
    expect(await readFile(fixture.configPath, 'utf8')).toBe(before);
  });

  it('accepts a key file, and warns while others can read it', async () => {
    const path = join(fixture.dir, 'ps.key');
    await writeFile(path, `${KEY}\n`);
    await chmod(path, 0o644);
    const browser = new TestBrowser(appWith());
    await browser.logIn();
    expect((await saveKeyFile(browser, path)).status).toBe(303);
    expect(await (await browser.get('/connection')).text()).toContain('chmod 600');
    await chmod(path, 0o600);
    expect(await (await browser.get('/connection')).text()).not.toContain('chmod 600');
  });
});

describe('the key file named on the connection page, on an English page', () => {
  async function inEnglish(): Promise<TestBrowser> {
    const browser = new TestBrowser(appWith());
    await browser.logIn();
    await browser.switchLanguage('en');
    return browser;
  }

  it('refuses a file that does not exist, or is not a key, in English', async () => {
    const browser = await inEnglish();
    const missing = join(fixture.dir, 'no-such.key');
    const refused = await browser.postForm('/connection', {
      _csrf: await browser.csrfToken(),
      'shop.url': fixture.shop.url,
      'shop.keyFile': missing,
    });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain(`The key file ${missing} cannot be read: check its path and its permissions.`);
    expect(page).not.toContain('illisible');
    const empty = join(fixture.dir, 'empty.key');
    await writeFile(empty, '', { mode: 0o600 });
    const invalid = await browser.postForm('/connection', {
      _csrf: await browser.csrfToken(),
      'shop.url': fixture.shop.url,
      'shop.keyFile': empty,
    });
    expect(await invalid.text()).toContain(`The key file ${empty} does not hold a webservice key`);
  });

  it('warns in English while others can read it', async () => {
    const path = join(fixture.dir, 'open.key');
    await writeFile(path, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345\n');
    await chmod(path, 0o644);
    const browser = await inEnglish();
    const saved = await browser.postForm('/connection', {
      _csrf: await browser.csrfToken(),
      'shop.url': fixture.shop.url,
      'shop.keyFile': path,
    });
    expect(saved.status).toBe(303);
    const page = (await (await browser.get('/connection')).text()).replaceAll('&amp;', '&');
    expect(page).toContain(
      `Other users of this computer can read the key file ${path} (permissions 644): restrict it with ` +
        `“chmod 600 ${path}”.`,
    );
    expect(page).not.toContain('lisible par');
  });
});

describe('the secret redactor on real answers', () => {
  it('masks the webservice key on a page that really contains it', async () => {
    const browser = new TestBrowser(appWith());
    await browser.logIn();
    // A mistyped address that quotes the key: the form comes back as typed, key included.
    const answer = await browser.postForm('/connection', {
      _csrf: await browser.csrfToken(),
      'shop.url': `adresse ${fixture.shop.key} fausse`,
    });
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toContain('adresse •••••• fausse');
    expect(page).not.toContain(fixture.shop.key);
  });
});
