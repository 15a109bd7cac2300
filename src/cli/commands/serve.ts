import type { Command } from 'commander';
import { startScheduler } from '../../app/scheduler.js';
import { openNavette, systemClock } from '../../app/compose.js';
import { summaryText } from '../run-progress.js';
import { startWebServer } from '../../web/start-web-server.js';
import { action, configPathOf } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

interface ServeOptions {
  host: string;
  port: string;
  allowNetwork?: boolean;
  hostName: string[];
  trustProxy?: boolean;
}

/** `navette serve`: the web UI, on this computer only unless --allow-network. */
export function registerServe(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('serve')
    .description(
      "L'interface web : configuration, aperçu, import avec suivi en direct, historique, documents.",
    )
    .option('--host <adresse>', "adresse d'écoute", '127.0.0.1')
    .option('--port <port>', 'port', '8080')
    .option(
      '--allow-network',
      "permet d'écouter sur une autre adresse que 127.0.0.1 (ouvre l'interface au réseau)",
    )
    .option(
      '--host-name <name>',
      "nom d'hôte servi en plus de 127.0.0.1 et localhost (celui d'un proxy ou de cet ordinateur sur le réseau ; répétable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--trust-proxy',
      'derrière un proxy inverse : croire ses en-têtes X-Forwarded-Proto et X-Forwarded-For (cookie Secure en https)',
    )
    .action(
      action(setExitCode, async (options: ServeOptions, command: Command) => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          process.stderr.write(`navette : port invalide : ${options.port}\n`);
          return EXIT.usage;
        }
        const server = await startWebServer({
          host: options.host,
          port,
          allowNetwork: options.allowNetwork === true,
          hostNames: options.hostName,
          trustProxy: options.trustProxy === true,
          deps: { configPath: configPathOf(command), openNavette: (config) => openNavette(config) },
        });
        process.stdout.write(`navette : interface web sur ${server.url} (Ctrl+C pour arrêter)\n`);
        const scheduler = startScheduler({
          configPath: configPathOf(command),
          clock: systemClock,
          openNavette: (config) => openNavette(config),
          onRun: (summary) => process.stdout.write(`import planifié : ${summaryText(summary)}\n`),
          onError: (message) => process.stderr.write(`navette : import planifié impossible : ${message}\n`),
        });
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void scheduler
              .stop()
              .then(() => server.close())
              .then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        return EXIT.ok;
      }),
    );
}
