import type { RunEvent } from '../app/navette.js';
import { callsByResourceText, type OutcomeCounts, type RunSummary } from '../domain/import-report.js';
import { formatDuration, formatPeriodBounds } from '../domain/french-format.js';
import { cleanText } from '../domain/truncate.js';
import { EXIT } from './exit-codes.js';

/**
 * Shows a run as it goes: one line redrawn in place on a terminal (a progress bar has no known end:
 * PrestaShop gives no total count), plain lines otherwise (a log file or a scheduler's mail).
 */
export function runProgress(
  out: NodeJS.WriteStream | NodeJS.WritableStream,
  isTerminal: boolean,
): (event: RunEvent) => void {
  const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let tick = 0;
  let lastPlainAt = 0;
  return (event) => {
    switch (event.type) {
      case 'started': {
        const [from, to] = formatPeriodBounds(event.period.from, event.period.to);
        out.write(
          `${event.dryRun ? 'Aperçu' : 'Import'} des commandes du ${from} au ${to} (boutiques ${event.shopIds.join(', ')})\n`,
        );
        return;
      }
      case 'outcome': {
        if (isTerminal) {
          tick += 1;
          const current = cleanText(`${event.outcome.reference} n° ${event.outcome.orderId}`);
          out.write(
            `\r\x1b[2K${spinner[tick % spinner.length] ?? ''} ${countsLine(event.counts)} — ${current}`,
          );
        } else if (event.outcome.status === 'failed') {
          out.write(
            `${cleanText(`ÉCHEC ${event.outcome.reference} (n° ${event.outcome.orderId}) : ${event.outcome.reason ?? ''}`)}\n`,
          );
        } else if (event.counts.read - lastPlainAt >= 100) {
          lastPlainAt = event.counts.read;
          out.write(`${countsLine(event.counts)}\n`);
        }
        return;
      }
      case 'state-changes':
        if (isTerminal) out.write('\r\x1b[2K');
        return;
      case 'journal':
        return;
      case 'finished':
        if (isTerminal) out.write('\r\x1b[2K');
        out.write(`${summaryText(event.summary)}\n`);
    }
  };
}

export function countsLine(counts: OutcomeCounts): string {
  const parts = [`${counts.read} lues`, `${counts.imported} importées`];
  if (counts.upgraded) parts.push(`${counts.upgraded} transformées`);
  if (counts.planned) parts.push(`${counts.planned} à importer`);
  parts.push(`${counts.skipped} ignorées`, `${counts.failed} en échec`);
  return parts.join(' · ');
}

/**
 * Whether a run that went through counts any failure — an order, a state sent back to the shop — so
 * that "TERMINÉ AVEC DES ÉCHECS" and a non-zero exit code always go together.
 */
export function hasFailures(summary: RunSummary): boolean {
  return summary.status !== 'succeeded' || summary.counts.failed > 0 || summary.stateChanges.failed > 0;
}

/** The exit code of a run (see exit-codes.ts): a scheduler must see every failure the summary counts. */
export function exitCodeOf(summary: RunSummary): number {
  if (summary.fatal && summary.fatal.code !== 'aborted') return EXIT.couldNotRun;
  return hasFailures(summary) ? EXIT.someOrdersFailed : EXIT.ok;
}

export function summaryText(summary: RunSummary): string {
  if (summary.fatal) return `✗ L'import n'a pas pu se faire : ${cleanText(summary.fatal.message)}`;
  const lines = [
    `${hasFailures(summary) ? '⚠ TERMINÉ AVEC DES ÉCHECS' : '✓ TERMINÉ'}${summary.dryRun ? ' (aperçu : rien n’a été écrit)' : ''}`,
    `  ${countsLine(summary.counts)}`,
  ];
  const changes = summary.stateChanges;
  if (changes.sent + changes.skipped + changes.failed > 0) {
    lines.push(
      `  statuts envoyés à la boutique : ${changes.sent} · non envoyés : ${changes.skipped} · en échec : ${changes.failed}`,
    );
  }
  const duration = summary.durationMs === undefined ? '' : `durée ${formatDuration(summary.durationMs)}`;
  const calls = summary.webserviceCalls === undefined ? '' : `${summary.webserviceCalls} appels webservice`;
  const footer = [duration, calls].filter(Boolean).join(' · ');
  if (footer) lines.push(`  ${footer}`);
  const byResource = callsByResourceText(summary.webserviceCallsByResource ?? {});
  if (byResource) lines.push(`  appels par ressource : ${byResource}`);
  // The embedded GesCom is in navette's own database: it costs no call, and the line would say nothing.
  const gescom = summary.gescomCalls;
  if (gescom?.target === 'dolibarr') {
    const resources = callsByResourceText(gescom.byResource);
    lines.push(`  ${gescom.total} appels à Dolibarr${resources ? ` : ${resources}` : ''}`);
  }
  lines.push(`  run ${summary.runId} — détail : navette runs ${summary.runId}`);
  return lines.join('\n');
}
