import type { Command } from 'commander';
import type { RunSummary } from '../../domain/import-report.js';
import type { SyncStore } from '../../ports/sync-store.js';
import { reportJsonChunks } from '../../sync/report-json.js';
import { action, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { runProgress } from '../run-progress.js';

export function registerImport(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('import')
    .description('Importe les commandes de la période dans la gestion commerciale (ou en donne l’aperçu).')
    .option('--from <date>', 'début de la période (AAAA-MM-JJ, heure de la boutique)')
    .option('--to <date>', 'fin de la période (AAAA-MM-JJ, incluse)')
    .option('--shop <ids>', 'boutiques à importer, par exemple 1,2', parseIds)
    .option('--dry-run', 'aperçu : montre ce qui serait créé, sans rien écrire')
    .option('--json', 'écrit le rapport complet en JSON sur la sortie standard')
    .action(
      action(setExitCode, async (options: ImportCliOptions, command: Command) => {
        if ((options.from === undefined) !== (options.to === undefined)) {
          process.stderr.write('navette : --from et --to vont ensemble.\n');
          return EXIT.usage;
        }
        return withNavette(command, async (navette) => {
          const summary = await navette.runImport({
            trigger: 'cli',
            dryRun: options.dryRun === true,
            ...(options.from !== undefined && options.to !== undefined
              ? { period: { from: options.from, to: options.to } }
              : {}),
            ...(options.shop ? { shopIds: options.shop } : {}),
            ...(options.json ? {} : { onEvent: runProgress(process.stdout, process.stdout.isTTY === true) }),
          });
          if (options.json) await writeJsonReport(process.stdout, summary, navette.store);
          return exitCodeOf(summary);
        });
      }),
    );
}

interface ImportCliOptions {
  from?: string;
  to?: string;
  shop?: number[];
  dryRun?: boolean;
  json?: boolean;
}

export function exitCodeOf(summary: RunSummary): number {
  if (summary.fatal && summary.fatal.code !== 'aborted') return EXIT.couldNotRun;
  return summary.counts.failed > 0 ? EXIT.someOrdersFailed : EXIT.ok;
}

/** The whole report (summary, journal, outcomes) on a stream, outcomes read from the store as they go. */
export async function writeJsonReport(
  out: NodeJS.WritableStream,
  summary: RunSummary,
  store: SyncStore,
): Promise<void> {
  const journal = await store.runJournal(summary.runId);
  for await (const chunk of reportJsonChunks(summary, journal, store.runOutcomes(summary.runId)))
    out.write(chunk);
}

function parseIds(text: string): number[] {
  const ids = text.split(',').map((part) => Number(part.trim()));
  if (ids.some((id) => !Number.isInteger(id) || id <= 0))
    throw new Error(`liste de boutiques invalide : ${text}`);
  return ids;
}
