import type { DocumentStatus, DocumentType } from './sales-document.js';

/**
 * What a run did, order by order. The CLI, the web UI and the downloadable reports all render this one
 * shape. Outcomes are kept in the store run by run (a run of 100,000 orders must not hold them all in
 * memory); the summary holds the counts.
 */

export const OUTCOME_STATUSES = [
  'imported',
  'upgraded',
  'skipped',
  'failed',
  /** Dry run (aperçu): what a real run would do. */
  'would-import',
  'would-upgrade',
] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export interface OrderOutcome {
  readonly shopId: number;
  readonly orderId: number;
  readonly reference: string;
  /** Shop local time. */
  readonly orderDate: string;
  readonly stateId: number;
  readonly stateName: string;
  readonly customerName: string;
  /** Decimal text, in the order's currency. */
  readonly totalTaxIncl: string;
  readonly currency: string;
  readonly status: OutcomeStatus;
  /** The document created, transformed into, already there (skipped), or planned (dry run). */
  readonly document:
    | { readonly number: string | undefined; readonly type: DocumentType; readonly status: DocumentStatus }
    | undefined;
  /** Stable code of a skip or failure reason (`already-imported`, `totals-mismatch`, …). */
  readonly code: string | undefined;
  /** What a person reads: why it was skipped or failed, what to do. */
  readonly reason: string | undefined;
  /** Things worth knowing about an imported order (a rounding line was added, DIVERS used…). */
  readonly notes: readonly string[];
}

export interface OutcomeCounts {
  read: number;
  imported: number;
  upgraded: number;
  skipped: number;
  failed: number;
  planned: number;
}

export interface StateChangeCounts {
  sent: number;
  skipped: number;
  failed: number;
}

export type RunTrigger = 'cli' | 'web' | 'schedule' | 'demo';

export interface RunSummary {
  readonly runId: string;
  readonly trigger: RunTrigger;
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly finishedAt: string | undefined;
  readonly durationMs: number | undefined;
  readonly period: { readonly from: string; readonly to: string; readonly dateField: string } | undefined;
  readonly shopIds: readonly number[];
  readonly counts: OutcomeCounts;
  readonly stateChanges: StateChangeCounts;
  readonly webserviceCalls: number | undefined;
  /** Set when the run could not run at all (shop unreachable, lock held…). */
  readonly fatal: { readonly code: string; readonly message: string } | undefined;
  readonly status: 'running' | 'succeeded' | 'partial' | 'failed';
}

export type JournalLevel = 'info' | 'warning' | 'error';

export interface JournalEntry {
  readonly at: string;
  readonly level: JournalLevel;
  readonly message: string;
  readonly shopId: number | undefined;
  readonly orderId: number | undefined;
}
