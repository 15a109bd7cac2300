import { request } from 'node:http';
import type { Readable } from 'node:stream';

/** An answer read off the socket, as a browser or a script would get it. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface RawRequest {
  readonly url: string;
  readonly method?: string;
  /** Sent as given, Host included (fetch() would not let a test choose the Host header). */
  readonly headers?: Record<string, string>;
  readonly body?: string | undefined;
  /** A loopback address to send from (127.0.0.2 …): another "client" for per-address limits. */
  readonly localAddress?: string;
}

/** One HTTP/1.1 request with node:http, on a fresh connection. */
export function rawRequest(options: RawRequest): Promise<RawAnswer> {
  const url = new URL(options.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
        ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

export interface StreamedUpload {
  readonly status: number;
  readonly body: string;
  /** Bytes written before the server answered (or closed the connection). */
  readonly bytesSent: number;
}

/**
 * Streams up to `totalBytes` of form data in chunked encoding and stops as soon as the server answers:
 * what an attacker's endless upload looks like, without the test holding the data in memory.
 */
export function streamUpload(url: string, totalBytes: number, headers: Record<string, string> = {}) {
  const target = new URL(url);
  return new Promise<StreamedUpload>((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const outgoing = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    const pump = () => {
      while (!answered && bytesSent < totalBytes) {
        bytesSent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', pump);
      }
      if (!answered) outgoing.end();
    };
    outgoing.on('response', (incoming: Readable & { statusCode?: number }) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (data: Buffer) => chunks.push(data));
      incoming.on('end', () => {
        resolve({
          status: incoming.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          bytesSent,
        });
        outgoing.destroy();
      });
    });
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    pump();
  });
}
