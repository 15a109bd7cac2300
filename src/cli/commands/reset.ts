import type { Command } from 'commander';
import { parseIdList } from '../../domain/input-values.js';
import { action, valueOf, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerReset(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('reset')
    .description(
      'Oublie que des commandes ont été importées, pour les importer de nouveau (noté au journal).',
    )
    .option('--orders <numéros>', 'numéros de commande PrestaShop, par exemple 12,15')
    .option('--shop <id>', 'boutique des commandes', '1')
    .option('--all', 'toutes les commandes de la boutique')
    .option('--reason <texte>', 'pourquoi (gardé au journal)', 'réimport demandé')
    .action(
      action(
        setExitCode,
        async (
          options: { orders?: string; shop: string; all?: boolean; reason: string },
          command: Command,
        ) => {
          if ((options.orders === undefined) === (options.all !== true)) {
            process.stderr.write('navette : indiquez soit --orders 12,15, soit --all.\n');
            return EXIT.usage;
          }
          const [shopId] = valueOf(parseIdList(options.shop, '--shop'));
          const orderIds =
            options.orders === undefined ? [] : valueOf(parseIdList(options.orders, '--orders'));
          if (shopId === undefined || options.shop.includes(',')) {
            process.stderr.write('navette : --shop attend une seule boutique, par exemple 1.\n');
            return EXIT.usage;
          }
          // The same use case as the web: the documents are released, then the ledger forgets the orders.
          return withNavette(command, async (navette) => {
            const count = await navette.resetOrders(
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
