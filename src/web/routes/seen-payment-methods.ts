import type { Navette } from '../../app/navette.js';

export interface SeenPaymentMethod {
  readonly module: string;
  readonly label: string;
}

function shopDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The payment modules of the shop's recent orders: one page of the last 90 days' orders, in any state
 * (a handful of webservice calls; never a walk over the whole shop). Best effort: none when the shop
 * does not answer.
 */
export async function seenPaymentMethods(navette: Navette): Promise<SeenPaymentMethod[]> {
  const [states, shops] = await Promise.all([navette.source.orderStates(), navette.source.shops()]);
  const now = navette.clock.now();
  const seen = new Map<string, string>();
  const pages = navette.source.readOrders({
    shopIds: shops.map((shop) => shop.id),
    stateIds: states.map((state) => state.id),
    dateField: 'date_add',
    from: shopDateTime(new Date(now.getTime() - 90 * 24 * 60 * 60 * 1000)),
    to: shopDateTime(new Date(now.getTime() + 24 * 60 * 60 * 1000)),
    withMessages: false,
  });
  for await (const page of pages) {
    for (const sourced of page)
      if (sourced.ok && sourced.order.paymentModule !== '' && !seen.has(sourced.order.paymentModule))
        seen.set(sourced.order.paymentModule, sourced.order.paymentLabel);
    break;
  }
  return [...seen].map(([module, label]) => ({ module, label }));
}
