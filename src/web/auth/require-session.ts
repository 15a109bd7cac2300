import type { MiddlewareHandler } from 'hono';
import { translator } from '../i18n.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { secretsEqual } from './secret-compare.js';
import { readSessionCookie } from './session-cookie.js';
import { randomToken, type Session } from './sessions.js';

/** (Header values reach us trimmed: the HTTP parser drops the whitespace around them.) */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Lets through only signed-in requests: a session cookie, or `Authorization: Bearer NAVETTE_WEB_TOKEN`
 * (scripts calling the API). The API answers 401 JSON; pages send the browser to the login page.
 */
export function requireSession(
  services: Pick<WebServices, 'env' | 'clock' | 'sessions' | 'authLimit'>,
  kind: 'api' | 'page',
): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const token = services.env['NAVETTE_WEB_TOKEN']?.trim();
    const bearer = bearerToken(c.req.header('authorization'));
    let session: Session | undefined;
    let viaBearer = false;
    // Every Bearer header is a guess of the token, even when no token is set: the shared limiter first.
    const attempt = bearer === undefined ? undefined : services.authLimit.begin(c.get('client').address);
    if (attempt?.allowed === false) {
      c.header('Retry-After', String(attempt.retryAfterSeconds));
      const message = `Trop d'essais de connexion : réessayez dans ${attempt.retryAfterSeconds} s.`;
      return kind === 'api' ? c.json({ error: 'too-many-attempts', message }, 429) : c.text(message, 429);
    }
    // An empty NAVETTE_WEB_TOKEN matches nothing: a Bearer token has at least one character.
    if (bearer !== undefined && token !== undefined && secretsEqual(bearer, token)) {
      attempt?.succeeded();
      // A script has no cookie jar: a throwaway session, never stored.
      const now = services.clock.now().getTime();
      session = {
        id: randomToken(),
        csrfToken: randomToken(),
        createdAt: now,
        lastSeenAt: now,
        language: 'fr',
        excludedOrders: new Set(),
        lastPreviewRunId: undefined,
      };
      viaBearer = true;
    } else {
      session = services.sessions.get(readSessionCookie(c));
    }
    if (session === undefined) {
      if (kind === 'api')
        return c.json({ error: 'unauthenticated', message: 'Connexion requise : ouvrez une session.' }, 401);
      const url = new URL(c.req.url);
      const next = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/';
      return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    c.set('session', session);
    c.set('viaBearer', viaBearer);
    c.set('language', session.language);
    c.set('t', translator(session.language));
    await next();
  };
}
