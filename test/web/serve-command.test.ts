import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, ensureBuiltCli } from '../support/built-cli.js';
import { rawRequest } from './support/raw-http.js';
import { TEST_PASSWORD, TestBrowser, createWebFixture, type WebFixture } from './support/web-fixture.js';

let fixture: WebFixture;
let child: ChildProcess | undefined;

beforeAll(() => ensureBuiltCli(), 120_000);
beforeEach(async () => {
  fixture = await createWebFixture();
});
afterEach(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  await fixture.cleanup();
});

/** `navette serve` as a user starts it; resolves with the URL it prints. */
function serve(args: readonly string[]): Promise<string> {
  const started = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'navette.js'), '--config', fixture.configPath, 'serve', '--port', '0', ...args],
    { env: { ...process.env, NAVETTE_PS_KEY: fixture.shop.key } },
  );
  child = started;
  return new Promise((resolve, reject) => {
    let output = '';
    started.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const url = /(http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve(url);
    });
    started.stderr?.on('data', (data: Buffer) => (output += data.toString()));
    started.once('exit', (code) => reject(new Error(`navette serve exited (${String(code)}): ${output}`)));
  });
}

describe('navette serve --host-name --trust-proxy', () => {
  it('serves the named host, refuses others, and marks the cookie Secure behind https', async () => {
    const url = await serve(['--host-name', 'navette.example.org', '--trust-proxy']);
    const named = await rawRequest({ url: `${url}/login`, headers: { host: 'navette.example.org' } });
    expect(named.status).toBe(200);
    const other = await rawRequest({ url: `${url}/login`, headers: { host: 'evil.example' } });
    expect(other.status).toBe(421);

    const proxied = { host: 'navette.example.org', 'x-forwarded-proto': 'https' };
    const page = await rawRequest({ url: `${url}/login`, headers: proxied });
    const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
    const login = await rawRequest({
      url: `${url}/login`,
      method: 'POST',
      headers: {
        ...proxied,
        origin: 'https://navette.example.org',
        cookie: csrfCookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: TestBrowser.csrfOf(page.body), password: TEST_PASSWORD }).toString(),
    });
    expect(login.status).toBe(303);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(/__Host-navette_session=[^;]+;.*Secure/);
  });

  it('without --trust-proxy, a client cannot claim https', async () => {
    const url = await serve([]);
    const page = await rawRequest({ url: `${url}/login`, headers: { 'x-forwarded-proto': 'https' } });
    expect(([] as string[]).concat(page.headers['set-cookie'] ?? []).join('\n')).not.toMatch(/Secure/);
  });
});
