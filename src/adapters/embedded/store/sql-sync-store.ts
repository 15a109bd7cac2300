import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import type { JournalEntry, OrderOutcome, RunSummary } from '../../../domain/import-report.js';
import type { DocumentStatus, DocumentType } from '../../../domain/sales-document.js';
import { formatShopOrderKey, type ShopDateTime, type ShopOrderKey } from '../../../domain/shop-order.js';
import type { Clock } from '../../../ports/clock.js';
import type { ImportRecord } from '../../../ports/gescom-target.js';
import {
  STATUS_JOURNAL,
  type LedgerEntry,
  type PendingStateChange,
  type RunEnd,
  type RunStart,
  type StateChangeResolution,
  type StatusSweepRecord,
  type SyncStore,
} from '../../../ports/sync-store.js';
import type { EmbeddedDatabase } from '../database.js';
import { toJournalEntry, toOrderOutcome, toOutcomeRow, toRunSummary } from './run-rows.js';
import type { Schema } from '../schema.js';
import { chunks } from '../sql-helpers.js';
import { writeImportRecord } from './import-record-writer.js';
import { SqlOutbox } from './outbox.js';
import { SqlRunLocks } from './run-locks.js';
import {
  pruneStatusJournal,
  readStatusJournal,
  readStatusSweepCursor,
  writeStatusSweep,
} from './status-sweep-rows.js';

export interface SqlSyncStoreOptions {
  /** A state change that failed this many times is given up (status `failed`). Default 5. */
  readonly maxAttempts?: number;
  /** Who a ledger reset is logged as; default `user@host`. */
  readonly actor?: string;
  /** Outcomes read per query when a run's outcomes are streamed. Default 1,000. */
  readonly outcomePageSize?: number;
}

/**
 * navette's store (import ledger, outbox, runs, journal, locks, high-water marks) in the embedded
 * database — the one the embedded GesCom writes its documents to, so that the ledger and the document
 * share a transaction. Works on SQLite (several processes on one file) and PostgreSQL alike.
 *
 * Every write goes through a transaction: on SQLite that is `BEGIN IMMEDIATE` (see sqlite-dialect.ts),
 * which queues writers of other processes instead of failing them.
 *
 * The database belongs to whoever opened it: `close()` leaves it open for the GesCom that shares it.
 */
export class SqlSyncStore implements SyncStore {
  readonly #db: Kysely<Schema>;
  readonly #clock: Clock;
  readonly #outbox: SqlOutbox;
  readonly #locks: SqlRunLocks;
  readonly #actor: string;
  readonly #outcomePageSize: number;

  constructor(database: EmbeddedDatabase, clock: Clock, options: SqlSyncStoreOptions = {}) {
    this.#db = database.db;
    this.#clock = clock;
    this.#outbox = new SqlOutbox(database.db, database.dialect, clock, options.maxAttempts ?? 5);
    this.#locks = new SqlRunLocks(database.db, clock);
    this.#actor = options.actor ?? `${userInfo().username}@${hostname()}`;
    this.#outcomePageSize = options.outcomePageSize ?? 1_000;
  }

  async recordImport(
    record: ImportRecord,
    document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
    change: 'import' | 'transform',
  ): Promise<void> {
    const now = this.#clock.now().toISOString();
    await this.#db.transaction().execute((trx) => writeImportRecord(trx, record, document, now, change));
  }

  async findImports(keys: readonly ShopOrderKey[]): Promise<ReadonlyMap<string, LedgerEntry>> {
    const found = new Map<string, LedgerEntry>();
    for (const [shopId, orderIds] of groupByShop(keys)) {
      for (const chunk of chunks(orderIds, 500)) {
        const rows = await this.#db
          .selectFrom('import_ledger')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('order_id', 'in', chunk)
          .execute();
        for (const row of rows) {
          const key = { shopId: row.shop_id, orderId: row.order_id };
          found.set(formatShopOrderKey(key), {
            key,
            orderReference: row.order_reference,
            documentNumber: row.document_number,
            documentType: row.document_type as DocumentType,
            documentStatus: row.document_status as DocumentStatus,
            orderStateId: row.order_state_id,
            runId: row.run_id,
            importedAt: row.imported_at,
          });
        }
      }
    }
    return found;
  }

  async resetImports(
    target: { readonly keys: readonly ShopOrderKey[] } | { readonly shopId: number },
    reason: string,
  ): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      let forgotten = 0;
      if ('shopId' in target) {
        const result = await trx
          .deleteFrom('import_ledger')
          .where('shop_id', '=', target.shopId)
          .executeTakeFirst();
        forgotten = Number(result.numDeletedRows);
      } else {
        for (const [shopId, orderIds] of groupByShop(target.keys)) {
          for (const chunk of chunks(orderIds, 500)) {
            const result = await trx
              .deleteFrom('import_ledger')
              .where('shop_id', '=', shopId)
              .where('order_id', 'in', chunk)
              .executeTakeFirst();
            forgotten += Number(result.numDeletedRows);
          }
        }
      }
      const at = this.#now();
      const scope =
        'shopId' in target ? `every order of shop ${target.shopId}` : `${target.keys.length} order(s)`;
      await trx
        .insertInto('ledger_resets')
        .values({
          at,
          actor: this.#actor,
          scope: 'shopId' in target ? 'shop' : 'keys',
          shop_id: 'shopId' in target ? target.shopId : null,
          order_keys: JSON.stringify('shopId' in target ? [] : target.keys.map(formatShopOrderKey)),
          reason,
          forgotten,
        })
        .execute();
      await trx
        .insertInto('journal')
        .values({
          run_id: null,
          at,
          level: 'warning',
          message: `Import ledger reset by ${this.#actor} for ${scope} (${forgotten} forgotten): ${reason}`,
          shop_id: 'shopId' in target ? target.shopId : null,
          order_id: null,
        })
        .execute();
      return forgotten;
    });
  }
  claimStateChanges(limit: number, leaseMs: number): Promise<readonly PendingStateChange[]> {
    return this.#outbox.claim(limit, leaseMs);
  }

  releaseStateChangeLeases(): Promise<void> {
    return this.#outbox.releaseLeases();
  }

  resolveStateChange(id: number, resolution: StateChangeResolution): Promise<void> {
    return this.#outbox.resolve(id, resolution);
  }

  countPendingStateChanges(): Promise<number> {
    return this.#outbox.countPending();
  }

  statusSweepCursor(): Promise<string | undefined> {
    return readStatusSweepCursor(this.#db);
  }

  recordStatusSweep(record: StatusSweepRecord): Promise<void> {
    return writeStatusSweep(this.#db, record, this.#now());
  }

  statusJournal(limit: number): Promise<readonly JournalEntry[]> {
    return readStatusJournal(this.#db, limit);
  }

  async startRun(start: RunStart): Promise<string> {
    const runId = randomUUID();
    await this.#db.transaction().execute((trx) =>
      trx
        .insertInto('runs')
        .values({
          id: runId,
          trigger: start.trigger,
          dry_run: start.dryRun ? 1 : 0,
          started_at: this.#now(),
          finished_at: null,
          duration_ms: null,
          period_from: start.period?.from ?? null,
          period_to: start.period?.to ?? null,
          period_date_field: start.period?.dateField ?? null,
          shop_ids: JSON.stringify(start.shopIds),
          read_count: 0,
          imported_count: 0,
          upgraded_count: 0,
          skipped_count: 0,
          failed_count: 0,
          planned_count: 0,
          state_changes_sent: 0,
          state_changes_skipped: 0,
          state_changes_failed: 0,
          webservice_calls: null,
          webservice_calls_by_resource: null,
          gescom_calls: null,
          fatal_code: null,
          fatal_message: null,
          status: 'running',
          // A real run runs under the shop's run lock, taken just before by this store.
          lock_owner: start.dryRun ? null : (this.#locks.heldOwner() ?? null),
        })
        .execute(),
    );
    return runId;
  }

  async recordOutcomes(runId: string, outcomes: readonly OrderOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      // 18 parameters an outcome: 500 a statement stays under either database's limit.
      for (const chunk of chunks(outcomes, 500)) {
        await trx
          .insertInto('run_outcomes')
          .values(chunk.map((outcome) => toOutcomeRow(runId, outcome)))
          .execute();
      }
    });
  }

  async appendJournal(runId: string, entries: readonly Omit<JournalEntry, 'at'>[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.#now();
    await this.#db.transaction().execute(async (trx) => {
      for (const chunk of chunks(entries, 500)) {
        await trx
          .insertInto('journal')
          .values(
            chunk.map((entry) => ({
              run_id: runId,
              at,
              level: entry.level,
              message: entry.message,
              shop_id: entry.shopId ?? null,
              order_id: entry.orderId ?? null,
              note: entry.note === undefined ? null : JSON.stringify(entry.note),
            })),
          )
          .execute();
      }
      if (runId === STATUS_JOURNAL) await pruneStatusJournal(trx, at);
    });
  }

  async finishRun(runId: string, end: RunEnd): Promise<RunSummary> {
    const finishedAt = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      const run = await trx
        .selectFrom('runs')
        .select('started_at')
        .where('id', '=', runId)
        .executeTakeFirst();
      if (run === undefined) throw new Error(`no run ${runId}`);
      const status =
        end.fatal !== undefined
          ? 'failed'
          : end.counts.failed > 0 || end.stateChanges.failed > 0
            ? 'partial'
            : 'succeeded';
      await trx
        .updateTable('runs')
        .set({
          finished_at: finishedAt.toISOString(),
          duration_ms: Math.max(0, finishedAt.getTime() - Date.parse(run.started_at)),
          read_count: end.counts.read,
          imported_count: end.counts.imported,
          upgraded_count: end.counts.upgraded,
          skipped_count: end.counts.skipped,
          failed_count: end.counts.failed,
          planned_count: end.counts.planned,
          state_changes_sent: end.stateChanges.sent,
          state_changes_skipped: end.stateChanges.skipped,
          state_changes_failed: end.stateChanges.failed,
          webservice_calls: end.webserviceCalls ?? null,
          webservice_calls_by_resource:
            end.webserviceCallsByResource === undefined
              ? null
              : JSON.stringify(end.webserviceCallsByResource),
          gescom_calls: end.gescomCalls === undefined ? null : JSON.stringify(end.gescomCalls),
          fatal_code: end.fatal?.code ?? null,
          fatal_message: end.fatal?.message ?? null,
          status,
        })
        .where('id', '=', runId)
        .execute();
    });
    const summary = await this.getRun(runId);
    if (summary === undefined) throw new Error(`no run ${runId}`);
    return summary;
  }

  async getRun(runId: string): Promise<RunSummary | undefined> {
    const row = await this.#db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
    return row === undefined ? undefined : toRunSummary(row);
  }

  async listRuns(options: {
    readonly limit: number;
    readonly offset?: number;
  }): Promise<readonly RunSummary[]> {
    const rows = await this.#db
      .selectFrom('runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.trunc(options.limit)))
      .offset(Math.max(0, Math.trunc(options.offset ?? 0)))
      .execute();
    return rows.map(toRunSummary);
  }

  /** Pages by id (keyset), so that a run of 100,000 outcomes is read in constant memory and time per page. */
  async *runOutcomes(runId: string): AsyncIterable<OrderOutcome> {
    let after: number | string | undefined;
    for (;;) {
      let query = this.#db
        .selectFrom('run_outcomes')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('id')
        .limit(this.#outcomePageSize);
      if (after !== undefined) query = query.where('id', '>', after);
      const rows = await query.execute();
      for (const row of rows) yield toOrderOutcome(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < this.#outcomePageSize) return;
      after = last.id;
    }
  }

  async runJournal(runId: string): Promise<readonly JournalEntry[]> {
    const rows = await this.#db
      .selectFrom('journal')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('id')
      .execute();
    return rows.map(toJournalEntry);
  }
  acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.#locks.acquire(name, owner, ttlMs);
  }

  refreshLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.#locks.refresh(name, owner, ttlMs);
  }

  releaseLock(name: string, owner: string): Promise<void> {
    return this.#locks.release(name, owner);
  }

  lockHolder(name: string): Promise<string | undefined> {
    return this.#locks.holder(name);
  }

  takeOverLock(name: string, owner: string, deadOwner: string, ttlMs: number): Promise<boolean> {
    return this.#locks.takeOver(name, owner, deadOwner, ttlMs);
  }

  async getHighWaterMark(shopId: number): Promise<ShopDateTime | undefined> {
    const row = await this.#db
      .selectFrom('high_water_marks')
      .select('value')
      .where('shop_id', '=', shopId)
      .executeTakeFirst();
    return row?.value;
  }

  /** Only ever moves forward: a run over an older period (a custom one) must not make the next read everything again. */
  async setHighWaterMark(shopId: number, value: ShopDateTime): Promise<void> {
    const now = this.#now();
    await this.#db.transaction().execute((trx) =>
      trx
        .insertInto('high_water_marks')
        .values({ shop_id: shopId, value, updated_at: now })
        .onConflict((oc) => oc.column('shop_id').doUpdateSet({ value, updated_at: now }))
        .execute(),
    );
  }

  async close(): Promise<void> {
    // The database is shared with the GesCom and closed by whoever opened it.
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }
}

function groupByShop(keys: readonly ShopOrderKey[]): Map<number, number[]> {
  const byShop = new Map<number, number[]>();
  for (const { shopId, orderId } of keys) {
    const orderIds = byShop.get(shopId);
    if (orderIds === undefined) byShop.set(shopId, [orderId]);
    else orderIds.push(orderId);
  }
  return byShop;
}
