import {
  type FailureContext,
  type WebserviceError,
  type WebserviceFailure,
  failureFromErrors,
  keyMissing,
  malformedAnswer,
  notPrestaShop,
  permissionDenied,
} from './errors.js';
import { redactUrl } from './redact-url.js';
import type { AttemptOutcome } from './retry-policy.js';
import { QUERY_KEY_PARAM } from './webservice-dialect.js';
import { UnsafeXmlError, xmlToPlain } from './xml.js';

/**
 * What one webservice answer says: its body (JSON, or XML read into the same plain shape), the
 * PrestaShop errors it lists, its records — and whether the call is done, failed for good, worth
 * another try, or must be sent again with the key in the URL. Pure: the client does the I/O.
 */

export type RawRecord = Readonly<Record<string, unknown>>;

export interface WebserviceAnswer {
  readonly status: number;
  /** The parsed body (JSON, or XML turned into the same plain shape); undefined when empty. */
  readonly body: unknown;
  readonly version: string | undefined;
  /** The raw body of an XML answer, for the few callers that read XML attributes (the `/api/` root). */
  readonly rawText: string;
}

/** What one attempt brought back: an answer read whole, a timeout, or no answer at all. */
export type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly text: string;
      readonly contentType: string;
      /** The raw `PSWS-Version` header. */
      readonly version: string | undefined;
      readonly poweredBy: string;
      readonly retryAfter: string | undefined;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly error: unknown };

export type Judgement =
  | { readonly kind: 'done'; readonly answer: WebserviceAnswer }
  | { readonly kind: 'failed'; readonly failure: WebserviceFailure }
  | { readonly kind: 'retryable'; readonly outcome: AttemptOutcome }
  | { readonly kind: 'switch-to-query-key' };

export interface JudgeContext extends FailureContext {
  /** The URL the attempt was sent to (it says whether the key travelled in it). */
  readonly url: string;
  /** The shop's address as it may be shown. */
  readonly displayUrl: string;
  /** The shop's version known so far, given back with the answer. */
  readonly version: string | undefined;
}

/** Answers 2xx and 404 are done; everything else fails, or is worth another try. */
export function judgeAttempt(result: AttemptResult, context: JudgeContext): Judgement {
  if (result.kind === 'timeout') return { kind: 'retryable', outcome: { kind: 'timeout' } };
  if (result.kind === 'network') return { kind: 'retryable', outcome: { kind: 'network' } };
  const { status, text } = result;
  const { url, displayUrl, version } = context;
  // A body that cannot be read stays undefined: an empty body is only right for a 204, which fetch
  // never gives a body (a "null body status" in the Fetch standard).
  let body: unknown;
  try {
    body = parseBody(text, result.contentType);
  } catch (error) {
    if (error instanceof UnsafeXmlError) {
      return { kind: 'failed', failure: malformedAnswer(redactUrl(url), error.message, status) };
    }
  }
  const errors = errorsOf(body);
  // Asked only where no error was read (a 2xx without a body, a 404 without errors), so PrestaShop's
  // errors need not count here.
  const fromPrestaShop = isPrestaShopAnswer(result);

  if (status >= 200 && status < 300) {
    if (body === undefined && status !== 204) {
      // A 200 that is not PrestaShop at all (a parking page, a login page) is not worth retrying; a
      // PrestaShop answer cut short by the host is.
      if (!fromPrestaShop && !looksLikeData(text)) {
        return { kind: 'failed', failure: notPrestaShop(displayUrl, status) };
      }
      return { kind: 'retryable', outcome: { kind: 'malformed' } };
    }
    // No error, no failure: failureFromErrors gives undefined for an empty list.
    const failure = failureFromErrors(status, errors, context);
    if (failure) return { kind: 'failed', failure };
    return { kind: 'done', answer: { status, body, version, rawText: text } };
  }
  if (status === 401 && errors.length === 0) {
    // A 401 without PrestaShop's XML/JSON body: the Authorization header never reached PrestaShop
    // (8.1.2/66_error_no_credentials_401.txt; see QUERY_KEY_PARAM). Try with the key in the URL. The
    // question is whether *this* request carried it there: calls sent at the same time as the one that
    // switched were still sent the Basic way, and must switch too, not fail.
    if (!new URL(url).searchParams.has(QUERY_KEY_PARAM)) return { kind: 'switch-to-query-key' };
    return { kind: 'failed', failure: keyMissing(status) };
  }
  // A missing record is a 404 with an empty body (8.1.2/75_error_order_not_found_404.json, 76_….xml).
  if (status === 404 && (text.trim() === '' || fromPrestaShop) && errors.length === 0) {
    return { kind: 'done', answer: { status, body: undefined, version, rawText: text } };
  }
  const failure = failureFromErrors(status, errors, context);
  if (failure) return { kind: 'failed', failure };
  if (status === 405)
    return { kind: 'failed', failure: permissionDenied(context.resource, context.method, status) };
  if (status === 401 || status === 403 || status === 404) {
    return { kind: 'failed', failure: notPrestaShop(displayUrl, status) };
  }
  return {
    kind: 'retryable',
    outcome: {
      kind: 'status',
      status,
      errorCodes: errors.map((error) => error.code),
      retryAfter: result.retryAfter,
    },
  };
}

function isPrestaShopAnswer(result: Extract<AttemptResult, { kind: 'response' }>): boolean {
  return (
    result.version !== undefined ||
    /prestashop/i.test(result.poweredBy) ||
    /<prestashop[\s>]/.test(result.text)
  );
}

function looksLikeData(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[' || (start === '<' && /<prestashop/i.test(text.slice(0, 500)));
}

/** JSON or XML, told by the content type and, because some hosts lie about it, by the body itself. */
export function parseBody(text: string, contentType: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const first = trimmed[0];
  if (first === '{' || first === '[' || (contentType.includes('json') && first !== '<'))
    return JSON.parse(trimmed);
  // Hosts answer their own HTML pages (errors, parking, WAF): only a PrestaShop document is read as
  // XML, so that the DOCTYPE refusal is about PrestaShop answers and not about `<!DOCTYPE html>`.
  if (first === '<' && /<prestashop[\s>]/.test(trimmed)) return xmlToPlain(trimmed);
  throw new Error('answer is neither JSON nor a PrestaShop XML document');
}

/** `{"errors":[{"code":32,"message":"…"}]}`, the XML `<errors>` read the same way. */
function errorsOf(body: unknown): WebserviceError[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown) => {
    // An entry that is not an object (a number, a text) has no code: it is dropped below.
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    const numeric = Number(code);
    return Number.isFinite(numeric)
      ? [{ code: numeric, message: typeof message === 'string' ? message : '' }]
      : [];
  });
}

/**
 * The records of a list answer, in every shape: `{"orders":[…]}` (with `display`), `[]` for an empty
 * list in 8.x JSON (8.1.2/77_empty_list.json), `<orders></orders>` in XML (8.1.2/78_empty_list.xml),
 * and 1.6's `order_discounts` answered as `order_cart_rules`
 * (1.6.1/test_import_sale_record_5/007_GET_order_discounts.response.xml): the single top-level key is
 * taken, whatever its name.
 */
export function listRecords(body: unknown, resource: string, where: string): RawRecord[] {
  if (body === undefined) return [];
  if (Array.isArray(body)) return body.filter(isRecord);
  if (!isRecord(body)) throw malformedAnswer(where, 'liste attendue');
  const value = body[resource] ?? Object.values(body)[0];
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.filter(isRecord);
  if (isRecord(value)) return [value];
  throw malformedAnswer(where, `liste ${resource} attendue`);
}

/** The record of a single-record answer, `{"order":{…}}`, whatever its name. */
export function singleRecord(body: unknown, where: string): RawRecord {
  if (!isRecord(body)) throw malformedAnswer(where, 'enregistrement attendu');
  const values = Object.values(body);
  const only = values.length === 1 ? values[0] : undefined;
  if (isRecord(only)) return only;
  throw malformedAnswer(where, 'enregistrement attendu');
}

function isRecord(value: unknown): value is RawRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
