import type { Hono } from 'hono';
import type { FieldSpec } from '../config-form.js';
import { FormState } from '../views/form-state.js';
import { SettingsPage } from '../views/settings-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { pageContext, readForm } from './page-context.js';
import { saveConfigForm } from './save-config-form.js';

const FIELDS: readonly FieldSpec[] = [
  { path: 'document.date', kind: 'text' },
  { path: 'document.series.quote', kind: 'text' },
  { path: 'document.series.order', kind: 'text' },
  { path: 'document.series.delivery', kind: 'text' },
  { path: 'document.series.invoice', kind: 'text' },
  { path: 'document.warehouse', kind: 'text' },
  { path: 'document.referenceTemplate', kind: 'text' },
  { path: 'document.remarkTemplate', kind: 'text' },
  { path: 'document.messages', kind: 'text' },
  { path: 'document.upgradeOnStateChange', kind: 'checkbox' },
  { path: 'document.cancelDraftWhenOrderCancelled', kind: 'checkbox' },
  { path: 'customers.mode', kind: 'text' },
  { path: 'customers.prefix', kind: 'text' },
  { path: 'customers.padding', kind: 'integer' },
  { path: 'customers.matchByEmail', kind: 'checkbox' },
  { path: 'customers.genericAccount', kind: 'text' },
  { path: 'customers.guestAccount', kind: 'nullable-text' },
  { path: 'articles.matchByEan13', kind: 'checkbox' },
  { path: 'articles.unknown', kind: 'text' },
  { path: 'articles.generic', kind: 'text' },
  { path: 'articles.shipping', kind: 'text' },
  { path: 'articles.discount', kind: 'text' },
  { path: 'articles.wrapping', kind: 'text' },
  { path: 'articles.freeShippingLine', kind: 'text' },
  { path: 'totals.roundingTolerance', kind: 'text' },
  { path: 'writeBack.sendEmail', kind: 'checkbox' },
  { path: 'schedule.everyMinutes', kind: 'nullable-integer' },
  { path: 'schedule.from', kind: 'text' },
  { path: 'schedule.to', kind: 'text' },
  { path: 'web.language', kind: 'text' },
];
const FIELD_PATHS = new Set(FIELDS.map((field) => field.path));

export function registerSettingsRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/settings', async (c) =>
    c.html(
      <SettingsPage
        page={pageContext(c)}
        form={FormState.fromConfig(await services.configs.current())}
        saved={c.req.query('saved') === '1'}
        fieldPaths={FIELD_PATHS}
      />,
    ),
  );

  app.post('/settings', async (c) => {
    const result = await saveConfigForm(services, await readForm(c), { fields: FIELDS });
    if (result.ok) return c.redirect('/settings?saved=1', 303);
    c.status(422);
    return c.html(
      <SettingsPage page={pageContext(c)} form={result.form} saved={false} fieldPaths={FIELD_PATHS} />,
    );
  });
}
