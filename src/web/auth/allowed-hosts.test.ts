import type * as os from 'node:os';
import { networkInterfaces } from 'node:os';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllowedHosts, checkHost } from './allowed-hosts.js';

// The interfaces of the test machine vary: the wildcard cases get a fixed list, the others the real one.
vi.mock('node:os', async (importOriginal) => {
  const real = await importOriginal<typeof os>();
  return { ...real, networkInterfaces: vi.fn(real.networkInterfaces) };
});

afterEach(() => {
  vi.mocked(networkInterfaces).mockRestore();
});

function interfaces(...addresses: string[]): ReturnType<typeof networkInterfaces> {
  const entry = (address: string) => ({
    address,
    netmask: '',
    family: address.includes(':') ? ('IPv6' as const) : ('IPv4' as const),
    mac: '00:00:00:00:00:00',
    internal: false,
    cidr: null,
    scopeid: 0,
  });
  return { eth0: addresses.map(entry), down: undefined };
}

describe('AllowedHosts.forServer', () => {
  it('serves the loopback names and its own address, with its port only', () => {
    const hosts = AllowedHosts.forServer({ listenAddress: '192.0.2.7', port: 8080 });
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', '192.0.2.7:8080', 'LOCALHOST:8080'])
      expect(hosts.allows(host), host).toBe(true);
    for (const host of ['localhost', '192.0.2.7', 'localhost:8081', '192.0.2.8:8080', 'evil.example:8080'])
      expect(hosts.allows(host), host).toBe(false);
    expect(hosts.description).toBe('http://192.0.2.7:8080');
  });

  it('writes an IPv6 listen address in brackets, as a Host header does', () => {
    const hosts = AllowedHosts.forServer({ listenAddress: 'FD00::2', port: 3000 });
    expect(hosts.allows('[fd00::2]:3000')).toBe(true);
    expect(hosts.description).toBe('http://[fd00::2]:3000');
    const bracketed = AllowedHosts.forServer({ listenAddress: '[fd00::2]', port: 3000 });
    expect(bracketed.allows('[fd00::2]:3000')).toBe(true);
    expect(bracketed.description).toBe('http://[fd00::2]:3000');
  });

  it('serves every interface address when listening on all of them, shown as 127.0.0.1', () => {
    vi.mocked(networkInterfaces).mockReturnValue(interfaces('198.51.100.2', 'fd00::2', 'fe80::1%eth0'));
    for (const listenAddress of ['0.0.0.0', '::', '[::]']) {
      const hosts = AllowedHosts.forServer({ listenAddress, port: 8080 });
      expect(hosts.description, listenAddress).toBe('http://127.0.0.1:8080');
      for (const host of ['198.51.100.2:8080', '[fd00::2]:8080', 'localhost:8080'])
        expect(hosts.allows(host), `${listenAddress} ${host}`).toBe(true);
      // An address with a zone cannot be written in a URL: not served under any spelling.
      for (const host of ['[fe80::1%eth0]:8080', '[fe80::1%25eth0]:8080', '0.0.0.0:8080', '[::]:8080'])
        expect(hosts.allows(host), `${listenAddress} ${host}`).toBe(false);
    }
  });

  it('serves the names without a port too when it listens on port 80', () => {
    const hosts = AllowedHosts.forServer({ listenAddress: '192.0.2.7', port: 80 });
    for (const host of ['localhost', '127.0.0.1', '[::1]', '192.0.2.7', 'localhost:80'])
      expect(hosts.allows(host), host).toBe(true);
    expect(hosts.allows('localhost:8080')).toBe(false);
  });

  it('serves --host-name names: with a port exactly, without one on any port', () => {
    const hosts = AllowedHosts.forServer({
      listenAddress: '127.0.0.1',
      port: 8080,
      hostNames: ['  Navette.Example.org  ', 'intranet:8443', '[fd00::9]'],
    });
    for (const host of [
      'navette.example.org',
      'navette.example.org:443',
      'NAVETTE.example.org:8080',
      'intranet:8443',
      '[fd00::9]:8443',
      '[fd00::9]',
    ])
      expect(hosts.allows(host), host).toBe(true);
    for (const host of ['intranet', 'intranet:8444', 'intranet:84430', 'example.org', '[fd00::9]:x'])
      expect(hosts.allows(host), host).toBe(false);
  });
});

describe('AllowedHosts.loopbackOnly', () => {
  it('serves the loopback names on any port, and nothing else', () => {
    const hosts = AllowedHosts.loopbackOnly();
    expect(hosts.description).toBe('http://127.0.0.1');
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:1', '[::1]:3000', '[::1]'])
      expect(hosts.allows(host), host).toBe(true);
    for (const host of ['[::]:3000', '[:]:3000', 'localhost.evil.example', 'localhost:3000x', 'evil.example'])
      expect(hosts.allows(host), host).toBe(false);
  });
});

describe('checkHost', () => {
  const app = new Hono();
  app.use('*', checkHost(AllowedHosts.forServer({ listenAddress: '127.0.0.1', port: 8080 })));
  app.get('*', (c) => c.text('served'));
  const refusal =
    "Adresse refusée : navette ne répond pas sous ce nom d'hôte. Ouvrez http://127.0.0.1:8080, ou relancez « navette serve » avec --host-name <nom> pour ce nom.";

  it('lets through a request for a served name', async () => {
    const response = await app.request('http://localhost:8080/runs', { headers: { host: 'localhost:8080' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('served');
  });

  it('lets through a request without a Host header when its URL names a served host', async () => {
    const response = await app.request(new Request('http://127.0.0.1:8080/'));
    expect(response.status).toBe(200);
  });

  it('answers 421 with what to open instead, as text for a page', async () => {
    const response = await app.request('http://localhost:8080/', { headers: { host: 'evil.example:8080' } });
    expect(response.status).toBe(421);
    expect(await response.text()).toBe(refusal);
  });

  it('answers 421 as JSON under /api/', async () => {
    const response = await app.request('http://localhost:8080/api/runs', {
      headers: { host: 'evil.example:8080' },
    });
    expect(response.status).toBe(421);
    expect(await response.json()).toEqual({ error: 'host-refused', message: refusal });
  });

  it('checks the URL too: an absolute-form request for another name is refused', async () => {
    const response = await app.request('http://evil.example:8080/apis', {
      headers: { host: 'localhost:8080' },
    });
    expect(response.status).toBe(421);
    expect(await response.text()).toBe(refusal);
  });
});
