/** Exit codes a scheduler can act on. */
export const EXIT = {
  /** Everything went well. */
  ok: 0,
  /** The run went through but some orders failed (see the report). */
  someOrdersFailed: 1,
  /** `navette reconcile`: the report lists differences (a scheduler mails it, a person acts on it). */
  differencesFound: 1,
  /** Wrong command line. */
  usage: 2,
  /** The run could not run at all: configuration, shop unreachable, key refused, lock held, GesCom database unusable (full, read-only, unreadable, not answering). */
  couldNotRun: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
