import type { Command } from 'commander';
import { formatInstant, formatPeriodBounds } from '../../domain/french-format.js';
import type { RunSummary } from '../../domain/import-report.js';
import { parsePositiveInteger } from '../../domain/input-values.js';
import { OUTCOME_STATUS_NAMES, RUN_STATUS_NAMES, RUN_TRIGGER_NAMES } from '../../domain/labels.js';
import { cleanText } from '../../domain/truncate.js';
import { action, valueOf, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { countsLine, summaryText } from '../run-progress.js';
import { renderTable } from '../table.js';
import { writeJsonReport } from './import.js';

const JOURNAL_LEVEL_NAMES = { info: 'info', warning: 'attention', error: 'erreur' } as const;

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
        ) => {
          const limit = valueOf(parsePositiveInteger(options.limit, '--limit'));
          return withNavette(command, async (navette) => {
            if (id === undefined) {
              const runs = await navette.listRuns({ limit });
              if (options.json) {
                process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
                return EXIT.ok;
              }
              const rows = runs.map((run) => [
                run.runId,
                formatInstant(run.startedAt),
                RUN_TRIGGER_NAMES[run.trigger] + (run.dryRun ? ' (aperçu)' : ''),
                RUN_STATUS_NAMES[run.status],
                run.fatal ? run.fatal.message.slice(0, 60) : countsLine(run.counts),
              ]);
              process.stdout.write(
                `${renderTable(['Import', 'Début', 'Origine', 'Résultat', 'Commandes'], rows)}\n`,
              );
              return EXIT.ok;
            }
            const run = await navette.run(id);
            if (!run) {
              process.stderr.write(`navette : aucun import ${cleanText(id)}. "navette runs" les liste.\n`);
              return EXIT.usage;
            }
            if (options.json) {
              await writeJsonReport(process.stdout, run, navette);
              return EXIT.ok;
            }
            if (options.csv) {
              for await (const line of navette.runReportCsv(id)) process.stdout.write(line);
              return EXIT.ok;
            }
            process.stdout.write(`${runHeading(run)}\n${summaryText(run)}\n\n`);
            const rows: string[][] = [];
            for await (const outcome of navette.runOutcomes(id)) {
              rows.push([
                `${outcome.shopId}/${outcome.orderId}`,
                outcome.reference,
                outcome.stateName,
                OUTCOME_STATUS_NAMES[outcome.status],
                outcome.document?.number ?? '',
                outcome.reason ?? outcome.notes.join(' ; '),
              ]);
            }
            process.stdout.write(
              `${renderTable(['Commande', 'Référence', 'État', 'Résultat', 'Document', 'Motif'], rows)}\n`,
            );
            const journal = await navette.runJournal(id);
            if (journal.length > 0) {
              process.stdout.write(
                `\nJournal :\n${journal.map((entry) => `  ${formatInstant(entry.at)} ${JOURNAL_LEVEL_NAMES[entry.level]} ${cleanText(entry.message)}`).join('\n')}\n`,
              );
            }
            return EXIT.ok;
          });
        },
      ),
    );
}

/** When the run started and which period it read, as a person reads them. */
function runHeading(run: RunSummary): string {
  const started = `${run.dryRun ? 'Aperçu' : 'Import'} du ${formatInstant(run.startedAt)} (${RUN_TRIGGER_NAMES[run.trigger]})`;
  if (run.period === undefined) return started;
  const [from, to] = formatPeriodBounds(run.period.from, run.period.to);
  return `${started} — commandes du ${from} au ${to}`;
}
