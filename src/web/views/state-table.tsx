import { DOCUMENT_STATUSES } from '../../domain/sales-document.js';
import type { FormState } from './form-state.js';
import type { Translate } from '../i18n.js';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, RULE_DOCUMENT_TYPES } from './labels.js';
import { FieldError, fieldId } from './layout.js';

export interface StateOption {
  readonly id: string;
  readonly name: string;
}

function Select(props: {
  path: string;
  form: FormState;
  label: string;
  options: readonly { value: string; label: string }[];
}) {
  const { path, form } = props;
  const error = form.error(path);
  const current = form.text(path);
  return (
    <>
      <select
        name={path}
        id={fieldId(path)}
        aria-label={props.label}
        class={error === undefined ? undefined : 'invalid'}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={error === undefined ? undefined : `${fieldId(path)}-error`}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === current}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${fieldId(path)}-error`} message={error} />
    </>
  );
}

function numericId(id: string): number {
  return /^\d+$/.test(id) ? Number(id) : Number.MAX_SAFE_INTEGER;
}

/**
 * The state table of SPEC §2, row for row: Id, Statut, Sélectionné, Type de document, Statut du
 * document, Changer le statut en. Each input is named after its config path (`states[3].documentType`).
 */
export function StateTable(props: {
  form: FormState;
  rowCount: number;
  stateOptions: readonly StateOption[];
  t: Translate;
}) {
  const { form, t } = props;
  const byId = (a: StateOption, b: StateOption) => numericId(a.id) - numericId(b.id);
  const changeOptions = [
    { value: '', label: t('noStateChange') },
    ...[...props.stateOptions].sort(byId).map((state) => ({ value: state.id, label: state.name })),
  ];
  // Rows in the shop's id order (1, 2, … 10, 11, not 1, 10, 11, 2): each input keeps its config index
  // in its name, so the order shown changes nothing of what is saved.
  const rows = Array.from({ length: props.rowCount }, (_, index) => index).sort(
    (a, b) => numericId(form.text(`states[${a}].id`)) - numericId(form.text(`states[${b}].id`)) || a - b,
  );
  return (
    <div class="table-wrap">
      <table class="state-table" id="state-table">
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('colId')}
            </th>
            <th scope="col">{t('colState')}</th>
            <th scope="col" class="center">
              {t('colSelected')}
            </th>
            <th scope="col">{t('colDocumentType')}</th>
            <th scope="col">{t('colDocumentStatus')}</th>
            <th scope="col">{t('colChangeStateTo')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((index) => {
            const base = `states[${index}]`;
            const id = form.text(`${base}.id`);
            const name = form.text(`${base}.name`);
            const selected = form.checked(`${base}.selected`);
            return (
              <tr class={selected ? 'selected-row' : undefined} data-state-id={id}>
                <td class="num">
                  {id}
                  <input type="hidden" name={`${base}.id`} value={id} />
                  <input type="hidden" name={`${base}.name`} value={name} />
                  <FieldError id={`${fieldId(`${base}.id`)}-error`} message={form.error(`${base}.id`)} />
                </td>
                <th scope="row">{name}</th>
                <td class="center">
                  <input
                    type="checkbox"
                    name={`${base}.selected`}
                    id={fieldId(`${base}.selected`)}
                    aria-label={`${t('colSelected')} — ${name}`}
                    checked={selected}
                  />
                </td>
                <td>
                  <Select
                    path={`${base}.documentType`}
                    form={form}
                    label={`${t('colDocumentType')} — ${name}`}
                    options={RULE_DOCUMENT_TYPES.map((type) => ({
                      value: type,
                      label: DOCUMENT_TYPE_LABELS[type],
                    }))}
                  />
                </td>
                <td>
                  <Select
                    path={`${base}.documentStatus`}
                    form={form}
                    label={`${t('colDocumentStatus')} — ${name}`}
                    options={DOCUMENT_STATUSES.map((status) => ({
                      value: status,
                      label: DOCUMENT_STATUS_LABELS[status],
                    }))}
                  />
                </td>
                <td>
                  <Select
                    path={`${base}.changeStateTo`}
                    form={form}
                    label={`${t('colChangeStateTo')} — ${name}`}
                    options={changeOptions}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
