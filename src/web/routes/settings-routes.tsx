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
/** Shown and saved only when the target is Dolibarr (its section exists then). */
const DOLIBARR_FIELDS: readonly FieldSpec[] = [
  { path: 'gescom.dolibarr.foreignCurrencyWithoutModule', kind: 'text' },
];
const FIELD_PATHS = new Set([...FIELDS, ...DOLIBARR_FIELDS].map((field) => field.path));

function isDolibarr(config: {
  readonly gescom: { readonly target: string; readonly dolibarr?: unknown };
}): boolean {
  return config.gescom.target === 'dolibarr' && config.gescom.dolibarr !== undefined;
}

export function registerSettingsRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/settings', async (c) => {
    const config = await services.configs.current();
    return c.html(
      <SettingsPage
        page={pageContext(c)}
        form={FormState.fromConfig(config)}
        saved={c.req.query('saved') === '1'}
        fieldPaths={FIELD_PATHS}
        dolibarr={isDolibarr(config)}
      />,
    );
  });

  app.post('/settings', async (c) => {
    const dolibarr = isDolibarr(await services.configs.current());
    const result = await saveConfigForm(services, await readForm(c), {
      fields: dolibarr ? [...FIELDS, ...DOLIBARR_FIELDS] : FIELDS,
    });
    if (result.ok) return c.redirect('/settings?saved=1', 303);
    c.status(422);
    return c.html(
      <SettingsPage
        page={pageContext(c)}
        form={result.form}
        saved={false}
        fieldPaths={FIELD_PATHS}
        dolibarr={dolibarr}
      />,
    );
  });
}
