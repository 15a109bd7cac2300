/**
 * The webservice key must never reach a log line, an error message or a report. It can travel in the
 * URL (`ws_key=`, the fallback for hostings that strip the Authorization header) or as URL credentials.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url).replace(/(ws_key=)[^&#\s]*/gi, '$1***');
  }
  if (parsed.username) parsed.username = '***';
  if (parsed.password) parsed.password = '***';
  if (parsed.searchParams.has('ws_key')) parsed.searchParams.set('ws_key', '***');
  // Brackets and pipes stay readable: these URLs are shown to people.
  return decodeURIComponent(parsed.toString());
}

/** Removes a secret from any text (an error message quoting a URL, a server's echo). */
export function redactSecret(text: string, secret: string): string {
  if (secret.length < 4) return text;
  return text.split(secret).join('***');
}
