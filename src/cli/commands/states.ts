import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { DOCUMENT_STATUS_NAMES, RULE_DOCUMENT_TYPE_NAMES } from '../../domain/labels.js';
import { renderTable } from '../table.js';

export function registerStates(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('states')
    .description('Les états de commande de la boutique, lus en direct, avec la règle de chacun.')
    .option('--json', 'en JSON')
    .action(
      action(setExitCode, async (options: { json?: boolean }, command: Command) =>
        withNavette(command, async (navette) => {
          // The same table as the web's "Import des commandes" window: live states, configured rules.
          const rows = await navette.shopStates();
          if (options.json) {
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
            return EXIT.ok;
          }
          const names = new Map(rows.map(({ rule, state }) => [rule.id, state?.name ?? rule.name]));
          const flag = (on: boolean | undefined, text: string): string => (on ? text : '');
          const table = rows.map(({ state, rule }) => [
            String(rule.id),
            state?.name ?? rule.name ?? '',
            [
              flag(state?.paid, 'payé'),
              flag(state?.shipped, 'expédié'),
              flag(state?.invoice, 'facture'),
              flag(state?.logable, 'valide'),
            ]
              .filter(Boolean)
              .join(', '),
            rule.selected ? '☑' : '☐',
            RULE_DOCUMENT_TYPE_NAMES[rule.documentType],
            DOCUMENT_STATUS_NAMES[rule.documentStatus],
            rule.changeStateTo !== null
              ? (names.get(rule.changeStateTo) ?? `état ${rule.changeStateTo}`)
              : 'Ne pas modifier le statut',
          ]);
          process.stdout.write(
            `${renderTable(['Id', 'Statut', 'Drapeaux', 'Sél.', 'Type de document', 'Statut du document', 'Changer le statut en'], table, [0])}\n`,
          );
          return EXIT.ok;
        }),
      ),
    );
}
