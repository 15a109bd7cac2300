import type { Context, Hono } from 'hono';
import type { ReconcileOptions } from '../../app/navette.js';
import { isExpectedFailure } from '../../domain/failure.js';
import { parseDay, parseIdList, parsePeriod } from '../../domain/input-values.js';
import type { ReconciliationReport } from '../../domain/reconciliation.js';
import { ReconcilePage, type ReconcileRequestFields } from '../views/reconcile-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { pageContext } from './page-context.js';

/**
 * "Rapprochement": a GET form (it reads, changes nothing), the report under it, and the same report as
 * CSV. Values are read by the parsers the CLI uses; a bad one is said, not guessed.
 */
export function registerReconcileRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/reconcile', async (c) => {
    const fields = fieldsOf(c);
    const render = (report: ReconciliationReport | undefined, error: string | undefined) =>
      c.html(
        <ReconcilePage
          page={pageContext(c)}
          fields={fields}
          report={report}
          error={error === undefined ? undefined : services.secrets.redact(error)}
          csvLink={report === undefined ? undefined : csvLinkOf(fields)}
        />,
      );
    if (c.req.query('run') === undefined) return render(undefined, undefined);
    const request = requestOf(fields);
    if (!request.ok) {
      c.status(422);
      return render(undefined, request.message);
    }
    try {
      return render(await services.navettes.use((navette) => navette.reconcile(request.value)), undefined);
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      c.status(error.code === 'invalid-value' ? 422 : 502);
      return render(undefined, error.message);
    }
  });

  app.get('/reconcile/report.csv', async (c) => {
    const request = requestOf(fieldsOf(c));
    if (!request.ok) return c.text(request.message, 422);
    let csv: string[];
    try {
      csv = await services.navettes.use(async (navette) => [
        ...navette.reconciliationCsv(await navette.reconcile(request.value)),
      ]);
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      return c.text(services.secrets.redact(error.message), error.code === 'invalid-value' ? 422 : 502);
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="navette-rapprochement.csv"');
    return c.body(services.secrets.redact(csv.join('')));
  });
}

function fieldsOf(c: Context<WebEnv>): ReconcileRequestFields {
  const field = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 40);
  return { from: field('from'), to: field('to'), shop: field('shop') };
}

/** The same report as CSV: the same request, whatever was typed. */
function csvLinkOf(fields: ReconcileRequestFields): string {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'shop'] as const) if (fields[name] !== '') params.set(name, fields[name]);
  const query = params.toString();
  return query === '' ? '/reconcile/report.csv' : `/reconcile/report.csv?${query}`;
}

type Request = { ok: true; value: ReconcileOptions } | { ok: false; message: string };

/** The period needs both days (JJ/MM/AAAA or AAAA-MM-JJ); no day at all means the configured period. */
function requestOf(fields: ReconcileRequestFields): Request {
  let period: ReconcileOptions['period'];
  if (fields.from !== '' || fields.to !== '') {
    const from = parseDay(fields.from, 'du');
    if (!from.ok) return from;
    const to = parseDay(fields.to, 'au');
    if (!to.ok) return to;
    const checked = parsePeriod(from.value, to.value);
    if (!checked.ok) return checked;
    period = checked.value;
  }
  let shopIds: number[] | undefined;
  if (fields.shop !== '') {
    const parsed = parseIdList(fields.shop, 'boutiques');
    if (!parsed.ok) return parsed;
    shopIds = parsed.value;
  }
  return { ok: true, value: { ...(period ? { period } : {}), ...(shopIds ? { shopIds } : {}) } };
}
