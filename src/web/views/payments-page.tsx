import { CheckboxField, FormOutcome, RadioGroup, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { CsrfField, FieldError, Layout, Notice, fieldId, type PageContext } from './layout.js';

/** SPEC §5, "Paramétrer les Règlements". */
export function PaymentsPage(props: {
  page: PageContext;
  form: FormState;
  rowCount: number;
  saved: boolean;
  shopError: string | undefined;
  fieldPaths: ReadonlySet<string>;
}) {
  const { page, form } = props;
  const { t } = page;
  const rows = Array.from({ length: props.rowCount }, (_, index) => `payments.methods[${index}]`);
  return (
    <Layout page={page} title={t('paymentsTitle')} active="payments">
      <p>
        <a href="/">← {t('navImport')}</a>
      </p>
      {props.shopError === undefined ? null : <Notice kind="warn">{props.shopError}</Notice>}
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form method="post" action="/payments">
        <CsrfField token={page.csrfToken} />
        <div class="panel">
          <CheckboxField
            form={form}
            path="payments.create"
            label={t('paymentsCreate')}
            help={t('paymentsCreateHelp')}
          />
          <RadioGroup
            form={form}
            path="payments.amountFrom"
            legend={t('paymentsAmountFrom')}
            options={[
              { value: 'order-payments', label: t('paymentsFromOrderPayments') },
              { value: 'total-paid', label: t('paymentsFromTotalPaid') },
            ]}
          />
          <TextField form={form} path="payments.defaultMode" label={t('paymentsDefaultMode')} size={17} />
        </div>
        <div class="table-wrap">
          <table id="payment-methods">
            <thead>
              <tr>
                <th scope="col">{t('paymentModule')}</th>
                <th scope="col">{t('paymentShopLabel')}</th>
                <th scope="col">{t('paymentMode')}</th>
                <th scope="col">{t('paymentJournal')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((base) => {
                const module = form.text(`${base}.module`);
                const cell = (field: 'mode' | 'journal', label: string) => {
                  const path = `${base}.${field}`;
                  const error = form.error(path);
                  return (
                    <td>
                      <input
                        type="text"
                        name={path}
                        id={fieldId(path)}
                        value={form.text(path)}
                        size={12}
                        aria-label={`${label} — ${module}`}
                        class={error === undefined ? undefined : 'invalid'}
                      />
                      <FieldError id={`${fieldId(path)}-error`} message={error} />
                    </td>
                  );
                };
                return (
                  <tr>
                    <th scope="row">
                      <code>{module}</code>
                      <input type="hidden" name={`${base}.module`} value={module} />
                      <input type="hidden" name={`${base}.label`} value={form.text(`${base}.label`)} />
                    </th>
                    <td>{form.text(`${base}.label`)}</td>
                    {cell('mode', t('paymentMode'))}
                    {cell('journal', t('paymentJournal'))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p class="help">{t('paymentsNoModeHelp')}</p>
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </Layout>
  );
}
