import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Language, MessageKey, Translate } from '../i18n.js';

/** Without it browsers render in quirks mode; `data:,` as icon spares the /favicon.ico request (a 404). */
const DOCTYPE = raw('<!DOCTYPE html>');

export type PageId =
  | 'import'
  | 'connection'
  | 'settings'
  | 'preview'
  | 'import-now'
  | 'history'
  | 'documents'
  | 'payments'
  | 'status-updates'
  | 'reconcile';

const NAVIGATION: readonly { id: PageId; href: string; label: MessageKey }[] = [
  { id: 'import', href: '/', label: 'navImport' },
  { id: 'connection', href: '/connection', label: 'navConnection' },
  { id: 'settings', href: '/settings', label: 'navSettings' },
  { id: 'preview', href: '/preview', label: 'navPreview' },
  { id: 'import-now', href: '/import-now', label: 'navImportNow' },
  { id: 'history', href: '/history', label: 'navHistory' },
  { id: 'documents', href: '/documents', label: 'navDocuments' },
  { id: 'reconcile', href: '/reconcile', label: 'navReconcile' },
];

export interface PageContext {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  /** The current page's path and query, to come back to after switching language. */
  readonly path: string;
}

/** The hidden field every form of a signed-in page carries (checked by the CSRF middleware). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function Layout(props: {
  page: PageContext;
  title: string;
  active: PageId | undefined;
  children?: Child;
}) {
  const { t, language, csrfToken, path } = props.page;
  return (
    <>
      {DOCTYPE}
      <html lang={language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="csrf-token" content={csrfToken} />
          <title>{`${props.title} — navette`}</title>
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/app.js" defer></script>
        </head>
        <body>
          <a class="skip-link" href="#content">
            {t('skipToContent')}
          </a>
          <header class="top">
            <div class="bar">
              <a class="brand" href="/">
                navette
              </a>
              <span class="tagline">{t('appTagline')}</span>
              <span class="spacer"></span>
              <form method="post" action="/language">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="language" value={language === 'fr' ? 'en' : 'fr'} />
                <input type="hidden" name="back" value={path} />
                <button type="submit" lang={language === 'fr' ? 'en' : 'fr'}>
                  {t('switchLanguage')}
                </button>
              </form>
              <form method="post" action="/logout">
                <CsrfField token={csrfToken} />
                <button type="submit">{t('logout')}</button>
              </form>
            </div>
          </header>
          <nav class="main" aria-label="navette">
            <ul>
              {NAVIGATION.map((item) => (
                <li>
                  <a href={item.href} aria-current={item.id === props.active ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="content" tabindex={-1}>
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** A page for people not signed in (the login page). */
export function BareLayout(props: { language: Language; title: string; children?: Child }) {
  return (
    <>
      {DOCTYPE}
      <html lang={props.language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} — navette`}</title>
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body>
          <main id="content">{props.children}</main>
        </body>
      </html>
    </>
  );
}

export function Notice(props: { kind: 'ok' | 'warn' | 'error'; children?: Child }) {
  return (
    <div class={`notice ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** The message next to an invalid field; its id is what the field's aria-describedby points to. */
export function FieldError(props: { id: string; message: string | undefined }) {
  return props.message === undefined ? null : (
    <span class="field-error" id={props.id}>
      {props.message}
    </span>
  );
}

/** A DOM id derived from a field path (`states[3].documentType` → `f-states-3-documentType`). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}
