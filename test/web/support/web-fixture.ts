import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNavette } from '../../../src/app/compose.js';
import { starterConfig } from '../../../src/config/defaults.js';
import { saveConfig } from '../../../src/config/load-config.js';
import { createDemoShop, type DemoShop } from '../../../src/demo-shop/index.js';
import { hashPassword } from '../../../src/web/auth/password.js';
import { createWebApp, type WebApp } from '../../../src/web/create-web-app.js';
import type { WebDeps } from '../../../src/web/web-services.js';

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_WEB_TOKEN = 'web-token-for-tests-0123456789';

/** A temp config on the demo shop (the real PrestaShop client and embedded GesCom) and its web deps. */
export interface WebFixture {
  readonly dir: string;
  readonly configPath: string;
  readonly shop: DemoShop;
  readonly env: NodeJS.ProcessEnv;
  readonly deps: WebDeps;
  cleanup(): Promise<void>;
}

export async function createWebFixture(options: { withToken?: boolean } = {}): Promise<WebFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'navette-web-'));
  const shop = createDemoShop({ now: new Date() });
  const configPath = join(dir, 'navette.yaml');
  const starter = starterConfig(shop.url);
  await saveConfig(configPath, {
    ...starter,
    gescom: { target: 'embedded', database: join(dir, 'navette.db') },
    web: { passwordHash: await hashPassword(TEST_PASSWORD), language: 'fr' },
  });
  // The key the shop checks, also in NAVETTE_PS_KEY: no page or answer may ever show it.
  const env: NodeJS.ProcessEnv = {
    NAVETTE_PS_KEY: shop.key,
    ...(options.withToken === true ? { NAVETTE_WEB_TOKEN: TEST_WEB_TOKEN } : {}),
  };
  const deps: WebDeps = {
    configPath,
    env,
    openNavette: (config) => openNavette(config, { fetch: shop.fetch, shopKey: shop.key }),
  };
  return {
    dir,
    configPath,
    shop,
    env,
    deps,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A browser-like client of `app.request()`: keeps cookies, reads CSRF tokens from the pages. */
export class TestBrowser {
  readonly #cookies = new Map<string, string>();
  readonly bodies: { path: string; body: string }[] = [];

  constructor(private readonly app: WebApp) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size > 0)
      headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await this.app.request(`http://127.0.0.1${path}`, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/i.test(cookie)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const body = await response.clone().text();
    this.bodies.push({ path, body });
    return response;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  postForm(
    path: string,
    fields: Record<string, string | readonly string[]>,
    headers: Record<string, string> = {},
  ) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const item of typeof value === 'string' ? [value] : value) form.append(name, item);
    return this.request(path, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** The `_csrf` hidden field of a page. */
  static csrfOf(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (match?.[1] === undefined) throw new Error('no CSRF field on the page');
    return match[1];
  }

  async logIn(password = TEST_PASSWORD): Promise<Response> {
    const page = await (await this.get('/login')).text();
    return this.postForm('/login', { _csrf: TestBrowser.csrfOf(page), password, next: '/' });
  }

  /** Switches the session's pages to `language`, as the header's button does. */
  async switchLanguage(language: 'fr' | 'en'): Promise<void> {
    await this.postForm('/language', { _csrf: await this.csrfToken(), language, back: '/' });
  }

  /** The session's CSRF token, from a signed-in page. */
  async csrfToken(): Promise<string> {
    return TestBrowser.csrfOf(await (await this.get('/settings')).text());
  }
}

export function createTestApp(fixture: WebFixture): WebApp {
  return createWebApp(fixture.deps);
}
