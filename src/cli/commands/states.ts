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
        withNavette(command, async ({ source, config }) => {
          const states = await source.orderStates();
          if (options.json) {
            process.stdout.write(`${JSON.stringify(states, null, 2)}\n`);
            return EXIT.ok;
          }
          const rules = new Map(config.states.map((rule) => [rule.id, rule]));
          const names = new Map(states.map((state) => [state.id, state.name]));
          const flag = (on: boolean, text: string): string => (on ? text : '');
          const rows = states.map((state) => {
            const rule = rules.get(state.id);
            return [
              String(state.id),
              state.name,
              [
                flag(state.paid, 'payé'),
                flag(state.shipped, 'expédié'),
                flag(state.invoice, 'facture'),
                flag(state.logable, 'valide'),
              ]
                .filter(Boolean)
                .join(', '),
              rule?.selected ? '☑' : '☐',
              rule ? RULE_DOCUMENT_TYPE_NAMES[rule.documentType] : '',
              rule ? DOCUMENT_STATUS_NAMES[rule.documentStatus] : '',
              rule?.changeStateTo
                ? (names.get(rule.changeStateTo) ?? `état ${rule.changeStateTo}`)
                : 'Ne pas modifier le statut',
            ];
          });
          process.stdout.write(
            `${renderTable(['Id', 'Statut', 'Drapeaux', 'Sél.', 'Type de document', 'Statut du document', 'Changer le statut en'], rows, [0])}\n`,
          );
          return EXIT.ok;
        }),
      ),
    );
}
