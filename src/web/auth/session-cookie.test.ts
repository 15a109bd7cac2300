import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { WebEnv } from '../web-env.js';
import { clientInfo } from './client-info.js';
import {
  clearSessionCookie,
  LOGIN_CSRF_COOKIE,
  readLoginCsrfCookie,
  readSessionCookie,
  sessionCookieName,
  writeLoginCsrfCookie,
  writeSessionCookie,
} from './session-cookie.js';

const app = new Hono<WebEnv>();
app.use('*', clientInfo(false));
app.get('/read', (c) =>
  c.json({
    name: sessionCookieName(c),
    session: readSessionCookie(c) ?? null,
    login: readLoginCsrfCookie(c) ?? null,
  }),
);
app.get('/write', (c) => {
  writeSessionCookie(c, 'session-id', 43_200);
  writeLoginCsrfCookie(c, 'login-token');
  return c.text('written');
});
app.get('/clear', (c) => {
  clearSessionCookie(c);
  return c.text('cleared');
});

async function setCookies(url: string): Promise<string[]> {
  return (await app.request(url)).headers.getSetCookie();
}

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, for the whole site, over http', async () => {
    expect(await setCookies('http://localhost:3000/write')).toEqual([
      'navette_session=session-id; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict',
      'navette_login_csrf=login-token; Max-Age=3600; Path=/login; HttpOnly; SameSite=Strict',
    ]);
  });

  it('is Secure with the __Host- prefix when the browser uses https', async () => {
    expect(await setCookies('https://navette.example.org/write')).toEqual([
      '__Host-navette_session=session-id; Max-Age=43200; Path=/; HttpOnly; Secure; SameSite=Strict',
      'navette_login_csrf=login-token; Max-Age=3600; Path=/login; HttpOnly; Secure; SameSite=Strict',
    ]);
  });

  it('is cleared for the whole site, Secure under https', async () => {
    expect(await setCookies('http://localhost:3000/clear')).toEqual(['navette_session=; Max-Age=0; Path=/']);
    expect(await setCookies('https://navette.example.org/clear')).toEqual([
      '__Host-navette_session=; Max-Age=0; Path=/; Secure',
    ]);
  });

  it('is read under the name that matches the scheme', async () => {
    const cookie = 'navette_session=plain; __Host-navette_session=secure; navette_login_csrf=login';
    const read = async (url: string) => (await app.request(url, { headers: { cookie } })).json();
    expect(await read('http://localhost:3000/read')).toEqual({
      name: 'navette_session',
      session: 'plain',
      login: 'login',
    });
    expect(await read('https://navette.example.org/read')).toEqual({
      name: '__Host-navette_session',
      session: 'secure',
      login: 'login',
    });
    expect(await (await app.request('http://localhost:3000/read')).json()).toEqual({
      name: 'navette_session',
      session: null,
      login: null,
    });
    expect(LOGIN_CSRF_COOKIE).toBe('navette_login_csrf');
  });
});
