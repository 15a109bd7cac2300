import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../ports/clock.js';
import type { WebEnv } from '../web-env.js';
import { AuthLimiter } from './auth-limiter.js';
import { clientInfo } from './client-info.js';
import { requireSession } from './require-session.js';
import { SessionStore } from './sessions.js';

const TOKEN = 'web-token-0123456789abcdef';
const NOW = Date.UTC(2026, 11, 1, 9, 30);
const clock: Clock = { now: () => new Date(NOW), sleep: (ms, signal) => systemClock.sleep(ms, signal) };

/** An app whose one route shows what requireSession put on the context. */
function setup(kind: 'api' | 'page', env: NodeJS.ProcessEnv = { NAVETTE_WEB_TOKEN: TOKEN }, capacity = 5) {
  const sessions = new SessionStore(clock);
  const authLimit = new AuthLimiter(clock, {
    perAddress: { capacity, refillMs: 60_000 },
    global: { capacity: 100, refillMs: 60_000 },
  });
  const app = new Hono<WebEnv>();
  app.use('*', clientInfo(true));
  app.use('*', requireSession({ env, clock, sessions, authLimit }, kind));
  app.all('*', (c) => {
    const session = c.get('session');
    return c.json({
      id: session.id,
      csrfToken: session.csrfToken,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      language: session.language,
      excludedOrders: [...session.excludedOrders],
      lastPreviewRunId: session.lastPreviewRunId ?? null,
      viaBearer: c.get('viaBearer'),
      contextLanguage: c.get('language'),
      title: c.get('t')('messagesNone'),
    });
  });
  const send = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    app.request(`http://localhost:3000${path}`, {
      method,
      headers: { 'x-forwarded-for': '10.0.0.1', ...headers },
    });
  return { sessions, send };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('requireSession with a session cookie', () => {
  it("lets a live session through, in the session's language", async () => {
    const { sessions, send } = setup('page');
    const session = sessions.create('en');
    const response = await send('/runs', { cookie: `navette_session=${session.id}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: session.id,
      csrfToken: session.csrfToken,
      language: 'en',
      viaBearer: false,
      contextLanguage: 'en',
      title: 'none',
    });
  });

  it('reads the __Host- cookie when the browser uses https', async () => {
    const { sessions, send } = setup('api');
    const session = sessions.create('fr');
    const headers = { cookie: `__Host-navette_session=${session.id}`, 'x-forwarded-proto': 'https' };
    expect((await send('/api/runs', headers)).status).toBe(200);
    expect((await send('/api/runs', { cookie: `__Host-navette_session=${session.id}` })).status).toBe(401);
  });

  it('does not count cookie requests against the limit of tries', async () => {
    const { sessions, send } = setup('api', { NAVETTE_WEB_TOKEN: TOKEN }, 1);
    const cookie = `navette_session=${sessions.create('fr').id}`;
    for (let i = 0; i < 3; i += 1) expect((await send('/api/runs', { cookie })).status).toBe(200);
    expect((await send('/api/runs', { cookie: 'navette_session=unknown' })).status).toBe(401);
    expect((await send('/api/runs', { cookie: 'navette_session=unknown' })).status).toBe(401);
    expect((await send('/api/runs', bearer(TOKEN))).status).toBe(200);
  });
});

describe('requireSession without a session', () => {
  it('answers 401 JSON to the API', async () => {
    const { send } = setup('api');
    const response = await send('/api/runs', { cookie: 'navette_session=expired' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthenticated',
      message: 'Connexion requise : ouvrez une session.',
    });
  });

  it('sends a page to the login, to come back to the same page after', async () => {
    const { send } = setup('page');
    const response = await send('/documents?type=facture&page=2');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent('/documents?type=facture&page=2')}`,
    );
  });

  it('sends a form post to the login, to come back to the home page (the form is lost)', async () => {
    const { send } = setup('page');
    const response = await send('/settings?tab=shop', {}, 'POST');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2F');
  });
});

describe('requireSession with a Bearer token', () => {
  it('lets the right token through with a throwaway session, never stored', async () => {
    const { sessions, send } = setup('api');
    const response = await send('/api/runs', bearer(TOKEN), 'POST');
    expect(response.status).toBe(200);
    const { id, csrfToken, ...rest } = (await response.json()) as Record<string, unknown>;
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(csrfToken).toMatch(/^[\w-]{43}$/);
    expect(id).not.toBe(csrfToken);
    expect(rest).toEqual({
      createdAt: NOW,
      lastSeenAt: NOW,
      language: 'fr',
      excludedOrders: [],
      lastPreviewRunId: null,
      viaBearer: true,
      contextLanguage: 'fr',
      title: 'aucun',
    });
    expect(sessions.size).toBe(0);
  });

  it('reads the header in any case and with spaces around the token; the env token is trimmed', async () => {
    const { send } = setup('api', { NAVETTE_WEB_TOKEN: `  ${TOKEN}\n` });
    for (const authorization of [`Bearer ${TOKEN}`, `bearer   ${TOKEN}  `, `BEARER\t${TOKEN}`])
      expect((await send('/api/runs', { authorization })).status, authorization).toBe(200);
  });

  it('refuses a wrong, partial or malformed token', async () => {
    const { send } = setup('api', { NAVETTE_WEB_TOKEN: TOKEN }, 100);
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN} extra`,
      `XBearer ${TOKEN}`,
      `Bearer`,
      TOKEN,
      `Basic ${TOKEN}`,
    ])
      expect((await send('/api/runs', { authorization })).status, authorization).toBe(401);
  });

  it('accepts no Bearer token at all when none is set, nor an empty one', async () => {
    for (const env of [{}, { NAVETTE_WEB_TOKEN: '' }, { NAVETTE_WEB_TOKEN: '   ' }]) {
      const { send } = setup('api', env);
      expect((await send('/api/runs', bearer(TOKEN))).status).toBe(401);
      expect((await send('/api/runs', bearer('x'))).status).toBe(401);
    }
  });

  it('falls back to the cookie when the Bearer token is wrong', async () => {
    const { sessions, send } = setup('api');
    const session = sessions.create('en');
    const response = await send('/api/runs', { ...bearer('wrong'), cookie: `navette_session=${session.id}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: session.id, viaBearer: false });
  });

  it('counts every Bearer try, even when no token is set, and answers 429 once the address is out of tries', async () => {
    const { send } = setup('api', {}, 2);
    expect((await send('/api/runs', bearer('guess-1'))).status).toBe(401);
    expect((await send('/api/runs', bearer('guess-2'))).status).toBe(401);
    const held = await send('/api/runs', bearer('guess-3'));
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('60');
    expect(await held.json()).toEqual({
      error: 'too-many-attempts',
      message: "Trop d'essais de connexion : réessayez dans 60 s.",
    });
    // Another address still has its tries.
    expect((await send('/api/runs', { ...bearer('guess-4'), 'x-forwarded-for': '10.0.0.2' })).status).toBe(
      401,
    );
  });

  it('answers 429 as text to a page', async () => {
    const { send } = setup('page', { NAVETTE_WEB_TOKEN: TOKEN }, 1);
    await send('/runs', bearer('wrong'));
    const held = await send('/runs', bearer(TOKEN));
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('60');
    expect(await held.text()).toBe("Trop d'essais de connexion : réessayez dans 60 s.");
  });

  it('gives a right token its try back: a script is never slowed by its own calls', async () => {
    const { send } = setup('api', { NAVETTE_WEB_TOKEN: TOKEN }, 1);
    for (let i = 0; i < 3; i += 1) expect((await send('/api/runs', bearer(TOKEN))).status).toBe(200);
  });
});
