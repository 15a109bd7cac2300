import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../ports/clock.js';
import type { WebEnv } from '../web-env.js';
import { clientInfo } from './client-info.js';
import { crossOrigin, csrfProtection, submittedCsrfToken } from './csrf.js';
import { SessionStore } from './sessions.js';

const ORIGIN = 'http://localhost:3000';

describe('crossOrigin', () => {
  const app = new Hono<WebEnv>();
  app.use('*', clientInfo(false));
  app.get('/', (c) => c.json(crossOrigin(c)));

  async function isCrossOrigin(headers: Record<string, string>): Promise<boolean> {
    return (await (await app.request(`${ORIGIN}/`, { headers })).json()) as boolean;
  }

  it("believes the browser's Sec-Fetch-Site", async () => {
    expect(await isCrossOrigin({ 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(await isCrossOrigin({ 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(await isCrossOrigin({ 'sec-fetch-site': 'same-origin', origin: ORIGIN })).toBe(false);
    expect(await isCrossOrigin({ 'sec-fetch-site': 'none' })).toBe(false);
  });

  it('compares Origin with the origin the browser sees; "null" and no Origin prove nothing', async () => {
    expect(await isCrossOrigin({})).toBe(false);
    expect(await isCrossOrigin({ origin: 'null' })).toBe(false);
    expect(await isCrossOrigin({ origin: ORIGIN })).toBe(false);
    expect(await isCrossOrigin({ origin: 'http://evil.example' })).toBe(true);
    expect(await isCrossOrigin({ origin: 'https://localhost:3000' })).toBe(true);
    expect(await isCrossOrigin({ 'sec-fetch-site': 'same-origin', origin: 'http://evil.example' })).toBe(
      true,
    );
  });
});

describe('submittedCsrfToken', () => {
  const app = new Hono();
  app.post('/', async (c) => c.json({ token: (await submittedCsrfToken(c)) ?? null }));

  async function tokenOf(init: RequestInit): Promise<string | null> {
    const response = await app.request(`${ORIGIN}/`, { method: 'POST', ...init });
    return ((await response.json()) as { token: string | null }).token;
  }

  it('reads the X-CSRF-Token header first (API calls)', async () => {
    const body = new URLSearchParams({ _csrf: 'from-form' });
    expect(await tokenOf({ headers: { 'x-csrf-token': 'from-header' }, body })).toBe('from-header');
    expect(await tokenOf({ headers: { 'x-csrf-token': '' }, body })).toBe('');
  });

  it('reads the _csrf field of a form, urlencoded or multipart', async () => {
    expect(await tokenOf({ body: new URLSearchParams({ _csrf: 'url-form', other: 'x' }) })).toBe('url-form');
    const multipart = new FormData();
    multipart.set('_csrf', 'multipart-form');
    expect(await tokenOf({ body: multipart })).toBe('multipart-form');
    const withCharset = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };
    expect(await tokenOf({ headers: withCharset, body: '_csrf=charset-form' })).toBe('charset-form');
  });

  it('finds none in a form without the field, a file field, or another kind of body', async () => {
    expect(await tokenOf({ body: new URLSearchParams({ other: 'x' }) })).toBeNull();
    const withFile = new FormData();
    withFile.set('_csrf', new Blob(['file-token']), 'token.txt');
    expect(await tokenOf({ body: withFile })).toBeNull();
    const json = { 'content-type': 'application/json' };
    expect(await tokenOf({ headers: json, body: JSON.stringify({ _csrf: 'json' }) })).toBeNull();
    const upper = { 'content-type': 'Application/X-WWW-Form-Urlencoded' };
    expect(await tokenOf({ headers: upper, body: '_csrf=upper-form' })).toBe('upper-form');
    const text = { 'content-type': 'text/plain; x=application/x-www-form-urlencoded' };
    expect(await tokenOf({ headers: text, body: '_csrf=text' })).toBeNull();
    expect(await tokenOf({ body: '_csrf=none', headers: {} })).toBeNull();
  });
});

describe('csrfProtection', () => {
  const sessions = new SessionStore(systemClock);
  const session = sessions.create('fr');
  const app = new Hono<WebEnv>();
  app.use('*', clientInfo(false));
  app.use('*', async (c, next) => {
    c.set('session', session);
    if (c.req.header('x-test-bearer') === 'yes') c.set('viaBearer', true);
    await next();
  });
  app.use('*', csrfProtection);
  app.all('*', (c) => c.text('done'));

  const refusal = 'Requête refusée (jeton CSRF absent ou invalide) : rechargez la page et recommencez.';

  async function send(method: string, path: string, headers: Record<string, string> = {}) {
    return app.request(`${ORIGIN}${path}`, { method, headers });
  }

  it('lets reads through without a token', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect((await send(method, '/runs')).status, method).toBe(200);
  });

  it('refuses a state change without the token, as text for a page and JSON under /api/', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const page = await send(method, '/settings');
      expect(page.status, method).toBe(403);
      expect(await page.text()).toBe(refusal);
      const api = await send(method, '/api/runs');
      expect(api.status, method).toBe(403);
      expect(await api.json()).toEqual({ error: 'csrf', message: refusal });
    }
  });

  it("lets a state change through with the session's token only", async () => {
    const right = await send('POST', '/settings', { 'x-csrf-token': session.csrfToken });
    expect(right.status).toBe(200);
    expect(await right.text()).toBe('done');
    expect((await send('POST', '/settings', { 'x-csrf-token': `${session.csrfToken}x` })).status).toBe(403);
    expect((await send('POST', '/settings', { 'x-csrf-token': '' })).status).toBe(403);
  });

  it('refuses a cross-site request even with the right token', async () => {
    const headers = { 'x-csrf-token': session.csrfToken, 'sec-fetch-site': 'cross-site' };
    expect((await send('POST', '/settings', headers)).status).toBe(403);
  });

  it('asks no token of a Bearer-token request (no cookie, nothing ambient to abuse)', async () => {
    const response = await send('POST', '/api/runs', { 'x-test-bearer': 'yes' });
    expect(response.status).toBe(200);
  });
});
