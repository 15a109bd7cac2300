import type { Hono } from 'hono';
import { DocumentPage, DocumentsPage } from '../views/documents-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { documentFilter, filterQuery } from './document-filter.js';
import { pageContext } from './page-context.js';

const PAGE_SIZE = 50;

/** The embedded GesCom's documents: a filterable list and each document's page. */
export function registerDocumentRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/documents', async (c) => {
    const filter = documentFilter((name) => c.req.query(name));
    const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
    const { items, total } = await services.navettes.use((navette) =>
      navette.listDocuments({ ...filter, limit: PAGE_SIZE, offset }),
    );
    return c.html(
      <DocumentsPage
        page={pageContext(c)}
        filter={filter}
        items={items}
        total={total}
        offset={offset}
        pageSize={PAGE_SIZE}
        query={filterQuery(filter)}
      />,
    );
  });

  app.get('/documents/:number', async (c) => {
    const document = await services.navettes.use((navette) => navette.document(c.req.param('number')));
    if (document === undefined) return c.notFound();
    return c.html(<DocumentPage page={pageContext(c)} document={document} />);
  });
}
