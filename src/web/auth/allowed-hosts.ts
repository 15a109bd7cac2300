import { networkInterfaces } from 'node:os';
import type { MiddlewareHandler } from 'hono';

/** The names a browser may use for navette on this computer. */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** `::1` → `[::1]`: a Host header writes IPv6 addresses in brackets. */
function asHostName(address: string): string {
  const lower = address.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** The addresses of this computer's interfaces (IPv6 link-local ones with a zone cannot be in a URL). */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address)
    .filter((address) => !address.includes('%'));
}

export interface AllowedHostsOptions {
  /** The address the server listens on (its own name is always served). */
  readonly listenAddress: string;
  readonly port: number;
  /** Names from --host-name: `name` (any port, as a reverse proxy forwards it) or `name:port`. */
  readonly hostNames?: readonly string[];
}

/**
 * The Host headers navette answers. A page of another site whose name was made to resolve to 127.0.0.1
 * (DNS rebinding) sends its own name as Host: refusing every name the server was not started for keeps
 * such a page from reading the UI or trying passwords, even though the browser thinks it is same-origin.
 */
export class AllowedHosts {
  readonly #exact = new Set<string>();
  readonly #anyPort = new Set<string>();

  private constructor(readonly description: string) {}

  /** What the server serves once it listens: loopback names and its own address, with its port. */
  static forServer(options: AllowedHostsOptions): AllowedHosts {
    const listen = asHostName(options.listenAddress);
    const addresses = WILDCARD_ADDRESSES.has(listen) ? interfaceAddresses().map(asHostName) : [listen];
    const own = [...new Set([...LOOPBACK_NAMES, ...addresses])];
    const shown = WILDCARD_ADDRESSES.has(listen) ? '127.0.0.1' : listen;
    const hosts = new AllowedHosts(`http://${shown}:${options.port}`);
    for (const name of own) hosts.#exact.add(`${name}:${options.port}`);
    if (options.port === 80) for (const name of own) hosts.#exact.add(name);
    for (const name of options.hostNames ?? []) {
      const lower = name.trim().toLowerCase();
      if (/:\d+$/.test(lower)) hosts.#exact.add(lower);
      else hosts.#anyPort.add(asHostName(lower));
    }
    return hosts;
  }

  /** Without a server (the app driven in-process): the loopback names, whatever the port. */
  static loopbackOnly(): AllowedHosts {
    const hosts = new AllowedHosts('http://127.0.0.1');
    for (const name of LOOPBACK_NAMES) hosts.#anyPort.add(name);
    return hosts;
  }

  /** `host` as in the Host header: `name`, `name:port`, `[v6]:port`. */
  allows(host: string): boolean {
    const lower = host.toLowerCase();
    if (this.#exact.has(lower)) return true;
    return this.#anyPort.has(lower.replace(/:\d+$/, ''));
  }
}

/**
 * Answers 421 to a request for a name the server does not serve, before anything else runs (login
 * included). Both the Host header and the request's URL are checked: they differ only for an
 * absolute-form request line, which no browser sends.
 */
export function checkHost(hosts: AllowedHosts): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host');
    const fromUrl = new URL(c.req.url).host;
    if ((header === undefined || hosts.allows(header)) && hosts.allows(fromUrl)) return next();
    const message = `Adresse refusée : navette ne répond pas sous ce nom d'hôte. Ouvrez ${hosts.description}, ou relancez « navette serve » avec --host-name <nom> pour ce nom.`;
    return c.req.path.startsWith('/api/')
      ? c.json({ error: 'host-refused', message }, 421)
      : c.text(message, 421);
  };
}
