import type { Hono } from 'hono';
import type { JournalEntry, RunSummary } from '../../domain/import-report.js';
import { fatalText } from '../views/failure-text.js';
import { PreviewPage } from '../views/preview-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { collectOutcomes } from './collect-outcomes.js';
import { errorMessage, pageContext, readForm } from './page-context.js';

const SHOWN_LIMIT = 2000;

/** The aperçu (dry run) and the orders unticked in it, kept in the session for the next real run. */
export function registerPreviewRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/preview', async (c) => {
    const session = c.get('session');
    const t = c.get('t');
    const runId = session.lastPreviewRunId;
    let summary: RunSummary | undefined;
    let journal: readonly JournalEntry[] = [];
    let shown = { items: [] as Awaited<ReturnType<typeof collectOutcomes>>['items'], truncated: false };
    let message: { kind: 'ok' | 'warn' | 'error'; text: string } | undefined;
    if (runId !== undefined) {
      try {
        await services.navettes.use(async (navette) => {
          summary = await navette.run(runId);
          if (summary?.fatal !== undefined) journal = await navette.runJournal(runId);
          shown = await collectOutcomes(navette.runOutcomes(runId), SHOWN_LIMIT);
        });
      } catch (error) {
        message = { kind: 'error', text: services.secrets.redact(errorMessage(error)) };
      }
    }
    if (summary?.fatal !== undefined)
      message = {
        kind: 'error',
        text:
          summary.fatal.code === 'run-in-progress'
            ? t('runInProgress')
            : services.secrets.redact(fatalText(summary.fatal, journal, pageContext(c).language)),
      };
    else if (c.req.query('saved') === '1')
      message = { kind: 'ok', text: t('selectionSaved', { count: session.excludedOrders.size }) };
    return c.html(
      <PreviewPage
        page={pageContext(c)}
        summary={summary}
        outcomes={shown.items}
        truncated={shown.truncated}
        excluded={session.excludedOrders}
        message={message}
      />,
    );
  });

  app.post('/preview/run', async (c) => {
    const summary = await services.navettes.use((navette) =>
      navette.runImport({ trigger: 'web', dryRun: true }),
    );
    if (summary.fatal !== undefined) {
      // Nothing to list: say why right away (a run already in progress, the shop down…).
      const { fatal, runId } = summary;
      const journal = await services.navettes.use((navette) => navette.runJournal(runId));
      const text =
        fatal.code === 'run-in-progress'
          ? c.get('t')('runInProgress')
          : services.secrets.redact(fatalText(fatal, journal, c.get('language')));
      c.status(409);
      return c.html(
        <PreviewPage
          page={pageContext(c)}
          summary={undefined}
          outcomes={[]}
          truncated={false}
          excluded={c.get('session').excludedOrders}
          message={{ kind: 'error', text }}
        />,
      );
    }
    c.get('session').lastPreviewRunId = summary.runId;
    return c.redirect('/preview', 303);
  });

  app.post('/preview/selection', async (c) => {
    const body = await readForm(c);
    const included = new Set(body['include'] ?? []);
    const excluded = c.get('session').excludedOrders;
    for (const key of body['shown'] ?? []) {
      if (included.has(key)) excluded.delete(key);
      else excluded.add(key);
    }
    return c.redirect('/preview?saved=1', 303);
  });
}
