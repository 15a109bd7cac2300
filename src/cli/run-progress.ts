import type { OutcomeCounts, RunSummary } from '../domain/import-report.js';
import type { RunEvent } from '../sync/run-events.js';

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
      case 'started':
        out.write(
          `${event.dryRun ? 'Aperçu' : 'Import'} des commandes du ${event.period.from} au ${event.period.to} (boutiques ${event.shopIds.join(', ')})\n`,
        );
        return;
      case 'outcome': {
        if (isTerminal) {
          tick += 1;
          const current = `${event.outcome.reference} n° ${event.outcome.orderId}`;
          out.write(
            `\r\x1b[2K${spinner[tick % spinner.length] ?? ''} ${countsLine(event.counts)} — ${current}`,
          );
        } else if (event.outcome.status === 'failed') {
          out.write(
            `ÉCHEC ${event.outcome.reference} (n° ${event.outcome.orderId}) : ${event.outcome.reason ?? ''}\n`,
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

export function summaryText(summary: RunSummary): string {
  if (summary.fatal) return `✗ L'import n'a pas pu se faire : ${summary.fatal.message}`;
  const lines = [
    `${summary.status === 'succeeded' ? '✓ TERMINÉ' : '⚠ TERMINÉ AVEC DES ÉCHECS'}${summary.dryRun ? ' (aperçu : rien n’a été écrit)' : ''}`,
    `  ${countsLine(summary.counts)}`,
  ];
  const changes = summary.stateChanges;
  if (changes.sent + changes.skipped + changes.failed > 0) {
    lines.push(
      `  statuts envoyés à la boutique : ${changes.sent} · non envoyés : ${changes.skipped} · en échec : ${changes.failed}`,
    );
  }
  const duration =
    summary.durationMs === undefined ? '' : `durée ${(summary.durationMs / 1000).toFixed(1)} s`;
  const calls = summary.webserviceCalls === undefined ? '' : `${summary.webserviceCalls} appels webservice`;
  const footer = [duration, calls].filter(Boolean).join(' · ');
  if (footer) lines.push(`  ${footer}`);
  lines.push(`  run ${summary.runId} — détail : navette runs ${summary.runId}`);
  return lines.join('\n');
}
