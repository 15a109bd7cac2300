import type { Child } from 'hono/jsx';
import type { Translate } from '../i18n.js';
import type { FormState } from './form-state.js';
import { isoDayToField } from './format.js';
import { FieldError, Notice, fieldId } from './layout.js';

/** Fields named after their config path, showing their value and their validation issue. */

function describedBy(path: string, error: string | undefined, help: string | undefined): string | undefined {
  const ids = [
    error === undefined ? '' : `${fieldId(path)}-error`,
    help === undefined ? '' : `${fieldId(path)}-help`,
  ];
  const joined = ids.filter((id) => id !== '').join(' ');
  return joined === '' ? undefined : joined;
}

/** The help and the validation issue under a field, with the ids `describedBy` points at. */
function FieldNotes(props: { path: string; help: string | undefined; error: string | undefined }) {
  const id = fieldId(props.path);
  return (
    <>
      {props.help === undefined ? null : (
        <span class="help" id={`${id}-help`}>
          {props.help}
        </span>
      )}
      <FieldError id={`${id}-error`} message={props.error} />
    </>
  );
}

/**
 * Dates and times are text fields in French form (dd/mm/yyyy, hh:mm): the browser's own widgets follow
 * the browser's locale (07:00 AM, mm/dd/yyyy), not the page's language. The server reads both forms.
 */
const TYPED_FORMATS = {
  date: { pattern: '\\d{2}/\\d{2}/\\d{4}', placeholder: 'datePlaceholder', size: 10 },
  time: { pattern: '[0-2]\\d:[0-5]\\d', placeholder: 'timePlaceholder', size: 5 },
} as const;

type FieldType = 'text' | 'url' | 'number' | 'date' | 'time';

export function TextField(props: {
  form: FormState;
  path: string;
  label: string;
  help?: string;
  type?: FieldType;
  inputmode?: 'numeric' | 'decimal';
  size?: number;
  /** Needed by date and time fields, for their placeholder. */
  t?: Translate;
}) {
  const error = props.form.error(props.path);
  const id = fieldId(props.path);
  const type = props.type ?? 'text';
  const typed = type === 'date' || type === 'time' ? TYPED_FORMATS[type] : undefined;
  const value = props.form.text(props.path);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type={typed === undefined ? type : 'text'}
        id={id}
        name={props.path}
        value={type === 'date' ? isoDayToField(value) : value}
        size={typed?.size ?? props.size}
        pattern={typed?.pattern}
        placeholder={typed === undefined ? undefined : props.t?.(typed.placeholder)}
        inputmode={typed === undefined ? props.inputmode : 'numeric'}
        class={error === undefined ? undefined : 'invalid'}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(props.path, error, props.help)}
      />
      <FieldNotes path={props.path} help={props.help} error={error} />
    </div>
  );
}

export function SelectField(props: {
  form: FormState;
  path: string;
  label: string;
  options: readonly { value: string; label: string }[];
  help?: string;
  id?: string;
}) {
  const error = props.form.error(props.path);
  const id = props.id ?? fieldId(props.path);
  const current = props.form.text(props.path);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.path}
        class={error === undefined ? undefined : 'invalid'}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(props.path, error, props.help)}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === current}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes path={props.path} help={props.help} error={error} />
    </div>
  );
}

export function CheckboxField(props: { form: FormState; path: string; label: string; help?: string }) {
  const id = fieldId(props.path);
  const error = props.form.error(props.path);
  return (
    <div class="field inline">
      <input
        type="checkbox"
        id={id}
        name={props.path}
        checked={props.form.checked(props.path)}
        aria-describedby={describedBy(props.path, error, props.help)}
      />
      <label for={id}>{props.label}</label>
      <FieldNotes path={props.path} help={props.help} error={error} />
    </div>
  );
}

export function RadioGroup(props: {
  form: FormState;
  path: string;
  legend: string;
  options: readonly { value: string; label: string }[];
}) {
  const current = props.form.text(props.path);
  const error = props.form.error(props.path);
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div class="choices">
        {props.options.map((option) => (
          <label>
            <input type="radio" name={props.path} value={option.value} checked={option.value === current} />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${fieldId(props.path)}-error`} message={error} />
    </fieldset>
  );
}

/** The notice above a form: saved, or not saved with the issues that have no field of their own. */
export function FormOutcome(props: {
  form: FormState;
  saved: boolean;
  fieldPaths: ReadonlySet<string>;
  t: Translate;
  children?: Child;
}) {
  const { form, t } = props;
  if (form.hasErrors) {
    const others = form.otherIssues(props.fieldPaths);
    return (
      <Notice kind="error">
        <p>{t('fixErrors')}</p>
        {others.length === 0 ? null : (
          <ul>
            {others.map((issue) => (
              <li>
                <code>{issue.path || '(racine)'}</code> : {issue.message}
              </li>
            ))}
          </ul>
        )}
      </Notice>
    );
  }
  return props.saved ? <Notice kind="ok">{t('saved')}</Notice> : null;
}
