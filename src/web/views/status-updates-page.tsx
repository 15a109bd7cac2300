import { CheckboxField, FormOutcome, SelectField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { CsrfField, Layout, Notice, type PageContext } from './layout.js';

export const STATUS_UPDATE_FIELDS = [
  { path: 'statusUpdates.onOrder', label: 'Commande' },
  { path: 'statusUpdates.onDelivery', label: 'Livraison' },
  { path: 'statusUpdates.onInvoice', label: 'Facture' },
] as const;

/** SPEC §6, "Mise à jour des Statuts des Commandes": the reverse direction. */
export function StatusUpdatesPage(props: {
  page: PageContext;
  form: FormState;
  states: readonly { id: number; name: string }[];
  saved: boolean;
  shopError: string | undefined;
  fieldPaths: ReadonlySet<string>;
}) {
  const { page, form } = props;
  const { t } = page;
  const options = [
    { value: '', label: 'Aucun' },
    ...props.states.map((state) => ({ value: String(state.id), label: `${state.name} (${state.id})` })),
  ];
  return (
    <Layout page={page} title="Mise à jour des Statuts des Commandes" active="status-updates">
      <p>
        <a href="/">← Import des commandes</a>
      </p>
      {props.shopError === undefined ? null : <Notice kind="warn">{props.shopError}</Notice>}
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form method="post" action="/status-updates">
        <CsrfField token={page.csrfToken} />
        <fieldset class="panel">
          <legend>Statut de la commande quand le document devient…</legend>
          <p class="help">
            Le statut n’est posé que si la commande ne l’a jamais eu, et seulement vers l’avant.
          </p>
          <div class="grid">
            {STATUS_UPDATE_FIELDS.map((field) => (
              <SelectField form={form} path={field.path} label={field.label} options={options} />
            ))}
          </div>
          <CheckboxField
            form={form}
            path="statusUpdates.sendEmail"
            label="La boutique envoie son e-mail au client"
          />
        </fieldset>
        <fieldset class="panel">
          <legend>Numéro de suivi</legend>
          <CheckboxField
            form={form}
            path="statusUpdates.tracking.enabled"
            label="Reporter le numéro de suivi du bon de livraison sur le transporteur de la commande"
            help="Seulement s’il est vide dans la boutique."
          />
          <CheckboxField
            form={form}
            path="statusUpdates.tracking.sendEmail"
            label="Envoyer l’e-mail « en cours de livraison »"
          />
          <SelectField
            form={form}
            path="statusUpdates.tracking.setStateTo"
            label="Changer le statut en"
            options={options}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </Layout>
  );
}
