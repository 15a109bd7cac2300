import { createDemoShop, type DemoShop } from '../demo-shop/index.js';

/**
 * A configuration whose shop URL is this one talks to a demo shop living in the same process: `navette
 * demo` writes it, and every command (`documents`, `serve`, …) then works on the demo without a shop.
 */
export const DEMO_SHOP_URL = 'demo://boutique';

export function isDemoShopUrl(url: string): boolean {
  return url.replace(/\/+$/, '') === DEMO_SHOP_URL;
}

export function startInProcessDemoShop(now: Date): DemoShop {
  return createDemoShop({ now });
}
