import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExpectedFailure, type FailureData } from '../../domain/failure.js';

/**
 * The database of the embedded GesCom cannot be used: full disk, no right to write, not a database,
 * nobody answering. Each is one French message naming the file (or the PostgreSQL server, its password
 * masked), the cause and what to do — never a driver's stack trace or its misleading follow-up errors —
 * and the values it was written from (`case`, the file or server…), for a page to say it in its own
 * language (web/views/storage-failure-text.ts).
 */
export type StorageFailureCode =
  'storage-full' | 'storage-read-only' | 'storage-not-a-database' | 'storage-unavailable';

export class StorageFailure extends ExpectedFailure {
  constructor(
    override readonly code: StorageFailureCode,
    message: string,
    options?: { cause?: unknown; data?: FailureData },
  ) {
    super(code, message, options);
  }

  /** A write failed for lack of room or rights: the writes after it fail too until someone acts. */
  get blocksWrites(): boolean {
    return this.code === 'storage-full' || this.code === 'storage-read-only';
  }
}

export function isStorageFailure(error: unknown): error is StorageFailure {
  return error instanceof StorageFailure;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** How a message names the database: the file, or the PostgreSQL URL with its password masked. */
export function describeLocation(location: string): string {
  if (!POSTGRES_URL.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password !== '') url.password = '***';
    url.searchParams.delete('password');
    return url.toString();
  } catch {
    return 'postgres://… (adresse illisible)';
  }
}

/** The StorageFailure an error of better-sqlite3, pg or the file system stands for; undefined for others. */
export function toStorageFailure(error: unknown, location: string): StorageFailure | undefined {
  if (error instanceof StorageFailure) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  const codeText = typeof code === 'string' ? code : '';
  return POSTGRES_URL.test(location)
    ? postgresFailure(codeText, text, location, error)
    : sqliteFailure(codeText, location, error);
}

function sqliteFailure(code: string, file: string, cause: unknown): StorageFailure | undefined {
  const failure = (kind: StorageFailureCode, message: string, data: FailureData) =>
    new StorageFailure(kind, message, { cause, data: { file, ...data } });
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return failure(
      'storage-full',
      `La gestion commerciale ${file} ne peut plus s'écrire : le disque est plein. Rien n'a été écrit à moitié (la commande en cours n'est pas enregistrée). Libérez de la place sur ce disque, puis relancez l'import : il reprendra où il s'est arrêté.`,
      { case: 'sqlite-full' },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return failure(
      'storage-read-only',
      `La gestion commerciale ${file} est en lecture seule (${readOnlyPart(file)}) : navette ne peut pas y écrire. Donnez le droit d'écrire sur le fichier et sur son dossier à l'utilisateur qui lance navette (navette y crée aussi ses fichiers -wal et -shm), puis relancez.`,
      { case: 'sqlite-read-only', part: readOnlyCase(file) },
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return failure(
      'storage-not-a-database',
      `${file} n'est pas une base de gestion commerciale lisible (fichier d'un autre type, ou abîmé). Vérifiez "gescom.database" dans la configuration, ou restaurez une sauvegarde de ce fichier.`,
      { case: 'sqlite-not-a-database' },
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'EISDIR') {
    return failure('storage-unavailable', cannotOpenMessage(file), cannotOpenData(file));
  }
  if (code.startsWith('SQLITE_IOERR')) {
    if (!isWritable(file) || !isWritable(dirname(file))) return sqliteFailure('EROFS', file, cause);
    return failure(
      'storage-unavailable',
      `La gestion commerciale ${file} ne se lit ou ne s'écrit plus (erreur du disque : ${code}). Rien n'a été écrit à moitié. Vérifiez le disque (place, montage, état), puis relancez.`,
      { case: 'sqlite-io', code },
    );
  }
  return undefined;
}

/** Which of cannotOpenMessage's wordings, with the folder it names. */
function cannotOpenData(file: string): FailureData {
  const folder = dirname(file);
  if (statOf(file)?.isDirectory()) return { case: 'sqlite-is-folder' };
  if (!statOf(folder)?.isDirectory()) return { case: 'sqlite-no-folder', folder };
  if (!isWritable(folder)) return { case: 'sqlite-folder-read-only', folder };
  return { case: 'sqlite-cannot-open' };
}

function cannotOpenMessage(file: string): string {
  const folder = dirname(file);
  if (statOf(file)?.isDirectory()) {
    return `${file} est un dossier, pas une base de gestion commerciale : indiquez un fichier dans "gescom.database" (par exemple ${file}/navette.db).`;
  }
  if (!statOf(folder)?.isDirectory()) {
    return `Le dossier ${folder} de la gestion commerciale ${file} n'existe pas : créez-le, ou corrigez "gescom.database" dans la configuration.`;
  }
  if (!isWritable(folder)) {
    return `Le dossier ${folder} n'accepte pas l'écriture : navette ne peut pas y ouvrir la gestion commerciale ${file} (ni y créer ses fichiers -wal et -shm). Donnez le droit d'écrire sur ce dossier à l'utilisateur qui lance navette, puis relancez.`;
  }
  return `La gestion commerciale ${file} ne s'ouvre pas : vérifiez le chemin dans "gescom.database" et les droits sur ce fichier et son dossier.`;
}

/** Which of readOnlyPart's wordings. */
function readOnlyCase(file: string): string {
  if (!isWritable(dirname(file))) return 'folder';
  if (statOf(file) !== undefined && !isWritable(file)) return 'file';
  return 'any';
}

function readOnlyPart(file: string): string {
  if (!isWritable(dirname(file))) return `son dossier ${dirname(file)} n'accepte pas l'écriture`;
  if (statOf(file) !== undefined && !isWritable(file)) return 'le fichier est protégé en écriture';
  return "le fichier, son dossier ou le disque refuse l'écriture";
}

function postgresFailure(
  code: string,
  text: string,
  location: string,
  cause: unknown,
): StorageFailure | undefined {
  const server = describeLocation(location);
  const failure = (kind: StorageFailureCode, message: string, data: FailureData) =>
    new StorageFailure(kind, message, { cause, data: { server, ...data } });
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code) ||
    /timeout|terminated unexpectedly|Connection terminated/i.test(text)
  ) {
    return failure(
      'storage-unavailable',
      `La base PostgreSQL ${server} ne répond pas (${code || 'délai dépassé'}) : vérifiez que le serveur PostgreSQL est démarré et joignable, et l'adresse "gescom.database" dans la configuration, puis relancez.`,
      code === '' ? { case: 'postgres-timeout' } : { case: 'postgres-unreachable', code },
    );
  }
  if (code === '28P01' || code === '28000') {
    return failure(
      'storage-unavailable',
      `La base PostgreSQL ${server} refuse la connexion (utilisateur ou mot de passe) : corrigez l'adresse "gescom.database" dans la configuration, ou les droits de cet utilisateur sur le serveur.`,
      { case: 'postgres-refused' },
    );
  }
  if (code === '3D000') {
    return failure(
      'storage-unavailable',
      `La base PostgreSQL ${server} n'existe pas sur ce serveur : créez-la (createdb), ou corrigez "gescom.database" dans la configuration.`,
      { case: 'postgres-no-database' },
    );
  }
  if (code === '53100') {
    return failure(
      'storage-full',
      `La base PostgreSQL ${server} ne peut plus s'écrire : le disque du serveur est plein. Rien n'a été écrit à moitié. Libérez de la place sur le serveur, puis relancez l'import.`,
      { case: 'postgres-full' },
    );
  }
  if (code === '25006' || code === '42501') {
    return failure(
      'storage-read-only',
      `La base PostgreSQL ${server} refuse l'écriture (serveur en lecture seule, ou droits insuffisants) : donnez à cet utilisateur le droit d'écrire sur la base, puis relancez.`,
      { case: 'postgres-read-only' },
    );
  }
  if (code === '57P01' || code === '57P03' || code === '53300') {
    return failure(
      'storage-unavailable',
      `La base PostgreSQL ${server} n'accepte pas de connexion pour l'instant (${code}) : réessayez dans un moment, ou vérifiez l'état du serveur.`,
      { case: 'postgres-busy', code },
    );
  }
  return undefined;
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
