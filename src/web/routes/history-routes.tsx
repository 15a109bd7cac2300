import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { HistoryPage, RunPage } from '../views/history-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { collectOutcomes } from './collect-outcomes.js';
import { pageContext } from './page-context.js';
import { OUTCOME_STATUSES } from '../views/labels.js';

const PAGE_SIZE = 50;
const OUTCOMES_SHOWN = 500;

/** A file name without anything a header could choke on. */
function reportName(runId: string, extension: string): string {
  return `navette-import-${runId.replace(/[^A-Za-z0-9_-]/g, '')}.${extension}`;
}

/** Past runs with their journal, failed orders and downloadable reports (JSON, CSV). */
export function registerHistoryRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/history', async (c) => {
    const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
    const runs = await services.navettes.use((navette) => navette.listRuns({ limit: PAGE_SIZE, offset }));
    return c.html(<HistoryPage page={pageContext(c)} runs={runs} offset={offset} pageSize={PAGE_SIZE} />);
  });

  app.get('/history/:runId', async (c) => {
    const runId = c.req.param('runId');
    const shown = c.req.query('outcome');
    const outcome = OUTCOME_STATUSES.find((status) => status === shown);
    const found = await services.navettes.use(async (navette) => {
      const summary = await navette.run(runId);
      if (summary === undefined) return undefined;
      const journal = await navette.runJournal(runId);
      // Every order of the run, or those of one outcome (?outcome=failed).
      const outcomes = await collectOutcomes(
        navette.runOutcomes(runId),
        OUTCOMES_SHOWN,
        (item) => outcome === undefined || item.status === outcome,
      );
      return { summary, journal, outcomes: outcomes.items, truncated: outcomes.truncated, outcome };
    });
    if (found === undefined) return c.notFound();
    return c.html(<RunPage page={pageContext(c)} {...found} />);
  });

  app.get('/history/:runId/report.csv', async (c) => {
    const runId = c.req.param('runId');
    const summary = await services.navettes.use((navette) => navette.run(runId));
    if (summary === undefined) return c.notFound();
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${reportName(runId, 'csv')}"`);
    return stream(c, async (output) => {
      await services.navettes.use(async (navette) => {
        for await (const line of navette.runReportCsv(runId))
          await output.write(services.secrets.redact(line));
      });
    });
  });

  app.get('/history/:runId/report.json', async (c) => {
    const runId = c.req.param('runId');
    const summary = await services.navettes.use((navette) => navette.run(runId));
    if (summary === undefined) return c.notFound();
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${reportName(runId, 'json')}"`);
    return stream(c, async (output) => {
      await services.navettes.use(async (navette) => {
        for await (const chunk of navette.runReportJson(summary))
          await output.write(services.secrets.redact(chunk));
      });
    });
  });
}
