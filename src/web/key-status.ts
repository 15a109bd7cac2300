import { isDemoShopUrl } from '../app/demo.js';
import type { NavetteConfig } from '../config/config-schema.js';

/** Where the webservice key comes from — never the key itself, which no page or answer may carry. */
export type KeyStatus =
  | { readonly source: 'env' }
  | { readonly source: 'file'; readonly file: string }
  | { readonly source: 'missing' }
  /** The built-in demo shop needs no key: nothing is missing. */
  | { readonly source: 'demo' };

export function keyStatus(config: Pick<NavetteConfig, 'shop'>, env: NodeJS.ProcessEnv): KeyStatus {
  if (isDemoShopUrl(config.shop.url)) return { source: 'demo' };
  if ((env['NAVETTE_PS_KEY']?.trim() ?? '') !== '') return { source: 'env' };
  if (config.shop.keyFile !== undefined) return { source: 'file', file: config.shop.keyFile };
  return { source: 'missing' };
}
