import { ExpectedFailure, type FailureData } from '../../domain/failure.js';
import { ERROR_CODE } from './webservice-dialect.js';

/** Stable codes of the failures a shop owner can meet with the webservice. */
export type WebserviceFailureCode =
  | 'shop-unreachable'
  | 'not-prestashop'
  | 'webservice-disabled'
  | 'key-missing'
  | 'key-invalid'
  | 'key-inactive'
  | 'permission-denied'
  | 'shop-not-enabled-for-key'
  | 'shop-not-found'
  | 'filter-unknown'
  | 'malformed-answer'
  | 'timeout'
  | 'server-error';

/**
 * A failure of the shop's webservice. Each carries the values its French message was written from, for
 * a page to say it in its own language (web/views/failure-text.ts), marked as the shop's (`side`): some
 * of its codes are Dolibarr's too (`timeout`, `key-missing`), with other words.
 */
export class WebserviceFailure extends ExpectedFailure {
  constructor(
    override readonly code: WebserviceFailureCode,
    message: string,
    readonly status: number | undefined,
    options: { cause?: unknown; data: FailureData },
  ) {
    super(code, message, { ...options, data: { ...options.data, side: 'shop' } });
  }
}

export interface WebserviceError {
  readonly code: number;
  readonly message: string;
}

/** What a failure is about: shown in the messages so the owner knows which setting to change. */
export interface FailureContext {
  readonly resource: string;
  readonly method: string;
  /** The request's shop (`id_shop`), if any. */
  readonly shop?: string;
}

/** The menu of the key's rights, as PrestaShop's French back office names it. */
export const WEBSERVICE_SETTINGS = 'Paramètres avancés > Webservice';

/**
 * Turns a PrestaShop error answer into the failure a shop owner can act on. The error is recognised by
 * PrestaShop's own code, not by the HTTP status (see ERROR_CODE: a real 8.1.2 answers an unknown filter
 * with HTTP 500).
 */
export function failureFromErrors(
  status: number,
  errors: readonly WebserviceError[],
  context: FailureContext,
): WebserviceFailure | undefined {
  const codes = new Set(errors.map((error) => error.code));
  const { resource, method } = context;
  if (codes.has(ERROR_CODE.noKey) || codes.has(ERROR_CODE.emptyKey)) return keyMissing(status);
  if (codes.has(ERROR_CODE.keyFormat)) {
    return new WebserviceFailure(
      'key-invalid',
      `La clé du webservice n'a pas le bon format (32 caractères) : recopiez-la depuis ${WEBSERVICE_SETTINGS}.`,
      status,
      { data: { case: 'format' } },
    );
  }
  // PrestaShop answers an unknown key and a disabled key alike: 20 ("not active") followed by 21
  // ("no permission", because no permission was loaded), 8.1.2/67_error_bad_key_401.json. 20 alone
  // would mean the key exists but is off.
  if (codes.has(ERROR_CODE.keyInactive) && codes.has(ERROR_CODE.noPermission)) {
    return new WebserviceFailure(
      'key-invalid',
      `La clé du webservice est inconnue de la boutique ou désactivée : vérifiez-la dans ${WEBSERVICE_SETTINGS} (clé existante et « Activer la clé » sur Oui).`,
      status,
      { data: { case: 'unknown' } },
    );
  }
  if (codes.has(ERROR_CODE.keyInactive)) {
    return new WebserviceFailure(
      'key-inactive',
      `La clé du webservice est désactivée : passez « Activer la clé » sur Oui dans ${WEBSERVICE_SETTINGS}.`,
      status,
      { data: {} },
    );
  }
  if (codes.has(ERROR_CODE.noPermission)) {
    return new WebserviceFailure(
      'permission-denied',
      `La clé du webservice n'a aucune permission : cochez les ressources nécessaires dans ${WEBSERVICE_SETTINGS}.`,
      status,
      { data: { case: 'none' } },
    );
  }
  if (
    codes.has(ERROR_CODE.webserviceDisabled) ||
    (status === 503 && errors.length > 0 && !codes.has(ERROR_CODE.unknownFilter))
  ) {
    return webserviceDisabled(status);
  }
  if (codes.has(ERROR_CODE.resourceNotAllowed) || (status === 405 && errors.length > 0))
    return permissionDenied(resource, method, status);
  if (codes.has(ERROR_CODE.shopNotAllowedForKey) || codes.has(ERROR_CODE.shopNotAllowedForKeyAlt)) {
    const shop = context.shop ?? 'demandée';
    return new WebserviceFailure(
      'shop-not-enabled-for-key',
      `La clé du webservice n'est pas autorisée pour la boutique ${shop} : cochez cette boutique pour la clé dans ${WEBSERVICE_SETTINGS}.`,
      status,
      { data: { shop: context.shop ?? '' } },
    );
  }
  if (codes.has(ERROR_CODE.unknownFilter)) {
    return new WebserviceFailure(
      'filter-unknown',
      `La boutique refuse un filtre sur ${resource} (erreur 32) : sa version du webservice ne connaît pas ce champ.`,
      status,
      { data: { resource } },
    );
  }
  // "This shop id does not exist" / "This shop group doesn't exist" share the catch-all code 999.
  if (codes.has(ERROR_CODE.catchAll) && errors.some((error) => /shop/i.test(error.message))) {
    return new WebserviceFailure(
      'shop-not-found',
      `La boutique ${context.shop ?? ''} n'existe pas dans cette installation PrestaShop : revoyez les boutiques sélectionnées.`,
      status,
      { data: { shop: context.shop ?? '' } },
    );
  }
  return undefined;
}

export function keyMissing(status?: number): WebserviceFailure {
  return new WebserviceFailure(
    'key-missing',
    `La boutique n'a pas reçu de clé du webservice : saisissez la clé créée dans ${WEBSERVICE_SETTINGS}.`,
    status,
    { data: {} },
  );
}

export function webserviceDisabled(status?: number): WebserviceFailure {
  return new WebserviceFailure(
    'webservice-disabled',
    `Le webservice de la boutique est désactivé : activez-le dans ${WEBSERVICE_SETTINGS} (« Activer le service web » sur Oui).`,
    status,
    { data: {} },
  );
}

export function permissionDenied(resource: string, method: string, status?: number): WebserviceFailure {
  return new WebserviceFailure(
    'permission-denied',
    `La clé ne peut pas ${verb(method)} ${resource} : cochez ${method} pour ${resource} dans ${WEBSERVICE_SETTINGS}.`,
    status,
    { data: { case: 'resource', resource, method } },
  );
}

/** What a key may not do with a method, in « La clé ne peut pas … ». */
export function verb(method: string): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return 'lire';
    case 'POST':
      return 'créer de';
    case 'DELETE':
      return 'supprimer de';
    default:
      return 'modifier';
  }
}

export function shopUnreachable(url: string, cause: unknown): WebserviceFailure {
  return new WebserviceFailure(
    'shop-unreachable',
    `La boutique ${url} ne répond pas (adresse erronée, nom de domaine inconnu ou connexion refusée) : vérifiez l'adresse de la boutique.`,
    undefined,
    { cause, data: { url } },
  );
}

export function notPrestaShop(url: string, status: number): WebserviceFailure {
  return new WebserviceFailure(
    'not-prestashop',
    `L'adresse ${url} ne répond pas comme un webservice PrestaShop (HTTP ${status}) : indiquez l'adresse de la boutique (sans /api) et vérifiez que le webservice est activé.`,
    status,
    { data: { url, status } },
  );
}

export function malformedAnswer(url: string, detail: string, status?: number): WebserviceFailure {
  return new WebserviceFailure(
    'malformed-answer',
    `La boutique a envoyé une réponse illisible pour ${url} (${detail}) : réessayez plus tard ; si cela persiste, un module de la boutique perturbe peut-être le webservice.`,
    status,
    { data: { url, detail } },
  );
}

export function timedOut(url: string, seconds: number): WebserviceFailure {
  return new WebserviceFailure(
    'timeout',
    `La boutique n'a pas répondu en ${seconds} s à ${url}, même après plusieurs essais : réessayez plus tard ou réduisez la taille des pages.`,
    undefined,
    { data: { url, seconds } },
  );
}

export function serverError(url: string, status: number | undefined, attempts: number): WebserviceFailure {
  const what = status === undefined ? 'la connexion a été coupée' : `HTTP ${status}`;
  return new WebserviceFailure(
    'server-error',
    `La boutique a échoué ${attempts} fois de suite sur ${url} (${what}) : réessayez plus tard ; si cela persiste, consultez les journaux de l'hébergeur.`,
    status,
    {
      data: status === undefined ? { case: 'cut', url, attempts } : { case: 'status', url, attempts, status },
    },
  );
}
