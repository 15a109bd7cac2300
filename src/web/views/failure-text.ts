import type { FailureData } from '../../domain/failure.js';
import { RUN_ABORTED, RUN_IN_PROGRESS, type JournalEntry } from '../../domain/import-report.js';
import type { Language } from '../i18n.js';
import { dolibarrFailureText } from './dolibarr-failure-text.js';
import { englishOr, MessageValues, missingValue } from './message-values.js';
import { STORAGE_FAILURES } from './storage-failure-text.js';

/** A failure as a page meets it: a run's `fatal`, an error page's ExpectedFailure. */
export interface ShownFailure {
  readonly code: string;
  /** In French: what the CLI prints, and what a French page shows. */
  readonly message: string;
  readonly data?: FailureData | undefined;
}

/**
 * A failure in the page's language. French pages show its message as written; English pages render it
 * from its code and values: the shop's webservice failures, Dolibarr's (also once they put the GesCom
 * out of reach), the embedded GesCom's database's. A failure without values (kept before they were, or
 * one no page renders yet: a key file's, the configuration's) is shown in French rather than not at all
 * — except the run's own stops, whose words depend on their code alone.
 */
export function failureText(failure: ShownFailure, language: Language): string {
  if (language === 'fr') return failure.message;
  const own = Object.hasOwn(RUN_STOPS, failure.code) ? RUN_STOPS[failure.code] : undefined;
  if (own !== undefined) return own;
  const { data } = failure;
  // Values are what a page says a failure from.
  if (data === undefined) return failure.message;
  const { catalogue, code } = catalogueOf(failure.code, data);
  const english = Object.hasOwn(catalogue, code) ? catalogue[code] : undefined;
  if (english === undefined) return failure.message;
  const values = new MessageValues(data);
  return englishOr(failure.message, () => english(values));
}

type Catalogue = Readonly<Record<string, (values: MessageValues) => string>>;

/**
 * Where a failure's English is, and under which name: the database's and Dolibarr's by the wording their
 * `case` names, the shop's (marked so: some codes are Dolibarr's too) by its code.
 */
function catalogueOf(code: string, data: FailureData): { catalogue: Catalogue; code: string } {
  if (code.startsWith('storage-')) return { catalogue: STORAGE_FAILURES, code: String(data['case']) };
  if (data['side'] === 'shop') return { catalogue: SHOP_FAILURES, code };
  return { catalogue: DOLIBARR, code: 'dolibarr' };
}

/** Dolibarr's failures (adapters/dolibarr/errors.ts), as the connection and run pages already say them. */
const DOLIBARR: Catalogue = { dolibarr: dolibarrFailureText };

/**
 * The fatal message of a run in the page's language, with the values kept on the journal's line that
 * told it (its `run-stopped` note; a run has no column for them).
 */
export function fatalText(
  fatal: { readonly code: string; readonly message: string },
  journal: readonly JournalEntry[],
  language: Language,
): string {
  const note = journal
    .map((entry) => entry.note)
    .find((kept) => kept?.code === 'run-stopped' && kept.failureCode === fatal.code);
  return failureText({ ...fatal, data: note?.code === 'run-stopped' ? note.data : undefined }, language);
}

/** The run's own stops (sync/run-import.ts, adapters/embedded/store/interrupted-runs.ts): fixed words. */
const RUN_STOPS: Readonly<Record<string, string>> = {
  [RUN_IN_PROGRESS]:
    'An import is already running for this shop (started from the command line, the web page or the ' +
    'schedule): try again once it has finished.',
  [RUN_ABORTED]: 'The import was interrupted.',
  'run-interrupted':
    'Import interrupted before its end (program stopped, crash, or sales management out of reach). The ' +
    'orders counted here are in the sales management; the next import takes up the others.',
};

// The menu as PrestaShop's English back office names it.
export const WEBSERVICE_SETTINGS = 'Advanced Parameters > Webservice';

/** What a key may not do with a method, in “The key cannot …”. */
export function verb(method: string): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return 'read';
    case 'POST':
      return 'create';
    case 'DELETE':
      return 'delete';
    default:
      return 'modify';
  }
}

/** The English of the shop's webservice failures (adapters/prestashop/errors.ts), from their values. */
const SHOP_FAILURES: Catalogue = {
  'key-invalid': (v) => {
    switch (v.text('case')) {
      case 'format':
        return `The webservice key does not have the right format (32 characters): copy it again from ${WEBSERVICE_SETTINGS}.`;
      case 'unknown':
        return (
          `The webservice key is unknown to the shop or disabled: check it in ${WEBSERVICE_SETTINGS} ` +
          '(the key exists and “Enable webservice key” is Yes).'
        );
      default:
        return missingValue();
    }
  },
  'key-inactive': () =>
    `The webservice key is disabled: set “Enable webservice key” to Yes in ${WEBSERVICE_SETTINGS}.`,
  'permission-denied': (v) => {
    switch (v.text('case')) {
      case 'none':
        return `The webservice key has no permission at all: tick the resources needed in ${WEBSERVICE_SETTINGS}.`;
      case 'resource': {
        const resource = v.text('resource');
        const method = v.text('method');
        return `The key cannot ${verb(method)} ${resource}: tick ${method} for ${resource} in ${WEBSERVICE_SETTINGS}.`;
      }
      default:
        return missingValue();
    }
  },
  'shop-not-enabled-for-key': (v) => {
    const shop = v.text('shop');
    return (
      `The webservice key is not allowed for ${shop === '' ? 'the requested shop' : `shop ${shop}`}: ` +
      `tick that shop for the key in ${WEBSERVICE_SETTINGS}.`
    );
  },
  'filter-unknown': (v) =>
    `The shop refuses a filter on ${v.text('resource')} (error 32): its version of the webservice does ` +
    'not know that field.',
  'shop-not-found': (v) =>
    `Shop ${v.text('shop')} does not exist in this PrestaShop installation: review the shops selected.`,
  'key-missing': () =>
    `The shop received no webservice key: enter the key created in ${WEBSERVICE_SETTINGS}.`,
  'webservice-disabled': () =>
    `The shop’s webservice is disabled: enable it in ${WEBSERVICE_SETTINGS} (“Enable PrestaShop’s ` +
    'webservice” set to Yes).',
  'shop-unreachable': (v) =>
    `The shop ${v.text('url')} does not answer (wrong address, unknown domain name or connection ` +
    'refused): check the shop’s address.',
  'not-prestashop': (v) =>
    `The address ${v.text('url')} does not answer like a PrestaShop webservice (HTTP ${v.text('status')}): ` +
    'give the shop’s address (without /api) and check that the webservice is enabled.',
  'malformed-answer': (v) =>
    `The shop sent an unreadable answer for ${v.text('url')} (${v.text('detail')}): try again later; if ` +
    'it goes on, a module of the shop may be disturbing the webservice.',
  timeout: (v) =>
    `The shop did not answer within ${v.text('seconds')} s at ${v.text('url')}, even after several ` +
    'attempts: try again later or reduce the size of the pages.',
  'server-error': (v) => {
    const what = v.text('case') === 'cut' ? 'the connection was cut' : `HTTP ${v.text('status')}`;
    return (
      `The shop failed ${v.text('attempts')} times in a row on ${v.text('url')} (${what}): try again ` +
      'later; if it goes on, look at the host’s logs.'
    );
  },
};
