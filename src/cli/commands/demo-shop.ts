import type { Command } from 'commander';
import { startDemoShopServer } from '../../demo-shop/index.js';
import { action } from '../cli-context.js';

export function registerDemoShop(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo-shop')
    .description('Lance la boutique de démonstration (un webservice PrestaShop simulé) sur ce poste.')
    .option('--port <port>', 'port', '8081')
    .option('--host <host>', 'adresse', '127.0.0.1')
    .option('--version <version>', 'version de PrestaShop simulée : 1.6, 1.7 ou 8', '8')
    .action(
      action(setExitCode, async (options: { port: string; host: string; version: '1.6' | '1.7' | '8' }) => {
        const server = await startDemoShopServer({
          port: Number(options.port),
          hostname: options.host,
          version: options.version,
        });
        process.stdout.write(
          `Boutique de démonstration PrestaShop ${options.version} : ${server.url}\nClé webservice : ${server.key}\n(Ctrl+C pour arrêter)\n`,
        );
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        await server.close();
      }),
    );
}
