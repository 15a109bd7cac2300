import type { Translate } from '../i18n.js';
import { DataTable, type Column } from './data-table.js';
import { CheckboxField, FormOutcome, RadioGroup, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { CsrfField, FieldError, Layout, Notice, fieldId, type PageContext } from './layout.js';

/** A payment method's GesCom mode or journal, named after its config path (`payments.methods[0].mode`). */
function MethodInput(props: { form: FormState; path: string; label: string }) {
  const { form, path } = props;
  const error = form.error(path);
  return (
    <>
      <input
        type="text"
        name={path}
        id={fieldId(path)}
        value={form.text(path)}
        size={12}
        aria-label={props.label}
        class={error === undefined ? undefined : 'invalid'}
      />
      <FieldError id={`${fieldId(path)}-error`} message={error} />
    </>
  );
}

/** One payment method a row, by its config path (`payments.methods[0]`): the module names the row. */
function methodColumns(form: FormState, t: Translate): readonly Column<string>[] {
  const module = (base: string) => form.text(`${base}.module`);
  return [
    {
      header: t('paymentModule'),
      rowHeader: true,
      cell: (base) => (
        <>
          <code>{module(base)}</code>
          <input type="hidden" name={`${base}.module`} value={module(base)} />
          <input type="hidden" name={`${base}.label`} value={form.text(`${base}.label`)} />
        </>
      ),
    },
    { header: t('paymentShopLabel'), cell: (base) => form.text(`${base}.label`) },
    {
      header: t('paymentMode'),
      cell: (base) => (
        <MethodInput form={form} path={`${base}.mode`} label={`${t('paymentMode')} — ${module(base)}`} />
      ),
    },
    {
      header: t('paymentJournal'),
      cell: (base) => (
        <MethodInput
          form={form}
          path={`${base}.journal`}
          label={`${t('paymentJournal')} — ${module(base)}`}
        />
      ),
    },
  ];
}

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
        <DataTable id="payment-methods" columns={methodColumns(form, t)} rows={rows} />
        <p class="help">{t('paymentsNoModeHelp')}</p>
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </Layout>
  );
}
