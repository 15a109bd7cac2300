import type { OrderOutcome } from '../../domain/import-report.js';

/** The first `limit` outcomes of a run (a page must not hold a run of 100,000 orders). */
export async function collectOutcomes(
  outcomes: AsyncIterable<OrderOutcome>,
  limit: number,
  keep: (outcome: OrderOutcome) => boolean = () => true,
): Promise<{ items: OrderOutcome[]; truncated: boolean }> {
  const items: OrderOutcome[] = [];
  for await (const outcome of outcomes) {
    if (!keep(outcome)) continue;
    if (items.length === limit) return { items, truncated: true };
    items.push(outcome);
  }
  return { items, truncated: false };
}
