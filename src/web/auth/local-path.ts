const BASE = 'http://navette.invalid';

/**
 * A path to go back to after a form or the login (`?next=`), only within this site; anything else gives
 * `fallback`. Browsers drop tabs and newlines inside a URL, read `\` as `/` and `//host` as another site,
 * and a CR/LF would break the Location header: rather than guess what a browser makes of such a value,
 * any control character or backslash refuses it, and the path a browser would really go to (after
 * resolving `.` and `..`) must still be a path of this site.
 */
export function localPath(candidate: string | undefined, fallback = '/'): string {
  if (candidate === undefined || candidate.length > 2048) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  if (!candidate.startsWith('/')) return fallback;
  // Against a valid base a path always parses. `//host` names another site; `/.//host` becomes `//host`
  // once resolved, which a browser would read as another site too.
  const url = new URL(candidate, BASE);
  // The serialized form: percent-encoded, so always a valid header value.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || path.startsWith('//')) return fallback;
  return path;
}
