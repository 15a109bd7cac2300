import type { ImportRules, StateRule } from '../domain/rules.js';
import { periodBetween, resolvePeriod } from '../domain/period.js';
import type { OrderState, ShopDateTime } from '../domain/shop-order.js';
import type { Clock } from '../ports/clock.js';
import type { OrderQuery, OrderSource } from '../ports/order-source.js';
import type { SyncStore } from '../ports/sync-store.js';
import { isCancellationState } from './decide.js';
import type { ImportOptions } from './import-options.js';

/** What a run reads and by which rules (SPEC §3 step 1), resolved once before the first page. */
export interface Selection {
  readonly shopIds: readonly number[];
  readonly query: OrderQuery;
  /** Where "Depuis le dernier import" stood when the run started: the earliest mark of its shops. */
  readonly previousMark: ShopDateTime | undefined;
  /** The state table by state id. */
  readonly rules: ReadonlyMap<number, StateRule>;
  /** The shop's states by id, as read at the start of the run. */
  readonly statesById: ReadonlyMap<number, OrderState>;
}

/**
 * Step 1, select: the shops, the period (the asked one, else the configured one from the high-water
 * mark) and the states to read. Throws the source's expected failures (shop unreachable, key refused).
 */
export async function selectOrders(
  deps: { readonly source: OrderSource; readonly store: SyncStore; readonly clock: Clock },
  config: ImportRules,
  options: Pick<ImportOptions, 'period' | 'shopIds'>,
): Promise<Selection> {
  const [states, shops] = await Promise.all([deps.source.orderStates(), deps.source.shops()]);
  const shopIdsWanted = options.shopIds ?? config.shops ?? [];
  const shopIds = shopIdsWanted.length > 0 ? shopIdsWanted : shops.map((shop) => shop.id);
  const marks = await Promise.all(shopIds.map((shopId) => deps.store.getHighWaterMark(shopId)));
  const previousMark = earliest(marks);
  const period = options.period
    ? periodBetween(options.period.from, options.period.to)
    : resolvePeriod(config.period, {
        now: deps.clock.now(),
        timeZone: config.shop.timeZone,
        highWaterMark: previousMark,
      });
  return {
    shopIds,
    previousMark,
    rules: new Map(config.states.map((rule) => [rule.id, rule])),
    statesById: new Map(states.map((state) => [state.id, state])),
    query: {
      shopIds,
      stateIds: statesToRead(config.states, states),
      dateField: config.period.dateField === 'invoice' ? 'invoice_date' : 'date_add',
      from: period.from,
      to: period.to,
      withMessages: config.document.messages !== 'none',
    },
  };
}

/** The states a run reads: the selected ones, plus cancellations so that imported orders cancelled later are noticed. */
export function statesToRead(rules: readonly StateRule[], states: readonly OrderState[]): number[] {
  const selected = rules.filter((rule) => rule.selected).map((rule) => rule.id);
  const cancellations = states.filter(isCancellationState).map((state) => state.id);
  return [...new Set([...selected, ...cancellations])].sort((a, b) => a - b);
}

/** The earliest of these shop dates; undefined as soon as one is unknown (a shop never imported). */
export function earliest(values: readonly (string | undefined)[]): string | undefined {
  if (values.some((value) => value === undefined)) return undefined;
  return (values as string[]).reduce<string | undefined>(
    (min, value) => (min === undefined || value < min ? value : min),
    undefined,
  );
}
