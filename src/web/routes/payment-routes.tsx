import type { Hono } from 'hono';
import type { FieldSpec, FormBody } from '../config-form.js';
import { FormState } from '../views/form-state.js';
import { PaymentsPage } from '../views/payments-page.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { errorMessage, pageContext, readForm } from './page-context.js';
import { saveConfigForm } from './save-config-form.js';

const SETTINGS_FIELDS: readonly FieldSpec[] = [
  { path: 'payments.create', kind: 'checkbox' },
  { path: 'payments.amountFrom', kind: 'text' },
  { path: 'payments.defaultMode', kind: 'text' },
];

function methodFields(rowCount: number): FieldSpec[] {
  return Array.from({ length: rowCount }, (_, index): FieldSpec[] => {
    const base = `payments.methods[${index}]`;
    return [
      { path: `${base}.module`, kind: 'text' },
      { path: `${base}.label`, kind: 'optional-text' },
      { path: `${base}.mode`, kind: 'text' },
      { path: `${base}.journal`, kind: 'text' },
    ];
  }).flat();
}

function submittedRowCount(body: FormBody): number {
  return Object.keys(body).filter((name) => /^payments\.methods\[\d+\]\.module$/.test(name)).length;
}

function fieldPaths(rowCount: number): Set<string> {
  return new Set([...SETTINGS_FIELDS, ...methodFields(rowCount)].map((field) => field.path));
}

/** SPEC §5: the payment modules seen in the shop and the configured ones → mode de règlement + journal. */
export function registerPaymentRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/payments', async (c) => {
    const config = await services.configs.current();
    let shopError: string | undefined;
    const seen = await services.navettes
      .use((navette) => navette.seenPaymentMethods())
      .catch((error: unknown) => {
        shopError = services.secrets.redact(errorMessage(error));
        return [];
      });
    const configured = new Set(config.payments.methods.map((method) => method.module));
    const methods = [
      ...config.payments.methods,
      ...seen
        .filter((method) => !configured.has(method.module))
        .map((method) => ({ module: method.module, label: method.label, mode: '', journal: '' })),
    ];
    const form = FormState.fromConfig({ ...config, payments: { ...config.payments, methods } });
    return c.html(
      <PaymentsPage
        page={pageContext(c)}
        form={form}
        rowCount={methods.length}
        saved={c.req.query('saved') === '1'}
        shopError={shopError}
        fieldPaths={fieldPaths(methods.length)}
      />,
    );
  });

  app.post('/payments', async (c) => {
    const body = await readForm(c);
    const rowCount = submittedRowCount(body);
    const result = await saveConfigForm(services, body, {
      fields: [...SETTINGS_FIELDS, ...methodFields(rowCount)],
      base: (config) => ({ ...config, payments: { ...config.payments, methods: [] } }),
      finish: (candidate) => {
        // A module seen in the shop but left without a mode uses the default mode: not written.
        const payments = candidate['payments'] as { methods: { mode?: unknown }[] };
        payments.methods = payments.methods.filter((method) => method.mode !== '');
      },
    });
    if (result.ok) return c.redirect('/payments?saved=1', 303);
    c.status(422);
    return c.html(
      <PaymentsPage
        page={pageContext(c)}
        form={result.form}
        rowCount={rowCount}
        saved={false}
        shopError={undefined}
        fieldPaths={fieldPaths(rowCount)}
      />,
    );
  });
}
