import type { Context, Hono } from 'hono';
import type { ArticleImport } from '../../app/navette.js';
import { isExpectedFailure } from '../../domain/failure.js';
import { ArticlesPage, type CatalogueOutcome } from '../views/articles-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { pageContext } from './page-context.js';

/** How many articles the GesCom has; undefined when its database cannot be read (the page still shows). */
export async function articleCount(services: WebServices): Promise<number | undefined> {
  try {
    return await services.navettes.use((navette) => navette.articleCount());
  } catch {
    return undefined;
  }
}

/** The counts of an import, carried by the redirect so that reloading the page imports nothing again. */
function importedQuery(result: ArticleImport): string {
  return new URLSearchParams({
    imported: '1',
    read: String(result.read),
    added: String(result.added),
    known: String(result.alreadyKnown),
    skipped: String(result.skippedWithoutReference),
  }).toString();
}

function importedOutcome(c: Context<WebEnv>): CatalogueOutcome | undefined {
  if (c.req.query('imported') !== '1') return undefined;
  const count = (name: string) => {
    const text = c.req.query(name) ?? '';
    return /^\d{1,9}$/.test(text) ? Number(text) : 0;
  };
  return {
    kind: 'imported',
    read: count('read'),
    added: count('added'),
    known: count('known'),
    skipped: count('skipped'),
  };
}

/**
 * "Importer le catalogue de la boutique": the same use case as `navette articles import`. One import at
 * a time: a second click while one runs waits for it instead of reading the catalogue twice.
 */
export function registerArticleRoutes(app: Hono<WebEnv>, services: WebServices): void {
  let running: Promise<ArticleImport> | undefined;

  const render = async (c: Context<WebEnv>, outcome: CatalogueOutcome | undefined) =>
    c.html(
      <ArticlesPage page={pageContext(c)} articleCount={await articleCount(services)} outcome={outcome} />,
    );

  app.get('/articles', (c) => render(c, importedOutcome(c)));

  app.post('/articles/import', async (c) => {
    running ??= services.navettes
      .use((navette) => navette.importArticles())
      .finally(() => {
        running = undefined;
      });
    try {
      return c.redirect(`/articles?${importedQuery(await running)}`, 303);
    } catch (error) {
      // A missing key, a shop that does not answer, a GesCom that cannot be written: said on the page.
      if (!isExpectedFailure(error)) console.error(error);
      const t = c.get('t');
      const message = isExpectedFailure(error)
        ? services.secrets.redact(error.message)
        : t('catalogueUnexpected');
      c.status(isExpectedFailure(error) ? 503 : 500);
      return render(c, { kind: 'failed', message });
    }
  });
}
