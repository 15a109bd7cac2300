import type { NavetteConfig } from '../../config/config-schema.js';
import { validateConfig, type ConfigIssue } from '../../config/load-config.js';
import { parseDay, parseNonNegativeDecimal, parsePlainText, type Parsed } from '../../domain/input-values.js';
import { applyFields, type FieldSpec, type FormBody } from '../config-form.js';
import { FormState } from '../views/form-state.js';
import type { WebServices } from '../web-services.js';

export interface ConfigFormSubmission {
  /** The page's fields, named after their config paths. */
  readonly fields: readonly FieldSpec[];
  /** The config the fields are written onto (e.g. with the state table emptied, to be rewritten whole). */
  readonly base?: (config: NavetteConfig) => object;
  /** Fields that are not one value at one path (the shop checkboxes). */
  readonly finish?: (candidate: Record<string, unknown>, body: FormBody) => void;
}

/**
 * Saves a settings form: the form's values on top of the current config, validated by the config file's
 * own schema, written atomically. On failure nothing is written and the form comes back as typed, with
 * each issue next to its field.
 */
export async function saveConfigForm(
  services: WebServices,
  body: FormBody,
  submission: ConfigFormSubmission,
): Promise<{ ok: true } | { ok: false; form: FormState }> {
  const config = await services.configs.current();
  const candidate = applyFields(submission.base?.(config) ?? config, submission.fields, body);
  submission.finish?.(candidate, body);
  const typed = typedValueIssues(submission.fields, body);
  const result = validateConfig(candidate);
  if (!result.ok || typed.length > 0) {
    const typedPaths = new Set(typed.map((issue) => issue.path));
    const schemaIssues = result.ok ? [] : result.issues.filter((issue) => !typedPaths.has(issue.path));
    return { ok: false, form: FormState.fromSubmission(body, [...typed, ...schemaIssues]) };
  }
  await services.configs.save(result.config);
  await services.secrets.learn(await services.configs.current());
  return { ok: true };
}

/** Fields read by the parsers the command line uses too (domain/input-values.ts), by their path. */
const VALUE_PARSERS: Readonly<Record<string, (text: string) => Parsed<unknown>>> = {
  'period.from': (text) => parseDay(text, 'date'),
  'period.to': (text) => parseDay(text, 'date'),
  'totals.roundingTolerance': (text) => parseNonNegativeDecimal(text, 'tolérance'),
};

/**
 * What the parsers refuse in the submitted values — an impossible date, a negative tolerance, a control
 * character in a one-line setting — each next to its field, with the message the CLI would give.
 */
function typedValueIssues(fields: readonly FieldSpec[], body: FormBody): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const field of fields) {
    const text = body[field.path]?.[0];
    if (text === undefined || text.trim() === '') continue;
    const parse =
      VALUE_PARSERS[field.path] ??
      (field.kind === 'text' || field.kind === 'optional-text' || field.kind === 'nullable-text'
        ? (value: string) => parsePlainText(value, 'texte')
        : undefined);
    const parsed = parse?.(text);
    if (parsed !== undefined && !parsed.ok) issues.push({ path: field.path, message: parsed.message });
  }
  return issues;
}
