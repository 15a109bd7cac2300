import type { RunSummary } from '../../src/domain/import-report.js';

/** A finished import run's summary, as the CLI and the run's page show it: three orders imported, unless told. */
export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: 'run-1',
    trigger: 'cli',
    dryRun: false,
    startedAt: '2026-11-27T10:00:00.000Z',
    finishedAt: '2026-11-27T10:00:01.000Z',
    durationMs: 1000,
    period: undefined,
    shopIds: [1],
    counts: { read: 3, imported: 3, upgraded: 0, skipped: 0, failed: 0, planned: 0 },
    stateChanges: { sent: 0, skipped: 0, failed: 0 },
    webserviceCalls: 4,
    fatal: undefined,
    status: 'succeeded',
    ...overrides,
  };
}
