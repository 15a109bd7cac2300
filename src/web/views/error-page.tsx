import { translator, type Language } from '../i18n.js';
import { BareLayout, Notice } from './layout.js';

/**
 * A page for an error met before or outside the pages (config unreadable, unknown address…), in the
 * session's language: French when the error comes before any session is known.
 */
export function ErrorPage(props: { language: Language; title: string; message: string }) {
  return (
    <BareLayout language={props.language} title={props.title}>
      <div class="login panel">
        <h1>{props.title}</h1>
        <Notice kind="error">{props.message}</Notice>
        <p>
          <a href="/">navette</a>
        </p>
      </div>
    </BareLayout>
  );
}

/**
 * The page's title says what is out of order: a GesCom database that cannot be used (full disk, read-only,
 * not a database, server down: `storage-*`) stops every page, and is not a bug to look up in a log.
 */
export function errorTitle(code: string, language: Language): string {
  return code.startsWith('storage-') ? translator(language)('gescomUnreachableTitle') : 'navette';
}

/** The error page as an element, for code outside .tsx files. */
export function errorPage(language: Language, title: string, message: string) {
  return <ErrorPage language={language} title={title} message={message} />;
}
