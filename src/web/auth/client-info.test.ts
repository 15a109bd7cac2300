import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebEnv } from '../web-env.js';
import { clientInfo, type ClientInfo } from './client-info.js';

function appWith(trustProxy: boolean): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('*', clientInfo(trustProxy));
  app.get('*', (c) => c.json(c.get('client')));
  return app;
}

async function client(
  trustProxy: boolean,
  url: string,
  headers: Record<string, string> = {},
): Promise<ClientInfo> {
  const response = await appWith(trustProxy).request(url, { headers });
  return (await response.json()) as ClientInfo;
}

describe('clientInfo', () => {
  it('without a socket (in-process requests) the address is "unknown"', async () => {
    expect(await client(false, 'http://localhost:3000/')).toEqual({
      address: 'unknown',
      https: false,
      origin: 'http://localhost:3000',
    });
  });

  it('takes https and the origin from the URL when no proxy speaks', async () => {
    expect(await client(false, 'https://navette.example.org/runs')).toEqual({
      address: 'unknown',
      https: true,
      origin: 'https://navette.example.org',
    });
    expect(await client(true, 'https://navette.example.org:8443/')).toMatchObject({
      https: true,
      origin: 'https://navette.example.org:8443',
    });
  });

  it('ignores the forwarding headers unless the proxy is trusted: any client could send them', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    expect(await client(false, 'http://navette.example.org/', headers)).toEqual({
      address: 'unknown',
      https: false,
      origin: 'http://navette.example.org',
    });
    expect(await client(true, 'http://navette.example.org/', headers)).toEqual({
      address: '203.0.113.9',
      https: true,
      origin: 'https://navette.example.org',
    });
  });

  it('believes the last value of each forwarding header: the one the nearest proxy wrote', async () => {
    const headers = {
      'x-forwarded-proto': 'https, https ,http',
      'x-forwarded-for': '10.0.0.1, 10.0.0.2 , 10.0.0.3 ',
    };
    expect(await client(true, 'https://navette.example.org/', headers)).toEqual({
      address: '10.0.0.3',
      https: false,
      origin: 'http://navette.example.org',
    });
  });

  it('falls back to the URL and the socket when a forwarding header ends empty', async () => {
    const headers = { 'x-forwarded-proto': 'http,', 'x-forwarded-for': '10.0.0.1, ' };
    expect(await client(true, 'https://navette.example.org/', headers)).toEqual({
      address: 'unknown',
      https: true,
      origin: 'https://navette.example.org',
    });
  });

  describe('behind a real socket', () => {
    let server: ServerType;
    let base: string;

    beforeAll(async () => {
      await new Promise<void>((resolve) => {
        server = serve({ fetch: appWith(false).fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
          base = `http://127.0.0.1:${info.port}`;
          resolve();
        });
      });
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it("takes the socket's address", async () => {
      const response = await fetch(`${base}/`);
      expect(await response.json()).toEqual({ address: '127.0.0.1', https: false, origin: base });
    });
  });
});
