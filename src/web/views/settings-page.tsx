import { CheckboxField, FormOutcome, SelectField, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { CsrfField, Layout, type PageContext } from './layout.js';

/** The other settings of SPEC §3.1, grouped as a shop owner thinks of them. */
export function SettingsPage(props: {
  page: PageContext;
  form: FormState;
  saved: boolean;
  fieldPaths: ReadonlySet<string>;
  /** The target is Dolibarr: its own settings are shown. */
  dolibarr?: boolean;
}) {
  const { page, form } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('settingsTitle')} active="settings">
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form id="settings-form" method="post" action="/settings">
        <CsrfField token={page.csrfToken} />
        <div class="grid">
          <fieldset class="panel">
            <legend>{t('documentHeader')}</legend>
            <SelectField
              form={form}
              path="document.date"
              label={t('documentDate')}
              options={[
                { value: 'order', label: t('dateFieldOrder') },
                { value: 'invoice', label: t('dateFieldInvoice') },
                { value: 'today', label: t('dateToday') },
              ]}
            />
            <div class="choices">
              <TextField form={form} path="document.series.quote" label={t('seriesQuote')} size={6} />
              <TextField form={form} path="document.series.order" label={t('seriesOrder')} size={6} />
              <TextField form={form} path="document.series.delivery" label={t('seriesDelivery')} size={6} />
              <TextField form={form} path="document.series.invoice" label={t('seriesInvoice')} size={6} />
            </div>
            <TextField form={form} path="document.warehouse" label={t('warehouse')} />
            <TextField
              form={form}
              path="document.referenceTemplate"
              label={t('reference')}
              help={t('referenceFieldsHelp')}
            />
            <TextField form={form} path="document.remarkTemplate" label={t('remark')} size={50} />
            <SelectField
              form={form}
              path="document.messages"
              label={t('customerMessages')}
              options={[
                { value: 'none', label: t('messagesNone') },
                { value: 'first', label: t('messagesFirst') },
                { value: 'all', label: t('messagesAll') },
              ]}
            />
            <CheckboxField
              form={form}
              path="document.upgradeOnStateChange"
              label={t('upgradeOnStateChange')}
            />
            <CheckboxField
              form={form}
              path="document.cancelDraftWhenOrderCancelled"
              label={t('cancelDraft')}
            />
          </fieldset>
          <fieldset class="panel">
            <legend>{t('customers')}</legend>
            <SelectField
              form={form}
              path="customers.mode"
              label={t('customerAccount')}
              options={[
                { value: 'per-customer', label: t('accountPerCustomer') },
                { value: 'generic', label: t('accountGeneric') },
              ]}
            />
            <div class="choices">
              <TextField form={form} path="customers.prefix" label={t('prefix')} size={8} />
              <TextField form={form} path="customers.padding" label={t('padding')} type="number" size={4} />
            </div>
            <CheckboxField form={form} path="customers.matchByEmail" label={t('matchByEmail')} />
            <TextField form={form} path="customers.genericAccount" label={t('genericAccount')} />
            <TextField form={form} path="customers.guestAccount" label={t('guestAccount')} />
          </fieldset>
          <fieldset class="panel">
            <legend>{t('articles')}</legend>
            <CheckboxField form={form} path="articles.matchByEan13" label={t('matchByEan13')} />
            <SelectField
              form={form}
              path="articles.unknown"
              label={t('unknownArticle')}
              options={[
                { value: 'generic', label: t('unknownGeneric') },
                { value: 'create', label: t('unknownCreate') },
                { value: 'refuse', label: t('unknownRefuse') },
              ]}
            />
            <div class="choices">
              <TextField form={form} path="articles.generic" label={t('genericArticle')} size={10} />
              <TextField form={form} path="articles.shipping" label={t('shippingArticle')} size={10} />
              <TextField form={form} path="articles.discount" label={t('discountArticle')} size={10} />
              <TextField form={form} path="articles.wrapping" label={t('wrappingArticle')} size={10} />
            </div>
            <SelectField
              form={form}
              path="articles.freeShippingLine"
              label={t('freeShipping')}
              options={[
                { value: 'none', label: t('freeShippingNone') },
                { value: 'zero', label: t('freeShippingZero') },
              ]}
            />
          </fieldset>
          <fieldset class="panel">
            <legend>{t('totals')}</legend>
            <TextField
              form={form}
              path="totals.roundingTolerance"
              label={t('roundingTolerance')}
              inputmode="decimal"
              size={6}
              help={t('roundingToleranceHelp')}
            />
            {props.dolibarr === true && (
              <SelectField
                form={form}
                path="gescom.dolibarr.foreignCurrencyWithoutModule"
                label={t('foreignCurrencyWithoutModule')}
                options={[
                  { value: 'refuse', label: t('foreignCurrencyRefuse') },
                  { value: 'convert', label: t('foreignCurrencyConvert') },
                ]}
                help={t('foreignCurrencyWithoutModuleHelp')}
              />
            )}
            <h2>{t('writeBack')}</h2>
            <CheckboxField form={form} path="writeBack.sendEmail" label={t('writeBackSendEmail')} />
            <h2>{t('schedule')}</h2>
            <TextField
              form={form}
              path="schedule.everyMinutes"
              label={t('everyMinutes')}
              type="number"
              size={5}
            />
            <div class="choices">
              <TextField form={form} path="schedule.from" label={t('scheduleFrom')} type="time" t={t} />
              <TextField form={form} path="schedule.to" label={t('scheduleTo')} type="time" t={t} />
            </div>
            <SelectField
              form={form}
              path="web.language"
              label={t('interfaceLanguage')}
              options={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
            />
          </fieldset>
        </div>
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </Layout>
  );
}
