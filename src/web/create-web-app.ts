import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { isExpectedFailure } from '../domain/failure.js';
import { systemClock } from '../app/compose.js';
import { csrfProtection } from './auth/csrf.js';
import { AllowedHosts, checkHost } from './auth/allowed-hosts.js';
import { AuthLimiter } from './auth/auth-limiter.js';
import { clientInfo } from './auth/client-info.js';
import { requireSession } from './auth/require-session.js';
import { SessionStore } from './auth/sessions.js';
import { ConfigHolder } from './config-holder.js';
import { bodySizeLimit } from './body-size-limit.js';
import { NavetteHolder } from './navette-holder.js';
import { redactResponses } from './redact-responses.js';
import { registerApiRoutes } from './routes/api-routes.js';
import { registerArticleRoutes } from './routes/article-routes.js';
import { registerConnectionRoutes } from './routes/connection-routes.js';
import { registerDocumentRoutes } from './routes/document-routes.js';
import { registerHistoryRoutes } from './routes/history-routes.js';
import { registerImportNowRoutes } from './routes/import-now-routes.js';
import { registerImportWindowRoutes } from './routes/import-window-routes.js';
import { registerLoginRoutes, registerSessionActions } from './routes/login-routes.js';
import { registerPaymentRoutes } from './routes/payment-routes.js';
import { registerPreviewRoutes } from './routes/preview-routes.js';
import { registerReconcileRoutes } from './routes/reconcile-routes.js';
import { registerSettingsRoutes } from './routes/settings-routes.js';
import { registerStaticRoutes } from './routes/static-routes.js';
import { registerStatusUpdateRoutes } from './routes/status-update-routes.js';
import { RunManager } from './run-manager.js';
import { SecretRedactor } from './secret-redactor.js';
import { securityHeaders } from './security-headers.js';
import { errorPage, errorTitle } from './views/error-page.js';
import { failureText } from './views/failure-text.js';
import { translator, type Language } from './i18n.js';
import type { WebEnv } from './web-env.js';
import type { WebDeps, WebServices } from './web-services.js';

export type { WebDeps } from './web-services.js';

/**
 * The language of a page drawn outside the routes (an unknown address, an error): the session's, as
 * every page; French when the request did not get as far as its session (an error before it).
 */
function pageLanguage(c: Context<WebEnv>): Language {
  const language: Language | undefined = c.get('language');
  return language ?? 'fr';
}

/** The web app plus what its owner must shut down. */
export type WebApp = Hono<WebEnv> & { readonly services: WebServices; shutdown(): Promise<void> };

/**
 * The web UI of `navette serve`: server-rendered pages (hono/jsx), a JSON API under /api/ and the live
 * progress of imports. Everything but the login page, the stylesheet and the script needs a session.
 */
export function createWebApp(deps: WebDeps): WebApp {
  const env = deps.env ?? process.env;
  const clock = deps.clock ?? systemClock;
  const configs = new ConfigHolder(deps.configPath);
  const navettes = new NavetteHolder(configs, (config) => deps.openNavette(config));
  const secrets = new SecretRedactor(env);
  const services: WebServices = {
    env,
    clock,
    configs,
    navettes,
    sessions: new SessionStore(clock),
    authLimit: new AuthLimiter(clock),
    runs: new RunManager(navettes),
    secrets,
  };
  // The key file's content is a secret too: learn it as soon as the config can be read.
  void configs.current().then(
    (config) => secrets.learn(config),
    () => undefined,
  );

  const app = new Hono<WebEnv>();
  app.use('*', securityHeaders);
  app.use('*', redactResponses(secrets));
  // Before anything reads a body or a secret: the Host name, the body's size, who is asking.
  app.use('*', checkHost(deps.allowedHosts ?? AllowedHosts.loopbackOnly()));
  app.use('*', bodySizeLimit);
  app.use('*', clientInfo(deps.trustProxy === true));
  registerStaticRoutes(app as unknown as Hono);
  registerLoginRoutes(app, services);

  const requirePageSession = requireSession(services, 'page');
  const requireApiSession = requireSession(services, 'api');
  const guardSession: MiddlewareHandler<WebEnv> = (c, next) =>
    (c.req.path.startsWith('/api/') ? requireApiSession : requirePageSession)(c, next);
  app.use('*', guardSession);
  app.use('*', csrfProtection);

  registerSessionActions(app, services);
  registerApiRoutes(app, services);
  registerImportWindowRoutes(app, services);
  registerConnectionRoutes(app, services);
  registerPaymentRoutes(app, services);
  registerStatusUpdateRoutes(app, services);
  registerSettingsRoutes(app, services);
  registerPreviewRoutes(app, services);
  registerImportNowRoutes(app, services);
  registerHistoryRoutes(app, services);
  registerDocumentRoutes(app, services);
  registerArticleRoutes(app, services);
  registerReconcileRoutes(app, services);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: 'not-found', message: 'Adresse inconnue.' }, 404);
    const language = pageLanguage(c);
    return c.html(errorPage(language, '404', translator(language)('pageNotFound')), 404);
  });
  app.onError((error, c) => {
    const expected = isExpectedFailure(error);
    const language = pageLanguage(c);
    if (!expected) console.error(error);
    const status = expected ? 503 : 500;
    if (c.req.path.startsWith('/api/')) {
      const message = secrets.redact(
        expected ? error.message : 'Erreur interne : voir le journal du serveur.',
      );
      return c.json({ error: expected ? error.code : 'internal', message }, status);
    }
    const message = secrets.redact(
      expected ? failureText(error, language) : translator(language)('internalError'),
    );
    return c.html(
      errorPage(language, expected ? errorTitle(error.code, language) : 'navette', message),
      status,
    );
  });

  return Object.assign(app, {
    services,
    async shutdown(): Promise<void> {
      await services.runs.settle();
      await navettes.close();
    },
  });
}
