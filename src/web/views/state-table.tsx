import { DOCUMENT_STATUSES } from '../../domain/sales-document.js';
import type { FormState } from './form-state.js';
import {
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  NO_STATE_CHANGE,
  RULE_DOCUMENT_TYPES,
} from './labels.js';
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

/**
 * The state table of SPEC §2, row for row: Id, Statut, Sélectionné, Type de document, Statut du
 * document, Changer le statut en. Each input is named after its config path (`states[3].documentType`).
 */
export function StateTable(props: {
  form: FormState;
  rowCount: number;
  stateOptions: readonly StateOption[];
}) {
  const { form } = props;
  const changeOptions = [
    { value: '', label: NO_STATE_CHANGE },
    ...props.stateOptions.map((state) => ({ value: state.id, label: state.name })),
  ];
  const rows = Array.from({ length: props.rowCount }, (_, index) => index);
  return (
    <div class="table-wrap">
      <table class="state-table" id="state-table">
        <thead>
          <tr>
            <th scope="col" class="num">
              Id
            </th>
            <th scope="col">Statut</th>
            <th scope="col" class="center">
              Sélectionné
            </th>
            <th scope="col">Type de document</th>
            <th scope="col">Statut du document</th>
            <th scope="col">Changer le statut en</th>
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
                    aria-label={`Sélectionné — ${name}`}
                    checked={selected}
                  />
                </td>
                <td>
                  <Select
                    path={`${base}.documentType`}
                    form={form}
                    label={`Type de document — ${name}`}
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
                    label={`Statut du document — ${name}`}
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
                    label={`Changer le statut en — ${name}`}
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
