import type { Command } from 'commander';
import { action } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

interface DemoDolibarrCliOptions {
  port: string;
  host: string;
  latency?: string;
  errors?: string;
}

export function registerDemoDolibarr(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo-dolibarr')
    .description('Lance un Dolibarr de démonstration (l’API REST de Dolibarr 23 simulée) sur ce poste.')
    .option('--port <port>', 'port', '8082')
    .option('--host <host>', 'adresse', '127.0.0.1')
    .option('--latency <ms>', 'délai de chaque réponse, en millisecondes')
    .option('--errors <rates>', 'pannes au hasard, par exemple 503:0.1,429:0.05')
    .action(
      action(setExitCode, async (options: DemoDolibarrCliOptions) => {
        const errorRates = parseErrorRates(options.errors);
        const latencyMs = Number(options.latency ?? 0);
        const port = Number(options.port);
        if (
          errorRates === undefined ||
          !Number.isInteger(latencyMs) ||
          latencyMs < 0 ||
          !Number.isInteger(port)
        ) {
          process.stderr.write(
            'navette : --port attend un numéro, --latency des millisecondes et --errors par exemple 503:0.1,429:0.05\n',
          );
          return EXIT.usage;
        }
        // Loaded only for this command: the simulator's templates would slow every other command's start.
        const { startDemoDolibarrServer } = await import('../../demo-dolibarr/index.js');
        const server = await startDemoDolibarrServer({
          port,
          hostname: options.host,
          faults: { latencyMs, errorRates },
        });
        process.stdout.write(
          `Dolibarr de démonstration (API REST de Dolibarr 23.0.0-beta) : ${server.url}/api/index.php\nClé d’API (en-tête DOLAPIKEY) : ${server.key}\n(Ctrl+C pour arrêter)\n`,
        );
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        await server.close();
      }),
    );
}

/** `503:0.1,429:0.05` → `{ 503: 0.1, 429: 0.05 }`; undefined when malformed. */
export function parseErrorRates(text: string | undefined): Record<number, number> | undefined {
  if (text === undefined || text === '') return {};
  const rates: Record<number, number> = {};
  for (const part of text.split(',')) {
    const match = /^(\d{3}):(0(\.\d+)?|1(\.0+)?)$/.exec(part.trim());
    if (!match) return undefined;
    rates[Number(match[1])] = Number(match[2]);
  }
  return rates;
}
