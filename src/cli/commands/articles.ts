import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerArticles(program: Command, setExitCode: (code: number) => void): void {
  const articles = program.command('articles').description('Les articles de la gestion commerciale.');
  articles
    .command('import')
    .description(
      'Charge le catalogue de la boutique (produits et déclinaisons) dans les articles de la gestion commerciale : les lignes des commandes trouvent alors leur article au lieu de DIVERS.',
    )
    .option('--json', 'en JSON')
    .action(
      action(setExitCode, async (options: { json?: boolean }, command: Command) =>
        withNavette(command, async (navette) => {
          const result = await navette.importArticles();
          if (options.json) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return EXIT.ok;
          }
          process.stdout.write(
            [
              `Produits et déclinaisons lus : ${result.read}`,
              `Articles ajoutés : ${result.added}`,
              `Déjà connus : ${result.alreadyKnown}`,
              `Ignorés (sans référence) : ${result.skippedWithoutReference}`,
              `Appels au webservice : ${result.webserviceCalls}`,
              '',
            ].join('\n'),
          );
          return EXIT.ok;
        }),
      ),
    );
}
