import type { Language } from '../i18n.js';
import { WEBSERVICE_SETTINGS } from './failure-text.js';

/**
 * What is wrong with a key file (config/key-file.ts), with the values its French text was written from:
 * refused (unreadable, or not a key of the `owner`'s) or readable by others.
 */
export type KeyFileProblem = { readonly path: string } & (
  | { readonly code: 'key-file-unreadable' }
  | { readonly code: 'key-file-invalid'; readonly owner: 'shop' | 'dolibarr' }
  | { readonly code: 'key-file-open'; readonly mode: number }
);

/** Whose key a file should hold, and where it is made, as the English back offices name them. */
const OWNERS = {
  shop: { keyName: 'a webservice key', where: `PrestaShop: ${WEBSERVICE_SETTINGS}` },
  dolibarr: {
    keyName: 'a Dolibarr API key',
    where: 'in Dolibarr: Users & Groups > navette’s user, its key for the API',
  },
} as const;

/** A key file's problem in the page's language: French as written (what the CLI prints), or English. */
export function keyFileText(problem: KeyFileProblem & { readonly text: string }, language: Language): string {
  return language === 'fr' ? problem.text : keyFileEnglish(problem);
}

export function keyFileEnglish(problem: KeyFileProblem): string {
  const { path } = problem;
  switch (problem.code) {
    case 'key-file-unreadable':
      return `The key file ${path} cannot be read: check its path and its permissions.`;
    case 'key-file-invalid': {
      const owner = OWNERS[problem.owner];
      return (
        `The key file ${path} does not hold ${owner.keyName}: it must hold the key alone, 32 letters and ` +
        `digits (${owner.where}). Check the path; its content was sent nowhere.`
      );
    }
    case 'key-file-open':
      return (
        `Other users of this computer can read the key file ${path} (permissions ` +
        `${problem.mode.toString(8)}): restrict it with “chmod 600 ${path}”.`
      );
  }
}
