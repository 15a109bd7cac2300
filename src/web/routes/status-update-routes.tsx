import type { Context, Hono } from 'hono';
import { isExpectedFailure } from '../../domain/failure.js';
import type { FieldSpec } from '../config-form.js';
import { formatDateTime } from '../views/format.js';
import { FormState } from '../views/form-state.js';
import { StatusUpdatesPage } from '../views/status-updates-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { pageContext, readForm } from './page-context.js';
import { saveConfigForm } from './save-config-form.js';
import { readShopData } from './shop-data.js';

const FIELDS: readonly FieldSpec[] = [
  { path: 'statusUpdates.onOrder', kind: 'nullable-integer' },
  { path: 'statusUpdates.onDelivery', kind: 'nullable-integer' },
  { path: 'statusUpdates.onInvoice', kind: 'nullable-integer' },
  { path: 'statusUpdates.sendEmail', kind: 'checkbox' },
  { path: 'statusUpdates.tracking.enabled', kind: 'checkbox' },
  { path: 'statusUpdates.tracking.sendEmail', kind: 'checkbox' },
  { path: 'statusUpdates.tracking.setStateTo', kind: 'nullable-integer' },
  { path: 'statusUpdates.firstSweepDays', kind: 'integer' },
];
const FIELD_PATHS = new Set(FIELDS.map((field) => field.path));

export function registerStatusUpdateRoutes(app: Hono<WebEnv>, services: WebServices): void {
  const render = async (
    c: Context<WebEnv>,
    form: FormState | undefined,
    sweepNotice?: { kind: 'ok' | 'warn' | 'error'; text: string },
  ) => {
    const config = await services.configs.current();
    const data = await readShopData(services, config);
    const journal = await services.navettes.use((navette) => navette.statusJournal(100));
    const states =
      data.states?.filter((state) => !state.deleted).map((state) => ({ id: state.id, name: state.name })) ??
      config.states.map((rule) => ({ id: rule.id, name: rule.name ?? `#${rule.id}` }));
    return c.html(
      <StatusUpdatesPage
        page={pageContext(c)}
        form={form ?? FormState.fromConfig(config)}
        states={states}
        saved={c.req.query('saved') === '1'}
        shopError={data.error}
        fieldPaths={FIELD_PATHS}
        shopStates={data.states}
        journal={journal}
        sweepNotice={sweepNotice}
      />,
    );
  };

  app.get('/status-updates', (c) => render(c, undefined));

  // "Envoyer les statuts maintenant": the same sweep as `navette status-updates` and the scheduler.
  app.post('/status-updates/send', async (c) => {
    const { t, language } = pageContext(c);
    try {
      const report = await services.navettes.use((navette) => navette.sweepStatuses());
      if (report.busy) return render(c, undefined, { kind: 'warn', text: t('sweepBusy') });
      const done = t('sweepDone', {
        transformations: report.transformations,
        sent: report.sent,
        skipped: report.skipped,
        failed: report.failed,
      });
      // The first sweep says how far back it went (statusUpdates.firstSweepDays).
      const text =
        report.firstSweepFrom === undefined
          ? done
          : `${t('sweepFirstFrom', { from: formatDateTime(report.firstSweepFrom, language) })} ${done}`;
      return render(c, undefined, { kind: report.failed > 0 ? 'warn' : 'ok', text });
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      c.status(422);
      return render(c, undefined, { kind: 'error', text: error.message });
    }
  });

  app.post('/status-updates', async (c) => {
    const result = await saveConfigForm(services, await readForm(c), { fields: FIELDS });
    if (result.ok) return c.redirect('/status-updates?saved=1', 303);
    c.status(422);
    return render(c, result.form);
  });
}
