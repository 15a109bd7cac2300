import type { ConnectionMessage, ConnectionReport } from '../../ports/order-source.js';
import type { ConnectionCheck } from '../navette.js';

/**
 * The connection report as both interfaces show it: a right the key lacks is always something to fix
 * (never "the key has every right" followed by a right it lacks), and `canImport` says whether imports
 * work meanwhile (only the write-back rights are missing).
 */
export function connectionCheck(report: ConnectionReport): ConnectionCheck {
  return {
    ...report,
    problems: [...report.problems, ...report.warnings],
    warnings: [],
    canImport: report.problems.length === 0,
  };
}

/**
 * The report with its messages as their French texts: what the CLI's `--json` and the web's JSON API
 * have always given (the codes and values are for the web's English page).
 */
export function withMessageTexts<Report extends ConnectionReport>(
  report: Report,
): Omit<Report, 'problems' | 'warnings'> & { problems: string[]; warnings: string[] } {
  const texts = (messages: readonly ConnectionMessage[]) => messages.map((message) => message.text);
  return { ...report, problems: texts(report.problems), warnings: texts(report.warnings) };
}
