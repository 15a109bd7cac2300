import type { Command } from 'commander';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { countsLine, summaryText } from '../run-progress.js';
import { renderTable } from '../table.js';
import { reportCsvLines } from '../../sync/report-csv.js';
import { writeJsonReport } from './import.js';

export function registerRuns(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('runs [id]')
    .description("Historique des imports, ou le détail d'un import (commandes, journal).")
    .option('--limit <n>', "nombre d'imports", '20')
    .option('--json', 'en JSON (le rapport complet pour un import)')
    .option('--csv', "le rapport d'un import en CSV (pour Excel)")
    .action(
      action(
        setExitCode,
        async (
          id: string | undefined,
          options: { limit: string; json?: boolean; csv?: boolean },
          command: Command,
        ) =>
          withNavette(command, async ({ store }) => {
            if (id === undefined) {
              const runs = await store.listRuns({ limit: Number(options.limit) });
              if (options.json) {
                process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
                return EXIT.ok;
              }
              const rows = runs.map((run) => [
                run.runId,
                run.startedAt.slice(0, 19).replace('T', ' '),
                run.trigger + (run.dryRun ? ' (aperçu)' : ''),
                run.status,
                run.fatal ? run.fatal.message.slice(0, 60) : countsLine(run.counts),
              ]);
              process.stdout.write(
                `${renderTable(['Import', 'Début', 'Origine', 'Résultat', 'Commandes'], rows)}\n`,
              );
              return EXIT.ok;
            }
            const run = await store.getRun(id);
            if (!run) {
              process.stderr.write(`navette : aucun import ${id}. "navette runs" les liste.\n`);
              return EXIT.usage;
            }
            if (options.json) {
              await writeJsonReport(process.stdout, run, store);
              return EXIT.ok;
            }
            if (options.csv) {
              for await (const line of reportCsvLines(store.runOutcomes(id))) process.stdout.write(line);
              return EXIT.ok;
            }
            process.stdout.write(`${summaryText(run)}\n\n`);
            const rows: string[][] = [];
            for await (const outcome of store.runOutcomes(id)) {
              rows.push([
                `${outcome.shopId}/${outcome.orderId}`,
                outcome.reference,
                outcome.stateName,
                outcome.status,
                outcome.document?.number ?? '',
                outcome.reason ?? outcome.notes.join(' ; '),
              ]);
            }
            process.stdout.write(
              `${renderTable(['Commande', 'Référence', 'État', 'Résultat', 'Document', 'Motif'], rows)}\n`,
            );
            const journal = await store.runJournal(id);
            if (journal.length > 0) {
              process.stdout.write(
                `\nJournal :\n${journal.map((entry) => `  ${entry.at} ${entry.level} ${entry.message}`).join('\n')}\n`,
              );
            }
            return EXIT.ok;
          }),
      ),
    );
}
