import { DOCUMENT_STATUSES } from '../../domain/sales-document.js';
import type { FormState } from './form-state.js';
import type { Translate } from '../i18n.js';
import { DataTable, type Column } from './data-table.js';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, RULE_DOCUMENT_TYPES } from './labels.js';
import { FieldError, fieldId } from './layout.js';

export interface StateOption {
  readonly id: string;
  readonly name: string;
}

interface SelectOption {
  readonly value: string;
  readonly label: string;
}

function Select(props: { path: string; form: FormState; label: string; options: readonly SelectOption[] }) {
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

/** A row of the table: a shop state, as the form holds it under `states[index]`. */
interface StateRow {
  readonly index: number;
  readonly base: string;
  readonly id: string;
  readonly name: string;
  readonly selected: boolean;
}

function stateRow(form: FormState, index: number): StateRow {
  const base = `states[${index}]`;
  return {
    index,
    base,
    id: form.text(`${base}.id`),
    name: form.text(`${base}.name`),
    selected: form.checked(`${base}.selected`),
  };
}

const TYPE_OPTIONS = RULE_DOCUMENT_TYPES.map((type) => ({ value: type, label: DOCUMENT_TYPE_LABELS[type] }));
const STATUS_OPTIONS = DOCUMENT_STATUSES.map((status) => ({
  value: status,
  label: DOCUMENT_STATUS_LABELS[status],
}));

/** The state's name labels each input of its row, for screen readers ("Type de document — Livré"). */
function stateColumns(
  form: FormState,
  changeOptions: readonly SelectOption[],
  t: Translate,
): readonly Column<StateRow>[] {
  const select = (
    field: 'documentType' | 'documentStatus' | 'changeStateTo',
    header: string,
    options: readonly SelectOption[],
  ): Column<StateRow> => ({
    header,
    cell: (row) => (
      <Select path={`${row.base}.${field}`} form={form} label={`${header} — ${row.name}`} options={options} />
    ),
  });
  return [
    {
      header: t('colId'),
      kind: 'number',
      cell: (row) => (
        <>
          {row.id}
          <input type="hidden" name={`${row.base}.id`} value={row.id} />
          <input type="hidden" name={`${row.base}.name`} value={row.name} />
          <FieldError id={`${fieldId(`${row.base}.id`)}-error`} message={form.error(`${row.base}.id`)} />
        </>
      ),
    },
    { header: t('colState'), rowHeader: true, cell: (row) => row.name },
    {
      header: t('colSelected'),
      kind: 'check',
      cell: (row) => (
        <input
          type="checkbox"
          name={`${row.base}.selected`}
          id={fieldId(`${row.base}.selected`)}
          aria-label={`${t('colSelected')} — ${row.name}`}
          checked={row.selected}
        />
      ),
    },
    select('documentType', t('colDocumentType'), TYPE_OPTIONS),
    select('documentStatus', t('colDocumentStatus'), STATUS_OPTIONS),
    select('changeStateTo', t('colChangeStateTo'), changeOptions),
  ];
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
  const rows = Array.from({ length: props.rowCount }, (_, index) => stateRow(form, index)).sort(
    (a, b) => numericId(a.id) - numericId(b.id) || a.index - b.index,
  );
  return (
    <DataTable
      id="state-table"
      class="state-table"
      columns={stateColumns(form, changeOptions, t)}
      rows={rows}
      rowAttributes={(row) => ({
        class: row.selected ? 'selected-row' : undefined,
        'data-state-id': row.id,
      })}
    />
  );
}
