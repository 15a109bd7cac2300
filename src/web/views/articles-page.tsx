import type { Translate } from '../i18n.js';
import { CsrfField, Layout, Notice, type PageContext } from './layout.js';

/** What the last "Importer le catalogue" said: its counts, or why it could not run. */
export type CatalogueOutcome =
  | {
      readonly kind: 'imported';
      readonly read: number;
      readonly added: number;
      readonly known: number;
      readonly skipped: number;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** The button that loads the shop's catalogue (a few seconds to minutes: the script says it is busy). */
export function ImportCatalogueForm(props: { page: PageContext }) {
  const { t, csrfToken } = props.page;
  return (
    <form method="post" action="/articles/import" class="actions" data-busy-label={t('importCatalogueBusy')}>
      <CsrfField token={csrfToken} />
      <button type="submit" class="import-catalogue">
        {t('importCatalogue')}
      </button>
    </form>
  );
}

/**
 * Said where a shop owner looks first while the GesCom has no articles: every order line would land on
 * DIVERS, with the button that fixes it.
 */
export function EmptyCatalogueNotice(props: { page: PageContext; articleCount: number | undefined }) {
  if (props.articleCount !== 0) return null;
  return (
    <Notice kind="warn">
      <span id="catalogue-empty">{props.page.t('catalogueEmpty')}</span>
      <ImportCatalogueForm page={props.page} />
    </Notice>
  );
}

function OutcomeNotice(props: { outcome: CatalogueOutcome; t: Translate }) {
  const { outcome, t } = props;
  return outcome.kind === 'imported' ? (
    <Notice kind="ok">
      <span id="catalogue-imported">
        {t('catalogueImported', {
          added: outcome.added,
          known: outcome.known,
          skipped: outcome.skipped,
          read: outcome.read,
        })}
      </span>
    </Notice>
  ) : (
    <Notice kind="error">
      <span id="catalogue-failed">{t('catalogueFailed', { message: outcome.message })}</span>
    </Notice>
  );
}

/** The GesCom's articles: how many, and the button that loads the shop's catalogue into them. */
export function ArticlesPage(props: {
  page: PageContext;
  articleCount: number | undefined;
  outcome: CatalogueOutcome | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('articlesTitle')} active={undefined}>
      <p>
        <a href="/">← {t('navImport')}</a>
      </p>
      {props.outcome === undefined ? null : <OutcomeNotice outcome={props.outcome} t={t} />}
      <div class="panel">
        <dl class="facts">
          <dt>{t('articleCountLabel')}</dt>
          <dd id="article-count">{props.articleCount ?? '—'}</dd>
        </dl>
        <p class="help">{t('articlesHelp')}</p>
        {props.articleCount === 0 ? <Notice kind="warn">{t('catalogueEmpty')}</Notice> : null}
        <ImportCatalogueForm page={page} />
      </div>
    </Layout>
  );
}
