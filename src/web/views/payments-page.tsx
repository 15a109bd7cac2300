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
    <Layout page={page} title="Paramétrer les Règlements" active="payments">
      <p>
        <a href="/">← Import des commandes</a>
      </p>
      {props.shopError === undefined ? null : <Notice kind="warn">{props.shopError}</Notice>}
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form method="post" action="/payments">
        <CsrfField token={page.csrfToken} />
        <div class="panel">
          <CheckboxField
            form={form}
            path="payments.create"
            label="Créer les règlements"
            help="Un règlement n’est créé que si le statut de la commande est un statut payé."
          />
          <RadioGroup
            form={form}
            path="payments.amountFrom"
            legend="Montant du règlement"
            options={[
              { value: 'order-payments', label: 'les paiements de la commande (order_payments)' },
              { value: 'total-paid', label: 'le total payé de la commande' },
            ]}
          />
          <TextField
            form={form}
            path="payments.defaultMode"
            label="Mode de règlement par défaut (module inconnu)"
            size={17}
          />
        </div>
        <div class="table-wrap">
          <table id="payment-methods">
            <thead>
              <tr>
                <th scope="col">Module de paiement</th>
                <th scope="col">Libellé dans la boutique</th>
                <th scope="col">Mode de règlement</th>
                <th scope="col">Journal</th>
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
                    {cell('mode', 'Mode de règlement')}
                    {cell('journal', 'Journal')}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p class="help">Un module sans mode de règlement utilise le mode par défaut.</p>
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </Layout>
  );
}
