import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerCheckConnection(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('check-connection')
    .description('Teste la connexion à la boutique : version, boutiques, droits de la clé.')
    .option('--json', 'en JSON')
    .action(
      action(setExitCode, async (options: { json?: boolean }, command: Command) =>
        withNavette(command, async ({ source }) => {
          const report = await source.checkConnection();
          if (options.json) {
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
            return report.problems.length > 0 ? EXIT.couldNotRun : EXIT.ok;
          }
          const lines = [
            `Boutique : ${report.url}`,
            `PrestaShop ${report.version}`,
            `Boutiques : ${report.shops.map((shop) => `${shop.id} ${shop.name}`).join(', ')}`,
            `Ressources permises à la clé : ${Object.keys(report.permissions).length}`,
            ...(report.problems.length > 0
              ? ['À corriger :', ...report.problems.map((problem) => `  - ${problem}`)]
              : ['✓ La clé a tous les droits dont navette a besoin.']),
            ...(report.warnings.length > 0
              ? ['À savoir :', ...report.warnings.map((warning) => `  - ${warning}`)]
              : []),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
          return report.problems.length > 0 ? EXIT.couldNotRun : EXIT.ok;
        }),
      ),
    );
}
