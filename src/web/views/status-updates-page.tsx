import { CheckboxField, FormOutcome, SelectField, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import type { MessageKey } from '../i18n.js';
import type { JournalEntry } from '../../domain/import-report.js';
import type { OrderState } from '../../domain/shop-order.js';
import { CsrfField, Layout, Notice, type PageContext } from './layout.js';
import { StatusSweepPanel } from './status-sweep-panel.js';

export const STATUS_UPDATE_FIELDS: readonly { path: string; label: MessageKey }[] = [
  { path: 'statusUpdates.onOrder', label: 'statusOnOrder' },
  { path: 'statusUpdates.onDelivery', label: 'statusOnDelivery' },
  { path: 'statusUpdates.onInvoice', label: 'statusOnInvoice' },
];

/** SPEC §6, "Mise à jour des Statuts des Commandes": the reverse direction. */
export function StatusUpdatesPage(props: {
  page: PageContext;
  form: FormState;
  states: readonly { id: number; name: string }[];
  saved: boolean;
  shopError: string | undefined;
  fieldPaths: ReadonlySet<string>;
  /** The shop's states with their flags (undefined when the shop could not be read). */
  shopStates: readonly OrderState[] | undefined;
  journal: readonly JournalEntry[];
  /** What the sweep just asked on this page did. */
  sweepNotice: { readonly kind: 'ok' | 'warn' | 'error'; readonly text: string } | undefined;
}) {
  const { page, form } = props;
  const { t } = page;
  const options = [
    { value: '', label: t('noneState') },
    ...props.states.map((state) => ({ value: String(state.id), label: `${state.name} (${state.id})` })),
  ];
  return (
    <Layout page={page} title={t('statusUpdatesTitle')} active="status-updates">
      <p>
        <a href="/">← {t('navImport')}</a>
      </p>
      {props.shopError === undefined ? null : <Notice kind="warn">{props.shopError}</Notice>}
      {props.sweepNotice === undefined ? null : (
        <Notice kind={props.sweepNotice.kind}>{props.sweepNotice.text}</Notice>
      )}
      <FormOutcome form={form} saved={props.saved} fieldPaths={props.fieldPaths} t={t} />
      <form method="post" action="/status-updates">
        <CsrfField token={page.csrfToken} />
        <fieldset class="panel">
          <legend>{t('statusWhenDocumentBecomes')}</legend>
          <p class="help">{t('statusForwardOnly')}</p>
          <div class="grid">
            {STATUS_UPDATE_FIELDS.map((field) => (
              <SelectField form={form} path={field.path} label={t(field.label)} options={options} />
            ))}
          </div>
          <CheckboxField form={form} path="statusUpdates.sendEmail" label={t('shopSendsEmail')} />
        </fieldset>
        <fieldset class="panel">
          <legend>{t('trackingNumber')}</legend>
          <CheckboxField
            form={form}
            path="statusUpdates.tracking.enabled"
            label={t('trackingCopy')}
            help={t('trackingOnlyEmpty')}
          />
          <CheckboxField form={form} path="statusUpdates.tracking.sendEmail" label={t('trackingSendEmail')} />
          <SelectField
            form={form}
            path="statusUpdates.tracking.setStateTo"
            label={t('colChangeStateTo')}
            options={options}
          />
        </fieldset>
        <fieldset class="panel">
          <legend>{t('firstSweepTitle')}</legend>
          <TextField
            form={form}
            path="statusUpdates.firstSweepDays"
            label={t('firstSweepDays')}
            help={t('firstSweepDaysHelp')}
            type="number"
            size={5}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
      <StatusSweepPanel page={page} states={props.shopStates} journal={props.journal} />
    </Layout>
  );
}
