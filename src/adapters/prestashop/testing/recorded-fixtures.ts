import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The recorded answers of real shops (test/fixtures/prestashop), for tests. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/prestashop');

export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export function fixtureJson<T = unknown>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

export interface RecordedAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** A recorded 8.1.2 answer: the `.headers` file (status line and headers) and the body. */
export function recordedAnswer(file: string): RecordedAnswer {
  const [statusLine = '', ...headerLines] = fixtureText(`8.1.2/${file}.headers`).split(/\r?\n/);
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1]);
  const headers = new Headers();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    // The body is served whole: its transfer framing does not apply any more.
    if (/^(transfer-encoding|content-length|connection)$/i.test(name)) continue;
    headers.append(name, line.slice(colon + 1).trim());
  }
  return { status, headers, body: fixtureText(`8.1.2/${file}`) };
}

export function toResponse(answer: RecordedAnswer): Response {
  const empty = answer.status === 204 || answer.body === '';
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
}

export interface ManifestEntry {
  readonly file: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly auth: string;
}

export function manifest(): ManifestEntry[] {
  return fixtureJson<{ entries: ManifestEntry[] }>('8.1.2/manifest.json').entries;
}

/** A list answer's records, `{"orders":[…]}` → the array. */
export function jsonRecords(file: string): Record<string, unknown>[] {
  const body = fixtureJson<Record<string, unknown> | unknown[]>(`8.1.2/${file}`);
  if (Array.isArray(body)) return [];
  const first = Object.values(body)[0];
  return Array.isArray(first) ? (first as Record<string, unknown>[]) : [];
}
