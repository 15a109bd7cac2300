import type { Hono } from 'hono';
import type { FieldSpec, FormBody } from '../config-form.js';
import { keyStatus } from '../key-status.js';
import { FormState } from '../views/form-state.js';
import { ImportWindow } from '../views/import-window.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { articleCount } from './article-routes.js';
import { pageContext, readForm } from './page-context.js';
import { saveConfigForm } from './save-config-form.js';
import { readShopData, stateRows } from './shop-data.js';

const PERIOD_FIELDS: readonly FieldSpec[] = [
  { path: 'period.kind', kind: 'text' },
  { path: 'period.from', kind: 'optional-date' },
  { path: 'period.to', kind: 'optional-date' },
  { path: 'period.dateField', kind: 'text' },
];

function rowFields(rowCount: number): FieldSpec[] {
  return Array.from({ length: rowCount }, (_, index): FieldSpec[] => {
    const base = `states[${index}]`;
    return [
      { path: `${base}.id`, kind: 'integer' },
      { path: `${base}.name`, kind: 'optional-text' },
      { path: `${base}.selected`, kind: 'checkbox' },
      { path: `${base}.documentType`, kind: 'text' },
      { path: `${base}.documentStatus`, kind: 'text' },
      { path: `${base}.changeStateTo`, kind: 'nullable-integer' },
    ];
  }).flat();
}

function submittedRowCount(body: FormBody): number {
  return Object.keys(body).filter((name) => /^states\[\d+\]\.id$/.test(name)).length;
}

/** "Every shop" is kept as null, so that a shop added later is imported too. */
function submittedShops(body: FormBody): number[] | null {
  const ids = (values: readonly string[] | undefined) =>
    (values ?? []).filter((value) => /^\d+$/.test(value)).map(Number);
  const available = ids(body['_shopIds']);
  const checked = ids(body['shops']);
  return available.length > 0 && available.every((id) => checked.includes(id)) ? null : checked;
}

function fieldPaths(rowCount: number): Set<string> {
  return new Set([...rowFields(rowCount), ...PERIOD_FIELDS].map((field) => field.path).concat('shops'));
}

/** SPEC §2's window: the state table read live from the shop, the default period, the shops. */
export function registerImportWindowRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/', async (c) => {
    const config = await services.configs.current();
    const data = await readShopData(services, config);
    const rows = stateRows(config, data);
    const form = FormState.fromConfig({
      ...config,
      states: rows,
      shops: config.shops ?? data.shops.map((shop) => shop.id),
    });
    return c.html(
      <ImportWindow
        page={pageContext(c)}
        form={form}
        rowCount={rows.length}
        shops={data.shops}
        shopUrl={config.shop.url}
        keyStatus={keyStatus(config, services.env)}
        shopError={data.error}
        saved={c.req.query('saved') === '1'}
        fieldPaths={fieldPaths(rows.length)}
        articleCount={await articleCount(services)}
      />,
    );
  });

  app.post('/', async (c) => {
    const body = await readForm(c);
    const rowCount = submittedRowCount(body);
    const result = await saveConfigForm(services, body, {
      fields: [...rowFields(rowCount), ...PERIOD_FIELDS],
      base: (config) => ({ ...config, states: [] }),
      finish: (candidate) => {
        candidate['shops'] = submittedShops(body);
      },
    });
    if (result.ok) return c.redirect('/?saved=1', 303);
    c.status(422);
    const config = await services.configs.current();
    const data = await readShopData(services, config);
    return c.html(
      <ImportWindow
        page={pageContext(c)}
        form={result.form}
        rowCount={rowCount}
        shops={data.shops}
        shopUrl={config.shop.url}
        keyStatus={keyStatus(config, services.env)}
        shopError={data.error}
        saved={false}
        fieldPaths={fieldPaths(rowCount)}
      />,
    );
  });
}
