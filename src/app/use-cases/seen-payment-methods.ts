import { minusMinutes, shopDateTimeAt } from '../../domain/period.js';
import type { Clock } from '../../ports/clock.js';
import type { OrderSource } from '../../ports/order-source.js';

export interface SeenPaymentMethod {
  readonly module: string;
  readonly label: string;
}

const LOOK_BACK_MINUTES = 90 * 24 * 60;

/**
 * The payment modules of the shop's recent orders: one page of the last 90 days' orders, in any state
 * (a handful of webservice calls; never a walk over the whole shop). The period is on the shop's clock,
 * in its time zone, as every period navette reads.
 */
export async function seenPaymentMethods(
  source: OrderSource,
  clock: Clock,
  timeZone: string,
): Promise<SeenPaymentMethod[]> {
  const [states, shops] = await Promise.all([source.orderStates(), source.shops()]);
  const now = shopDateTimeAt(timeZone, clock.now());
  const seen = new Map<string, string>();
  const pages = source.readOrders({
    shopIds: shops.map((shop) => shop.id),
    stateIds: states.map((state) => state.id),
    dateField: 'date_add',
    from: minusMinutes(now, LOOK_BACK_MINUTES),
    // A little ahead: an order placed while the page loads is still one of "the recent ones".
    to: minusMinutes(now, -60),
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
