import { Option, type Command } from 'commander';
import { startDemoShopServer } from '../../demo-shop/index.js';
import { parsePositiveInteger } from '../../domain/input-values.js';
import { action, valueOf } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

interface DemoShopCliOptions {
  port: string;
  host: string;
  prestashop: '1.6' | '1.7' | '8';
  orders?: string;
  latency?: string;
  errors?: string;
}

export function registerDemoShop(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo-shop')
    .description('Lance la boutique de démonstration (un webservice PrestaShop simulé) sur ce poste.')
    .option('--port <port>', 'port', '8081')
    .option('--host <adresse>', 'adresse', '127.0.0.1')
    .addOption(
      new Option('--prestashop <version>', 'version de PrestaShop simulée')
        .choices(['1.6', '1.7', '8'])
        .default('8'),
    )
    .option('--orders <nombre>', 'des commandes générées (jusqu’à 100000) au lieu des ~60 commandes choisies')
    .option('--latency <ms>', 'délai de chaque réponse, en millisecondes')
    .option('--errors <taux>', 'pannes au hasard, par exemple 503:0.1,429:0.05')
    .action(
      action(setExitCode, async (options: DemoShopCliOptions) => {
        const errorRates = parseRates(options.errors);
        if (errorRates === undefined) {
          process.stderr.write(
            `navette : --errors attend par exemple 503:0.1,429:0.05 (reçu ${options.errors ?? ''})\n`,
          );
          return EXIT.usage;
        }
        const generated =
          options.orders === undefined
            ? undefined
            : valueOf(parsePositiveInteger(options.orders, '--orders'));
        const server = await startDemoShopServer({
          port: Number(options.port),
          hostname: options.host,
          version: options.prestashop,
          ...(generated !== undefined ? { generated: { seed: 1, count: generated } } : {}),
        });
        server.shop.faults.set({ latencyMs: Number(options.latency ?? 0), errorRates });
        process.stdout.write(
          `Boutique de démonstration PrestaShop ${options.prestashop} : ${server.url}\nClé webservice : ${server.key}\n(Ctrl+C pour arrêter)\n`,
        );
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        await server.close();
      }),
    );
}

/** `503:0.1,429:0.05` → `{ 503: 0.1, 429: 0.05 }`; undefined when malformed. */
function parseRates(text: string | undefined): Record<number, number> | undefined {
  if (text === undefined || text === '') return {};
  const rates: Record<number, number> = {};
  for (const part of text.split(',')) {
    const match = /^(\d{3}):(0(\.\d+)?|1(\.0+)?)$/.exec(part.trim());
    if (!match) return undefined;
    rates[Number(match[1])] = Number(match[2]);
  }
  return rates;
}
