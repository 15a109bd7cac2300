import type { Command } from 'commander';
import { formatInstant } from '../../domain/french-format.js';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

export function registerStatusUpdates(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('status-updates')
    .description(
      'Met à jour les statuts des commandes dans la boutique d’après les documents transformés dans la gestion commerciale (et envoie les statuts en attente).',
    )
    .option('--journal', 'montre ensuite les derniers envois, commande par commande')
    .action(
      action(setExitCode, async (options: { journal?: boolean }, command: Command) =>
        withNavette(command, async (navette) => {
          const report = await navette.sweepStatuses();
          if (report.busy) {
            process.stdout.write(
              'Un import est en cours sur cette boutique : relancez "navette status-updates" dans un instant.\n',
            );
            return EXIT.ok;
          }
          // The first sweep of an installation does not go over the whole history: said, with its bound.
          if (report.firstSweepFrom !== undefined)
            process.stdout.write(
              `Premier passage : seuls les documents transformés depuis le ${formatInstant(report.firstSweepFrom)} sont pris en compte (réglage statusUpdates.firstSweepDays).\n`,
            );
          process.stdout.write(
            `Documents transformés lus : ${report.transformations} · mises à jour préparées : ${report.queued}\n` +
              `Envoyés : ${report.sent} · non envoyés : ${report.skipped} · en échec : ${report.failed}\n`,
          );
          if (options.journal) {
            for (const entry of await navette.statusJournal(50)) {
              const order = entry.orderId === undefined ? '' : ` commande ${entry.orderId}`;
              process.stdout.write(`${formatInstant(entry.at)}${order} — ${entry.message}\n`);
            }
          }
          return report.failed > 0 ? EXIT.someOrdersFailed : EXIT.ok;
        }),
      ),
    );
}
