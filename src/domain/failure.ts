/**
 * An expected failure: something a shop owner can meet and act on (a bad key, a shop that does not
 * answer, an order whose totals disagree). It carries a stable `code` for programs and a French-free,
 * plain message that says what to do. Bugs stay plain `Error`s.
 *
 * `Code` narrows the code to a family's union (`GescomFailureCode`, `WebserviceFailureCode`): a code
 * renamed on one side only is then a type error, not a silent change of what people read.
 */
export class ExpectedFailure<Code extends string = string> extends Error {
  override readonly name = 'ExpectedFailure';
  /**
   * The values the (French) message was written from, its wording named by `case` when the code has
   * several: for a page to say it in its own language. Absent when only the message says it.
   */
  readonly data: FailureData | undefined;

  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown; data?: FailureData },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.data = options?.data;
  }
}

/** What a failure's message was written from: names and values (a call, an HTTP status, a file…). */
export type FailureData = Readonly<Record<string, string | number>>;

/** A FailureData read back from storage: an object of texts and numbers. */
export function isFailureData(value: unknown): value is FailureData {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string' || typeof item === 'number')
  );
}

export function isExpectedFailure(error: unknown): error is ExpectedFailure {
  return error instanceof ExpectedFailure;
}

/**
 * What a GesCom target refuses, whatever the GesCom (the GescomTarget contract): the sync records these
 * codes on the order's outcome as they are.
 */
export const GESCOM_FAILURE_CODES = [
  /** The order already has a live document (a second `importDocument` for its external key). */
  'already-imported',
  'document-not-found',
  /** Cancelled in the GesCom: it is neither transformed nor cancelled again. */
  'document-cancelled',
  /** Already transformed into another document: the chain's head is the one to act on. */
  'already-transformed',
  'document-transformed',
  /** A credit note is not part of the quote → order → delivery → invoice chain. */
  'transform-unsupported',
  /** A GesCom whose documents are transformed in its own screens only (Dolibarr's shipments, invoices). */
  'transform-in-gescom',
  /** Documents only move forward (and never into their own type). */
  'transform-backwards',
  /** Only a document still Saisi (draft) is cancelled automatically. */
  'document-not-draft',
] as const;
export type GescomFailureCode = (typeof GESCOM_FAILURE_CODES)[number];

const GESCOM_CODES: ReadonlySet<string> = new Set(GESCOM_FAILURE_CODES);

export function isGescomFailureCode(code: string): code is GescomFailureCode {
  return GESCOM_CODES.has(code);
}

export function isGescomFailure(error: unknown): error is ExpectedFailure<GescomFailureCode> {
  return isExpectedFailure(error) && isGescomFailureCode(error.code);
}

/**
 * A GesCom that cannot be worked with right now (unreachable, answering errors, the key refused, a
 * module off): not one order's fault. The sync stops the run on it, leaving the rest for the next run,
 * instead of failing every remaining order one by one.
 */
export const GESCOM_UNAVAILABLE = 'gescom-unavailable';

export function isGescomUnavailable(error: unknown): error is ExpectedFailure {
  return isExpectedFailure(error) && error.code === GESCOM_UNAVAILABLE;
}
