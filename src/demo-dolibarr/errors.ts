/**
 * Dolibarr's API answers errors through Restler: `{"error":{"code":N,"message":"<reason>: <detail>"},
 * "debug":{…}}`, with the object's own error as `"0"` on a failed create. The WAF and a missing API file
 * answer plain HTML instead.
 */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** A Restler error; thrown by the routes and turned into the answer by the app. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    /** The object's own errors, as `"0"`, `"1"`…: Dolibarr sometimes leaves `"0"` empty (real exchange 001). */
    readonly objectError?: string | readonly string[],
    /** Where Restler failed: `call` for the API code, `validate` for parameter checks. */
    readonly stage: 'call' | 'validate' | 'authenticate' | 'route' | 'setup' = 'call',
  ) {
    super(detail ?? REASONS[status] ?? 'Error');
  }
}

const STAGES = ['get', 'route', 'negotiate', 'authenticate', 'validate', 'call'] as const;

export function restErrorResponse(error: RestError): Response {
  const reason = REASONS[error.status] ?? 'Error';
  const failedAt = STAGES.indexOf(error.stage === 'setup' ? 'get' : error.stage);
  const body = {
    error: {
      code: error.status,
      message: error.detail === undefined ? reason : `${reason}: ${error.detail}`,
      ...(error.objectError === undefined
        ? {}
        : Object.fromEntries([error.objectError].flat().map((reason, index) => [String(index), reason]))),
    },
    debug: {
      source: `api.class.php at ${error.stage} stage`,
      stages: {
        success: STAGES.slice(0, failedAt),
        failure: [...STAGES.slice(failedAt, failedAt + 1), 'message'],
      },
    },
  };
  return new Response(JSON.stringify(body), { status: error.status, headers: { 'Content-Type': JSON_TYPE } });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE } });
}

/** What Dolibarr's SQL and script injection filter answers for a suspicious URL (`:` in the path…). */
export function wafResponse(path: string): Response {
  return new Response(
    `Access refused to 127.0.0.1 by SQL or Script injection protection in main.inc.php:analyseVarsForSqlAndScriptsInjection type=2<br>\nTry to go back, fix data of your form and resubmit it. You can contact also your technical support.\n<!--\npage=${path} paramtype=2 paramkey=0 paramvalue=${path}\n-->`,
    { status: 403, headers: { 'Content-Type': 'text/html; charset=UTF-8' } },
  );
}

/** An API whose file is absent (unknown resource, or its module is off). */
export function apiNotFoundResponse(): Response {
  return new Response('API not found (failed to include API file)', {
    status: 501,
    headers: { 'Content-Type': 'text/html; charset=UTF-8' },
  });
}

/** Validating what is already validated: 304, no body, no Content-Type. */
export function notModifiedResponse(): Response {
  return new Response(null, { status: 304 });
}
