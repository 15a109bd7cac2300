import type { Hono } from 'hono';
import { crossOrigin } from '../auth/csrf.js';
import { localPath } from '../auth/local-path.js';
import { verifyPassword } from '../auth/password.js';
import { secretsEqual } from '../auth/secret-compare.js';
import {
  clearSessionCookie,
  readLoginCsrfCookie,
  readSessionCookie,
  writeLoginCsrfCookie,
  writeSessionCookie,
} from '../auth/session-cookie.js';
import { randomToken } from '../auth/sessions.js';
import { isLanguage, translator, type Language } from '../i18n.js';
import { BareLayout, Notice } from '../views/layout.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';

async function defaultLanguage(services: WebServices, requested: string | undefined): Promise<Language> {
  if (isLanguage(requested)) return requested;
  return services.configs.current().then(
    (config) => config.web.language,
    () => 'fr' as const,
  );
}

async function hasSecret(services: WebServices): Promise<boolean> {
  if ((services.env['NAVETTE_WEB_TOKEN']?.trim() ?? '') !== '') return true;
  return services.configs.current().then(
    (config) => config.web.passwordHash !== undefined,
    () => false,
  );
}

/** Whether `password` is the configured password or the web token. */
async function passwordAccepted(services: WebServices, password: string): Promise<boolean> {
  const token = services.env['NAVETTE_WEB_TOKEN']?.trim();
  if (token !== undefined && token !== '' && secretsEqual(password, token)) return true;
  const hash = await services.configs.current().then(
    (config) => config.web.passwordHash,
    () => undefined,
  );
  return hash !== undefined && password !== '' && (await verifyPassword(password, hash));
}

function LoginPage(props: {
  language: Language;
  csrfToken: string;
  next: string;
  message: { kind: 'warn' | 'error'; text: string } | undefined;
  canLogIn: boolean;
}) {
  const t = translator(props.language);
  const other: Language = props.language === 'fr' ? 'en' : 'fr';
  return (
    <BareLayout language={props.language} title={t('loginTitle')}>
      <div class="login panel">
        <h1>{t('loginTitle')}</h1>
        {props.message === undefined ? null : <Notice kind={props.message.kind}>{props.message.text}</Notice>}
        {props.canLogIn ? (
          <form method="post" action="/login">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <input type="hidden" name="next" value={props.next} />
            <input type="hidden" name="language" value={props.language} />
            <p class="help">{t('loginHelp')}</p>
            <div class="field">
              <label for="password">{t('password')}</label>
              <input
                type="password"
                id="password"
                name="password"
                autocomplete="current-password"
                required
                autofocus
              />
            </div>
            <div class="actions">
              <button type="submit">{t('signIn')}</button>
              <a href={`/login?lang=${other}&next=${encodeURIComponent(props.next)}`} lang={other}>
                {t('switchLanguage')}
              </a>
            </div>
          </form>
        ) : (
          <Notice kind="error">{t('loginNoSecret')}</Notice>
        )}
      </div>
    </BareLayout>
  );
}

export function registerLoginRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/login', async (c) => {
    if (services.sessions.get(readSessionCookie(c)) !== undefined) return c.redirect('/', 303);
    const language = await defaultLanguage(services, c.req.query('lang'));
    const csrfToken = readLoginCsrfCookie(c) ?? randomToken();
    writeLoginCsrfCookie(c, csrfToken);
    return c.html(
      <LoginPage
        language={language}
        csrfToken={csrfToken}
        next={localPath(c.req.query('next'))}
        message={undefined}
        canLogIn={await hasSecret(services)}
      />,
    );
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
    const language = await defaultLanguage(services, field('language'));
    const t = translator(language);
    const next = localPath(field('next'));
    const cookieToken = readLoginCsrfCookie(c);
    const formToken = field('_csrf');
    if (
      crossOrigin(c) ||
      cookieToken === undefined ||
      formToken === undefined ||
      !secretsEqual(formToken, cookieToken)
    )
      return c.text('Requête refusée (jeton CSRF absent ou invalide) : rechargez la page de connexion.', 403);

    const render = (status: 401 | 429, text: string) => {
      c.status(status);
      return c.html(
        <LoginPage
          language={language}
          csrfToken={cookieToken}
          next={next}
          message={{ kind: status === 429 ? 'warn' : 'error', text }}
          canLogIn={true}
        />,
      );
    };
    const attempt = services.authLimit.begin(c.get('client').address);
    if (!attempt.allowed) {
      c.header('Retry-After', String(attempt.retryAfterSeconds));
      return render(429, t('loginTooMany', { seconds: attempt.retryAfterSeconds }));
    }
    if (!(await passwordAccepted(services, field('password') ?? ''))) return render(401, t('loginRefused'));
    attempt.succeeded();
    // A new id at every login: a session id planted before login is worth nothing after.
    services.sessions.destroy(readSessionCookie(c));
    const session = services.sessions.create(language);
    writeSessionCookie(c, session.id, services.sessions.maxAgeSeconds);
    return c.redirect(next, 303);
  });
}

/** Sign-out and the language switch: signed-in, CSRF-checked forms of the layout. */
export function registerSessionActions(app: Hono<WebEnv>, services: WebServices): void {
  app.post('/logout', (c) => {
    services.sessions.destroy(c.get('session').id);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });
  app.post('/language', async (c) => {
    const body = await c.req.parseBody();
    const requested = body['language'];
    if (isLanguage(requested)) c.get('session').language = requested;
    return c.redirect(localPath(typeof body['back'] === 'string' ? body['back'] : undefined), 303);
  });
}
