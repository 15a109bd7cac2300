import { readFile, stat } from 'node:fs/promises';
import { ExpectedFailure } from '../domain/failure.js';

/**
 * What a key file may hold: the key PrestaShop generates (Paramètres avancés > Webservice) or the one
 * Dolibarr generates for a user, 32 letters and digits, and at most a line end. Anything else is refused before it is read whole or
 * sent anywhere: the key travels to the shop's (or Dolibarr's) URL, so a path pointing at another file (/etc/hostname,
 * a private key…) would otherwise send that file to whatever URL the config names.
 */
const KEY_FILE_CONTENT = /^([A-Za-z0-9]{32})(?:\r?\n)?$/;
const MAX_KEY_FILE_BYTES = 64;
/** Read permission for the file's group or for everyone. */
const READABLE_BY_OTHERS = 0o044;

/** Whose key a file holds: named in the messages, with where to find the key. */
export interface KeyFileOwner {
  /** « une clé webservice », « une clé d’API Dolibarr ». */
  readonly keyName: string;
  /** Where the key is made, e.g. « PrestaShop : Paramètres avancés > Webservice ». */
  readonly where: string;
}

export const SHOP_KEY_FILE: KeyFileOwner = {
  keyName: 'une clé webservice',
  where: 'PrestaShop : Paramètres avancés > Webservice',
};

export const DOLIBARR_KEY_FILE: KeyFileOwner = {
  keyName: 'une clé d’API Dolibarr',
  where: 'Dolibarr : Utilisateurs & Groupes > l’utilisateur de navette > Clé pour l’API',
};

export interface KeyFile {
  readonly key: string;
  /** Set when other users of the computer can read the file (the owner should `chmod 600` it). */
  readonly warning: string | undefined;
  /** The file's permissions (`0o644`), which the warning names: for a page to say it in English. */
  readonly mode: number;
}

/**
 * A key file refused: its code says why (not a key, or unreadable) and `path` which file, for a page to
 * say it in its own language; the message is the French the CLI prints.
 */
export class KeyFileFailure extends ExpectedFailure<'key-file-invalid' | 'key-file-unreadable'> {
  constructor(
    code: 'key-file-invalid' | 'key-file-unreadable',
    message: string,
    readonly path: string,
  ) {
    super(code, message);
  }
}

function invalid(path: string, owner: KeyFileOwner): KeyFileFailure {
  return new KeyFileFailure(
    'key-file-invalid',
    `Le fichier de clé ${path} ne contient pas ${owner.keyName} : il doit contenir la clé seule, 32 lettres et chiffres (${owner.where}). Vérifiez le chemin ; son contenu n'a été envoyé nulle part.`,
    path,
  );
}

function unreadable(path: string): KeyFileFailure {
  return new KeyFileFailure(
    'key-file-unreadable',
    `Le fichier de clé ${path} est illisible : vérifiez son chemin et ses droits.`,
    path,
  );
}

/** The warning for a key file others can read, or undefined (never on Windows, whose modes mean nothing). */
export function keyFileModeWarning(path: string, mode: number): string | undefined {
  if (process.platform === 'win32' || (mode & READABLE_BY_OTHERS) === 0) return undefined;
  return `Le fichier de clé ${path} est lisible par d'autres utilisateurs de cet ordinateur (droits ${(mode & 0o777).toString(8)}) : restreignez-le avec « chmod 600 ${path} ».`;
}

/**
 * Reads and checks a key file; throws `key-file-unreadable` or `key-file-invalid` (KeyFileFailure), the
 * latter naming whose key was expected (the shop's unless told).
 */
export async function readKeyFile(path: string, owner: KeyFileOwner = SHOP_KEY_FILE): Promise<KeyFile> {
  const stats = await stat(path).catch(() => {
    throw unreadable(path);
  });
  // A directory, a device or a pipe is no key file, and a big file is not read at all.
  if (!stats.isFile() || stats.size > MAX_KEY_FILE_BYTES) throw invalid(path, owner);
  const text = await readFile(path, 'utf8').catch(() => {
    throw unreadable(path);
  });
  const key = KEY_FILE_CONTENT.exec(text)?.[1];
  if (key === undefined) throw invalid(path, owner);
  return { key, warning: keyFileModeWarning(path, stats.mode), mode: stats.mode & 0o777 };
}
