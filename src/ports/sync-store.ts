import type {
  GescomCalls,
  JournalEntry,
  OrderOutcome,
  RunSummary,
  RunTrigger,
  StateChangeCounts,
  OutcomeCounts,
} from '../domain/import-report.js';
import type { DocumentStatus, DocumentType } from '../domain/sales-document.js';
import type { ShopDateTime, ShopOrderKey } from '../domain/shop-order.js';
import type { ImportRecord } from './gescom-target.js';

/** One line of the import ledger: this shop order is in the GesCom as this document. */
export interface LedgerEntry {
  readonly key: ShopOrderKey;
  readonly orderReference: string;
  readonly documentNumber: string;
  readonly documentType: DocumentType;
  readonly documentStatus: DocumentStatus;
  readonly orderStateId: number;
  readonly runId: string;
  readonly importedAt: string;
}

/** A shop state change waiting to be sent (the outbox). */
export interface PendingStateChange {
  readonly id: number;
  readonly key: ShopOrderKey;
  readonly expectedStateId: number;
  readonly newStateId: number;
  readonly sendEmail: boolean;
  readonly attempts: number;
  readonly createdAt: string;
  /**
   * Set for a tracking number to write on the order's shipment where it has none (SPEC §6); the state
   * ids are then unused.
   */
  readonly trackingNumber?: string;
}

/** What the status sweep queues for one order: a guarded state change, or a tracking number. */
export type QueuedStatusUpdate =
  | {
      readonly key: ShopOrderKey;
      readonly expectedStateId: number;
      readonly newStateId: number;
      readonly sendEmail: boolean;
    }
  | { readonly key: ShopOrderKey; readonly trackingNumber: string; readonly sendEmail: boolean };

/** What one pass of the status sweep records at once (SPEC §6). */
export interface StatusSweepRecord {
  /** Where the next sweep reads the GesCom's transformations from. */
  readonly cursor: string | undefined;
  readonly updates: readonly QueuedStatusUpdate[];
  /** Per order: what was queued, and why something was not. */
  readonly journal: readonly Omit<JournalEntry, 'at'>[];
}

/** The journal of the status sweeps: entries kept under this name instead of a run's id. */
export const STATUS_JOURNAL = 'status-updates';

/**
 * What the status journal keeps: 90 days, and whatever their age its newest 100 entries (what the page
 * shows: a shop quiet for months still sees its last sweeps). Older entries are removed as new ones are
 * written, in the same transaction. The import's runs and their journals are not pruned (yet).
 */
export const STATUS_JOURNAL_KEPT = { newest: 100, days: 90 } as const;

export type StateChangeResolution =
  | { readonly status: 'sent' }
  /** Not sent, for good: the order moved on, or is gone. */
  | { readonly status: 'skipped'; readonly detail: string }
  /** Not sent this time; retried by the next run until `maxAttempts`. */
  | { readonly status: 'failed'; readonly detail: string };

export interface RunStart {
  readonly trigger: RunTrigger;
  readonly dryRun: boolean;
  readonly shopIds: readonly number[];
  readonly period: { readonly from: string; readonly to: string; readonly dateField: string } | undefined;
}

export interface RunEnd {
  readonly counts: OutcomeCounts;
  readonly stateChanges: StateChangeCounts;
  readonly webserviceCalls: number | undefined;
  readonly webserviceCallsByResource?: Readonly<Record<string, number>>;
  readonly gescomCalls?: GescomCalls;
  readonly fatal: { readonly code: string; readonly message: string } | undefined;
}

/**
 * navette's own memory: the import ledger, the outbox of state changes, runs with their outcomes and
 * journal, the run lock and the high-water marks. For the embedded GesCom it lives in the same database,
 * so the ledger is written in the same transaction as the document.
 *
 * Contract:
 * - `acquireLock` gives the lock to one owner at a time; a lock not refreshed within its ttl (its process
 *   died) can be taken over; `releaseLock` by another owner does nothing. `takeOverLock` moves a lock
 *   from a holder known to be dead (its process is gone) only if that holder still has it.
 * - A real run started while the store holds a run lock belongs to that lock's owner. Whoever gets a lock
 *   next (`acquireLock`, `takeOverLock`) closes the runs still "running" whose owner holds no lock any
 *   more: status `failed`, fatal code `run-interrupted`, counts from the outcomes they had recorded.
 * - A pending state change stays pending until resolved `sent` or `skipped`, or until it has failed
 *   `maxAttempts` times; it is never handed out twice at once (`claimStateChanges` leases it).
 * - `recordStatusSweep` is atomic; `statusJournal` reads what it and `appendJournal(STATUS_JOURNAL, …)` wrote,
 *   notes included; both keep the status journal to STATUS_JOURNAL_KEPT (the newest entries, then by age).
 * - `resetImports` forgets ledger entries (a deliberate re-import) and journals who and why.
 */
export interface SyncStore {
  /**
   * Writes an import record (ledger entry + outbox) on its own, for a target that cannot share a
   * transaction with the store (a remote GesCom): the target writes its document first, marked with the
   * order's external key, then this. A target sharing the store's database writes both in one transaction.
   */
  recordImport(
    record: ImportRecord,
    document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
    change: 'import' | 'transform',
  ): Promise<void>;
  findImports(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<string, LedgerEntry>>;
  /** Forgets the ledger entries of these orders (or of every order of a shop): returns how many. */
  resetImports(
    target: { readonly keys: readonly ShopOrderKey[] } | { readonly shopId: number },
    reason: string,
  ): Promise<number>;

  claimStateChanges(limit: number, leaseMs: number): Promise<readonly PendingStateChange[]>;
  resolveStateChange(id: number, resolution: StateChangeResolution): Promise<void>;
  /** Frees the leases of pending changes: only the holder of the run lock calls it (no one else is sending). */
  releaseStateChangeLeases(): Promise<void>;
  countPendingStateChanges(): Promise<number>;

  /** Where the status sweep stopped reading the GesCom's transformations (undefined before the first). */
  statusSweepCursor(): Promise<string | undefined>;
  /**
   * Records a pass of the status sweep — the outbox entries, the new cursor and the journal — all or
   * nothing: after a crash, the transformations are either queued and passed, or neither.
   */
  recordStatusSweep(record: StatusSweepRecord): Promise<void>;
  /** The status sweeps' journal, newest first. */
  statusJournal(limit: number): Promise<readonly JournalEntry[]>;

  startRun(start: RunStart): Promise<string>;
  recordOutcomes(runId: string, outcomes: readonly OrderOutcome[]): Promise<void>;
  appendJournal(runId: string, entries: readonly Omit<JournalEntry, 'at'>[]): Promise<void>;
  finishRun(runId: string, end: RunEnd): Promise<RunSummary>;
  getRun(runId: string): Promise<RunSummary | undefined>;
  listRuns(options: { readonly limit: number; readonly offset?: number }): Promise<readonly RunSummary[]>;
  runOutcomes(runId: string): AsyncIterable<OrderOutcome>;
  runJournal(runId: string): Promise<readonly JournalEntry[]>;

  acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  refreshLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLock(name: string, owner: string): Promise<void>;
  /** Who holds the lock now (expired or not), if anyone. */
  lockHolder(name: string): Promise<string | undefined>;
  takeOverLock(name: string, owner: string, deadOwner: string, ttlMs: number): Promise<boolean>;

  /** Where "Depuis le dernier import" starts for a shop: set by each finished run (it may move back). */
  getHighWaterMark(shopId: number): Promise<ShopDateTime | undefined>;
  setHighWaterMark(shopId: number, value: ShopDateTime): Promise<void>;

  close(): Promise<void>;
}
