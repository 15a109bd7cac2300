import type { ImportOptions, RunEvent } from '../app/navette.js';
import type { JournalEntry, OutcomeCounts, RunSummary } from '../domain/import-report.js';
import { randomToken } from './auth/sessions.js';
import type { NavetteHolder } from './navette-holder.js';

/** A created document worth linking to at the end of a run. */
export interface CreatedDocument {
  readonly number: string;
  readonly orderReference: string;
}

/** What the live page shows of a run; a page that connects late gets this snapshot, then the events. */
export interface LiveRunState {
  readonly id: string;
  runId: string | undefined;
  counts: OutcomeCounts;
  currentOrder: string | undefined;
  /** The last journal lines (bounded: a run of 100,000 orders must not grow the server's memory). */
  journal: JournalEntry[];
  documents: CreatedDocument[];
  summary: RunSummary | undefined;
  /** A bug, not an expected failure (those come as `summary.fatal`). */
  error: string | undefined;
}

/** One message of the live stream (Server-Sent Events): the page applies them in order. */
export type LiveMessage =
  | { readonly type: 'snapshot'; readonly state: LiveRunState }
  | { readonly type: 'progress'; readonly counts: OutcomeCounts; readonly currentOrder: string | undefined }
  | { readonly type: 'journal'; readonly entry: JournalEntry }
  | { readonly type: 'document'; readonly document: CreatedDocument }
  | { readonly type: 'done'; readonly state: LiveRunState };

type Listener = (message: LiveMessage) => void;

const JOURNAL_KEPT = 200;
const DOCUMENTS_KEPT = 200;
const RUNS_KEPT = 20;

const emptyCounts = (): OutcomeCounts => ({
  read: 0,
  imported: 0,
  upgraded: 0,
  skipped: 0,
  failed: 0,
  planned: 0,
});

class LiveRun {
  readonly state: LiveRunState;
  readonly #listeners = new Set<Listener>();
  finished: Promise<void> = Promise.resolve();

  constructor(id: string) {
    this.state = {
      id,
      runId: undefined,
      counts: emptyCounts(),
      currentOrder: undefined,
      journal: [],
      documents: [],
      summary: undefined,
      error: undefined,
    };
  }

  get done(): boolean {
    return this.state.summary !== undefined || this.state.error !== undefined;
  }

  subscribe(listener: Listener): () => void {
    listener({ type: 'snapshot', state: this.state });
    if (this.done) return () => undefined;
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  apply(event: RunEvent): void {
    switch (event.type) {
      case 'started':
        this.state.runId = event.runId;
        return;
      case 'outcome': {
        const { outcome } = event;
        this.state.counts = { ...event.counts };
        this.state.currentOrder = `${outcome.reference} (n° ${outcome.orderId})`;
        this.#emit({ type: 'progress', counts: this.state.counts, currentOrder: this.state.currentOrder });
        const number = outcome.document?.number;
        if ((outcome.status === 'imported' || outcome.status === 'upgraded') && number !== undefined) {
          const document = { number, orderReference: outcome.reference };
          if (this.state.documents.length < DOCUMENTS_KEPT) this.state.documents.push(document);
          this.#emit({ type: 'document', document });
        }
        return;
      }
      case 'journal':
        this.state.journal.push(event.entry);
        if (this.state.journal.length > JOURNAL_KEPT) this.state.journal.shift();
        this.#emit({ type: 'journal', entry: event.entry });
        return;
      case 'state-changes':
      case 'finished':
        return;
    }
  }

  finish(summary: RunSummary | undefined, error: string | undefined): void {
    this.state.summary = summary;
    this.state.error = error;
    if (summary !== undefined) this.state.counts = { ...summary.counts };
    this.state.currentOrder = undefined;
    this.#emit({ type: 'done', state: this.state });
    this.#listeners.clear();
  }

  #emit(message: LiveMessage): void {
    for (const listener of this.#listeners) listener(message);
  }
}

/**
 * The imports started from the web UI. One at a time from here; against the CLI and the scheduler the
 * store's lock decides (runImport then answers `fatal.code === 'run-in-progress'`, shown as such).
 */
export class RunManager {
  readonly #runs = new Map<string, LiveRun>();
  #running: LiveRun | undefined;

  constructor(private readonly navettes: NavetteHolder) {}

  /** Starts a real import in the background; gives the already running one instead of a second. */
  start(options: Pick<ImportOptions, 'exclude'>): { id: string; alreadyRunning: boolean } {
    if (this.#running !== undefined) return { id: this.#running.state.id, alreadyRunning: true };
    const live = new LiveRun(randomToken(12));
    this.#runs.set(live.state.id, live);
    for (const id of [...this.#runs.keys()].slice(0, Math.max(0, this.#runs.size - RUNS_KEPT)))
      this.#runs.delete(id);
    this.#running = live;
    live.finished = this.navettes
      .use((navette) =>
        navette.runImport({
          trigger: 'web',
          dryRun: false,
          ...(options.exclude !== undefined && options.exclude.length > 0
            ? { exclude: options.exclude }
            : {}),
          onEvent: (event) => live.apply(event),
        }),
      )
      .then(async (summary) => {
        // The run's journal as stored, for a page that was not listening to every line.
        const journal = await this.navettes
          .use((navette) => navette.runJournal(summary.runId))
          .catch(() => undefined);
        if (journal !== undefined && journal.length > 0) live.state.journal = journal.slice(-JOURNAL_KEPT);
        return summary;
      })
      .then(
        (summary) => live.finish(summary, undefined),
        (error: unknown) => live.finish(undefined, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        if (this.#running === live) this.#running = undefined;
      });
    return { id: live.state.id, alreadyRunning: false };
  }

  get(id: string): LiveRun | undefined {
    return this.#runs.get(id);
  }

  get runningId(): string | undefined {
    return this.#running?.state.id;
  }

  /** Waits for the run in progress, if any (shutdown, tests). */
  async settle(): Promise<void> {
    await this.#running?.finished;
  }
}

export type { LiveRun };
