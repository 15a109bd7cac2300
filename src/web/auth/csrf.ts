import type { Context, MiddlewareHandler } from 'hono';
import type { WebEnv } from '../web-env.js';
import { secretsEqual } from './secret-compare.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request visibly comes from another site. With `Referrer-Policy: no-referrer` browsers send
 * `Origin: null` even for our own forms, so "null" proves nothing either way; Sec-Fetch-Site, when sent,
 * is the browser's own word. The CSRF token remains the real check.
 */
export function crossOrigin(c: Context<WebEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== 'null' && origin !== c.get('client').origin;
}

/** The token a request carries: the X-CSRF-Token header (API) or the `_csrf` form field (pages). */
export async function submittedCsrfToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header !== undefined) return header;
  // parseBody reads only urlencoded and multipart forms (any other body gives {}), and caches it.
  const body = await c.req.parseBody();
  const field = body['_csrf'];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Every state-changing request of a signed-in browser must carry its session's CSRF token (the cookie
 * alone proves nothing: another site can make the browser send it). Bearer-token requests carry no
 * ambient credential and need none.
 */
export const csrfProtection: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (!STATE_CHANGING.has(c.req.method) || c.get('viaBearer')) return next();
  const token = await submittedCsrfToken(c);
  if (crossOrigin(c) || token === undefined || !secretsEqual(token, c.get('session').csrfToken)) {
    const message = 'Requête refusée (jeton CSRF absent ou invalide) : rechargez la page et recommencez.';
    return c.req.path.startsWith('/api/') ? c.json({ error: 'csrf', message }, 403) : c.text(message, 403);
  }
  await next();
};
