import type {
  JournalEntry,
  OrderOutcome,
  OutcomeCounts,
  RunSummary,
  StateChangeCounts,
} from '../domain/import-report.js';

/** What a run tells while it runs: the CLI's progress bar and the web UI's live page both listen to it. */
export type RunEvent =
  | {
      readonly type: 'started';
      readonly runId: string;
      readonly dryRun: boolean;
      readonly period: { readonly from: string; readonly to: string; readonly dateField: string };
      readonly shopIds: readonly number[];
    }
  | { readonly type: 'outcome'; readonly outcome: OrderOutcome; readonly counts: OutcomeCounts }
  | { readonly type: 'journal'; readonly entry: JournalEntry }
  | { readonly type: 'state-changes'; readonly counts: StateChangeCounts }
  | { readonly type: 'finished'; readonly summary: RunSummary };

export type RunEventListener = (event: RunEvent) => void;
