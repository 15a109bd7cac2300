import { parseDay } from '../domain/input-values.js';
import { setPath } from './field-paths.js';

/**
 * Turns a settings form into a config candidate for validateConfig. Values are converted only as far as
 * the form's widgets say (a number field becomes a number when it is one); anything else is left as typed
 * so that the config schema — the same one as for the file — reports it, next to its field.
 */

export type FieldKind =
  /** Text, kept as typed. */
  | 'text'
  /** Text; empty means the key is absent (an optional setting). */
  | 'optional-text'
  /** Text; empty means null. */
  | 'nullable-text'
  /** A day typed dd/mm/yyyy (or yyyy-mm-dd), stored yyyy-mm-dd; empty means absent. */
  | 'optional-date'
  | 'integer'
  /** A state id select; empty means null ("Ne pas modifier le statut", "Aucun"). */
  | 'nullable-integer'
  | 'checkbox';

export interface FieldSpec {
  readonly path: string;
  readonly kind: FieldKind;
}

export type FormBody = Readonly<Record<string, readonly string[]>>;

/** Normalises Hono's parseBody({ all: true }) result: every field as a list of strings (files dropped). */
export function formBody(parsed: Record<string, unknown>): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(parsed)) {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    body[name] = values.filter((item): item is string => typeof item === 'string');
  }
  return body;
}

function convert(kind: FieldKind, raw: string | undefined): unknown {
  const text = raw?.trim() ?? '';
  switch (kind) {
    case 'checkbox':
      return raw !== undefined;
    case 'text':
      return raw ?? '';
    case 'optional-text':
      return text === '' ? undefined : text;
    case 'nullable-text':
      return text === '' ? null : text;
    case 'optional-date': {
      if (text === '') return undefined;
      // A day that does not parse is left as typed: the config schema reports it next to its field.
      const day = parseDay(text, 'date');
      return day.ok ? day.value : text;
    }
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'nullable-integer':
      return text === '' ? null : /^-?\d+$/.test(text) ? Number(text) : text;
  }
}

/** A deep copy of `base` with the form's fields written at their paths. */
export function applyFields(
  base: object,
  fields: readonly FieldSpec[],
  body: FormBody,
): Record<string, unknown> {
  const candidate = structuredClone(base) as Record<string, unknown>;
  for (const field of fields) setPath(candidate, field.path, convert(field.kind, body[field.path]?.[0]));
  return candidate;
}
