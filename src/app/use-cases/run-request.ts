import { ExpectedFailure } from '../../domain/failure.js';
import { parsePeriod } from '../../domain/input-values.js';
import type { OrderSource } from '../../ports/order-source.js';
import type { ImportOptions } from '../../sync/import-options.js';

/**
 * Checks what a run is asked for before it starts, whoever asks (CLI, web, scheduler): an impossible or
 * reversed period, or a shop id the installation does not have, would read nothing and look like "no
 * orders" — they are refused with what to type instead.
 */
export async function checkRunRequest(
  options: Pick<ImportOptions, 'period' | 'shopIds'>,
  source: OrderSource,
): Promise<void> {
  if (options.period !== undefined) {
    const period = parsePeriod(options.period.from, options.period.to);
    if (!period.ok) throw new ExpectedFailure('invalid-value', period.message);
  }
  if (options.shopIds !== undefined && options.shopIds.length > 0) {
    const shops = await source.shops();
    const known = new Set(shops.map((shop) => shop.id));
    const unknown = options.shopIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new ExpectedFailure(
        'invalid-value',
        `boutique inconnue : ${unknown.join(', ')}. Boutiques de cette installation : ${shops.map((shop) => `${shop.id} (${shop.name})`).join(', ')}.`,
      );
  }
}
