import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerReset(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('reset')
    .description(
      'Oublie que des commandes ont été importées, pour les importer de nouveau (noté au journal).',
    )
    .option('--orders <ids>', 'numéros de commande PrestaShop, par exemple 12,15')
    .option('--shop <id>', 'boutique des commandes', '1')
    .option('--all', 'toutes les commandes de la boutique')
    .option('--reason <text>', 'pourquoi (gardé au journal)', 'réimport demandé')
    .action(
      action(
        setExitCode,
        async (
          options: { orders?: string; shop: string; all?: boolean; reason: string },
          command: Command,
        ) => {
          const shopId = Number(options.shop);
          const orderIds = (options.orders ?? '').split(',').filter(Boolean).map(Number);
          if (
            (orderIds.length === 0) === (options.all !== true) ||
            orderIds.some((id) => !Number.isInteger(id) || id <= 0)
          ) {
            process.stderr.write('navette : indiquez soit --orders 12,15, soit --all.\n');
            return EXIT.usage;
          }
          return withNavette(command, async ({ store }) => {
            const count = await store.resetImports(
              options.all ? { shopId } : { keys: orderIds.map((orderId) => ({ shopId, orderId })) },
              options.reason,
            );
            process.stdout.write(`${count} commande(s) seront importées de nouveau au prochain import.\n`);
            return EXIT.ok;
          });
        },
      ),
    );
}
