import { missingValue, type MessageValues } from './message-values.js';

const RESTART = 'then start again';

/** The part of the file system that refuses to be written, as the French message's `part` says. */
function readOnlyPart(v: MessageValues): string {
  switch (v.text('part')) {
    case 'folder':
      return 'its folder does not accept writing';
    case 'file':
      return 'the file is write-protected';
    case 'any':
      return 'the file, its folder or the disk refuses writing';
    default:
      return missingValue();
  }
}

/**
 * The English of the embedded GesCom's database failures (adapters/embedded/storage-failure.ts), by
 * the `case` of their values: the file (or the PostgreSQL server, its password masked), the cause,
 * what to do.
 */
export const STORAGE_FAILURES: Readonly<Record<string, (values: MessageValues) => string>> = {
  'sqlite-full': (v) =>
    `The sales management ${v.text('file')} can no longer be written: the disk is full. Nothing was ` +
    'half-written (the order in progress is not recorded). Free some room on that disk, then start the ' +
    'import again: it will go on from where it stopped.',
  'sqlite-read-only': (v) =>
    `The sales management ${v.text('file')} is read-only (${readOnlyPart(v)}): navette cannot write to ` +
    'it. Give the user who runs navette the right to write to the file and to its folder (navette also ' +
    `creates its -wal and -shm files there), ${RESTART}.`,
  'sqlite-not-a-database': (v) =>
    `${v.text('file')} is not a readable sales management database (a file of another kind, or damaged). ` +
    'Check "gescom.database" in the configuration, or restore a backup of that file.',
  'sqlite-is-folder': (v) =>
    `${v.text('file')} is a folder, not a sales management database: give a file in "gescom.database" ` +
    `(for instance ${v.text('file')}/navette.db).`,
  'sqlite-no-folder': (v) =>
    `The folder ${v.text('folder')} of the sales management ${v.text('file')} does not exist: create it, ` +
    'or correct "gescom.database" in the configuration.',
  'sqlite-folder-read-only': (v) =>
    `The folder ${v.text('folder')} does not accept writing: navette cannot open the sales management ` +
    `${v.text('file')} there (nor create its -wal and -shm files). Give the user who runs navette the ` +
    `right to write to that folder, ${RESTART}.`,
  'sqlite-cannot-open': (v) =>
    `The sales management ${v.text('file')} does not open: check the path in "gescom.database" and the ` +
    'rights on that file and its folder.',
  'sqlite-io': (v) =>
    `The sales management ${v.text('file')} can no longer be read or written (disk error: ` +
    `${v.text('code')}). Nothing was half-written. Check the disk (room, mount, state), ${RESTART}.`,
  'postgres-unreachable': (v) =>
    `The PostgreSQL database ${v.text('server')} does not answer (${v.text('code')}): check that the ` +
    `PostgreSQL server is running and reachable, and the address "gescom.database" in the configuration, ${RESTART}.`,
  'postgres-timeout': (v) =>
    `The PostgreSQL database ${v.text('server')} does not answer (timed out): check that the PostgreSQL ` +
    `server is running and reachable, and the address "gescom.database" in the configuration, ${RESTART}.`,
  'postgres-refused': (v) =>
    `The PostgreSQL database ${v.text('server')} refuses the connection (user or password): correct the ` +
    'address "gescom.database" in the configuration, or that user’s rights on the server.',
  'postgres-no-database': (v) =>
    `The PostgreSQL database ${v.text('server')} does not exist on that server: create it (createdb), or ` +
    'correct "gescom.database" in the configuration.',
  'postgres-full': (v) =>
    `The PostgreSQL database ${v.text('server')} can no longer be written: the server’s disk is full. ` +
    'Nothing was half-written. Free some room on the server, then start the import again.',
  'postgres-read-only': (v) =>
    `The PostgreSQL database ${v.text('server')} refuses writing (server read-only, or not enough ` +
    `rights): give that user the right to write to the database, ${RESTART}.`,
  'postgres-busy': (v) =>
    `The PostgreSQL database ${v.text('server')} does not accept connections for now (${v.text('code')}): ` +
    'try again in a moment, or check the state of the server.',
};
