import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config/load-config.js';
import { ExpectedFailure } from '../domain/failure.js';
import { AllowedHosts } from './auth/allowed-hosts.js';
import { createWebApp, type WebApp } from './create-web-app.js';
import type { WebDeps } from './web-services.js';

export interface StartWebServerOptions {
  /** Default 127.0.0.1: the UI is not open to the network unless asked. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Required to listen on anything but a loopback address. */
  readonly allowNetwork: boolean;
  /**
   * Host names served besides the loopback names and the listening address (`--host-name`): the name
   * of a reverse proxy in front, or of this computer on the network. Any other Host gets 421.
   */
  readonly hostNames?: readonly string[];
  /** Believe a reverse proxy's X-Forwarded-Proto/-For (`--trust-proxy`). */
  readonly trustProxy?: boolean;
  readonly deps: WebDeps;
  /** Where the network warning goes (stderr by default). */
  readonly warn?: (text: string) => void;
}

export interface RunningWebServer {
  readonly url: string;
  readonly app: WebApp;
  close(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** A Host header's value: a DNS name or an IPv4 address, or an IPv6 one in brackets, with an optional port. */
const HOST_NAME =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Refuses, before anything listens, what would expose the UI or leave it unprotected. */
export async function checkWebServerOptions(options: StartWebServerOptions): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowNetwork)
    throw new ExpectedFailure(
      'web-network-refused',
      `navette serve n'écoute que sur cet ordinateur (127.0.0.1) par défaut. Pour l'ouvrir au réseau sur ${host}, ajoutez --allow-network (et protégez l'accès : pare-feu, https par un proxy).`,
    );
  for (const name of options.hostNames ?? [])
    if (!HOST_NAME.test(name.trim()))
      throw new ExpectedFailure(
        'web-host-name-invalid',
        `--host-name ${name} : indiquez un nom d'hôte seul, avec un port si besoin (navette.exemple.fr ou navette.exemple.fr:8443), sans http:// ni chemin.`,
      );
  const env = options.deps.env ?? process.env;
  const config = await loadConfig(options.deps.configPath);
  if (config.web.passwordHash === undefined && (env['NAVETTE_WEB_TOKEN']?.trim() ?? '') === '')
    throw new ExpectedFailure(
      'web-no-secret',
      "Aucun mot de passe pour l'interface web : lancez « navette password » ou définissez la variable NAVETTE_WEB_TOKEN.",
    );
}

/** Starts `navette serve`: checks the options, then listens. */
export async function startWebServer(options: StartWebServerOptions): Promise<RunningWebServer> {
  await checkWebServerOptions(options);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    (options.warn ?? ((text: string) => process.stderr.write(`${text}\n`)))(
      `ATTENTION : l'interface web de navette est ouverte au réseau sur ${host}. Toute personne qui peut joindre cette adresse voit la page de connexion ; utilisez un mot de passe solide et, hors d'un réseau de confiance, un proxy https.`,
    );
  let app: WebApp | undefined;
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      {
        // The app exists before the first request: it is built in the listening callback, below.
        fetch: (request, env) => (app as WebApp).fetch(request, env),
        hostname: host,
        port: options.port,
      },
      (info) => {
        // Only now is the port known (0 picks one), and the Host names served include it.
        const allowedHosts = AllowedHosts.forServer({
          listenAddress: host,
          port: info.port,
          hostNames: options.hostNames ?? [],
        });
        app = createWebApp({ ...options.deps, allowedHosts, trustProxy: options.trustProxy === true });
        resolve(created as Server);
      },
    );
    created.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const built: WebApp | undefined = app;
  if (built === undefined) throw new Error('the web app was not built when the server started listening');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    app: built,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Live progress streams stay open: end them rather than wait for the browser.
        server.closeAllConnections();
      });
      await built.shutdown();
    },
  };
}
