import { isStatusNote, type SendNote, type StatusNote } from './status-note.js';
import { isFailureData, type FailureData, type GescomFailureCode } from './failure.js';
import { format } from './money.js';
import type { DocumentStatus, DocumentType } from './sales-document.js';
import type { ShopOrder, ShopOrderKey } from './shop-order.js';

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

/**
 * The stable codes of an outcome's reason, by where they come from. A union, so that renaming one on
 * one side only is a type error; the lists are what the reports and their readers can meet.
 */

/** Why an order was left as it is (sync/decide.ts, and orders unticked in the aperçu). */
export const SKIP_CODES = [
  'state-not-selected',
  'already-imported',
  'cancelled-in-shop',
  'excluded',
] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

/** Why an order cannot become a sales document (sync/to-sales-document.ts and the steps it calls). */
export const MAPPING_FAILURE_CODES = [
  'customer-missing',
  'address-missing',
  'account-code-too-long',
  'article-unknown',
  'totals-mismatch',
] as const;
export type MappingFailureCode = (typeof MAPPING_FAILURE_CODES)[number];

/** Why the shop's answer for one order cannot be read (an OrderSource's `{ ok: false }`). */
export const ORDER_REFUSAL_CODES = [
  'unknown-state',
  'unknown-currency',
  'unknown-tax',
  'no-lines',
  'negative-quantity',
  'malformed-order',
  /** The order's related records could not be read this time: it is read again by the next run. */
  'shop-read-failed',
] as const;
export type OrderRefusalCode = (typeof ORDER_REFUSAL_CODES)[number];

export type OutcomeCode =
  | SkipCode
  | MappingFailureCode
  | OrderRefusalCode
  | GescomFailureCode
  /** The GesCom refused with a code this version does not know (its message says why). */
  | 'gescom-refused'
  /** A bug of navette's: the order is read again by the next run. */
  | 'internal-error';

/** The codes of a run that could not run at all, besides the source's and the store's own failures. */
export const RUN_IN_PROGRESS = 'run-in-progress';
export const RUN_ABORTED = 'aborted';

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
  readonly code: OutcomeCode | undefined;
  /** What a person reads, in French: why it was skipped or failed, what to do. */
  readonly reason: string | undefined;
  /** The values `reason` was written from, for a page to say it in its own language (see ReasonData). */
  readonly reasonData?: ReasonData;
  /** Things worth knowing about an imported order (a rounding line was added, DIVERS used…), in French. */
  readonly notes: readonly string[];
  /**
   * The same notes as data, one for each, in the same order: for a page to say them in its own language.
   * Absent for notes kept before they had data: those are shown as written.
   */
  readonly noteData?: readonly OutcomeNoteData[];
}

/** What a note on an imported order is about (sync/customer-account, product-lines, shipping-lines…). */
export const OUTCOME_NOTE_CODES = [
  'customer-deleted',
  'generic-article',
  'article-created',
  'product-vat-derived',
  'free-shipping-voucher',
  'shipping-vat-derived',
  'rounding-line',
  'vat-rounded',
  'payment-not-recorded',
  'payments-shared',
] as const;
export type OutcomeNoteCode = (typeof OUTCOME_NOTE_CODES)[number];

/** A note as data: its code and the values its French text was written from (amounts as decimal text). */
export interface OutcomeNoteData {
  readonly code: OutcomeNoteCode;
  readonly data: ReasonData;
}

/** A note as the mapping writes it: its French text and its data. */
export interface OutcomeNote extends OutcomeNoteData {
  readonly text: string;
}

/** An outcome's notes: their French texts, and their data beside them (none when there is no note). */
export function outcomeNotes(notes: readonly OutcomeNote[]): Pick<OrderOutcome, 'notes' | 'noteData'> {
  if (notes.length === 0) return { notes: [] };
  return { notes: notes.map((note) => note.text), noteData: notes.map(({ code, data }) => ({ code, data })) };
}

/**
 * What an outcome's reason says, as data: the values its French text was written from (a state id, an
 * amount as decimal text, a product as the shop names it…), so that a page says it in its own language.
 * A code with several wordings names its own in `case` (a refusal of Dolibarr's, `gescom-refused`: the
 * wording of adapters/dolibarr/errors.ts, Dolibarr's own words as `detail`). Absent for reasons kept
 * before it was, and for refusals that carry no data (the embedded GesCom's): those are shown as they
 * were written.
 */
export type ReasonData = Readonly<Record<string, string | number>>;

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
  /** The calls by resource (`orders`, `order_details`…), so that a shop owner sees what a run cost. */
  readonly webserviceCallsByResource?: Readonly<Record<string, number>>;
  /** What the run cost the GesCom's side; none for runs recorded before it was counted. */
  readonly gescomCalls?: GescomCalls;
  /** Set when the run could not run at all (shop unreachable, lock held…). */
  readonly fatal: { readonly code: string; readonly message: string } | undefined;
  readonly status: 'running' | 'succeeded' | 'partial' | 'failed';
}

/** The calls a run made to the GesCom, by resource (Dolibarr's `orders`, `thirdparties`…). */
export interface GescomCalls {
  /** `embedded`: the GesCom is in navette's own database, reached without any network call. */
  readonly target: 'embedded' | 'dolibarr';
  readonly total: number;
  readonly byResource: Readonly<Record<string, number>>;
}

/** What a run cost the GesCom: the counts now, less those before it (resources it did not call left out). */
export function gescomCallsSince(now: GescomCalls, before: GescomCalls | undefined): GescomCalls {
  const byResource: Record<string, number> = {};
  for (const [resource, count] of Object.entries(now.byResource)) {
    const own = count - (before?.byResource[resource] ?? 0);
    if (own > 0) byResource[resource] = own;
  }
  return { target: now.target, total: now.total - (before?.total ?? 0), byResource };
}

export type JournalLevel = 'info' | 'warning' | 'error';

export interface JournalEntry {
  readonly at: string;
  readonly level: JournalLevel;
  /** In French: what the CLI prints, and what a page shows when there is no `note`. */
  readonly message: string;
  readonly shopId: number | undefined;
  readonly orderId: number | undefined;
  /** The same as data, for a page to say it in its own language (the entries that have one). */
  readonly note?: JournalNote;
}

/** What an import's journal says of one order, as data (the message keeps it in French). */
export type ImportNote =
  /** `Commande XYZ (n° 12) : <reason>`: `reason` is the outcome's French text, said when no page can render the code. */
  | {
      readonly code: 'order-failed';
      readonly reference: string;
      readonly orderId: number;
      readonly reasonCode: OutcomeCode | undefined;
      readonly reason: string;
      readonly reasonData?: ReasonData;
    }
  /** `Statut de la commande 12 : <what became of the state change>`. */
  | { readonly code: 'order-state'; readonly orderId: number; readonly sent: SendNote };

/**
 * The failure that stopped a run (its `fatal`): its code and the values its French message was written
 * from. Kept on the journal's line that tells it rather than in a column of the run (no migration): the
 * run's page renders its fatal message from it too.
 */
export interface RunStoppedNote {
  readonly code: 'run-stopped';
  readonly failureCode: string;
  readonly data: FailureData;
}

export type JournalNote = StatusNote | ImportNote | RunStoppedNote;

/** A note read back from storage: one this version knows (else the entry's message says it). */
export function isJournalNote(value: unknown): value is JournalNote {
  if (isStatusNote(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const note = value as {
    code?: unknown;
    sent?: unknown;
    reason?: unknown;
    failureCode?: unknown;
    data?: unknown;
  };
  return (
    (note.code === 'order-failed' && typeof note.reason === 'string') ||
    (note.code === 'order-state' && isStatusNote(note.sent)) ||
    (note.code === 'run-stopped' && typeof note.failureCode === 'string' && isFailureData(note.data))
  );
}

/** The outcome of an order read whole: who ordered, for how much, in which state. */
export function outcomeFor(
  order: ShopOrder,
  fields: Partial<OrderOutcome> & Pick<OrderOutcome, 'status'>,
): OrderOutcome {
  const customerName = order.customer
    ? [order.customer.firstName, order.customer.lastName].join(' ').trim()
    : [order.invoiceAddress?.firstName, order.invoiceAddress?.lastName].join(' ').trim();
  return {
    shopId: order.key.shopId,
    orderId: order.key.orderId,
    reference: order.reference,
    orderDate: order.dateAdd,
    stateId: order.state.id,
    stateName: order.state.name,
    customerName: order.customer?.company || customerName,
    totalTaxIncl: format(order.totals.paidTaxIncl),
    currency: order.currency.isoCode,
    document: undefined,
    code: undefined,
    reason: undefined,
    notes: [],
    ...fields,
  };
}

/** The outcome of an order the shop's answer did not let read: only its key and reference are known. */
export function blankOutcome(key: ShopOrderKey, reference: string): Omit<OrderOutcome, 'status'> {
  return {
    shopId: key.shopId,
    orderId: key.orderId,
    reference,
    orderDate: '',
    stateId: 0,
    stateName: '',
    customerName: '',
    totalTaxIncl: '',
    currency: '',
    document: undefined,
    code: undefined,
    reason: undefined,
    notes: [],
  };
}

/** A document as an outcome names it. */
export function documentOf(document: {
  readonly number: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
}): OrderOutcome['document'] {
  return { number: document.number, type: document.type, status: document.status };
}

export function emptyCounts(): OutcomeCounts {
  return { read: 0, imported: 0, upgraded: 0, skipped: 0, failed: 0, planned: 0 };
}

export function noStateChanges(): StateChangeCounts {
  return { sent: 0, skipped: 0, failed: 0 };
}

/** Counts one more outcome: what an aperçu would do counts as planned. */
export function countOutcome(counts: OutcomeCounts, outcome: OrderOutcome): void {
  counts.read += 1;
  if (outcome.status === 'would-import' || outcome.status === 'would-upgrade') counts.planned += 1;
  else counts[outcome.status] += 1;
}

/** A run's calls by resource as one line, the costliest first: `orders 4 · order_details 3`. */
export function callsByResourceText(calls: Readonly<Record<string, number>>): string {
  return Object.entries(calls)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([resource, count]) => `${resource === '' ? '/api/' : resource} ${count}`)
    .join(' · ');
}
