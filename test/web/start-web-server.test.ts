import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackHost, startWebServer } from '../../src/web/start-web-server.js';
import { createWebFixture, type WebFixture } from './support/web-fixture.js';

let fixture: WebFixture;

beforeEach(async () => {
  fixture = await createWebFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

describe('navette serve', () => {
  it('knows the loopback addresses', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a non-loopback address without --allow-network, with a clear message', async () => {
    await expect(
      startWebServer({ host: '0.0.0.0', port: 0, allowNetwork: false, deps: fixture.deps }),
    ).rejects.toMatchObject({
      code: 'web-network-refused',
      message: expect.stringContaining('--allow-network') as unknown,
    });
  });

  it('refuses a --host-name that is not a host name', async () => {
    for (const name of ['http://navette.example.org', 'navette.example.org/ui', 'a b', ''])
      await expect(
        startWebServer({ port: 0, allowNetwork: false, hostNames: [name], deps: fixture.deps }),
      ).rejects.toMatchObject({ code: 'web-host-name-invalid' });
  });

  it('listens on another address with --allow-network and warns', async () => {
    const warnings: string[] = [];
    const server = await startWebServer({
      host: '0.0.0.0',
      port: 0,
      allowNetwork: true,
      deps: fixture.deps,
      warn: (text) => warnings.push(text),
    });
    try {
      expect(warnings.join('')).toContain('ATTENTION');
    } finally {
      await server.close();
    }
  });

  it('listens on 127.0.0.1 by default and serves the login page', async () => {
    const server = await startWebServer({ port: 0, allowNetwork: false, deps: fixture.deps });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/login`);
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to start without a password or token', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const text = await readFile(fixture.configPath, 'utf8');
    await writeFile(fixture.configPath, text.replace(/passwordHash: .*\n/, ''));
    await expect(startWebServer({ port: 0, allowNetwork: false, deps: fixture.deps })).rejects.toMatchObject({
      code: 'web-no-secret',
    });
  });
});
