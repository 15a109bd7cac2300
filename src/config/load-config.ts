import { readFile, rename, writeFile, open } from 'node:fs/promises';
import { dirname, basename, join, extname } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { ExpectedFailure } from '../domain/failure.js';
import { configSchema, type NavetteConfig } from './config-schema.js';
import { readKeyFile } from './key-file.js';

/** A config problem, with the path of the field ("states[3].documentType") and what is wrong. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`,
    '',
  );
}

export function configIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message:
      issue.code === 'unrecognized_keys'
        ? `clé inconnue : ${issue.keys.join(', ')} (vérifiez l'orthographe ; les clés permises sont celles de navette init)`
        : issue.message,
  }));
}

/** Validates a parsed config object: the config or the list of issues. */
export function validateConfig(
  input: unknown,
): { ok: true; config: NavetteConfig } | { ok: false; issues: ConfigIssue[] } {
  const result = configSchema.safeParse(input);
  return result.success
    ? { ok: true, config: result.data }
    : { ok: false, issues: configIssues(result.error) };
}

function parseText(path: string, text: string): unknown {
  try {
    return extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ExpectedFailure('config-syntax', `${path} n'est pas lisible : ${(error as Error).message}`);
  }
}

export async function loadConfig(path: string): Promise<NavetteConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ExpectedFailure(
      'config-missing',
      `Fichier de configuration introuvable : ${path}. Créez-le avec "navette init --url https://votre-boutique" ou indiquez-le avec --config.`,
    );
  }
  const result = validateConfig(parseText(path, text));
  if (!result.ok) {
    const lines = result.issues.map((issue) => `  - ${issue.path || '(racine)'} : ${issue.message}`);
    throw new ExpectedFailure('config-invalid', `Configuration invalide dans ${path} :\n${lines.join('\n')}`);
  }
  return result.config;
}

/** Writes the config atomically (temporary file, fsync, rename): a crash never leaves half a file. */
export async function saveConfig(
  path: string,
  config: NavetteConfig | Record<string, unknown>,
): Promise<void> {
  const text =
    extname(path).toLowerCase() === '.json'
      ? `${JSON.stringify(config, null, 2)}\n`
      : stringifyYaml(config, { lineWidth: 0 });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
  const handle = await open(temporary, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

/**
 * The webservice key: NAVETTE_PS_KEY, or the config's key file, which must hold a key and nothing else
 * (see readKeyFile); `warn` hears when others can read that file. Never stored in the config itself,
 * never printed.
 */
export async function resolveShopKey(
  config: NavetteConfig,
  env: NodeJS.ProcessEnv = process.env,
  warn: (text: string) => void = (text) => process.stderr.write(`navette : attention : ${text}\n`),
): Promise<string> {
  const fromEnv = env['NAVETTE_PS_KEY']?.trim();
  if (fromEnv) return fromEnv;
  if (config.shop.keyFile !== undefined) {
    const file = await readKeyFile(config.shop.keyFile);
    if (file.warning !== undefined) warn(file.warning);
    return file.key;
  }
  throw new ExpectedFailure(
    'key-missing',
    'Aucune clé webservice : définissez la variable NAVETTE_PS_KEY ou "shop.keyFile" dans la configuration (Paramètres avancés > Webservice dans PrestaShop).',
  );
}
