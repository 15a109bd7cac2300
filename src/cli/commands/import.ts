import type { Command } from 'commander';
import type { Navette } from '../../app/navette.js';
import type { RunSummary } from '../../domain/import-report.js';
import { parseIdList, parsePeriod } from '../../domain/input-values.js';
import { action, valueOf, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { exitCodeOf, runProgress } from '../run-progress.js';

export { exitCodeOf };

export function registerImport(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('import')
    .description('Importe les commandes de la période dans la gestion commerciale (ou en donne l’aperçu).')
    .option('--from <date>', 'début de la période (AAAA-MM-JJ, heure de la boutique)')
    .option('--to <date>', 'fin de la période (AAAA-MM-JJ, incluse)')
    .option('--shop <numéros>', 'boutiques à importer, par exemple 1,2')
    .option('--dry-run', 'aperçu : montre ce qui serait créé, sans rien écrire')
    .option('--json', 'écrit le rapport complet en JSON sur la sortie standard')
    .action(
      action(setExitCode, async (options: ImportCliOptions, command: Command) => {
        if ((options.from === undefined) !== (options.to === undefined)) {
          process.stderr.write('navette : --from et --to vont ensemble.\n');
          return EXIT.usage;
        }
        const period =
          options.from !== undefined && options.to !== undefined
            ? valueOf(parsePeriod(options.from, options.to))
            : undefined;
        const shopIds = options.shop === undefined ? undefined : valueOf(parseIdList(options.shop, '--shop'));
        return withNavette(command, async (navette) => {
          const summary = await navette.runImport({
            trigger: 'cli',
            dryRun: options.dryRun === true,
            ...(period ? { period } : {}),
            ...(shopIds ? { shopIds } : {}),
            ...(options.json ? {} : { onEvent: runProgress(process.stdout, process.stdout.isTTY === true) }),
          });
          if (options.json) await writeJsonReport(process.stdout, summary, navette);
          return exitCodeOf(summary);
        });
      }),
    );
}

interface ImportCliOptions {
  from?: string;
  to?: string;
  shop?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** The whole report (summary, journal, outcomes) on a stream, outcomes read from the store as they go. */
export async function writeJsonReport(
  out: NodeJS.WritableStream,
  summary: RunSummary,
  navette: Navette,
): Promise<void> {
  for await (const chunk of navette.runReportJson(summary)) out.write(chunk);
}
