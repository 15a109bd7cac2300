import { PERIOD_KINDS } from '../../domain/rules.js';
import type { KeyStatus } from '../key-status.js';
import type { ShopChoice } from '../routes/shop-data.js';
import { EmptyCatalogueNotice } from './articles-page.js';
import { FormOutcome, RadioGroup, SelectField, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { KeyStatusLine } from './key-status-line.js';
import { DATE_FIELD_KEYS, PERIOD_KEYS } from './labels.js';
import { CsrfField, FieldError, Layout, Notice, fieldId, type PageContext } from './layout.js';
import { StateTable, type StateOption } from './state-table.js';

export interface ImportWindowProps {
  readonly page: PageContext;
  readonly form: FormState;
  readonly rowCount: number;
  readonly shops: readonly ShopChoice[];
  readonly shopUrl: string;
  readonly keyStatus: KeyStatus;
  readonly shopError: string | undefined;
  readonly saved: boolean;
  readonly fieldPaths: ReadonlySet<string>;
  /** The GesCom's articles: none, and the window offers to load the shop's catalogue. */
  readonly articleCount?: number | undefined;
}

/** SPEC §2, "Import des commandes": the heart of the product. */
export function ImportWindow(props: ImportWindowProps) {
  const { page, form } = props;
  const { t } = page;
  const stateOptions: StateOption[] = Array.from({ length: props.rowCount }, (_, index) => ({
    id: form.text(`states[${index}].id`),
    name: form.text(`states[${index}].name`),
  }));
  return (
    <Layout page={page} title={t('navImport')} active="import">
      <div class="panel">
        <dl class="facts">
          <dt>{t('shopUrl')}</dt>
          <dd>
            {props.shopUrl} — <KeyStatusLine status={props.keyStatus} t={t} /> —{' '}
            <a href="/connection">{t('testConnection')}</a>
          </dd>
        </dl>
      </div>
      {props.shopError === undefined ? null : (
        <Notice kind="warn">
          {t('shopUnavailable')} ({props.shopError})
        </Notice>
      )}
      <EmptyCatalogueNotice page={page} articleCount={props.articleCount} />
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form method="post" action="/" id="import-window">
        <CsrfField token={page.csrfToken} />
        <StateTable form={form} rowCount={props.rowCount} stateOptions={stateOptions} t={t} />
        <div class="grid">
          <fieldset>
            <legend>{t('defaultPeriod')}</legend>
            <SelectField
              form={form}
              path="period.kind"
              id="period-kind"
              label={t('period')}
              options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(PERIOD_KEYS[kind]) }))}
            />
            <div id="custom-dates" class="choices">
              <TextField form={form} path="period.from" label={t('periodFrom')} type="date" t={t} />
              <TextField form={form} path="period.to" label={t('periodTo')} type="date" t={t} />
            </div>
            <RadioGroup
              form={form}
              path="period.dateField"
              legend={t('filterOn')}
              options={(['order', 'invoice'] as const).map((field) => ({
                value: field,
                label: t(DATE_FIELD_KEYS[field]),
              }))}
            />
          </fieldset>
          <fieldset>
            <legend>{t('importShops')}</legend>
            <div class="choices">
              {props.shops.map((shop) => (
                <label>
                  <input type="hidden" name="_shopIds" value={String(shop.id)} />
                  <input
                    type="checkbox"
                    name="shops"
                    value={String(shop.id)}
                    checked={form.checked('shops', String(shop.id))}
                  />
                  {shop.name} ({shop.id})
                </label>
              ))}
            </div>
            <FieldError id={`${fieldId('shops')}-error`} message={form.error('shops')} />
            <div class="links">
              <a href="/payments">{t('paymentsLink')}</a>
              <a href="/status-updates">{t('statusUpdatesLink')}</a>
              <a href="/articles">{t('articlesLink')}</a>
            </div>
          </fieldset>
        </div>
        <div class="actions">
          <button type="submit">{t('save')}</button>
          <a class="button secondary" href="/preview">
            {t('navPreview')}
          </a>
          <a class="button secondary" href="/import-now">
            {t('navImportNow')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
