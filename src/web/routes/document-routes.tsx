import type { Hono } from 'hono';
import { ExpectedFailure, isExpectedFailure } from '../../domain/failure.js';
import { parseDocumentType } from '../../domain/input-values.js';
import { DocumentPage, DocumentsPage } from '../views/documents-page.js';
import { transformRefusalText } from '../views/transform-refusal-text.js';
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
    const source = c.req.query('transformed-from');
    const page = pageContext(c);
    const notice =
      source === undefined ? undefined : { kind: 'ok' as const, text: page.t('transformDone', { source }) };
    return c.html(
      <DocumentPage
        page={page}
        document={document}
        transformsInGescom={await transformsInGescom(services)}
        {...(notice ? { notice } : {})}
      />,
    );
  });

  // The GesCom's own transformation, asked on the document page (CSRF-checked like every POST).
  app.post('/documents/:number/transform', async (c) => {
    const number = c.req.param('number');
    const form = await c.req.parseBody();
    const to = parseDocumentType(typeof form['to'] === 'string' ? form['to'] : '');
    const tracking = typeof form['tracking'] === 'string' ? form['tracking'] : '';
    const page = pageContext(c);
    try {
      if (!to.ok) throw new ExpectedFailure('invalid-value', to.message);
      const created = await services.navettes.use((navette) =>
        navette.transformDocument(number, { to: to.value, trackingNumber: tracking }),
      );
      const query = new URLSearchParams({ 'transformed-from': number });
      return c.redirect(`/documents/${encodeURIComponent(created.number)}?${query.toString()}`, 303);
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      const document = await services.navettes.use((navette) => navette.document(number));
      if (document === undefined) return c.notFound();
      c.status(422);
      const inGescom = await transformsInGescom(services);
      // A `to` that is no type is the form's fault, said as the parser said it.
      const reason = to.ok
        ? transformRefusalText(error, document, to.value, page.t, page.language)
        : error.message;
      const text = page.t('transformRefused', { reason });
      return c.html(
        <DocumentPage
          page={page}
          document={document}
          transformsInGescom={inGescom}
          notice={{ kind: 'error', text }}
          trackingNumber={tracking}
        />,
      );
    }
  });
}

/** Dolibarr's documents are transformed in Dolibarr (its shipments, invoices): the page says so. */
async function transformsInGescom(services: WebServices): Promise<boolean> {
  return (await services.configs.current()).gescom.target === 'dolibarr';
}
