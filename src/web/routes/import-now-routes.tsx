import type { Hono } from 'hono';
import { parseShopOrderKey, type ShopOrderKey } from '../../domain/shop-order.js';
import { ImportNowPage, LiveRunPage } from '../views/import-now-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { pageContext } from './page-context.js';

/** The orders unticked in the aperçu, handed to the next real run (then forgotten). */
export function exclusionKeys(excluded: ReadonlySet<string>): ShopOrderKey[] {
  return [...excluded].map(parseShopOrderKey).filter((key): key is ShopOrderKey => key !== undefined);
}

/** "Importer maintenant": starts a real run and shows its live progress. */
export function registerImportNowRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/import-now', (c) =>
    c.html(
      <ImportNowPage
        page={pageContext(c)}
        excludedCount={c.get('session').excludedOrders.size}
        runningId={services.runs.runningId}
      />,
    ),
  );

  app.post('/import-now', (c) => {
    const excluded = c.get('session').excludedOrders;
    const started = services.runs.start({ exclude: exclusionKeys(excluded) });
    // The unticked orders are left out of this run only; a run already going did not get them.
    if (!started.alreadyRunning) excluded.clear();
    const suffix = started.alreadyRunning ? '?already=1' : '';
    return c.redirect(`/import-now/live/${encodeURIComponent(started.id)}${suffix}`, 303);
  });

  app.get('/import-now/live/:id', (c) => {
    const live = services.runs.get(c.req.param('id'));
    if (live === undefined) return c.redirect('/history', 303);
    return c.html(
      <LiveRunPage
        page={pageContext(c)}
        state={live.state}
        alreadyRunning={c.req.query('already') === '1'}
      />,
    );
  });
}
