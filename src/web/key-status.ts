import type { NavetteConfig } from '../config/config-schema.js';

/** Where the webservice key comes from — never the key itself, which no page or answer may carry. */
export type KeyStatus =
  | { readonly source: 'env' }
  | { readonly source: 'file'; readonly file: string }
  | { readonly source: 'missing' };

export function keyStatus(config: NavetteConfig, env: NodeJS.ProcessEnv): KeyStatus {
  if ((env['NAVETTE_PS_KEY']?.trim() ?? '') !== '') return { source: 'env' };
  if (config.shop.keyFile !== undefined) return { source: 'file', file: config.shop.keyFile };
  return { source: 'missing' };
}
