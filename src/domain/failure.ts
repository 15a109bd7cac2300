/**
 * An expected failure: something a shop owner can meet and act on (a bad key, a shop that does not
 * answer, an order whose totals disagree). It carries a stable `code` for programs and a French-free,
 * plain message that says what to do. Bugs stay plain `Error`s.
 */
export class ExpectedFailure extends Error {
  override readonly name = 'ExpectedFailure';

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isExpectedFailure(error: unknown): error is ExpectedFailure {
  return error instanceof ExpectedFailure;
}
