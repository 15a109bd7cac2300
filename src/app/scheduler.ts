import type { NavetteConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { isExpectedFailure } from '../domain/failure.js';
import type { RunSummary } from '../domain/import-report.js';
import { shopDateTimeAt } from '../domain/period.js';
import type { Clock } from '../ports/clock.js';
import type { Navette, StatusSweepReport } from './navette.js';

/**
 * Whether a scheduled import is due (SPEC §7: every N minutes, within hours of the shop's day).
 * `lastStart` is the last scheduled start, undefined before the first.
 */
export function isScheduledRunDue(config: NavetteConfig, now: Date, lastStart: Date | undefined): boolean {
  const { everyMinutes, from, to } = config.schedule;
  if (everyMinutes === null) return false;
  const time = shopDateTimeAt(config.shop.timeZone, now).slice(11, 16);
  const withinHours = from <= to ? time >= from && time <= to : time >= from || time <= to;
  if (!withinHours) return false;
  return lastStart === undefined || now.getTime() - lastStart.getTime() >= everyMinutes * 60_000;
}

export interface SchedulerOptions {
  readonly configPath: string;
  readonly clock: Clock;
  readonly openNavette: (config: NavetteConfig) => Promise<Navette>;
  /** How often the scheduler looks at the clock. */
  readonly tickMs?: number;
  readonly onRun?: (summary: RunSummary) => void;
  /** What the status sweep after each scheduled import did. */
  readonly onSweep?: (report: StatusSweepReport) => void;
  readonly onError?: (message: string) => void;
}

/**
 * Runs scheduled imports from `navette serve`, each followed by the status sweep. The configuration is read again at every tick, so a
 * schedule saved in the web page applies at once; the run lock keeps a scheduled run from overlapping a
 * run started by hand (it is then recorded as refused, and tried again at the next tick).
 */
export function startScheduler(options: SchedulerOptions): { stop(): Promise<void> } {
  let lastStart: Date | undefined;
  let running: Promise<void> | undefined;
  const tick = async (): Promise<void> => {
    try {
      const config = await loadConfig(options.configPath);
      const now = options.clock.now();
      if (!isScheduledRunDue(config, now, lastStart)) return;
      const navette = await options.openNavette(config);
      try {
        const summary = await navette.runImport({ trigger: 'schedule', dryRun: false });
        if (summary.fatal?.code !== 'run-in-progress') lastStart = now;
        options.onRun?.(summary);
        // Then the reverse direction (SPEC §6): documents transformed in the GesCom (embedded or
        // Dolibarr: shipments, invoices, orders closed) move their orders.
        if (summary.fatal === undefined) options.onSweep?.(await navette.sweepStatuses());
      } finally {
        await navette.close();
      }
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      options.onError?.(error.message);
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = undefined;
    });
  }, options.tickMs ?? 60_000);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
