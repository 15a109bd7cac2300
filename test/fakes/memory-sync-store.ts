import type { JournalEntry, OrderOutcome, RunSummary } from '../../src/domain/import-report.js';
import type { DocumentStatus, DocumentType } from '../../src/domain/sales-document.js';
import { formatShopOrderKey, type ShopDateTime, type ShopOrderKey } from '../../src/domain/shop-order.js';
import type { Clock } from '../../src/ports/clock.js';
import type { ImportRecord } from '../../src/ports/gescom-target.js';
import type {
  LedgerEntry,
  PendingStateChange,
  RunEnd,
  RunStart,
  StateChangeResolution,
  StatusSweepRecord,
  SyncStore,
} from '../../src/ports/sync-store.js';
import { STATUS_JOURNAL, STATUS_JOURNAL_KEPT } from '../../src/ports/sync-store.js';

interface OutboxRow extends Omit<PendingStateChange, 'attempts'> {
  attempts: number;
  status: 'pending' | 'sent' | 'skipped' | 'failed';
  leaseUntil: number | undefined;
  detail: string;
}

interface RunRow {
  summary: RunSummary;
  /** The lock owner a real run ran under: a run whose owner lost every lock was killed. */
  lockOwner: string | undefined;
  outcomes: OrderOutcome[];
  journal: JournalEntry[];
}

/**
 * The SyncStore in memory: the same contract as the SQL store (test/contract/sync-store.contract.ts),
 * for the sync engine's unit tests. Every method is a plain read or write of these maps, so "atomic"
 * comes free: nothing awaits in the middle of a change.
 */
export class MemorySyncStore implements SyncStore {
  readonly #clock: Clock;
  readonly #maxAttempts: number;
  readonly #ledger = new Map<string, LedgerEntry>();
  readonly #outbox: OutboxRow[] = [];
  readonly #runs = new Map<string, RunRow>();
  readonly #locks = new Map<string, { owner: string; expiresAt: number }>();
  /** The locks this store's own process holds (name → owner), to tag the runs it starts. */
  readonly #held = new Map<string, string>();
  readonly #marks = new Map<number, ShopDateTime>();
  /** What `resetImports` journals outside any run. */
  readonly resets: { readonly reason: string; readonly forgotten: number }[] = [];
  #nextOutboxId = 1;
  #sweepCursor: string | undefined;
  readonly #statusJournal: JournalEntry[] = [];
  #nextRunId = 1;

  constructor(clock: Clock, options: { readonly maxAttempts?: number } = {}) {
    this.#clock = clock;
    this.#maxAttempts = options.maxAttempts ?? 5;
  }

  async recordImport(
    record: ImportRecord,
    document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
    change: 'import' | 'transform',
  ): Promise<void> {
    this.writeImport(record, document, change);
    return Promise.resolve();
  }

  /** A transformation asked by hand: the order's ledger entry follows its document along the chain. */
  followDocument(
    sourceNumber: string,
    document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
  ): void {
    for (const [id, entry] of this.#ledger) {
      if (entry.documentNumber !== sourceNumber) continue;
      this.#ledger.set(id, {
        ...entry,
        documentNumber: document.number,
        documentType: document.type,
        documentStatus: document.status,
      });
    }
  }

  /** What a GesCom sharing this store writes with each document: the ledger entry and the outbox. */
  writeImport(
    record: ImportRecord,
    document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
    change: 'import' | 'transform' = 'import',
  ): void {
    const id = formatShopOrderKey(record.key);
    const now = this.#clock.now().toISOString();
    const previous = this.#ledger.get(id);
    this.#ledger.set(id, {
      key: record.key,
      orderReference: record.orderReference,
      documentNumber: document.number,
      documentType: document.type,
      documentStatus: document.status,
      orderStateId: record.orderStateId,
      runId: record.runId,
      // A transformation moves the entry along the chain; the order was imported when it was.
      importedAt: change === 'transform' && previous ? previous.importedAt : now,
    });
    for (const stateChange of record.stateChanges) {
      this.#outbox.push({
        id: this.#nextOutboxId++,
        key: record.key,
        ...stateChange,
        attempts: 0,
        createdAt: now,
        status: 'pending',
        leaseUntil: undefined,
        detail: '',
      });
    }
  }

  /** Every state change ever written, resolved or not (tests look at what a run left behind). */
  outbox(): readonly (PendingStateChange & { readonly status: string; readonly detail: string })[] {
    return this.#outbox.map((row) => ({ ...row }));
  }

  async findImports(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<string, LedgerEntry>> {
    const found = new Map<string, LedgerEntry>();
    for (const key of keys) {
      const entry = this.#ledger.get(formatShopOrderKey(key));
      if (entry) found.set(formatShopOrderKey(key), entry);
    }
    return found;
  }

  async resetImports(
    target: { readonly keys: readonly ShopOrderKey[] } | { readonly shopId: number },
    reason: string,
  ): Promise<number> {
    const ids =
      'shopId' in target
        ? [...this.#ledger.values()]
            .filter((entry) => entry.key.shopId === target.shopId)
            .map((entry) => formatShopOrderKey(entry.key))
        : target.keys.map(formatShopOrderKey);
    let forgotten = 0;
    for (const id of ids) if (this.#ledger.delete(id)) forgotten += 1;
    this.resets.push({ reason, forgotten });
    return forgotten;
  }

  async claimStateChanges(limit: number, leaseMs: number): Promise<readonly PendingStateChange[]> {
    const now = this.#clock.now().getTime();
    const claimed = this.#outbox
      .filter((row) => row.status === 'pending' && (row.leaseUntil === undefined || row.leaseUntil <= now))
      .slice(0, limit);
    for (const row of claimed) row.leaseUntil = now + leaseMs;
    return claimed.map(
      ({ id, key, expectedStateId, newStateId, sendEmail, attempts, createdAt, trackingNumber }) => ({
        id,
        key,
        expectedStateId,
        newStateId,
        sendEmail,
        attempts,
        createdAt,
        ...(trackingNumber === undefined ? {} : { trackingNumber }),
      }),
    );
  }

  async resolveStateChange(id: number, resolution: StateChangeResolution): Promise<void> {
    const row = this.#outbox.find((candidate) => candidate.id === id);
    if (row === undefined || row.status !== 'pending') return;
    if (resolution.status !== 'failed') {
      row.status = resolution.status;
      row.detail = resolution.status === 'skipped' ? resolution.detail : '';
      row.leaseUntil = undefined;
      return;
    }
    row.attempts += 1;
    row.detail = resolution.detail;
    // The lease stays: the run that failed does not claim the change again; the next run will.
    if (row.attempts >= this.#maxAttempts) {
      row.status = 'failed';
      row.leaseUntil = undefined;
    }
  }

  async releaseStateChangeLeases(): Promise<void> {
    for (const row of this.#outbox) if (row.status === 'pending') row.leaseUntil = undefined;
  }

  async countPendingStateChanges(): Promise<number> {
    return this.#outbox.filter((row) => row.status === 'pending').length;
  }

  async statusSweepCursor(): Promise<string | undefined> {
    return this.#sweepCursor;
  }

  async recordStatusSweep(record: StatusSweepRecord): Promise<void> {
    const at = this.#clock.now().toISOString();
    for (const update of record.updates) {
      this.#outbox.push({
        id: this.#nextOutboxId++,
        key: update.key,
        expectedStateId: 'trackingNumber' in update ? 0 : update.expectedStateId,
        newStateId: 'trackingNumber' in update ? 0 : update.newStateId,
        sendEmail: update.sendEmail,
        ...('trackingNumber' in update ? { trackingNumber: update.trackingNumber } : {}),
        attempts: 0,
        createdAt: at,
        status: 'pending',
        leaseUntil: undefined,
        detail: '',
      });
    }
    if (record.cursor !== undefined) this.#sweepCursor = record.cursor;
    this.#statusJournal.push(...record.journal.map((entry) => ({ ...entry, at })));
    this.#pruneStatusJournal(at);
  }

  /** STATUS_JOURNAL_KEPT, as the SQL store keeps it. */
  #pruneStatusJournal(now: string): void {
    const before = new Date(Date.parse(now) - STATUS_JOURNAL_KEPT.days * 86_400_000).toISOString();
    const firstKept = this.#statusJournal.length - STATUS_JOURNAL_KEPT.newest;
    const kept = this.#statusJournal.filter((entry, index) => index >= firstKept || entry.at >= before);
    this.#statusJournal.splice(0, this.#statusJournal.length, ...kept);
  }

  async statusJournal(limit: number): Promise<readonly JournalEntry[]> {
    return [...this.#statusJournal].reverse().slice(0, Math.max(1, limit));
  }

  async startRun(start: RunStart): Promise<string> {
    const runId = `run-${this.#nextRunId++}`;
    this.#runs.set(runId, {
      summary: {
        runId,
        trigger: start.trigger,
        dryRun: start.dryRun,
        startedAt: this.#clock.now().toISOString(),
        finishedAt: undefined,
        durationMs: undefined,
        period: start.period && { ...start.period },
        shopIds: [...start.shopIds],
        counts: { read: 0, imported: 0, upgraded: 0, skipped: 0, failed: 0, planned: 0 },
        stateChanges: { sent: 0, skipped: 0, failed: 0 },
        webserviceCalls: undefined,
        fatal: undefined,
        status: 'running',
      },
      outcomes: [],
      journal: [],
      lockOwner: start.dryRun ? undefined : this.#held.values().next().value,
    });
    return runId;
  }

  async recordOutcomes(runId: string, outcomes: readonly OrderOutcome[]): Promise<void> {
    this.#run(runId).outcomes.push(...outcomes);
  }

  async appendJournal(runId: string, entries: readonly Omit<JournalEntry, 'at'>[]): Promise<void> {
    const at = this.#clock.now().toISOString();
    const journal = runId === STATUS_JOURNAL ? this.#statusJournal : this.#run(runId).journal;
    journal.push(...entries.map((entry) => ({ ...entry, at })));
    if (runId === STATUS_JOURNAL) this.#pruneStatusJournal(at);
  }

  async finishRun(runId: string, end: RunEnd): Promise<RunSummary> {
    const run = this.#run(runId);
    const finishedAt = this.#clock.now();
    run.summary = {
      ...run.summary,
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.max(0, finishedAt.getTime() - Date.parse(run.summary.startedAt)),
      counts: { ...end.counts },
      stateChanges: { ...end.stateChanges },
      webserviceCalls: end.webserviceCalls,
      ...(end.webserviceCallsByResource === undefined
        ? {}
        : { webserviceCallsByResource: { ...end.webserviceCallsByResource } }),
      ...(end.gescomCalls === undefined ? {} : { gescomCalls: structuredClone(end.gescomCalls) }),
      fatal: end.fatal,
      status:
        end.fatal !== undefined
          ? 'failed'
          : end.counts.failed > 0 || end.stateChanges.failed > 0
            ? 'partial'
            : 'succeeded',
    };
    return run.summary;
  }

  async getRun(runId: string): Promise<RunSummary | undefined> {
    return this.#runs.get(runId)?.summary;
  }

  async listRuns(options: {
    readonly limit: number;
    readonly offset?: number;
  }): Promise<readonly RunSummary[]> {
    const offset = options.offset ?? 0;
    return [...this.#runs.values()]
      .map((run) => run.summary)
      .reverse()
      .slice(offset, offset + options.limit);
  }

  async *runOutcomes(runId: string): AsyncIterable<OrderOutcome> {
    yield* this.#runs.get(runId)?.outcomes ?? [];
  }

  async runJournal(runId: string): Promise<readonly JournalEntry[]> {
    return [...(this.#runs.get(runId)?.journal ?? [])];
  }

  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.#clock.now().getTime();
    const lock = this.#locks.get(name);
    if (lock && lock.owner !== owner && lock.expiresAt > now) return false;
    this.#take(name, owner, now + ttlMs);
    return true;
  }

  async refreshLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const lock = this.#locks.get(name);
    if (lock?.owner !== owner) return false;
    lock.expiresAt = this.#clock.now().getTime() + ttlMs;
    return true;
  }

  async releaseLock(name: string, owner: string): Promise<void> {
    if (this.#locks.get(name)?.owner === owner) this.#locks.delete(name);
    if (this.#held.get(name) === owner) this.#held.delete(name);
  }

  async lockHolder(name: string): Promise<string | undefined> {
    return this.#locks.get(name)?.owner;
  }

  async takeOverLock(name: string, owner: string, deadOwner: string, ttlMs: number): Promise<boolean> {
    if (this.#locks.get(name)?.owner !== deadOwner) return false;
    this.#take(name, owner, this.#clock.now().getTime() + ttlMs);
    return true;
  }

  async getHighWaterMark(shopId: number): Promise<ShopDateTime | undefined> {
    return this.#marks.get(shopId);
  }

  async setHighWaterMark(shopId: number, value: ShopDateTime): Promise<void> {
    this.#marks.set(shopId, value);
  }

  async close(): Promise<void> {}

  /** Gives the lock, then closes the real runs left running by an owner that holds no lock any more. */
  #take(name: string, owner: string, expiresAt: number): void {
    this.#locks.set(name, { owner, expiresAt });
    this.#held.set(name, owner);
    const holders = new Set([...this.#locks.values()].map((lock) => lock.owner));
    for (const run of this.#runs.values()) {
      const dead = run.lockOwner;
      if (run.summary.status !== 'running' || dead === undefined || dead === owner || holders.has(dead))
        continue;
      const count = (...statuses: OrderOutcome['status'][]) =>
        run.outcomes.filter((outcome) => statuses.includes(outcome.status)).length;
      const finishedAt = this.#clock.now();
      run.summary = {
        ...run.summary,
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - Date.parse(run.summary.startedAt)),
        counts: {
          read: run.outcomes.length,
          imported: count('imported'),
          upgraded: count('upgraded'),
          skipped: count('skipped'),
          failed: count('failed'),
          planned: count('would-import', 'would-upgrade'),
        },
        fatal: { code: 'run-interrupted', message: 'Import interrompu avant la fin.' },
        status: 'failed',
      };
      run.journal.push({
        at: finishedAt.toISOString(),
        level: 'error',
        message: 'Import interrompu avant la fin.',
        shopId: undefined,
        orderId: undefined,
        note: { code: 'run-stopped', failureCode: 'run-interrupted', data: {} },
      });
    }
  }

  #run(runId: string): RunRow {
    const run = this.#runs.get(runId);
    if (run === undefined) throw new Error(`no run ${runId}`);
    return run;
  }
}
