import { readFile, rename, writeFile, open } from 'node:fs/promises';
import { dirname, basename, join, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Document, parse as parseYaml, visit } from 'yaml';
import type { z } from 'zod';
import { ExpectedFailure } from '../domain/failure.js';
import { configSchema, type NavetteConfig } from './config-schema.js';
import { DOLIBARR_KEY_FILE, readKeyFile } from './key-file.js';

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

/** Where the database setting names no file: a PostgreSQL URL, or SQLite's in-memory database. */
export function isFileLocation(location: string): boolean {
  return location !== '' && location !== ':memory:' && !/^postgres(ql)?:\/\//i.test(location);
}

/**
 * The config with every relative file path (the GesCom database, the key file) made absolute from the
 * config file's folder: `navette -c /srv/shop/navette.yaml` uses the same database from any directory.
 */
export function resolveConfigPaths(config: NavetteConfig, configPath: string): NavetteConfig {
  const folder = dirname(resolve(configPath));
  const { database } = config.gescom;
  const { keyFile } = config.shop;
  const dolibarr = config.gescom.dolibarr;
  const gescom = isFileLocation(database)
    ? { ...config.gescom, database: resolve(folder, database) }
    : config.gescom;
  return {
    ...config,
    shop: keyFile === undefined ? config.shop : { ...config.shop, keyFile: resolve(folder, keyFile) },
    gescom:
      dolibarr?.keyFile === undefined
        ? gescom
        : { ...gescom, dolibarr: { ...dolibarr, keyFile: resolve(folder, dolibarr.keyFile) } },
  };
}

/** The opposite, for writing: a path inside the config's folder is written relative to it, so the folder can move. */
function relativeConfigPaths(
  config: NavetteConfig | Record<string, unknown>,
  configPath: string,
): Record<string, unknown> {
  const folder = dirname(resolve(configPath));
  const inFolder = (path: string): string => {
    const fromFolder = relative(folder, path);
    return isAbsolute(path) &&
      fromFolder !== '' &&
      !fromFolder.startsWith(`..${sep}`) &&
      !isAbsolute(fromFolder)
      ? fromFolder
      : path;
  };
  const copy: Record<string, unknown> = { ...config };
  const section = (name: string): Record<string, unknown> | undefined => {
    const value = copy[name];
    return typeof value === 'object' && value !== null
      ? { ...(value as Record<string, unknown>) }
      : undefined;
  };
  const shop = section('shop');
  if (shop !== undefined && typeof shop['keyFile'] === 'string') {
    copy['shop'] = { ...shop, keyFile: inFolder(shop['keyFile']) };
  }
  const gescom = section('gescom');
  if (gescom !== undefined && typeof gescom['database'] === 'string' && isFileLocation(gescom['database'])) {
    copy['gescom'] = { ...gescom, database: inFolder(gescom['database']) };
  }
  const dolibarr = gescom?.['dolibarr'] as Record<string, unknown> | undefined;
  if (dolibarr !== undefined && typeof dolibarr['keyFile'] === 'string') {
    copy['gescom'] = {
      ...(copy['gescom'] as Record<string, unknown>),
      dolibarr: { ...dolibarr, keyFile: inFolder(dolibarr['keyFile']) },
    };
  }
  return copy;
}

/**
 * YAML written so that a YAML 1.1 reader (PyYAML, Ansible, older tools) reads the same values as navette:
 * `to: 21:00` is the number 1260 there, `yes`/`off` booleans, `0755` octal, `2026-01-01` a date. The yaml
 * library's 1.1 schema quotes every string it would resolve otherwise; `=` and `<<` (the 1.1 "value" and
 * "merge" keys, which PyYAML refuses or merges) are quoted on top.
 */
export function toPortableYaml(value: unknown): string {
  const document = new Document(value, { version: '1.1' });
  visit(document, {
    Scalar(_key, node) {
      if (node.value === '=') node.type = 'QUOTE_DOUBLE';
      // The library writes a '<<' string as the merge key, quoted or not, unless tagged a string.
      if (node.value === '<<') Object.assign(node, { type: 'QUOTE_DOUBLE', tag: 'tag:yaml.org,2002:str' });
    },
  });
  return document.toString({ lineWidth: 0 });
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
  return resolveConfigPaths(result.config, path);
}

/**
 * Writes the config atomically (temporary file, fsync, rename): a crash never leaves half a file. Paths
 * inside the config's folder are written relative to it (loadConfig reads them from there).
 */
export async function saveConfig(
  path: string,
  config: NavetteConfig | Record<string, unknown>,
): Promise<void> {
  const portable = relativeConfigPaths(config, path);
  const text =
    extname(path).toLowerCase() === '.json'
      ? `${JSON.stringify(portable, null, 2)}\n`
      : toPortableYaml(portable);
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

/**
 * Dolibarr's API key: NAVETTE_DOLIBARR_KEY, or `gescom.dolibarr.keyFile` (checked as the shop's key file
 * is). Never in the config itself, never printed.
 */
export async function resolveDolibarrKey(
  config: NavetteConfig,
  env: NodeJS.ProcessEnv = process.env,
  warn: (text: string) => void = (text) => process.stderr.write(`navette : attention : ${text}\n`),
): Promise<string> {
  const fromEnv = env['NAVETTE_DOLIBARR_KEY']?.trim();
  if (fromEnv) return fromEnv;
  const keyFile = config.gescom.dolibarr?.keyFile;
  if (keyFile !== undefined) {
    const file = await readKeyFile(keyFile, DOLIBARR_KEY_FILE);
    if (file.warning !== undefined) warn(file.warning);
    return file.key;
  }
  throw new ExpectedFailure(
    'dolibarr-key-missing',
    'Aucune clé pour l’API Dolibarr : définissez la variable NAVETTE_DOLIBARR_KEY ou "gescom.dolibarr.keyFile" dans la configuration (Dolibarr : Utilisateurs & Groupes > l’utilisateur de navette > Clé pour l’API).',
  );
}
