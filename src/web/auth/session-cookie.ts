import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { WebEnv } from '../web-env.js';

/**
 * The session cookie: a random id only (the session lives on the server), HttpOnly, SameSite=Strict, and
 * Secure with the __Host- prefix when the browser uses https (through a trusted proxy: see clientInfo).
 */
function isHttps(c: Context<WebEnv>): boolean {
  return c.get('client').https;
}

export function sessionCookieName(c: Context<WebEnv>): string {
  return isHttps(c) ? '__Host-navette_session' : 'navette_session';
}

export function readSessionCookie(c: Context<WebEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c));
}

export function writeSessionCookie(c: Context<WebEnv>, id: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookieName(c), id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context<WebEnv>): void {
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: isHttps(c) });
}

/** The login form's CSRF token (double submit: cookie + hidden field), before any session exists. */
export const LOGIN_CSRF_COOKIE = 'navette_login_csrf';

export function readLoginCsrfCookie(c: Context<WebEnv>): string | undefined {
  return getCookie(c, LOGIN_CSRF_COOKIE);
}

export function writeLoginCsrfCookie(c: Context<WebEnv>, token: string): void {
  setCookie(c, LOGIN_CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/login',
    maxAge: 60 * 60,
  });
}
