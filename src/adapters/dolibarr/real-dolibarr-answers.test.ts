import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../prestashop/testing/fake-clock.js';
import type { FetchLike } from '../http/fetch-like.js';
import { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';

/** Answers recorded on a real Dolibarr 23.0.0-beta left as its installer sets it up (index.md there). */
const DIR = join(import.meta.dirname, '../../../test/fixtures/dolibarr/real-23.0.0-beta');

interface Recorded {
  readonly response: {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body_is_json: boolean;
    readonly body: unknown;
  };
}

function recorded(file: string): Recorded {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recorded;
}

/** A Dolibarr that answers every call with this recording, and keeps what it was sent. */
function replaying(file: string) {
  const { response } = recorded(file);
  const sent: { headers: Record<string, string>; body: string | undefined }[] = [];
  const fetch: FetchLike = (_url, init) => {
    sent.push({ headers: { ...(init?.headers as Record<string, string>) }, body: init?.body as string });
    const text = response.body_is_json ? JSON.stringify(response.body) : String(response.body);
    return Promise.resolve(
      new Response(text, {
        status: response.status,
        headers: { 'Content-Type': response.headers['Content-Type'] ?? 'application/json' },
      }),
    );
  };
  const client = new DolibarrClient({
    url: 'http://dolibarr.test',
    key: 'REALKEY0000',
    fetch,
    clock: new FakeClock('2026-12-01T21:12:00Z'),
    random: () => 0.5,
  });
  return { client, sent };
}

async function failureOf(promise: Promise<unknown>): Promise<DolibarrFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DolibarrFailure) return error;
    throw error;
  }
  throw new Error('expected a DolibarrFailure');
}

describe('a real Dolibarr as its installer leaves it', () => {
  it('reads the reason of an error page with the JSON after the HTML, as a refusal of that data', async () => {
    const { client } = replaying('004_order_create_line_emoji_500.json');
    const failure = await failureOf(client.create('orders', { socid: 1, lines: [] }));
    expect(failure.code).toBe('data-refused');
    expect(failure.message).toContain('Incorrect string value');
    expect(failure.message).toContain('POST orders');
  });

  it('reads the reason Dolibarr puts in error.1: a customer code in the wrong syntax', async () => {
    const { client } = replaying('001_thirdparty_create_own_code_monkey.json');
    const failure = await failureOf(client.create('thirdparties', { name: 'Jeanne', code_client: 'WEB1' }));
    expect(failure.code).toBe('data-refused');
    expect(failure.message).toContain('ErrorBadCustomerCodeSyntax');
  });

  it('never sends a character beyond U+FFFF, and asks for answers not compressed', async () => {
    const { client, sent } = replaying('003_thirdparty_create_code_auto_monkey.json');
    await client.create('thirdparties', { name: 'Savon 🫒 de Marseille', email: 'a@b.fr' });
    expect(sent[0]?.body).toBe(JSON.stringify({ name: 'Savon  de Marseille', email: 'a@b.fr' }));
    expect(sent[0]?.headers['Accept-Encoding']).toBe('identity');
  });

  it('sends a create again after a deadlock, which the database rolled back whole; not after a duplicate', async () => {
    const answers = ['038_orders_create_concurrent_deadlock_500.json', '036_orders_create_concurrent.json'];
    let sent = 0;
    const fetch: FetchLike = () => {
      const { response } = recorded(answers[Math.min(sent, answers.length - 1)] ?? '');
      sent += 1;
      const text = response.body_is_json ? JSON.stringify(response.body) : String(response.body);
      return Promise.resolve(
        new Response(text, { status: response.status, headers: { 'Content-Type': 'application/json' } }),
      );
    };
    const client = new DolibarrClient({
      url: 'http://dolibarr.test',
      key: 'REALKEY0000',
      fetch,
      clock: new FakeClock('2026-12-02T00:35:00Z'),
      random: () => 0.5,
    });
    const id = await client.createDocument('orders', { socid: 1, lines: [] });
    expect(id).toBe(recorded('036_orders_create_concurrent.json').response.body);
    expect(sent).toBe(2);

    const { client: refusing, sent: once } = replaying(
      '039_thirdparties_create_concurrent_duplicate_500.json',
    );
    const failure = await failureOf(refusing.create('thirdparties', { name: 'Jeanne', code_client: '-1' }));
    expect(failure.message).toContain('Doublon dans un champ unique');
    expect(once).toHaveLength(1);
  });
});
