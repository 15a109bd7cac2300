import { ExpectedFailure, type FailureData } from '../../domain/failure.js';

/** Stable codes of the failures a business can meet talking to its Dolibarr. */
export type DolibarrFailureCode =
  | 'dolibarr-unreachable'
  | 'not-dolibarr'
  | 'key-missing'
  | 'key-refused'
  | 'right-missing'
  | 'waf-refused'
  | 'module-off'
  | 'not-found'
  | 'bad-request'
  | 'lookup-path-broken'
  | 'conflict'
  | 'filter-invalid'
  | 'filter-value-unsupported'
  | 'malformed-answer'
  | 'timeout'
  | 'data-refused'
  | 'server-error';

/**
 * A failure of Dolibarr's. Its `data` names the message's wording (`case`) and the values it was written
 * from (the call, the HTTP status, Dolibarr's own words as `detail`…), for the English page.
 */
export class DolibarrFailure extends ExpectedFailure {
  constructor(
    override readonly code: DolibarrFailureCode,
    message: string,
    data: FailureData & { readonly case: string },
    readonly status?: number,
    /** Dolibarr's own detail (`error.message` and `error.0`), the key never in it. */
    readonly detail?: string,
    /** The call Dolibarr answered so (any failure of an answer's status). */
    readonly call?: CallContext,
  ) {
    super(code, message, { data });
  }
}

/** What the call was about, for messages: `GET orders`. */
export interface CallContext {
  readonly method: string;
  /** The endpoint with ids as `{id}`, never a query string (it may hold customer data). */
  readonly endpoint: string;
}

const KEY_PLACE = 'Dolibarr > Utilisateurs & Groupes > (l’utilisateur de l’API) > Clé pour l’API';

/** The module an API resource needs, as Dolibarr's setup page names it. */
const MODULE_NAMES: Readonly<Record<string, string>> = {
  thirdparties: 'Tiers',
  contacts: 'Tiers',
  products: 'Produits ou Services',
  proposals: 'Propositions commerciales',
  orders: 'Commandes',
  invoices: 'Factures et avoirs',
  bankaccounts: 'Banques et caisses',
  shipments: 'Expéditions',
  setup: 'API / Web services (serveur REST)',
  status: 'API / Web services (serveur REST)',
};

function resourceOf(context: CallContext): string {
  return context.endpoint.split('/')[0] ?? '';
}

/** A call as the data of a message: its method and endpoint (never a query string). */
function callData(context: CallContext): { readonly method: string; readonly endpoint: string } {
  return { method: context.method, endpoint: context.endpoint };
}

export function unreachable(url: string): DolibarrFailure {
  return new DolibarrFailure(
    'dolibarr-unreachable',
    `Dolibarr ne répond pas à ${url} : vérifiez l’adresse dans la configuration, que le serveur est démarré et que ce poste peut le joindre.`,
    { case: 'dolibarr-unreachable', url },
  );
}

export function timedOut(context: CallContext, seconds: number): DolibarrFailure {
  return new DolibarrFailure(
    'timeout',
    `Dolibarr n’a pas répondu en ${seconds} s à ${context.method} ${context.endpoint}, même après plusieurs essais : le serveur est peut-être surchargé ; la suite sera reprise au prochain passage.`,
    { case: 'timeout', ...callData(context), seconds },
  );
}

export function serverError(
  context: CallContext,
  status: number | undefined,
  attempts: number,
): DolibarrFailure {
  return new DolibarrFailure(
    'server-error',
    `Dolibarr a répondu par une erreur du serveur${status === undefined ? '' : ` (HTTP ${status})`} à ${context.method} ${context.endpoint} après ${attempts} essai(s) : réessayez plus tard ; si cela dure, consultez les journaux de Dolibarr.`,
    { case: 'server-error-retried', ...callData(context), attempts, ...(status !== undefined && { status }) },
    status,
  );
}

export function malformedAnswer(context: CallContext, status: number): DolibarrFailure {
  return new DolibarrFailure(
    'malformed-answer',
    `La réponse de Dolibarr à ${context.method} ${context.endpoint} est illisible (HTTP ${status}) : un module ou un proxy modifie peut-être les réponses de l’API.`,
    { case: 'malformed-answer', ...callData(context), status },
    status,
  );
}

/**
 * An answer of another shape than the one expected: `'list'` when a list was, else the field at fault
 * (empty: the whole answer) and what is wrong with it, as the schema says it.
 */
export function unexpectedShape(
  context: CallContext,
  problem: 'list' | { readonly field: string; readonly issue: string },
): DolibarrFailure {
  const said =
    problem === 'list'
      ? 'une liste était attendue'
      : `${problem.field || 'réponse'} : ${problem.issue || 'invalide'}`;
  return new DolibarrFailure(
    'malformed-answer',
    `La réponse de Dolibarr à ${context.method} ${context.endpoint} n’a pas la forme attendue (${said}) : cette version de Dolibarr n’est peut-être pas prise en charge.`,
    problem === 'list'
      ? { case: 'not-a-list', ...callData(context) }
      : { case: 'unexpected-shape', ...callData(context), field: problem.field, issue: problem.issue },
  );
}

export function filterValueUnsupported(field: string): DolibarrFailure {
  return new DolibarrFailure(
    'filter-value-unsupported',
    `La valeur cherchée dans « ${field} » contient une parenthèse, que les filtres de l’API Dolibarr (sqlfilters) ne savent pas chercher.`,
    { case: 'filter-value-unsupported', field },
  );
}

export function unsafePathValue(value: string): DolibarrFailure {
  return new DolibarrFailure(
    'waf-refused',
    `La valeur « ${value} » ne peut pas figurer dans une adresse de l’API : le pare-feu de Dolibarr refuse les « : » et les caractères spéciaux dans le chemin.`,
    { case: 'unsafe-path-value', value },
  );
}

/**
 * Turns Dolibarr's answer to a failed call into the failure a business can act on. `detail` is Restler's
 * message (`Not Found: Order not found`) with the object's error, if any.
 */
/**
 * Dolibarr's 500s that its own JSON explains as a refusal of the data written (one order's or one
 * customer's), not as a server down: a value too long or in a charset it cannot store, a code in the
 * wrong syntax for the numbering module, a duplicate, an unknown reference (fixtures 019 and 102 of
 * Dolibarr 23.0.0-beta; real exchanges 001 and 004). They fail that order, the run goes on.
 */
const DATA_REFUSALS =
  /Data too long|Incorrect string value|ErrorBad\w*Syntax|AlreadyExists|foreign key constraint fails/i;

export function failureFromStatus(
  status: number,
  detail: string,
  context: CallContext,
  isJson: boolean,
): DolibarrFailure {
  const resource = resourceOf(context);
  const call = `${context.method} ${context.endpoint}`;
  if (status === 401) {
    if (/Neither parameter/.test(detail))
      return new DolibarrFailure(
        'key-missing',
        `Dolibarr n’a pas reçu de clé d’API : renseignez NAVETTE_DOLIBARR_KEY ou le fichier de clé.`,
        { case: 'key-missing' },
        status,
        detail,
        context,
      );
    return new DolibarrFailure(
      'key-refused',
      `Dolibarr refuse la clé d’API (inconnue, utilisateur désactivé ou hors de ses dates de validité) : vérifiez-la dans ${KEY_PLACE}.`,
      { case: 'key-refused' },
      status,
      detail,
      context,
    );
  }
  if (status === 403 && !isJson)
    return new DolibarrFailure(
      'waf-refused',
      `Le pare-feu de Dolibarr a refusé ${call} (caractère interdit dans l’adresse) : c’est une erreur de navette, signalez-la.`,
      { case: 'waf-refused', ...callData(context) },
      status,
      undefined,
      context,
    );
  if (status === 403)
    return new DolibarrFailure(
      'right-missing',
      `L’utilisateur de la clé d’API n’a pas le droit de faire ${call} : donnez-lui les droits du module ${MODULE_NAMES[resource] ?? resource} dans Dolibarr > Utilisateurs & Groupes > Permissions.`,
      { case: 'right-missing', ...callData(context), resource },
      status,
      detail,
      context,
    );
  if (status === 501)
    return new DolibarrFailure(
      'module-off',
      `Dolibarr ne propose pas ${resource} par l’API : activez le module ${MODULE_NAMES[resource] ?? resource} dans Dolibarr > Configuration > Modules/Applications.`,
      { case: 'module-off', ...callData(context), resource },
      status,
      undefined,
      context,
    );
  if (status === 404)
    return new DolibarrFailure(
      'not-found',
      `Dolibarr ne trouve pas ce que demande ${call}.`,
      { case: 'not-found', ...callData(context) },
      status,
      detail,
      context,
    );
  if (status === 409)
    return new DolibarrFailure(
      'conflict',
      `Dolibarr signale un doublon pour ${call}.`,
      { case: 'conflict', ...callData(context) },
      status,
      detail,
      context,
    );
  if (status === 400 && /with id=0 can exist/.test(detail))
    return new DolibarrFailure(
      'lookup-path-broken',
      `Cette version de Dolibarr ne sait pas chercher par ${call} (réponse 400) : navette doit passer par les filtres de liste.`,
      { case: 'lookup-path-broken', ...callData(context) },
      status,
      detail,
      context,
    );
  if (status === 400 && /sqlfilters/.test(detail))
    return new DolibarrFailure(
      'filter-invalid',
      `Dolibarr refuse le filtre de ${call}.`,
      { case: 'filter-invalid', ...callData(context) },
      status,
      detail,
      context,
    );
  if (status === 400)
    return new DolibarrFailure(
      'bad-request',
      `Dolibarr refuse ${call} : ${detail}.`,
      { case: 'bad-request', ...callData(context), detail },
      status,
      detail,
      context,
    );
  if (status === 500 && DATA_REFUSALS.test(detail))
    return new DolibarrFailure(
      'data-refused',
      `Dolibarr refuse les données de ${call} : ${detail}. Corrigez la fiche en cause (dans la boutique ou dans Dolibarr), puis relancez l’import.`,
      { case: 'data-refused', ...callData(context), detail },
      status,
      detail,
      context,
    );
  return new DolibarrFailure(
    'server-error',
    `Dolibarr a répondu par une erreur (HTTP ${status}) à ${call}${detail ? ` : ${detail}` : ''}.`,
    { case: 'server-error', ...callData(context), status, detail },
    status,
    detail,
    context,
  );
}
