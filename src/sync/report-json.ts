import type { JournalEntry, OrderOutcome, RunSummary } from '../domain/import-report.js';

/**
 * The whole report of a run as JSON — the summary's fields, its journal, and `outcomes[]` — in chunks,
 * the outcomes streamed from the store: a run of 100,000 orders is never held in memory. The CLI's
 * `--json` and the web's download write the same document.
 */
export async function* reportJsonChunks(
  summary: RunSummary,
  journal: readonly JournalEntry[],
  outcomes: AsyncIterable<OrderOutcome>,
): AsyncGenerator<string> {
  const head = JSON.stringify({ ...summary, journal }, null, 2);
  // The head without its closing brace, so that the outcomes can follow as the last field.
  yield `${head.slice(0, -2)},\n  "outcomes": [`;
  let first = true;
  for await (const outcome of outcomes) {
    yield `${first ? '\n' : ',\n'}    ${JSON.stringify(outcome)}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}
