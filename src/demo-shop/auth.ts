import { WebserviceError } from './errors.js';

/** A webservice key with its per-resource methods and the shops it is enabled for. */
export interface WebserviceKey {
  readonly key: string;
  readonly active?: boolean;
  /** Resource → methods (`GET`, `PUT`, `POST`, `PATCH`, `DELETE`, `HEAD`); `*` for every resource. */
  readonly permissions?: Record<string, string[]>;
  readonly shopIds?: number[];
}

export const ALL_METHODS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD'] as const;
const KEY_FORMAT = /^[A-Z0-9]{32}$/;

export type Credentials = { readonly kind: 'none' } | { readonly kind: 'key'; readonly key: string };

/** The key from HTTP Basic (user name, empty password) or else from `ws_key=`. */
export function readCredentials(authorization: string | undefined, wsKey: string | null): Credentials {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const user = decoded.split(':')[0] ?? '';
    if (user !== '') return { kind: 'key', key: user };
  }
  if (wsKey) return { kind: 'key', key: wsKey };
  return { kind: 'none' };
}

export class KeyStore {
  private readonly keys = new Map<string, WebserviceKey>();

  add(key: WebserviceKey): void {
    this.keys.set(key.key, key);
  }

  get(key: string): WebserviceKey | undefined {
    return this.keys.get(key);
  }

  /** Checks the key itself (codes 18, 20, 21 as PrestaShop answers them). */
  authenticate(key: string): WebserviceKey {
    if (!KEY_FORMAT.test(key))
      throw new WebserviceError(401, [{ code: 18, message: 'Invalid authentication key format' }]);
    const found = this.keys.get(key);
    if (!found)
      throw new WebserviceError(401, [
        { code: 20, message: 'Authentification key is not active' },
        { code: 21, message: 'No permission for this authentication key' },
      ]);
    if (found.active === false)
      throw new WebserviceError(401, [{ code: 20, message: 'Authentification key is not active' }]);
    return found;
  }
}

export function methodsOf(key: WebserviceKey, resource: string): readonly string[] {
  const permissions = key.permissions;
  if (!permissions) return ALL_METHODS;
  return permissions[resource] ?? permissions['*'] ?? [];
}

/** Resource and method allowed (26 / 405), key enabled for every shop read (132). */
export function authorize(
  key: WebserviceKey,
  resource: string,
  method: string,
  shopIds: readonly number[],
): void {
  const methods = methodsOf(key, resource);
  if (methods.length === 0)
    throw new WebserviceError(401, [
      { code: 26, message: `Resource of type "${resource}" is not allowed with this authentication key` },
    ]);
  if (!methods.includes(method))
    throw new WebserviceError(405, [
      {
        code: 25,
        message: `Method ${method} is not allowed for resource ${resource} with this authentication key`,
      },
    ]);
  for (const shopId of shopIds)
    if (key.shopIds && !key.shopIds.includes(shopId))
      throw new WebserviceError(403, [
        { code: 132, message: `No permission for this authentication key on shop ${shopId}` },
      ]);
}
