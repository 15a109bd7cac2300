import type { NavetteConfig } from '../../config/config-schema.js';
import { validateConfig } from '../../config/load-config.js';
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
  const result = validateConfig(candidate);
  if (!result.ok) return { ok: false, form: FormState.fromSubmission(body, result.issues) };
  await services.configs.save(result.config);
  await services.secrets.learn(await services.configs.current());
  return { ok: true };
}
