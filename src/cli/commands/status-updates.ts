import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerStatusUpdates(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('status-updates')
    .description('Envoie à la boutique les changements de statut en attente.')
    .action(
      action(setExitCode, async (_options: unknown, command: Command) =>
        withNavette(command, async (navette) => {
          const counts = await navette.sendStateChanges();
          if (counts.busy) {
            process.stdout.write('Un import est en cours : il envoie lui-même les statuts en attente.\n');
            return EXIT.ok;
          }
          process.stdout.write(
            `Statuts envoyés : ${counts.sent} · non envoyés : ${counts.skipped} · en échec : ${counts.failed}\n`,
          );
          return counts.failed > 0 ? EXIT.someOrdersFailed : EXIT.ok;
        }),
      ),
    );
}
