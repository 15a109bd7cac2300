import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { cleanText } from '../../domain/truncate.js';
import { withMessageTexts } from '../../app/use-cases/connection-check.js';

export function registerCheckConnection(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('check-connection')
    .description(
      'Teste la connexion à la boutique (version, boutiques, droits de la clé) et à Dolibarr quand c’est la gestion commerciale.',
    )
    .option('--json', 'en JSON')
    .action(
      action(setExitCode, async (options: { json?: boolean }, command: Command) =>
        withNavette(command, async (navette) => {
          const check = await navette.checkConnection();
          const exitCode = check.canImport ? EXIT.ok : EXIT.couldNotRun;
          if (options.json) {
            process.stdout.write(`${JSON.stringify(withMessageTexts(check), null, 2)}\n`);
            return exitCode;
          }
          const lines = [
            `Boutique : ${cleanText(check.url)}`,
            `PrestaShop ${cleanText(check.version)}`,
            `Boutiques : ${check.shops.map((shop) => `${shop.id} ${cleanText(shop.name)}`).join(', ')}`,
            ...(check.currencies === undefined
              ? []
              : [
                  `Devises de la boutique : ${check.currencies
                    .map((code) =>
                      code === check.defaultCurrency ? `${cleanText(code)} (par défaut)` : cleanText(code),
                    )
                    .join(', ')}`,
                ]),
            `Ressources permises à la clé : ${Object.keys(check.permissions).length}`,
            ...(check.gescom
              ? [
                  `Dolibarr : ${cleanText(check.gescom.url)} ${check.gescom.version === '' ? '(sans réponse)' : cleanText(check.gescom.version)}`,
                ]
              : []),
            ...(check.problems.length === 0
              ? ['✓ La clé a tous les droits dont navette a besoin.']
              : [
                  check.canImport
                    ? 'L’import fonctionne, mais il manque des droits :'
                    : 'À corriger avant d’importer :',
                  ...check.problems.map((problem) => `  - ${cleanText(problem.text)}`),
                ]),
            ...(check.warnings.length > 0
              ? ['À savoir :', ...check.warnings.map((warning) => `  - ${cleanText(warning.text)}`)]
              : []),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
          return exitCode;
        }),
      ),
    );
}
