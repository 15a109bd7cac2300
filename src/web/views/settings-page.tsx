import { CheckboxField, FormOutcome, SelectField, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { CsrfField, Layout, type PageContext } from './layout.js';

/** The other settings of SPEC §3.1, grouped as a shop owner thinks of them. */
export function SettingsPage(props: {
  page: PageContext;
  form: FormState;
  saved: boolean;
  fieldPaths: ReadonlySet<string>;
}) {
  const { page, form } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('settingsTitle')} active="settings">
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form method="post" action="/settings">
        <CsrfField token={page.csrfToken} />
        <div class="grid">
          <fieldset class="panel">
            <legend>{t('documentHeader')}</legend>
            <SelectField
              form={form}
              path="document.date"
              label="Date du document"
              options={[
                { value: 'order', label: 'date de la commande' },
                { value: 'invoice', label: 'date de la facture' },
                { value: 'today', label: 'date du jour' },
              ]}
            />
            <div class="choices">
              <TextField form={form} path="document.series.quote" label="Souche Devis" size={6} />
              <TextField form={form} path="document.series.order" label="Souche Commande" size={6} />
              <TextField form={form} path="document.series.delivery" label="Souche Livraison" size={6} />
              <TextField form={form} path="document.series.invoice" label="Souche Facture" size={6} />
            </div>
            <TextField form={form} path="document.warehouse" label="Dépôt" />
            <TextField
              form={form}
              path="document.referenceTemplate"
              label="Référence"
              help="Champs : {reference} {id_order} {id_shop} {payment} {carrier} {date} {customer}"
            />
            <TextField form={form} path="document.remarkTemplate" label="Remarque" size={50} />
            <SelectField
              form={form}
              path="document.messages"
              label="Messages du client dans les notes"
              options={[
                { value: 'none', label: 'aucun' },
                { value: 'first', label: 'le premier' },
                { value: 'all', label: 'tous' },
              ]}
            />
            <CheckboxField
              form={form}
              path="document.upgradeOnStateChange"
              label="Faire évoluer le document quand le statut de la commande change"
            />
            <CheckboxField
              form={form}
              path="document.cancelDraftWhenOrderCancelled"
              label="Annuler le document encore « Saisi » quand la commande est annulée ou remboursée"
            />
          </fieldset>
          <fieldset class="panel">
            <legend>{t('customers')}</legend>
            <SelectField
              form={form}
              path="customers.mode"
              label="Compte client"
              options={[
                { value: 'per-customer', label: 'un compte par client de la boutique' },
                { value: 'generic', label: 'un compte générique' },
              ]}
            />
            <div class="choices">
              <TextField form={form} path="customers.prefix" label="Préfixe" size={8} />
              <TextField form={form} path="customers.padding" label="Chiffres" type="number" size={4} />
            </div>
            <CheckboxField
              form={form}
              path="customers.matchByEmail"
              label="Retrouver aussi le client par son e-mail"
            />
            <TextField form={form} path="customers.genericAccount" label="Compte générique" />
            <TextField
              form={form}
              path="customers.guestAccount"
              label="Compte des invités (vide : comme les autres clients)"
            />
          </fieldset>
          <fieldset class="panel">
            <legend>{t('articles')}</legend>
            <CheckboxField
              form={form}
              path="articles.matchByEan13"
              label="Retrouver aussi l’article par son EAN13"
            />
            <SelectField
              form={form}
              path="articles.unknown"
              label="Article inconnu"
              options={[
                { value: 'generic', label: 'article générique avec le libellé de la boutique' },
                { value: 'create', label: 'créer l’article' },
                { value: 'refuse', label: 'refuser la commande' },
              ]}
            />
            <div class="choices">
              <TextField form={form} path="articles.generic" label="Article générique" size={10} />
              <TextField form={form} path="articles.shipping" label="Port" size={10} />
              <TextField form={form} path="articles.discount" label="Remise" size={10} />
              <TextField form={form} path="articles.wrapping" label="Emballage" size={10} />
            </div>
            <SelectField
              form={form}
              path="articles.freeShippingLine"
              label="Port gratuit"
              options={[
                { value: 'none', label: 'pas de ligne' },
                { value: 'zero', label: 'une ligne à zéro' },
              ]}
            />
          </fieldset>
          <fieldset class="panel">
            <legend>{t('totals')}</legend>
            <TextField
              form={form}
              path="totals.roundingTolerance"
              label="Écart d’arrondi toléré"
              inputmode="decimal"
              size={6}
              help="Au-delà, la commande est refusée avec les deux totaux."
            />
            <h2>{t('writeBack')}</h2>
            <CheckboxField
              form={form}
              path="writeBack.sendEmail"
              label="« Changer le statut en » : la boutique envoie son e-mail au client"
            />
            <h2>{t('schedule')}</h2>
            <TextField
              form={form}
              path="schedule.everyMinutes"
              label="Importer toutes les … minutes (vide : à la demande)"
              type="number"
              size={5}
            />
            <div class="choices">
              <TextField form={form} path="schedule.from" label="de" type="time" />
              <TextField form={form} path="schedule.to" label="à" type="time" />
            </div>
            <SelectField
              form={form}
              path="web.language"
              label="Langue de l’interface"
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
