import type { Command } from 'commander';
import type { ReconcileOptions } from '../../app/navette.js';
import { parseIdList, parsePeriod } from '../../domain/input-values.js';
import { DOCUMENT_TYPE_NAMES } from '../../domain/labels.js';
import { DIFFERENCE_NAMES, type Difference, type ReconciliationReport } from '../../domain/reconciliation.js';
import { frenchAmount } from '../../domain/french-format.js';
import { frenchDate } from '../../domain/templates.js';
import { cleanText } from '../../domain/truncate.js';
import { action, valueOf, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

/**
 * `navette reconcile`: the report on stdout, in French (or JSON, or CSV for Excel). Exit code 0 when the
 * shop and the GesCom agree, 1 when there are differences — a cron job (`navette reconcile || mail …`)
 * then tells someone — 3 when it could not run, 2 for a wrong command line.
 */
export function registerReconcile(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('reconcile')
    .description(
      'Rapprochement : les commandes de la période absentes de la gestion commerciale ou différentes de leur document.',
    )
    .option('--from <date>', 'début de la période (AAAA-MM-JJ, heure de la boutique)')
    .option('--to <date>', 'fin de la période (AAAA-MM-JJ, incluse)')
    .option('--shop <numéros>', 'boutiques, par exemple 1,2')
    .option('--json', 'le rapport en JSON')
    .option('--csv', 'le rapport en CSV pour Excel')
    .action(
      action(setExitCode, async (options: ReconcileCliOptions, command: Command) => {
        if ((options.from === undefined) !== (options.to === undefined)) {
          process.stderr.write('navette : --from et --to vont ensemble.\n');
          return EXIT.usage;
        }
        if (options.json && options.csv) {
          process.stderr.write('navette : choisissez --json ou --csv, pas les deux.\n');
          return EXIT.usage;
        }
        const request: ReconcileOptions = {
          ...(options.from !== undefined && options.to !== undefined
            ? { period: valueOf(parsePeriod(options.from, options.to)) }
            : {}),
          ...(options.shop !== undefined ? { shopIds: valueOf(parseIdList(options.shop, '--shop')) } : {}),
        };
        return withNavette(command, async (navette) => {
          const report = await navette.reconcile(request);
          if (options.json)
            process.stdout.write(`${JSON.stringify(navette.reconciliationJson(report), null, 2)}\n`);
          else if (options.csv)
            for (const line of navette.reconciliationCsv(report)) process.stdout.write(line);
          else process.stdout.write(reportText(report));
          return report.differences.length > 0 ? EXIT.differencesFound : EXIT.ok;
        });
      }),
    );
}

interface ReconcileCliOptions {
  from?: string;
  to?: string;
  shop?: string;
  json?: boolean;
  csv?: boolean;
}

const DATE_FIELD_NAMES: Readonly<Record<string, string>> = {
  date_add: 'date de commande',
  invoice_date: 'date de facture',
};

/** The report for a person: the period, what was checked, then each difference and what to do. */
export function reportText(report: ReconciliationReport): string {
  const { from, to, dateField } = report.period;
  const head = [
    `Rapprochement du ${frenchDate(from)} au ${frenchDate(to)} (${DATE_FIELD_NAMES[dateField] ?? dateField}), ` +
      `boutique(s) ${report.shopIds.join(', ')} : ${report.ordersChecked} commande(s) et ` +
      `${report.documentsChecked} document(s) vérifiés` +
      (report.webserviceCalls === undefined ? '.' : `, ${report.webserviceCalls} appel(s) à la boutique.`),
    '',
  ];
  if (report.differences.length === 0)
    return [...head, 'Aucun écart : la boutique et la gestion commerciale concordent.', ''].join('\n');
  const blocks = report.differences.map(differenceText);
  const count = report.differences.length;
  return [...head, ...blocks, `${count} écart${count > 1 ? 's' : ''} à traiter.`, ''].join('\n');
}

function differenceText(difference: Difference): string {
  const { key, order, document } = difference;
  const orderPart = order
    ? [
        `commande ${key.orderId} (boutique ${key.shopId})`,
        order.reference,
        frenchDate(order.dateAdd),
        `« ${order.stateName} »`,
        order.totals ? `${frenchAmount(order.totals.taxIncl)} TTC` : '',
      ]
    : [`commande ${key.orderId} (boutique ${key.shopId})`];
  const documentPart = document
    ? [
        `${DOCUMENT_TYPE_NAMES[document.type].toLowerCase()} ${document.number} du ${frenchDate(document.date)}, ` +
          `${frenchAmount(document.totals.taxIncl)} TTC — navette documents ${document.number}`,
      ]
    : difference.runId
      ? [`importée par navette runs ${difference.runId}`]
      : [];
  const facts = [...orderPart, ...documentPart].filter((part) => part !== '').join(', ');
  return [`${DIFFERENCE_NAMES[difference.kind]} : ${cleanText(facts)}`, `  → ${difference.action}`, ''].join(
    '\n',
  );
}
