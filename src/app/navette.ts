import type { NavetteConfig } from '../config/config-schema.js';
import type { RunSummary } from '../domain/import-report.js';
import type { Clock } from '../ports/clock.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { OrderSource } from '../ports/order-source.js';
import type { SyncStore } from '../ports/sync-store.js';
import type { ImportOptions } from '../sync/import-options.js';
import type { ResetSelection } from '../sync/reset-orders.js';

export type { ImportOptions };

/** navette wired for one configuration: what the CLI commands and the web UI work with. */
export interface Navette {
  readonly config: NavetteConfig;
  readonly source: OrderSource;
  readonly target: GescomTarget;
  readonly store: SyncStore;
  readonly clock: Clock;
  /** Runs one import; never throws for one bad order; a run that cannot run returns a summary with `fatal`. */
  runImport(options: ImportOptions): Promise<RunSummary>;
  /** Sends the pending shop state changes of the outbox; `busy` when a run holds the shop's lock (it sends them). */
  sendStateChanges(): Promise<{ sent: number; skipped: number; failed: number; busy?: boolean }>;
  /** Forgets that these orders were imported, so that the next run imports them again (logged). */
  resetOrders(selection: ResetSelection, reason: string): Promise<number>;
  close(): Promise<void>;
}
