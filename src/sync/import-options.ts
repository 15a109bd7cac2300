import type { RunTrigger } from '../domain/import-report.js';
import type { ShopOrderKey } from '../domain/shop-order.js';
import type { RunEventListener } from './run-events.js';

/** How one import run is asked for, by the CLI, the web UI or the scheduler. */
export interface ImportOptions {
  readonly trigger: RunTrigger;
  /** Aperçu: the same decisions, nothing written. */
  readonly dryRun: boolean;
  /** Overrides the configured period: inclusive days (`YYYY-MM-DD`) or shop-local datetimes. */
  readonly period?: { readonly from: string; readonly to: string };
  /** Overrides the configured shops. */
  readonly shopIds?: readonly number[];
  /** Orders to leave out of this run (unticked in the aperçu). */
  readonly exclude?: readonly ShopOrderKey[];
  readonly onEvent?: RunEventListener;
  readonly signal?: AbortSignal;
}
