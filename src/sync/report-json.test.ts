import { describe, expect, it } from 'vitest';
import type { JournalEntry, OrderOutcome, RunSummary } from '../domain/import-report.js';
import { reportJsonChunks } from './report-json.js';

const summary = { runId: 'r1', status: 'succeeded', counts: { read: 2 } } as unknown as RunSummary;
const journal: JournalEntry[] = [
  { at: '2026-11-27T10:00:00Z', level: 'info', message: 'ok', shopId: 1, orderId: 2 },
];
const outcome = (orderId: number) => ({ orderId, shopId: 1, status: 'imported' }) as unknown as OrderOutcome;

async function* outcomes(list: OrderOutcome[]): AsyncGenerator<OrderOutcome> {
  yield* list;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('the JSON report', () => {
  it('is one JSON document: the summary, its journal and every outcome', async () => {
    const report = JSON.parse(
      await text(reportJsonChunks(summary, journal, outcomes([outcome(1), outcome(2)]))),
    ) as {
      runId: string;
      journal: unknown[];
      outcomes: { orderId: number }[];
    };
    expect(report.runId).toBe('r1');
    expect(report.journal).toHaveLength(1);
    expect(report.outcomes.map((entry) => entry.orderId)).toEqual([1, 2]);
  });

  it('stays valid JSON without any outcome', async () => {
    expect(JSON.parse(await text(reportJsonChunks(summary, [], outcomes([]))))).toMatchObject({
      outcomes: [],
    });
  });

  it('lays out one outcome a line, indented like the summary, and closes the list under its field', async () => {
    const one = { runId: 'r1' } as unknown as RunSummary;
    expect(await text(reportJsonChunks(one, [], outcomes([outcome(1), outcome(2)])))).toBe(
      [
        '{',
        '  "runId": "r1",',
        '  "journal": [],',
        '  "outcomes": [',
        '    {"orderId":1,"shopId":1,"status":"imported"},',
        '    {"orderId":2,"shopId":1,"status":"imported"}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(await text(reportJsonChunks(one, [], outcomes([])))).toBe(
      '{\n  "runId": "r1",\n  "journal": [],\n  "outcomes": []\n}\n',
    );
  });
});
